#pragma once
// A future event set with the ladder queue's interface on a plain 4-ary heap. It exists to
// check the ladder at product level: tests/regression builds the engine and the model a
// second time over it and requires the bundled scenarios' fingerprints to be the same.
// Its cost is O(log n) cache-missing comparisons per operation; the Simulator never uses
// it otherwise (docs/testing.md).
#include <cstdint>
#include <vector>

#include "engine/core/dary_heap.hpp"
#include "engine/core/event.hpp"

namespace caresim::engine {

/** Priority queue of Events in fires_before() order, slotted and cancelled like
 *  LadderQueue: each pushed event keeps its slot until it is popped, cancel() marks its
 *  node in place, and pop() and peek() drop marked nodes as they reach the front. */
class HeapQueue {
 public:
  using Index = std::uint32_t;
  static constexpr Index npos = ~Index{0};

  /** Files an event and returns its slot. */
  Index push(Time time, std::uint64_t order, EventKind kind, std::uint64_t payload) {
    while (free_ == npos) {  // a slot used up before a clear() is skipped
      nodes_.push_back(Event{});
      release(static_cast<Index>(nodes_.size() - 1));
    }
    const Index i = free_;
    free_ = nodes_[i].slot;
    nodes_[i] = Event{time, order, payload, kind, i};
    heap_.push(Key{time, order, i});
    return i;
  }

  /** Removes the earliest pending event and copies it, with its slot, into `out`;
   *  cancelled events before it are dropped. False when none is pending. */
  bool pop(Event& out) {
    while (pop_held(out)) {
      if (out.kind != kCancelledKind) return true;
      --cancelled_;
    }
    return false;
  }

  /** The earliest pending event, or nullptr when none is; drops cancelled ones at the front. */
  const Event* peek() {
    while (!heap_.empty() && nodes_[heap_.top().slot].kind == kCancelledKind) {
      Event dropped;
      pop_held(dropped);
      --cancelled_;
    }
    return heap_.empty() ? nullptr : &nodes_[heap_.top().slot];
  }

  /** Always nullptr: a heap knows only its first event (see LadderQueue::held_ahead()). */
  const Event* held_ahead(std::size_t) const { return nullptr; }
  void prefetch_ahead(std::size_t) const {}

  /** The generation of `slot` (see LadderQueue::generation()). */
  std::uint32_t generation(Index slot) const { return generations_.of(slot); }

  /** Cancels the pending event pushed into `slot` at `generation` (see
   *  LadderQueue::cancel()); false, changing nothing, if it has been popped or cancelled. */
  bool cancel(Index slot, std::uint32_t generation) {
    if (!generations_.current(slot, generation)) return false;
    nodes_[slot].kind = kCancelledKind;
    generations_.advance(slot);
    ++cancelled_;
    return true;
  }

  /** True while the event pushed into `slot` at `generation` is neither popped nor
   *  cancelled. Any slot number is valid. */
  bool is_pending(Index slot, std::uint32_t generation) const { return generations_.current(slot, generation); }

  /** Number of pending events (cancelled ones not counted). */
  std::size_t size() const { return heap_.size() - cancelled_; }
  /** True when no event is pending. */
  bool empty() const { return size() == 0; }
  /** Number of slots ever allocated. */
  std::size_t slot_count() const { return nodes_.size(); }
  /** Makes room for `pending` events at once. */
  void reserve(std::size_t pending) {
    nodes_.reserve(pending);
    generations_.reserve(pending);
    heap_.reserve(pending);
  }
  /** Drops every event and keeps the memory for reuse. */
  void clear() {
    nodes_.clear();
    generations_.advance_all();  // no handle from before names an event after
    heap_.clear();
    free_ = npos;
    cancelled_ = 0;
  }

 private:
  // Removes the earliest event held, pending or cancelled; false when none is held.
  bool pop_held(Event& out) {
    Key k;
    if (!heap_.pop(k)) return false;
    out = nodes_[k.slot];
    out.slot = k.slot;
    release(k.slot);
    return true;
  }
  // Ends the slot's generation and frees it, unless that generation was its last.
  void release(Index i) {
    if (!generations_.advance(i)) return;
    nodes_[i].slot = free_;
    free_ = i;
  }

  // The heap holds the ordering key with the slot, so a comparison touches no node.
  struct Key {
    Time time;
    std::uint64_t order;
    Index slot;
  };
  struct KeyBefore {
    bool operator()(const Key& a, const Key& b) const {
      return a.time < b.time || (a.time == b.time && a.order < b.order);
    }
  };
  LargeVector<Event> nodes_;     // by slot, read at random
  SlotGenerations generations_;  // by slot
  DaryHeap<Key, KeyBefore, 4> heap_;
  Index free_ = npos;          // free slots, linked through their `slot` field
  std::size_t cancelled_ = 0;  // nodes in the heap that cancel() marked
};

}  // namespace caresim::engine
