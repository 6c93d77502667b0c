#pragma once
// Reference future event sets the ladder queue is measured against (bench only).
#include <queue>
#include <vector>

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

/** Implicit 4-ary min-heap: shallower than a binary heap, children in one cache line. */
class QuaternaryHeap {
 public:
  void reserve(std::size_t n) { v_.reserve(n); }
  void push(const Event& e) {
    std::size_t i = v_.size();
    v_.push_back(e);
    while (i > 0) {
      const std::size_t parent = (i - 1) / 4;
      if (!engine::fires_before(e, v_[parent])) break;
      v_[i] = v_[parent];
      i = parent;
    }
    v_[i] = e;
  }
  bool pop(Event& out) {
    if (v_.empty()) return false;
    out = v_.front();
    const Event last = v_.back();
    v_.pop_back();
    const std::size_t n = v_.size();
    if (n == 0) return true;
    std::size_t i = 0;
    for (;;) {
      const std::size_t first = 4 * i + 1;
      if (first >= n) break;
      std::size_t best = first;
      const std::size_t end = first + 4 < n ? first + 4 : n;
      for (std::size_t c = first + 1; c < end; ++c)
        if (engine::fires_before(v_[c], v_[best])) best = c;
      if (!engine::fires_before(v_[best], last)) break;
      v_[i] = v_[best];
      i = best;
    }
    v_[i] = last;
    return true;
  }
  std::size_t size() const { return v_.size(); }

 private:
  std::vector<Event> v_;
};

}  // namespace caresim::bench
