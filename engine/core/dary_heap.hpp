#pragma once
// An implicit d-ary min-heap: the plain reference the ladder queue is checked and measured
// against (tests/regression runs the bundled scenarios over it; bench/ times it).
#include <cstddef>
#include <vector>

namespace caresim::engine {

/** Min-heap of `T` under the strict order `Before` (a.k.a. "fires before"), stored in one
 *  vector with the children of node i at Arity*i+1 .. Arity*i+Arity. With Arity 4 the
 *  heap is half as deep as a binary one and a node's children share a cache line. */
template <class T, class Before, std::size_t Arity = 4>
class DaryHeap {
  static_assert(Arity >= 2);

 public:
  void reserve(std::size_t n) { v_.reserve(n); }
  std::size_t size() const { return v_.size(); }
  bool empty() const { return v_.empty(); }
  /** The least element; the heap must not be empty. */
  const T& top() const { return v_.front(); }
  void clear() { v_.clear(); }

  void push(const T& x) {
    std::size_t i = v_.size();
    v_.push_back(x);
    while (i > 0) {
      const std::size_t parent = (i - 1) / Arity;
      if (!before_(x, v_[parent])) break;
      v_[i] = v_[parent];
      i = parent;
    }
    v_[i] = x;
  }

  /** Moves the least element into `out`; false when the heap is empty. */
  bool pop(T& out) {
    if (v_.empty()) return false;
    out = v_.front();
    const T last = v_.back();
    v_.pop_back();
    const std::size_t n = v_.size();
    if (n == 0) return true;
    std::size_t i = 0;  // the hole `last` sinks through
    for (;;) {
      const std::size_t first = Arity * i + 1;
      if (first >= n) break;
      std::size_t best = first;
      const std::size_t end = first + Arity < n ? first + Arity : n;
      for (std::size_t c = first + 1; c < end; ++c)
        if (before_(v_[c], v_[best])) best = c;
      if (!before_(v_[best], last)) break;
      v_[i] = v_[best];
      i = best;
    }
    v_[i] = last;
    return true;
  }

 private:
  std::vector<T> v_;
  [[no_unique_address]] Before before_{};
};

}  // namespace caresim::engine
