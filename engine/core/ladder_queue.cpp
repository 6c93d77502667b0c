#include "engine/core/ladder_queue.hpp"

#include <algorithm>
#include <array>
#include <limits>

namespace caresim::engine {

std::size_t LadderQueue::Rung::bucket_of(Time t) const {
  // Monotone in t: subtraction, multiplication by a positive 1/width, clamping to
  // [0, last_bucket] without branches (maxsd/minsd). NaN cannot reach here (the Simulator
  // rejects it). The conversion is signed, which is one instruction (bucket counts stay
  // far below 2^63).
  double x = (t - start) * inverse_width;
  x = x > 0 ? x : 0.0;
  x = x < last_bucket ? x : last_bucket;
  return static_cast<std::size_t>(static_cast<std::int64_t>(x));
}

LadderQueue::Index LadderQueue::push_after_growing(Time time, std::uint64_t order, EventKind kind,
                                                   std::uint64_t payload) {
  do {  // a slot used up before a clear() is skipped
    nodes_.push_back(Event{});
    release(static_cast<Index>(nodes_.size() - 1));
  } while (free_ == npos);
  return push(time, order, kind, payload);
}

LadderQueue::Index LadderQueue::push(Time time, std::uint64_t order, EventKind kind, std::uint64_t payload) {
  // The rare paths are tail calls, so the usual one saves no registers.
  if (free_ == npos) [[unlikely]]
    return push_after_growing(time, order, kind, payload);
  const Index i = free_;
  free_ = next(i);
  Event& e = nodes_[i];
  e.time = time;
  e.order = order;
  e.kind = kind;
  e.payload = payload;
  ++size_;

  if (time > top_start_) {
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
      // Linking reads the bucket's head, which is rarely in cache. Fetch it now and link
      // a few pushes later, so that the misses of several pushes overlap.
      engine::prefetch(&rung.heads[b]);
      ++rung.count;
      unlinked_[unlinked_count_++] = Unlinked{&rung.heads[b], i};
      if (unlinked_count_ == kLinkBatch) link_unlinked();
      return i;
    }
  }
  return push_bottom(i);
}

void LadderQueue::link_unlinked() {
  // In push order, so each bucket's list still runs from the latest push back.
  for (std::size_t k = 0; k < unlinked_count_; ++k) {
    const Unlinked& u = unlinked_[k];
    next(u.slot) = *u.head;
    *u.head = u.slot;
  }
  unlinked_count_ = 0;
}

LadderQueue::Index LadderQueue::push_bottom(Index i) {
  // Insertion-sort step from whichever end is nearer: a key earlier than the middle one
  // opens its place on the popped side (shifting earlier keys one place left), any other
  // from the end. Bottom is small, so the search and the shift are one loop.
  const BottomKey key = key_of(i);
  const std::size_t head = bottom_head_, end = bottom_.size();
  if (head > 0 && end > head && before(key, bottom_[head + (end - head) / 2])) {
    std::size_t j = head - 1;
    while (before(bottom_[j + 1], key)) {  // stops at the middle key at the latest
      bottom_[j] = bottom_[j + 1];
      ++j;
    }
    bottom_[j] = key;
    bottom_head_ = head - 1;
  } else {
    if (head >= kBottomCompact && 2 * head >= end) {
      // Keys are mostly popped ones: drop them so Bottom does not grow while it never empties.
      bottom_.erase(bottom_.begin(), bottom_.begin() + static_cast<std::ptrdiff_t>(head));
      bottom_head_ = 0;
    }
    const std::size_t first = bottom_head_;
    std::size_t j = bottom_.size();
    bottom_.push_back(key);
    while (j > first && before(key, bottom_[j - 1])) {
      bottom_[j] = bottom_[j - 1];
      --j;
    }
    bottom_[j] = key;
  }
  if (bottom_.size() - bottom_head_ > kBottomSpill && active_rungs_ < kMaxRungs) {
    // Too many events were filed below the finest rung: give them a rung of their own.
    const Time lo = bottom_[bottom_head_].time, hi = bottom_.back().time;
    if (hi > lo) bottom_to_rung(lo, hi);
  }
  return i;
}

void LadderQueue::bottom_to_rung(Time lo, Time hi) {
  Index list = npos;
  for (std::size_t k = bottom_head_; k < bottom_.size(); ++k) {
    next(bottom_[k].slot) = list;
    list = bottom_[k].slot;
  }
  const std::size_t n = bottom_.size() - bottom_head_;
  clear_bottom();
  spawn_rung(list, n, n, lo, hi);
}

void LadderQueue::keys_in_push_order(Index list, std::size_t end) {
  // A list runs from the latest push back, so it is written back to front.
  for (Index j = list; j != npos; j = next(j)) bottom_[--end] = key_of(j);
}

void LadderQueue::spawn_rung(Index list, std::size_t n, std::size_t buckets, Time lo, Time hi) {
  if (active_rungs_ == rungs_.size()) rungs_.emplace_back();
  Rung& rung = rungs_[active_rungs_++];
  rung.bucket_count = buckets;
  rung.start = lo;
  rung.width = (hi - lo) / static_cast<double>(buckets);
  if (!(rung.width > 0)) rung.width = hi - lo;  // n so large that the width underflowed
  rung.inverse_width = 1.0 / rung.width;
  rung.last_bucket = static_cast<double>(buckets - 1);
  rung.current = 0;
  rung.count = n;
  rung.heads.assign(buckets, npos);
  while (list != npos) {
    const Index following = next(list);
    const std::size_t b = rung.bucket_of(nodes_[list].time);
    next(list) = rung.heads[b];
    rung.heads[b] = list;
    list = following;
  }
}

namespace {

// Two doubles, or two 64-bit masks, in one SSE2 register (GCC vector extensions, so the
// code stays portable: another target gets the same results from scalar code).
using Times2 = double __attribute__((vector_size(16)));
using Mask2 = std::int64_t __attribute__((vector_size(16)));

// Places keys[0, n) at their ranks in `ranked`, comparing times only, and returns the set
// of ranks used as a bit mask. Rank = how many keys have an earlier time, counted two at a
// time without branches; the padding up to 2 * Pairs is +infinity, earlier than nothing.
template <std::size_t Pairs, class Key>
std::uint32_t place_by_time_rank(const Key* keys, std::size_t n, Key* ranked) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  Times2 times[Pairs];
  for (std::size_t p = 0; p < Pairs; ++p) {
    times[p][0] = 2 * p < n ? keys[2 * p].time : inf;
    times[p][1] = 2 * p + 1 < n ? keys[2 * p + 1].time : inf;
  }
  std::uint32_t seen = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double t = keys[i].time;
    const Times2 ti = {t, t};
    Mask2 earlier = {0, 0};
    for (std::size_t p = 0; p < Pairs; ++p) earlier -= (times[p] < ti);  // a true lane is -1
    const auto rank = static_cast<std::size_t>(earlier[0] + earlier[1]);
    ranked[rank] = keys[i];
    seen |= 1u << rank;
  }
  return seen;
}

}  // namespace

void LadderQueue::sort_small(const BottomKey* keys, std::size_t n, BottomKey* out) const {
  // A bucket holds a few events: place each key at its rank, counted without branches,
  // since the comparisons of random times would mispredict about once a key.
  static_assert(kRankSort == 16);
  const std::uint32_t seen = n <= 4   ? place_by_time_rank<2>(keys, n, out)
                             : n <= 8 ? place_by_time_rank<4>(keys, n, out)
                                      : place_by_time_rank<8>(keys, n, out);
  // Distinct times give distinct ranks. Equal times share one, which leaves a rank unseen.
  if (seen == (1u << n) - 1) return;
  // Some times are equal: rank by the whole order. Equal keys (which the Simulator never
  // makes, but a direct user might) keep their order, so every rank is distinct.
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t rank = 0;
    for (std::size_t j = 0; j < i; ++j) rank += static_cast<std::size_t>(!before(keys[i], keys[j]));
    for (std::size_t j = i + 1; j < n; ++j) rank += static_cast<std::size_t>(before(keys[j], keys[i]));
    out[rank] = keys[i];
  }
}

void LadderQueue::sort_bottom(std::size_t first, std::size_t last) {
  const std::size_t n = last - first;
  BottomKey* keys = bottom_.data() + first;
  if (n <= 1) return;
  if (n <= kRankSort) {
    std::array<BottomKey, kRankSort> copy;
    std::copy(keys, keys + n, copy.begin());
    sort_small(copy.data(), n, keys);
    return;
  }
  const auto in_order = [this](const BottomKey& a, const BottomKey& b) { return before(a, b); };
  // A large bucket is often a burst at one time, which arrives in push order, its firing
  // order.
  if (!std::is_sorted(keys, keys + n, in_order)) std::sort(keys, keys + n, in_order);
}

void LadderQueue::prefetch_bucket(const Rung& rung, std::size_t b) const {
  // Buckets are independent lists, so the first node of a bucket a few places ahead can
  // be fetched while this one is being sorted: the walk then finds it in cache.
  if (b < rung.bucket_count) {
    const Index head = rung.heads[b];
    if (head != npos) engine::prefetch(&nodes_[head]);
  }
}

bool LadderQueue::refill_bottom() {
  clear_bottom();   // every key has been popped
  link_unlinked();  // buckets are about to be handed down
  for (;;) {
    if (active_rungs_ == 0) {
      if (top_count_ == 0) return false;
      const Index list = top_;
      const std::size_t n = top_count_;
      top_ = npos;
      top_count_ = 0;
      top_start_ = top_max_;
      if (n > kBucketSort && top_max_ > top_min_) {
        // Most later pushes land in this rung, so it gets more buckets than events.
        spawn_rung(list, n, kTopBucketsPerEvent * n, top_min_, top_max_);
        continue;
      }
      bottom_.resize(n);
      keys_in_push_order(list, n);
      sort_bottom(0, n);
      return true;
    }
    Rung& rung = rungs_[active_rungs_ - 1];
    if (rung.count == 0) {
      --active_rungs_;
      continue;
    }
    if (hand_down(rung)) return true;
  }
}

bool LadderQueue::walk_into_regions(const Index* heads, std::size_t lists, std::size_t* length) {
  std::array<Index, kWalkTogether> cursor;
  std::copy(heads, heads + lists, cursor.begin());
  for (std::size_t live = lists; live > 0;) {
    for (std::size_t g = 0; g < lists; ++g) {
      const Index j = cursor[g];
      if (j == npos) continue;
      if (length[g] == kRankSort) return false;
      walked_[g * kRankSort + length[g]++] = key_of(j);
      cursor[g] = next(j);
      if (cursor[g] == npos) --live;
    }
  }
  return true;
}

bool LadderQueue::hand_down(Rung& rung) {
  // Hand down the next non-empty bucket and any non-empty ones among the few after it.
  // Their lists are walked side by side: each step of a list waits for a node that is
  // rarely in cache, and independent lists let those waits overlap.
  while (rung.heads[rung.current] == npos) ++rung.current;
  std::array<Index, kWalkTogether> walk{};
  std::size_t lists = 0;
  const std::size_t window_end = std::min(rung.bucket_count, rung.current + kWalkTogether);
  for (; rung.current < window_end; ++rung.current) {
    const Index head = rung.heads[rung.current];
    if (head == npos) continue;
    walk[lists++] = head;
    rung.heads[rung.current] = npos;
  }
  for (std::size_t d = 0; d < kWalkTogether; ++d) prefetch_bucket(rung, rung.current + d);

  // Usually every bucket is small: one walk copies each into a region of its own, and
  // sorting a region writes it straight into its place in Bottom (buckets do not overlap
  // in time, so sorting each bucket sorts Bottom).
  std::array<std::size_t, kWalkTogether> length{};
  std::size_t n = 0;
  const bool fits = walk_into_regions(walk.data(), lists, length.data());
  if (fits) {
    for (std::size_t g = 0; g < lists; ++g) n += length[g];
  }
  if (fits && n <= kBucketSort) {
    rung.count -= n;
    bottom_.resize(n);
    BottomKey* out = bottom_.data();
    for (std::size_t g = 0; g < lists; ++g) {
      if (length[g] == 1)
        *out = walked_[g * kRankSort];
      else
        sort_small(&walked_[g * kRankSort], length[g], out);
      out += length[g];
    }
    return true;
  }

  // A long bucket (a burst at one time, say) or many events: walk the lists again, now in
  // cache, to count them and find their time span.
  Time lo = nodes_[walk[0]].time, hi = lo;
  n = 0;
  for (std::size_t g = 0; g < lists; ++g) {
    length[g] = 0;
    for (Index j = walk[g]; j != npos; j = next(j)) {
      lo = std::min(lo, nodes_[j].time);
      hi = std::max(hi, nodes_[j].time);
      ++length[g];
    }
    n += length[g];
  }
  // Bottom gets the keys grouped by bucket and, within a bucket, in push order (a burst
  // at one time is then already sorted).
  bottom_.resize(n);
  std::size_t end = 0;
  for (std::size_t g = 0; g < lists; ++g) {
    end += length[g];
    keys_in_push_order(walk[g], end);
  }
  rung.count -= n;
  if (n > kBucketSort && hi > lo && active_rungs_ < kMaxRungs) {
    bottom_to_rung(lo, hi);  // too many for Bottom: spread them over a finer rung
    return false;
  }
  std::size_t first = 0;
  for (std::size_t g = 0; g < lists; ++g) {
    sort_bottom(first, first + length[g]);
    first += length[g];
  }
  return true;
}

const Event* LadderQueue::peek() {
  for (;;) {
    const Event* e = peek_held();
    if (e == nullptr || e->kind != kCancelledKind) return e;
    Event dropped;
    pop_held(dropped);
    --cancelled_;
  }
}

const Event* LadderQueue::peek_held() {
  if (size_ == 0) return nullptr;
  if (bottom_empty()) refill_bottom();
  const Index i = bottom_[bottom_head_].slot;
  nodes_[i].slot = i;  // callers see the slot, not the (unused) list link
  return &nodes_[i];
}

void LadderQueue::clear() {
  nodes_.clear();
  generations_.advance_all();  // no handle from before names an event after
  free_ = npos;
  clear_bottom();
  size_ = 0;
  cancelled_ = 0;
  top_ = npos;
  top_count_ = 0;
  top_start_ = -std::numeric_limits<Time>::infinity();
  active_rungs_ = 0;
  unlinked_count_ = 0;
}

}  // namespace caresim::engine
