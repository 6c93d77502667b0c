#include "engine/core/ladder_queue.hpp"

#include <algorithm>
#include <cmath>

namespace caresim::engine {

std::size_t LadderQueue::Rung::bucket_of(Time t) const {
  // Monotone in t: subtraction, multiplication by a positive 1/width, clamping. NaN cannot
  // reach here (the Simulator rejects it).
  const double x = (t - start) * inverse_width;
  if (!(x > 0)) return 0;
  if (x >= static_cast<double>(bucket_count)) return bucket_count - 1;
  return static_cast<std::size_t>(x);
}

LadderQueue::Index LadderQueue::allocate() {
  if (free_ != npos) {
    const Index i = free_;
    free_ = next(i);
    return i;
  }
  nodes_.push_back(Event{});
  return static_cast<Index>(nodes_.size() - 1);
}

void LadderQueue::release(Index i) {
  nodes_[i].order = ~std::uint64_t{0};  // marks a free slot for the Simulator's checks
  next(i) = free_;
  free_ = i;
}

LadderQueue::Index LadderQueue::push(Time time, std::uint64_t order, EventKind kind, std::uint64_t payload) {
  const Index i = allocate();
  Event& e = nodes_[i];
  e.time = time;
  e.order = order;
  e.kind = kind;
  e.payload = payload;
  ++size_;

  if (!top_start_set_ || time > top_start_) {
    if (top_count_ == 0) {
      top_min_ = top_max_ = time;
    } else {
      top_min_ = std::min(top_min_, time);
      top_max_ = std::max(top_max_, time);
    }
    next(i) = top_;
    top_ = i;
    ++top_count_;
    return i;
  }
  for (std::size_t r = 0; r < active_rungs_; ++r) {
    Rung& rung = rungs_[r];
    const std::size_t b = rung.bucket_of(time);
    if (b >= rung.current) {
      next(i) = rung.heads[b];
      rung.heads[b] = i;
      ++rung.count;
      return i;
    }
  }
  push_bottom(i);
  return i;
}

void LadderQueue::push_bottom(Index i) {
  const BottomKey key = key_of(i);
  // Latest first: the new key goes after every key that fires after it.
  const auto at = std::upper_bound(bottom_.begin(), bottom_.end(), key,
                                   [](const BottomKey& k, const BottomKey& e) { return k.fires_after(e); });
  bottom_.insert(at, key);
  if (bottom_.size() > kBottomSpill && active_rungs_ < kMaxRungs) {
    // Too many events were filed below the finest rung: give them a rung of their own.
    const Time lo = bottom_.back().time, hi = bottom_.front().time;
    if (hi > lo) {
      Index list = npos;
      for (const BottomKey& k : bottom_) {
        next(k.slot) = list;
        list = k.slot;
      }
      const std::size_t n = bottom_.size();
      bottom_.clear();
      spawn_rung(list, n, lo, hi);
    }
  }
}

void LadderQueue::spawn_rung(Index list, std::size_t n, Time lo, Time hi) {
  if (active_rungs_ == rungs_.size()) rungs_.emplace_back();
  Rung& rung = rungs_[active_rungs_++];
  rung.bucket_count = n;
  rung.start = lo;
  rung.width = (hi - lo) / static_cast<double>(n);
  if (!(rung.width > 0)) rung.width = hi - lo;  // n so large that the width underflowed
  rung.inverse_width = 1.0 / rung.width;
  rung.current = 0;
  rung.count = n;
  rung.heads.assign(n, npos);
  while (list != npos) {
    const Index following = next(list);
    const std::size_t b = rung.bucket_of(nodes_[list].time);
    next(list) = rung.heads[b];
    rung.heads[b] = list;
    list = following;
  }
}

void LadderQueue::list_to_bottom(Index list) {
  while (list != npos) {
    bottom_.push_back(key_of(list));
    list = next(list);
  }
  std::sort(bottom_.begin(), bottom_.end(), [](const BottomKey& a, const BottomKey& b) { return a.fires_after(b); });
}

bool LadderQueue::refill_bottom() {
  for (;;) {
    if (active_rungs_ == 0) {
      if (top_count_ == 0) return false;
      const Index list = top_;
      const std::size_t n = top_count_;
      top_ = npos;
      top_count_ = 0;
      top_start_ = top_max_;
      top_start_set_ = true;
      if (n <= kBucketSort || !(top_max_ > top_min_)) {
        list_to_bottom(list);
        return true;
      }
      spawn_rung(list, n, top_min_, top_max_);
      continue;
    }
    Rung& rung = rungs_[active_rungs_ - 1];
    if (rung.count == 0) {
      --active_rungs_;
      continue;
    }
    while (rung.heads[rung.current] == npos) ++rung.current;
    const Index list = rung.heads[rung.current];
    rung.heads[rung.current] = npos;
    ++rung.current;
    std::size_t n = 0;
    Time lo = nodes_[list].time, hi = lo;
    for (Index j = list; j != npos; j = next(j)) {
      ++n;
      lo = std::min(lo, nodes_[j].time);
      hi = std::max(hi, nodes_[j].time);
    }
    rung.count -= n;
    if (n > kBucketSort && hi > lo && active_rungs_ < kMaxRungs) {
      spawn_rung(list, n, lo, hi);
      continue;
    }
    list_to_bottom(list);
    return true;
  }
}

const Event* LadderQueue::peek() {
  if (size_ == 0) return nullptr;
  if (bottom_.empty()) refill_bottom();
  const Index i = bottom_.back().slot;
  nodes_[i].slot = i;  // callers see the slot, not the (unused) list link
  return &nodes_[i];
}

bool LadderQueue::pop(Event& out) {
  if (size_ == 0) return false;
  if (bottom_.empty()) refill_bottom();
  const Index i = bottom_.back().slot;
  bottom_.pop_back();
  out = nodes_[i];
  out.slot = i;
  --size_;
  release(i);
  return true;
}

void LadderQueue::clear() {
  nodes_.clear();
  free_ = npos;
  bottom_.clear();
  size_ = 0;
  top_ = npos;
  top_count_ = 0;
  top_start_set_ = false;
  active_rungs_ = 0;
}

}  // namespace caresim::engine
