#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/core/large_pages.hpp"
#include "engine/core/prefetch.hpp"
#include "engine/core/priority.hpp"

namespace caresim::engine {

/** Simulated time in days since the start of the run. */
using Time = double;

/** Index of an event kind registered with the Simulator. */
using EventKind = std::uint32_t;

/** The kind a future event set gives a cancelled node; never a kind of a pushed event. */
inline constexpr EventKind kCancelledKind = ~EventKind{0};

/** Identifies one scheduled event so it can be cancelled: the slot where the future event
 *  set keeps it and that slot's generation when it was pushed (SlotGenerations). 8 bytes,
 *  so that models can keep many (one per pending process of each entity) cheaply. */
struct EventHandle {
  std::uint32_t slot = ~0u;
  std::uint32_t generation = ~0u;
};
static_assert(sizeof(EventHandle) == 8);

/** The order key of an event: priority in the top byte, insertion sequence below it.
 *  Comparing (time, order) as a pair gives the engine's one total order. */
constexpr std::uint64_t make_order(Priority p, std::uint64_t sequence) {
  return (static_cast<std::uint64_t>(p) << 56) | sequence;
}
constexpr std::uint64_t sequence_of(std::uint64_t order) {
  return order & ((1ull << 56) - 1);
}
constexpr Priority priority_of(std::uint64_t order) {
  return static_cast<Priority>(order >> 56);
}

/** A node of the future event set: 32 bytes, no owning members, so the queue moves
 *  nodes with plain copies and never allocates per event. */
struct Event {
  Time time;
  std::uint64_t order;    ///< make_order(priority, sequence)
  std::uint64_t payload;  ///< model data, typically an entity id
  EventKind kind;
  std::uint32_t slot;  ///< where the future event set keeps it (for cancel())
};
static_assert(sizeof(Event) == 32);

/** Strict "fires before": time first, then priority, then insertion sequence. */
constexpr bool fires_before(const Event& a, const Event& b) {
  if (a.time != b.time) return a.time < b.time;
  return a.order < b.order;
}

/** The generation of every slot of a future event set: what tells its pending event from
 *  an earlier one in the same slot. An event pushed into a slot gets the slot's generation,
 *  which grows when the event leaves (popped or cancelled), so a handle (slot, generation)
 *  names one event only and a stale handle never matches its slot's later events. A slot
 *  whose generation reaches the largest value of `G` is used up: never reused, and matched
 *  by no handle; the counter therefore never wraps. */
template <class G>
class BasicSlotGenerations {
 public:
  /** The generation of `slot` (that of its pending event, if it holds one). */
  G of(std::size_t slot) const { return generations_[slot]; }

  /** True while the event pushed into `slot` at `generation` has neither left nor been
   *  cancelled. Any slot number and generation are valid. */
  bool current(std::size_t slot, G generation) const {
    return slot < generations_.size() && generations_[slot] == generation && generation != kUsedUp;
  }

  /** Ends the current generation of `slot` (its event has left or been cancelled, or the
   *  slot is new). True if the slot may take another event; false once it is used up. */
  bool advance(std::size_t slot) {
    if (slot >= generations_.size()) [[unlikely]]
      generations_.resize(slot + 1, G{0});
    G& g = generations_[slot];
    if (g != kUsedUp) ++g;
    return g != kUsedUp;
  }

  /** Ends the current generation of every slot (the queue drops all its events). */
  void advance_all() {
    for (std::size_t i = 0; i < generations_.size(); ++i) advance(i);
  }

  /** Makes room for `slots` slots. */
  void reserve(std::size_t slots) { generations_.reserve(slots); }

  /** Asks the processor for the generation of `slot`, to be advanced soon (a hint only). */
  void prefetch(std::size_t slot) const {
    if (slot < generations_.size()) engine::prefetch(&generations_[slot]);
  }

 private:
  static constexpr G kUsedUp = static_cast<G>(~G{0});
  LargeVector<G> generations_;  // read at random, by the slots of pending events
};

/** The slot generations of the engine's future event sets: 32 bits, as EventHandle. */
using SlotGenerations = BasicSlotGenerations<std::uint32_t>;

}  // namespace caresim::engine
