#pragma once
// Internal to caresim::io: compresses full chunks of event rows and hands them on, on its
// own thread if asked, so compression runs beside the simulation instead of inside it.
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "io/chunk_codec.hpp"
#include "io/trace_rows.hpp"

namespace caresim::io::detail {

/** Encodes chunks of event rows (shuffle + deflate, encode_chunk) and passes each to
 *  `sink` in the order pushed. Threaded, one thread does the encoding and the sink calls
 *  and at most two chunks wait, so memory stays bounded; a failure of the sink (a
 *  TraceError from the file) is rethrown by the next push() or drain(). Not threaded,
 *  push() encodes and calls the sink itself. */
class EventEncoder {
 public:
  /** Chunks hold `chunk_rows` rows, deflated at `level`. */
  EventEncoder(std::function<void(EncodedChunk)> sink, std::size_t chunk_rows, int level, bool threaded);
  /** Stops the thread; chunks not yet written are dropped (the trace is being abandoned). */
  ~EventEncoder();
  EventEncoder(const EventEncoder&) = delete;
  EventEncoder& operator=(const EventEncoder&) = delete;

  /** Queues `rows` (at most a chunk; fewer only for the last chunk). */
  void push(std::vector<EventRow> rows);
  /** An empty buffer with room for a chunk: one whose rows were encoded already if there
   *  is one, so the pages of a few buffers are reused instead of faulted in afresh. */
  std::vector<EventRow> buffer();
  /** Waits until every pushed chunk reached the sink; rethrows the first failure. */
  void drain();

 private:
  void run();
  void rethrow_failure();  // caller holds mutex_

  std::function<void(EncodedChunk)> sink_;
  std::size_t chunk_rows_;
  int level_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::vector<EventRow>> pending_;
  std::vector<std::vector<EventRow>> spare_;
  bool busy_ = false;
  bool stopping_ = false;
  std::exception_ptr failure_;
  std::thread thread_;  // last: started once everything above exists
};

}  // namespace caresim::io::detail
