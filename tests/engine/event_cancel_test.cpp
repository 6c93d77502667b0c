// Cancellation is the future event set's protocol: both queues the Simulator can run on
// cancel by (slot, generation), never pop a cancelled event, and refuse a stale handle.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "engine/core/heap_queue.hpp"
#include "engine/core/ladder_queue.hpp"
#include "split_mix.hpp"

using namespace caresim::engine;
using caresim::engine::testing::SplitMix;

namespace {

// Pushes events with many ties, pops some and pushes more (so popped slots are reused),
// cancels every third event ever pushed, then pops the rest and compares them with the
// pending events sorted by (time, order).
template <class Queue>
void check_cancellation() {
  Queue q;
  SplitMix rng{17};
  struct Pushed {
    Time time;
    std::uint64_t order;
    std::uint32_t slot;
    std::uint32_t generation;
  };
  std::vector<Pushed> pushed;  // by payload
  auto push = [&](Time t) {
    const std::uint64_t sequence = pushed.size();
    const auto order = make_order(static_cast<Priority>(rng.next() % priority_count), sequence);
    const std::uint32_t slot = q.push(t, order, 0, sequence);
    pushed.push_back({t, order, slot, q.generation(slot)});
  };
  for (int i = 0; i < 4000; ++i) push(std::floor(400 * rng.uniform()) / 4);
  std::vector<bool> gone(pushed.size() + 1000, false);  // popped or cancelled
  Event e{};
  for (int i = 0; i < 1000; ++i) {
    REQUIRE(q.pop(e));
    gone[e.payload] = true;
  }
  const Time now = e.time;
  for (int i = 0; i < 1000; ++i) push(now + std::floor(400 * rng.uniform()) / 4);
  std::size_t pending = pushed.size() - 1000;
  for (std::size_t p = 0; p < pushed.size(); p += 3) {
    const std::uint32_t generation = pushed[p].generation;
    const bool was_pending = !gone[p];
    CHECK(q.is_pending(pushed[p].slot, generation) == was_pending);
    CHECK(q.cancel(pushed[p].slot, generation) == was_pending);  // a popped one's slot may hold another event
    CHECK_FALSE(q.is_pending(pushed[p].slot, generation));
    CHECK_FALSE(q.cancel(pushed[p].slot, generation));  // twice: refused
    if (was_pending) --pending;
    gone[p] = true;
  }
  CHECK(q.size() == pending);

  std::vector<std::uint64_t> expected;
  for (std::uint64_t p = 0; p < pushed.size(); ++p)
    if (!gone[p]) expected.push_back(p);
  std::sort(expected.begin(), expected.end(), [&](std::uint64_t a, std::uint64_t b) {
    return pushed[a].time != pushed[b].time ? pushed[a].time < pushed[b].time : pushed[a].order < pushed[b].order;
  });
  std::vector<std::uint64_t> popped;
  while (const Event* front = q.peek()) {
    const std::uint64_t seen = front->payload;
    REQUIRE(q.pop(e));
    CHECK(e.payload == seen);  // peek() and pop() agree on the front, cancelled ones dropped
    popped.push_back(e.payload);
  }
  CHECK(popped == expected);
  CHECK(q.empty());
  CHECK_FALSE(q.pop(e));
}

}  // namespace

TEST_CASE("the ladder queue never pops a cancelled event and refuses a stale cancel") {
  check_cancellation<LadderQueue>();
}

TEST_CASE("the 4-ary heap queue cancels exactly as the ladder queue does") {
  check_cancellation<HeapQueue>();
}
