// The reference HeapQueue (the cross-check future event set): the engine's order, and
// LadderQueue's slot protocol, which the Simulator's cancellation relies on.
#include "engine/core/heap_queue.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "engine/core/ladder_queue.hpp"
#include "split_mix.hpp"

using namespace caresim::engine;
using caresim::engine::testing::SplitMix;

TEST_CASE("the heap queue pops the same sequence as the ladder queue under heavy ties") {
  SplitMix rng{11};
  HeapQueue heap;
  LadderQueue ladder;
  std::uint64_t seq = 0;
  Time now = 0;
  auto push_both = [&] {
    // Times on a coarse grid give many exact ties, broken by priority then sequence.
    const Time t = now + std::ceil(8.0 * rng.uniform() * rng.uniform() * 4) / 4;
    const auto order = make_order(static_cast<Priority>(rng.next() % priority_count), seq++);
    heap.push(t, order, 1, seq);
    ladder.push(t, order, 1, seq);
  };
  for (int i = 0; i < 3000; ++i) push_both();
  int popped = 0;
  for (; popped < 40000; ++popped) {
    Event a, b;
    const Event* top = heap.peek();
    REQUIRE(top != nullptr);
    const std::uint64_t top_payload = top->payload;
    REQUIRE(heap.pop(a));
    REQUIRE(ladder.pop(b));
    REQUIRE(a.payload == top_payload);
    REQUIRE(a.time == b.time);
    REQUIRE(a.order == b.order);
    REQUIRE(a.payload == b.payload);
    now = a.time;
    const int children = static_cast<int>(rng.next() % 3);
    for (int c = 0; c < children && heap.size() < 10000; ++c) push_both();
    if (heap.empty()) break;
  }
  CHECK(popped > 1000);
  CHECK(heap.size() == ladder.size());
}

TEST_CASE("the heap queue keeps a slot until its event pops and then reuses it") {
  HeapQueue q;
  const auto a = q.push(2.0, make_order(Priority::Arrival, 0), 7, 70);
  const auto b = q.push(1.0, make_order(Priority::Arrival, 1), 8, 80);
  const auto b_generation = q.generation(b);
  CHECK(a != b);
  CHECK(q.is_pending(b, b_generation));
  Event e;
  REQUIRE(q.pop(e));
  CHECK(e.slot == b);
  CHECK(e.payload == 80);
  CHECK_FALSE(q.is_pending(b, b_generation));  // a free slot holds no pending event
  const auto c = q.push(3.0, make_order(Priority::Arrival, 2), 9, 90);
  CHECK(c == b);  // the freed slot is reused
  CHECK(q.slot_count() == 2);
  CHECK(q.is_pending(c, q.generation(c)));
  CHECK_FALSE(q.is_pending(b, b_generation));  // the old event's handle stays stale in the reused slot
  REQUIRE(q.pop(e));
  CHECK(e.slot == a);
  CHECK(e.payload == 70);
  REQUIRE(q.pop(e));
  CHECK(e.payload == 90);
  CHECK_FALSE(q.pop(e));
  CHECK(q.peek() == nullptr);
}
