#pragma once
// The future event set: a ladder queue (Tang, Goh & Thng, ACM TOMACS 15(3), 2005)
// with its events kept in an index arena and its buckets as intrusive linked lists.
//
// Why this structure: at 10^5 pending events a binary or 4-ary heap pays ~8-17
// cache-missing comparisons per operation, while the ladder files an event in O(1)
// amortised time (append to Top, one scatter per rung) and sorts only small buckets
// (at most kBucketSort events) in Bottom. docs/engine.md has the measurements.
// Memory per pending event: one 32-byte node, its slot's 4-byte generation and, in a rung
// made from Top, two 4-byte bucket heads (kTopBucketsPerEvent), 44 bytes in all; free slots
// are linked through the nodes themselves, so nothing is allocated per event once the arena
// has grown.
//
// Order: (time, order) lexicographic, see fires_before(). Buckets split time only, so
// every event of one time lands in one bucket, and the priority/sequence tie-break is
// done when a bucket is sorted into Bottom, a sorted array. The bucket index is a monotone function of time, which is
// what keeps buckets of one rung, and rungs among each other, in order.
#include <array>
#include <cstdint>
#include <limits>
#include <vector>

#include "engine/core/event.hpp"

namespace caresim::engine {

/** Priority queue of Events in fires_before() order. Each pushed event gets a slot that
 *  stays its own until the event is popped, so it can be cancelled by (slot, generation).
 *
 *  Cancellation is this class's protocol: cancel() marks the node and leaves it where it
 *  is (so the order of the other events cannot change), pop() and peek() drop marked nodes
 *  as they reach the front, and size() counts only the events still pending. */
class LadderQueue {
 public:
  using Index = std::uint32_t;
  static constexpr Index npos = ~Index{0};

  /** An empty queue. Bottom gets room for the keys it usually holds at most (a few
   *  kilobytes), so it does not grow while a model runs. */
  LadderQueue() { bottom_.reserve(2 * kBottomSpill); }

  /** Files an event and returns its slot. The event must not fire before the last
   *  popped one (the Simulator checks that), or the order is undefined. */
  Index push(Time time, std::uint64_t order, EventKind kind, std::uint64_t payload);

  /** Removes the earliest pending event and copies it, with its slot, into `out`;
   *  cancelled events before it are dropped. Returns false when none is pending. The slot
   *  is free again afterwards. */
  bool pop(Event& out) {
    while (pop_held(out)) {
      if (out.kind != kCancelledKind) [[likely]]
        return true;
      --cancelled_;
    }
    return false;
  }

  /** The earliest pending event, or nullptr when none is. Drops cancelled events at the
   *  front and may reorganise the ladder. */
  const Event* peek();

  /** The event `k` places after the next one to pop, when the sorted front (Bottom) holds
   *  it, else nullptr; it may be cancelled (kind kCancelledKind). For look-ahead hints:
   *  it changes nothing. */
  const Event* held_ahead(std::size_t k) const {
    const std::size_t i = bottom_head_ + k;
    return i < bottom_.size() ? &nodes_[bottom_[i].slot] : nullptr;
  }
  /** Asks the processor for the memory of the event held_ahead(k) would return, and for
   *  its slot's generation, which popping it advances. */
  void prefetch_ahead(std::size_t k) const {
    const std::size_t i = bottom_head_ + k;
    if (i >= bottom_.size()) return;
    engine::prefetch(&nodes_[bottom_[i].slot]);
    generations_.prefetch(bottom_[i].slot);
  }

  /** The generation of `slot`: with the slot, what names the event just pushed into it
   *  (the pair the Simulator keeps in an EventHandle). */
  std::uint32_t generation(Index slot) const { return generations_.of(slot); }

  /** Cancels the pending event pushed into `slot` at `generation`. Returns false, changing
   *  nothing, if that event has already been popped or cancelled, even when its slot has
   *  been reused. */
  bool cancel(Index slot, std::uint32_t generation) {
    if (!generations_.current(slot, generation)) return false;
    nodes_[slot].kind = kCancelledKind;
    generations_.advance(slot);
    ++cancelled_;
    return true;
  }

  /** True while the event pushed into `slot` at `generation` is neither popped nor
   *  cancelled. Any slot number is valid. Reads only the slot generations (4 bytes a slot),
   *  not the event's node. */
  bool is_pending(Index slot, std::uint32_t generation) const { return generations_.current(slot, generation); }

  /** Number of pending events (cancelled ones not counted). */
  std::size_t size() const { return size_ - cancelled_; }
  /** True when no event is pending. */
  bool empty() const { return size() == 0; }

  /** Room for keys in Bottom, the sorted front of the queue (for tests of its memory). */
  std::size_t bottom_capacity() const { return bottom_.capacity(); }
  /** Number of slots ever allocated (the arena's size). */
  std::size_t slot_count() const { return nodes_.size(); }

  /** Makes room for `pending` events at once, so the arena does not grow (and briefly
   *  hold both its old and new copies) while they are pushed. */
  void reserve(std::size_t pending) {
    nodes_.reserve(pending);
    generations_.reserve(pending);
  }

  /** Drops every event and keeps the memory for reuse. */
  void clear();

 private:
  // Removes the earliest event held, pending or cancelled; false when none is held.
  bool pop_held(Event& out) {
    if (size_ == 0) return false;
    if (bottom_empty()) [[unlikely]]
      refill_bottom();
    const Index i = bottom_[bottom_head_].slot;
    if (++bottom_head_ == bottom_.size()) clear_bottom();
    out = nodes_[i];
    out.slot = i;
    --size_;
    release(i);
    return true;
  }
  // The earliest event held, pending or cancelled, or nullptr when none is held.
  const Event* peek_held();

  struct Rung {
    Time start = 0;
    Time width = 1;
    std::size_t bucket_count = 0;
    std::size_t current = 0;   // first bucket not yet handed down
    std::size_t count = 0;     // events held in this rung
    double inverse_width = 1;  // 1 / width: a multiply is cheaper than a divide
    double last_bucket = 0;    // bucket_count - 1, as a double
    std::vector<Index> heads;
    std::size_t bucket_of(Time t) const;
  };
  static constexpr std::size_t kBucketSort = 96;  // buckets up to this size go to Bottom
  static constexpr std::size_t kBottomSpill = 256;
  static constexpr std::size_t kBottomCompact = 64;  // popped keys kept before Bottom is compacted
  static constexpr std::size_t kMaxRungs = 8;
  static constexpr std::size_t kRankSort = 16;           // buckets up to this size are sorted by rank
  static constexpr std::size_t kTopBucketsPerEvent = 2;  // buckets of a rung made from Top, per event
  static constexpr std::size_t kWalkTogether = 8;        // buckets handed down to Bottom at once
  static constexpr std::size_t kLinkBatch = 16;          // pushes whose bucket links are made together

  [[gnu::noinline]] Index push_after_growing(Time time, std::uint64_t order, EventKind kind, std::uint64_t payload);
  // Ends the slot's generation and frees it, unless that generation was its last.
  void release(Index i) {
    if (!generations_.advance(i)) [[unlikely]]
      return;
    next(i) = free_;
    free_ = i;
  }
  // Node i's `slot` field is the next link of whatever list holds it.
  Index& next(Index i) { return nodes_[i].slot; }

  // Bottom holds each event's time and slot, sorted earliest first from bottom_head_ on,
  // so popping touches no other node and most insertions shift only a few keys. The order
  // key is looked up in the node only when two times are equal.
  struct BottomKey {
    Time time;
    Index slot;
    // Left uninitialised: refill_bottom() resizes Bottom and then writes every key, and
    // zeroing them first would cost a pass over memory.
    BottomKey() {}  // NOLINT(modernize-use-equals-default): "= default" would zero on resize
    BottomKey(Time t, Index s) : time(t), slot(s) {}
  };
  BottomKey key_of(Index i) const { return BottomKey{nodes_[i].time, i}; }
  // fires_before() on the keys' events.
  bool before(const BottomKey& a, const BottomKey& b) const {
    return a.time < b.time || (a.time == b.time && nodes_[a.slot].order < nodes_[b.slot].order);
  }
  bool bottom_empty() const { return bottom_head_ == bottom_.size(); }
  void clear_bottom() {
    bottom_.clear();
    bottom_head_ = 0;
  }
  [[gnu::noinline]] Index push_bottom(Index i);  // files i in Bottom and returns it
  bool refill_bottom();
  void spawn_rung(Index list, std::size_t n, std::size_t buckets, Time lo, Time hi);
  void sort_bottom(std::size_t first, std::size_t last);  // sorts bottom_[first, last)
  // Writes keys[0, n), n <= kRankSort, into out[0, n) sorted; the two do not overlap.
  void sort_small(const BottomKey* keys, std::size_t n, BottomKey* out) const;
  // Hands down the next few buckets of `rung` into Bottom; false if it gave them a finer
  // rung instead.
  bool hand_down(Rung& rung);
  // Walks `lists` lists side by side into walked_, list g from walked_[g * kRankSort], and
  // counts list g's keys in length[g] (zero on entry). False, with the counts partial, if a
  // list is longer than kRankSort.
  bool walk_into_regions(const Index* heads, std::size_t lists, std::size_t* length);
  void prefetch_bucket(const Rung& rung, std::size_t b) const;
  // Moves every key still in Bottom into a new finest rung spanning [lo, hi].
  void bottom_to_rung(Time lo, Time hi);
  // Writes the keys of `list` into bottom_[end - length, end) in push order.
  void keys_in_push_order(Index list, std::size_t end);

  LargeVector<Event> nodes_;     // by slot, read at random
  SlotGenerations generations_;  // by slot
  Index free_ = npos;            // free slots, linked through their `slot` field
  std::size_t size_ = 0;         // events held, cancelled ones included
  std::size_t cancelled_ = 0;    // events held that cancel() marked

  Index top_ = npos;
  std::size_t top_count_ = 0;
  Time top_min_ = 0, top_max_ = 0;
  // Events later than this go to Top: at first every event, until Top becomes a rung.
  Time top_start_ = -std::numeric_limits<Time>::infinity();

  // Events filed in a rung bucket but not yet linked into its list (see push()). They are
  // all later than every key in Bottom (their bucket has not been handed down), so pop()
  // may ignore them until Bottom runs dry; refill_bottom() links them first.
  // The bucket's head is a pointer into its rung's `heads`: no rung grows or is reused
  // before refill_bottom() links these.
  struct Unlinked {
    Index* head;
    Index slot;
  };
  std::array<Unlinked, kLinkBatch> unlinked_;
  std::size_t unlinked_count_ = 0;
  void link_unlinked();

  std::vector<Rung> rungs_;  // rungs_[0..active_rungs_) coarse to fine, reused
  std::size_t active_rungs_ = 0;
  std::vector<BottomKey> bottom_;                            // sorted earliest first from bottom_head_ on
  std::array<BottomKey, kWalkTogether * kRankSort> walked_;  // see walk_into_regions()
  std::size_t bottom_head_ = 0;                              // keys before it have been popped
};

}  // namespace caresim::engine
