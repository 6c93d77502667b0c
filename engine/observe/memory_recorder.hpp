#pragma once
// Keeps every record in memory: the recorder tests and small studies use.
#include <cstddef>
#include <vector>

#include "engine/observe/recorder.hpp"

namespace caresim::engine {

/** A Recorder that appends a copy of each record to a vector.
 *
 *  Memory grows with the run; use it for tests and short runs, not for production
 *  traces. Views inside a record (e.g. ResourceRecord::resource) still point into the
 *  emitter, so read them while the emitter lives. */
template <class Record>
class MemoryRecorder : public Recorder<Record> {
 public:
  /** Appends a copy of `r`. */
  void record(const Record& r) override { records_.push_back(r); }

  /** Every record so far, in the order received. */
  const std::vector<Record>& records() const { return records_; }

  /** Number of records so far. */
  std::size_t size() const { return records_.size(); }

  /** Drops every record. */
  void clear() { records_.clear(); }

 private:
  std::vector<Record> records_;
};

}  // namespace caresim::engine
