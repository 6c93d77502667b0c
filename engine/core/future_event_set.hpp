#pragma once
// What the Simulator needs of a future event set, and which one it uses.
//
// The Simulator always runs on the ladder queue. The regression tests build the engine and
// the model a second time with CARESIM_FES_REFERENCE_HEAP defined (tests/regression/
// CMakeLists.txt), which puts the plain 4-ary HeapQueue in its place, and require every
// bundled scenario's fingerprint to be the same: the fast queue is then checked against an
// obviously correct one on the product's own event sequences, not only on synthetic loads.
#include <concepts>
#include <cstddef>
#include <cstdint>

#include "engine/core/event.hpp"
#include "engine/core/heap_queue.hpp"
#include "engine/core/ladder_queue.hpp"

namespace caresim::engine {

/** A priority queue of Events in fires_before() order whose events keep a slot until they
 *  are popped, and which owns cancellation: cancel(slot, generation) and is_pending(slot,
 *  generation) name an event by the slot push() gave it and that slot's generation() just
 *  after; pop(), peek() and size() see pending events only; held_ahead(k) may show an
 *  event a few places ahead, for look-ahead hints (nullptr when it does not know it). The
 *  Simulator never changes a node. */
template <class Q>
concept FutureEventSet = requires(Q q, const Q& cq, Event& out, std::uint32_t slot, std::uint32_t generation) {
  { q.push(Time{}, std::uint64_t{}, EventKind{}, std::uint64_t{}) } -> std::convertible_to<std::uint32_t>;
  { q.pop(out) } -> std::same_as<bool>;
  { q.peek() } -> std::convertible_to<const Event*>;
  { cq.size() } -> std::convertible_to<std::size_t>;
  { cq.generation(slot) } -> std::same_as<std::uint32_t>;
  { q.cancel(slot, generation) } -> std::same_as<bool>;
  { cq.is_pending(slot, generation) } -> std::same_as<bool>;
  q.reserve(std::size_t{});
  { cq.held_ahead(std::size_t{}) } -> std::convertible_to<const Event*>;
  cq.prefetch_ahead(std::size_t{});
};

static_assert(FutureEventSet<LadderQueue>);
static_assert(FutureEventSet<HeapQueue>);

#ifdef CARESIM_FES_REFERENCE_HEAP
using SimulatorQueue = HeapQueue;  // the regression cross-check build only
#else
using SimulatorQueue = LadderQueue;
#endif

}  // namespace caresim::engine
