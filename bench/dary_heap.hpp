#pragma once
// Reference future event sets the ladder queue is measured against (bench only).
#include <queue>
#include <vector>

#include "engine/core/dary_heap.hpp"
#include "engine/core/event.hpp"

namespace caresim::bench {

using engine::Event;

/** std::priority_queue in the engine's order: the baseline printed beside every figure. */
class StdHeap {
 public:
  void push(const Event& e) { q_.push(e); }
  void reserve(std::size_t n) {
    std::vector<Event> storage;
    storage.reserve(n);
    q_ = decltype(q_)(Later{}, std::move(storage));
  }
  bool pop(Event& out) {
    if (q_.empty()) return false;
    out = q_.top();
    q_.pop();
    return true;
  }
  std::size_t size() const { return q_.size(); }

 private:
  struct Later {
    bool operator()(const Event& a, const Event& b) const { return engine::fires_before(b, a); }
  };
  std::priority_queue<Event, std::vector<Event>, Later> q_;
};

/** "Fires before" as a function object, for the reference heaps. */
struct FiresBefore {
  bool operator()(const Event& a, const Event& b) const { return engine::fires_before(a, b); }
};

/** Implicit 4-ary min-heap (the engine's reference heap): shallower than a binary heap,
 *  children in one cache line. */
using QuaternaryHeap = engine::DaryHeap<Event, FiresBefore, 4>;

}  // namespace caresim::bench
