#pragma once
// Fan-out of one record stream to several recorders (a trace file, a live aggregator and
// a test probe can all listen to the same model).
#include <algorithm>
#include <cstddef>
#include <vector>

#include "engine/core/error.hpp"
#include "engine/observe/recorder.hpp"

namespace caresim::engine {

/** A Recorder that forwards every record to its subscribers, in subscription order.
 *
 *  Subscribers are not owned: each must outlive the set or unsubscribe first. A set is
 *  itself a Recorder, so an emitter takes one Recorder<Record>* whether one or many
 *  listen. */
template <class Record>
class RecorderSet : public Recorder<Record> {
 public:
  /** Adds `recorder` to the end of the fan-out. Subscribing the same recorder twice, or
   *  the set to itself, throws UsageError (it would double-count every record). */
  void subscribe(Recorder<Record>& recorder) {
    if (&recorder == this) throw UsageError("RecorderSet::subscribe: a set cannot subscribe to itself");
    if (std::find(subscribers_.begin(), subscribers_.end(), &recorder) != subscribers_.end()) {
      throw UsageError("RecorderSet::subscribe: this recorder is already subscribed");
    }
    subscribers_.push_back(&recorder);
  }

  /** Removes `recorder`; throws UsageError if it is not subscribed. */
  void unsubscribe(Recorder<Record>& recorder) {
    const auto it = std::find(subscribers_.begin(), subscribers_.end(), &recorder);
    if (it == subscribers_.end()) throw UsageError("RecorderSet::unsubscribe: this recorder is not subscribed");
    subscribers_.erase(it);
  }

  /** Forwards `r` to every subscriber. */
  void record(const Record& r) override {
    for (Recorder<Record>* subscriber : subscribers_) subscriber->record(r);
  }

  /** Forwards the hint to every subscriber. */
  void expect(std::uint64_t entity) const override {
    for (const Recorder<Record>* subscriber : subscribers_) subscriber->expect(entity);
  }

  /** Number of subscribers. */
  std::size_t size() const { return subscribers_.size(); }

  /** True if nobody listens (emitters may then skip building records). */
  bool empty() const { return subscribers_.empty(); }

 private:
  std::vector<Recorder<Record>*> subscribers_;  // not owned
};

}  // namespace caresim::engine
