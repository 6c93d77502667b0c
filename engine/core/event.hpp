#pragma once
#include <cstddef>
#include <cstdint>

#include "engine/core/priority.hpp"

namespace caresim::engine {

/** Simulated time in days since the start of the run. */
using Time = double;

/** Index of an event kind registered with the Simulator. */
using EventKind = std::uint32_t;

/** The kind a future event set gives a cancelled node; never a kind of a pushed event. */
inline constexpr EventKind kCancelledKind = ~EventKind{0};

/** Identifies one scheduled event so it can be cancelled. `sequence` is unique over
 *  a run; `slot` is where the engine keeps the event's state. */
struct EventHandle {
  std::uint32_t slot = ~0u;
  std::uint64_t sequence = ~0ull;
};

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

/** True while the node in `slot` of `nodes` (a future event set's slot store) holds the
 *  event pushed with this sequence, neither popped nor cancelled. Any slot number is valid:
 *  a free slot has order ~0, a sequence no event has. */
template <class Nodes>
bool is_pending_in(const Nodes& nodes, std::size_t slot, std::uint64_t sequence) {
  if (slot >= nodes.size()) return false;
  const Event& e = nodes[slot];
  return sequence_of(e.order) == sequence && e.kind != kCancelledKind;
}

/** Marks that pending event cancelled (it stays in place and is skipped when it comes
 *  out); false, changing nothing, if it is not pending. */
template <class Nodes>
bool cancel_in(Nodes& nodes, std::size_t slot, std::uint64_t sequence) {
  if (!is_pending_in(nodes, slot, sequence)) return false;
  nodes[slot].kind = kCancelledKind;
  return true;
}

}  // namespace caresim::engine
