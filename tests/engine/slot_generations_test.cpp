// Slot generations: what keeps a stale event handle from naming a later event in its slot.
#include <doctest/doctest.h>

#include <cstdint>

#include "engine/core/error.hpp"
#include "engine/core/event.hpp"
#include "engine/core/heap_queue.hpp"
#include "engine/core/ladder_queue.hpp"
#include "engine/core/simulator.hpp"

using namespace caresim::engine;

TEST_CASE("an event handle takes 8 bytes") {
  CHECK(sizeof(EventHandle) == 8);
}

TEST_CASE("a slot's generation moves on each time its event leaves, and a used-up slot stays used up") {
  // 8-bit generations, so that using one up takes 255 steps instead of four billion; the
  // queues use the same class at 32 bits.
  BasicSlotGenerations<std::uint8_t> g;
  CHECK_FALSE(g.current(0, 0));  // no slot yet
  REQUIRE(g.advance(0));         // a new slot
  const std::uint8_t first = g.of(0);
  CHECK(g.current(0, first));
  int reuses = 0;
  while (g.advance(0)) {
    ++reuses;
    CHECK_FALSE(g.current(0, first));  // an earlier handle never names a later event
  }
  CHECK(reuses == 253);  // generations 1 to 254 were handed out; 255 means used up
  CHECK(g.of(0) == 255);
  CHECK_FALSE(g.current(0, 255));  // a used-up slot is matched by no handle...
  CHECK_FALSE(g.advance(0));       // ...and stays used up: its generation never wraps to 0
  CHECK(g.of(0) == 255);
  CHECK_FALSE(g.current(0, first));
}

template <class Queue>
void check_clear_makes_handles_stale() {
  Queue q;
  const auto slot = q.push(1.0, make_order(Priority::Arrival, 0), 0, 1);
  const auto generation = q.generation(slot);
  q.clear();
  const auto again = q.push(2.0, make_order(Priority::Arrival, 1), 0, 2);
  CHECK(again == slot);                         // the slot number comes back...
  CHECK_FALSE(q.is_pending(slot, generation));  // ...but the handle from before the clear names nothing
  CHECK_FALSE(q.cancel(slot, generation));
  CHECK(q.is_pending(again, q.generation(again)));
  CHECK(q.size() == 1);
}

TEST_CASE("a handle from before a clear of the ladder queue names no event after it") {
  check_clear_makes_handles_stale<LadderQueue>();
}

TEST_CASE("a handle from before a clear of the heap queue names no event after it") {
  check_clear_makes_handles_stale<HeapQueue>();
}

TEST_CASE("a stale handle never cancels the event that reused its slot") {
  Simulator sim;
  int fired = 0;
  const EventKind k = sim.define_event("count", [&fired](Simulator&, std::uint64_t) { ++fired; });
  const EventHandle first = sim.schedule(1.0, Priority::Arrival, k, 1);
  sim.cancel(first);
  sim.run();
  for (int i = 0; i < 100; ++i) {  // the slot is reused again and again
    const EventHandle next = sim.schedule(sim.now() + 1.0, Priority::Arrival, k, 2);
    CHECK(next.slot == first.slot);
    CHECK(next.generation != first.generation);
    CHECK_FALSE(sim.is_pending(first));
    CHECK_THROWS_AS(sim.cancel(first), UsageError);
    CHECK(sim.is_pending(next));
    sim.run();
  }
  CHECK(fired == 100);
}
