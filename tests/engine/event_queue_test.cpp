// The ladder queue against a reference ordering, and the Simulator's same-time order.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "engine/core/ladder_queue.hpp"
#include "split_mix.hpp"

using namespace caresim::engine;
using caresim::engine::testing::SplitMix;

namespace {

struct Key {
  Time time;
  std::uint64_t order;
  bool operator<(const Key& o) const { return time != o.time ? time < o.time : order < o.order; }
};
}  // namespace

TEST_CASE("the ladder queue pops events in time then priority then insertion order") {
  // A hold model with many exact ties (times rounded to a coarse grid) and priorities,
  // checked against a sorted reference at every pop.
  for (int round_to : {0, 4, 1000}) {
    SplitMix rng{static_cast<std::uint64_t>(round_to) + 7};
    LadderQueue q;
    std::vector<Key> reference;
    std::uint64_t seq = 0;
    Time now = 0;
    auto draw_time = [&] {
      double t = now + 3.0 * rng.uniform() * rng.uniform() * 5.0;
      if (round_to > 0) t = std::ceil(t * round_to) / round_to;
      return std::max(t, now);
    };
    for (int i = 0; i < 5000; ++i) {
      const auto order = make_order(static_cast<Priority>(rng.next() % priority_count), seq++);
      const Time t = draw_time();
      q.push(t, order, 0, seq);
      reference.push_back({t, order});
    }
    std::make_heap(reference.begin(), reference.end(), [](const Key& a, const Key& b) { return b < a; });
    for (int i = 0; i < 60000; ++i) {
      Event e;
      REQUIRE(q.pop(e));
      std::pop_heap(reference.begin(), reference.end(), [](const Key& a, const Key& b) { return b < a; });
      const Key expected = reference.back();
      reference.pop_back();
      REQUIRE(e.time == expected.time);
      REQUIRE(e.order == expected.order);
      now = e.time;
      // Sometimes a burst at the current time, sometimes none, to move the ladder around.
      const int children = static_cast<int>(rng.next() % 3);
      for (int c = 0; c < children && q.size() < 20000; ++c) {
        const auto order = make_order(static_cast<Priority>(rng.next() % priority_count), seq++);
        const Time t = (rng.next() % 5 == 0) ? now : draw_time();
        q.push(t, order, 0, seq);
        reference.push_back({t, order});
        std::push_heap(reference.begin(), reference.end(), [](const Key& a, const Key& b) { return b < a; });
      }
      if (q.empty()) break;
    }
    CHECK(q.size() == reference.size());
  }
}

TEST_CASE("a burst of thousands of events at one time pops in insertion order within each priority") {
  // Bursts land in Top, in one rung bucket or in Bottom depending on when they are pushed;
  // each path must keep (priority, insertion) order without sorting them the slow way.
  LadderQueue q;
  std::uint64_t seq = 0;
  std::vector<Key> reference;
  auto push = [&](Time t, Priority p) {
    const auto order = make_order(p, seq++);
    q.push(t, order, 0, seq);
    reference.push_back({t, order});
  };
  for (int i = 0; i < 3000; ++i) push(1.0 + 0.001 * i, Priority::Arrival);  // spread, so a rung forms
  for (int i = 0; i < 5000; ++i) push(2.0, i % 3 == 0 ? Priority::Release : Priority::Arrival);
  std::sort(reference.begin(), reference.end());
  std::size_t popped = 0;
  Event e;
  while (popped < 1000 && q.pop(e)) {
    REQUIRE(e.time == reference[popped].time);
    REQUIRE(e.order == reference[popped].order);
    ++popped;
  }
  // Now a burst at a time the ladder already covers, and one at the current time.
  for (int i = 0; i < 4000; ++i) push(1.5, Priority::Arrival);
  for (int i = 0; i < 4000; ++i) push(e.time, Priority::Observe);
  std::sort(reference.begin() + static_cast<std::ptrdiff_t>(popped), reference.end());
  while (q.pop(e)) {
    REQUIRE(popped < reference.size());
    REQUIRE(e.time == reference[popped].time);
    REQUIRE(e.order == reference[popped].order);
    ++popped;
  }
  CHECK(popped == reference.size());
}

TEST_CASE("the ladder queue's bottom does not grow when it never empties") {
  // A small queue whose new events always land among the pending ones keeps reusing
  // Bottom. One far event makes every later push fall inside Bottom's span, so Bottom
  // never empties; its memory must still stay bounded.
  LadderQueue q;
  SplitMix rng{11};
  std::uint64_t seq = 0;
  q.push(1e9, make_order(Priority::Arrival, seq++), 0, 0);
  for (int i = 0; i < 19; ++i) q.push(rng.uniform(), make_order(Priority::Arrival, seq++), 0, 0);
  Event e;
  Time last = 0;
  for (int i = 0; i < 200000; ++i) {
    REQUIRE(q.pop(e));
    REQUIRE(e.time >= last);
    last = e.time;
    q.push(e.time + 0.5 * rng.uniform(), make_order(Priority::Arrival, seq++), 0, 0);
  }
  CHECK(q.size() == 20);
  CHECK(q.slot_count() <= 21);
  CHECK(q.bottom_capacity() <= 512);  // the room Bottom starts with
}

TEST_CASE("the ladder queue keeps every event when two have the same time and order key") {
  // The Simulator makes every order key unique, but the queue must not lose an event if a
  // direct user repeats one: each key below is pushed twice, and both copies pop.
  LadderQueue q;
  std::uint64_t payload = 0;
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 100; ++i) {
      const Time t = 10.0 * round + (i % 50) * 0.01;
      const auto order = make_order(Priority::Arrival, static_cast<std::uint64_t>(i));
      q.push(t, order, 0, payload++);
      q.push(t, order, 0, payload++);
    }
  }
  std::vector<int> seen(payload, 0);
  Event e;
  Time last = -1;
  while (q.pop(e)) {
    REQUIRE(e.time >= last);
    REQUIRE(e.payload < payload);
    last = e.time;
    ++seen[e.payload];
  }
  CHECK(std::count(seen.begin(), seen.end(), 1) == static_cast<std::ptrdiff_t>(payload));
}

TEST_CASE("a cleared ladder queue is empty and orders new events as a new queue does") {
  // Cleared in every state the ladder reaches: events in Top, in rungs and in Bottom,
  // and links still waiting to be made.
  LadderQueue used, fresh;
  SplitMix rng{5};
  std::uint64_t seq = 0;
  for (int i = 0; i < 3000; ++i) used.push(10 * rng.uniform(), make_order(Priority::Arrival, seq++), 0, 0);
  Event e{};
  for (int i = 0; i < 700; ++i) {
    REQUIRE(used.pop(e));
    used.push(e.time + rng.uniform(), make_order(Priority::Arrival, seq++), 0, 0);
  }
  used.clear();
  CHECK(used.empty());
  CHECK_FALSE(used.pop(e));
  CHECK(used.peek() == nullptr);
  for (int i = 0; i < 2000; ++i) {
    const Time t = 3 * rng.uniform();
    const auto order = make_order(static_cast<Priority>(rng.next() % priority_count), seq++);
    used.push(t, order, 0, static_cast<std::uint64_t>(i));
    fresh.push(t, order, 0, static_cast<std::uint64_t>(i));
  }
  Event a{}, b{};
  while (fresh.pop(b)) {
    REQUIRE(used.pop(a));
    REQUIRE(a.time == b.time);
    REQUIRE(a.order == b.order);
    REQUIRE(a.payload == b.payload);
  }
  CHECK(used.empty());
}
