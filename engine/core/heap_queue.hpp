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

/** Priority queue of Events in fires_before() order, slotted like LadderQueue: each
 *  pushed event keeps its slot until it is popped, so callers can find it again. */
class HeapQueue {
 public:
  using Index = std::uint32_t;
  static constexpr Index npos = ~Index{0};

  /** Files an event and returns its slot. */
  Index push(Time time, std::uint64_t order, EventKind kind, std::uint64_t payload) {
    Index i = free_;
    if (i == npos) {
      i = static_cast<Index>(nodes_.size());
      nodes_.push_back(Event{});
    } else {
      free_ = nodes_[i].slot;
    }
    nodes_[i] = Event{time, order, payload, kind, i};
    heap_.push(Key{time, order, i});
    return i;
  }

  /** Removes the earliest event and copies it, with its slot, into `out`; false when empty. */
  bool pop(Event& out) {
    Key k;
    if (!heap_.pop(k)) return false;
    out = nodes_[k.slot];
    out.slot = k.slot;
    nodes_[k.slot].order = ~std::uint64_t{0};  // marks a free slot, as LadderQueue does
    nodes_[k.slot].slot = free_;
    free_ = k.slot;
    return true;
  }

  /** The earliest event, or nullptr when empty. */
  const Event* peek() const { return heap_.empty() ? nullptr : &nodes_[heap_.top().slot]; }

  std::size_t size() const { return heap_.size(); }
  bool empty() const { return heap_.empty(); }
  /** The node in a slot that push() returned and pop() has not yet released. */
  Event& at(Index slot) { return nodes_[slot]; }
  const Event& at(Index slot) const { return nodes_[slot]; }
  /** Number of slots ever allocated. */
  std::size_t slot_count() const { return nodes_.size(); }
  void reserve(std::size_t pending) {
    nodes_.reserve(pending);
    heap_.reserve(pending);
  }
  /** Drops every event and keeps the memory for reuse. */
  void clear() {
    nodes_.clear();
    heap_.clear();
    free_ = npos;
  }

 private:
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
  std::vector<Event> nodes_;
  DaryHeap<Key, KeyBefore, 4> heap_;
  Index free_ = npos;  // free slots, linked through their `slot` field
};

}  // namespace caresim::engine
