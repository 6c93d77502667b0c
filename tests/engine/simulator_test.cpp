// The Simulator's event order, cancellation and misuse errors.
#include "engine/core/simulator.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "engine/core/error.hpp"

using namespace caresim::engine;

namespace {
// Records (time, tag) of every fired event; the payload is the tag.
struct Log {
  std::vector<std::pair<Time, std::uint64_t>> fired;
  EventKind kind(Simulator& sim) {
    return sim.define_event("log", [this](Simulator& s, std::uint64_t tag) { fired.emplace_back(s.now(), tag); });
  }
  std::vector<std::uint64_t> tags() const {
    std::vector<std::uint64_t> t;
    for (const auto& f : fired) t.push_back(f.second);
    return t;
  }
};
}  // namespace

TEST_CASE(
    "events at the same time fire releases first then capacity changes then acquisitions then arrivals then "
    "observations") {
  Simulator sim;
  Log log;
  const EventKind k = log.kind(sim);
  // Scheduled in the reverse of the expected order.
  sim.schedule(5.0, Priority::Observe, k, 4);
  sim.schedule(5.0, Priority::Arrival, k, 3);
  sim.schedule(5.0, Priority::Acquire, k, 2);
  sim.schedule(5.0, Priority::CapacityChange, k, 1);
  sim.schedule(5.0, Priority::Release, k, 0);
  sim.schedule(4.0, Priority::Observe, k, 99);  // earlier time wins over any priority
  sim.run();
  CHECK(log.tags() == std::vector<std::uint64_t>{99, 0, 1, 2, 3, 4});
}

TEST_CASE("events of equal time and priority fire in the order they were scheduled") {
  Simulator sim;
  Log log;
  const EventKind k = log.kind(sim);
  for (std::uint64_t i = 0; i < 100; ++i) sim.schedule(1.0, Priority::Arrival, k, i);
  sim.run();
  std::vector<std::uint64_t> expected(100);
  for (std::uint64_t i = 0; i < 100; ++i) expected[i] = i;
  CHECK(log.tags() == expected);
}

TEST_CASE("a release scheduled during an acquisition at the same time still fires before later acquisitions") {
  // A handler at time t schedules a Release at t: it must jump ahead of Acquire events
  // already waiting at t, because the order is (time, priority, sequence).
  Simulator sim;
  Log log;
  const EventKind k = log.kind(sim);
  const EventKind spawner = sim.define_event("spawn", [&](Simulator& s, std::uint64_t) {
    log.fired.emplace_back(s.now(), 100);
    s.schedule(s.now(), Priority::Release, k, 101);
  });
  sim.schedule(2.0, Priority::Acquire, spawner, 0);
  sim.schedule(2.0, Priority::Acquire, k, 1);
  sim.run();
  CHECK(log.tags() == std::vector<std::uint64_t>{100, 101, 1});
}

TEST_CASE("a cancelled event never fires and is not counted as pending") {
  Simulator sim;
  Log log;
  const EventKind k = log.kind(sim);
  const auto a = sim.schedule(1.0, Priority::Arrival, k, 1);
  const auto b = sim.schedule(2.0, Priority::Arrival, k, 2);
  sim.schedule(3.0, Priority::Arrival, k, 3);
  CHECK(sim.pending() == 3);
  sim.cancel(b);
  CHECK(sim.pending() == 2);
  CHECK(sim.is_pending(a));
  CHECK_FALSE(sim.is_pending(b));
  sim.run();
  CHECK(log.tags() == std::vector<std::uint64_t>{1, 3});
  CHECK(sim.events_fired() == 2);
  CHECK(sim.pending() == 0);
}

TEST_CASE("a handle of a fired event stays invalid after its slot is reused") {
  Simulator sim;
  Log log;
  const EventKind k = log.kind(sim);
  const auto first = sim.schedule(1.0, Priority::Arrival, k, 1);
  sim.step();
  const auto second = sim.schedule(2.0, Priority::Arrival, k, 2);
  CHECK(second.slot == first.slot);    // the arena reuses the slot...
  CHECK_FALSE(sim.is_pending(first));  // ...but the old handle does not see the new event
  CHECK_THROWS_AS(sim.cancel(first), UsageError);
  CHECK(sim.is_pending(second));
}

TEST_CASE("run_until fires events up to and including the target time and then sets the clock") {
  Simulator sim;
  Log log;
  const EventKind k = log.kind(sim);
  sim.schedule(1.0, Priority::Arrival, k, 1);
  sim.schedule(2.0, Priority::Arrival, k, 2);
  sim.schedule(2.5, Priority::Arrival, k, 3);
  sim.run_until(2.0);
  CHECK(log.tags() == std::vector<std::uint64_t>{1, 2});
  CHECK(sim.now() == 2.0);
  CHECK(sim.pending() == 1);
  CHECK(sim.next_time() == 2.5);
}

TEST_CASE("scheduling in the past raises a usage error naming both times") {
  Simulator sim;
  Log log;
  const EventKind k = log.kind(sim);
  sim.schedule(3.0, Priority::Arrival, k, 0);
  sim.run();
  CHECK_THROWS_WITH_AS(sim.schedule(2.0, Priority::Arrival, k, 0), doctest::Contains("before the current time t=3"),
                       UsageError);
  CHECK_THROWS_WITH_AS(sim.schedule_in(-1.0, Priority::Arrival, k, 0), doctest::Contains("at t=2"), UsageError);
}

TEST_CASE("scheduling at a time that is not finite raises a usage error") {
  Simulator sim;
  Log log;
  const EventKind k = log.kind(sim);
  CHECK_THROWS_WITH_AS(sim.schedule(std::numeric_limits<double>::quiet_NaN(), Priority::Arrival, k, 0),
                       doctest::Contains("not finite"), UsageError);
  CHECK_THROWS_WITH_AS(sim.schedule(std::numeric_limits<double>::infinity(), Priority::Arrival, k, 0),
                       doctest::Contains("not finite"), UsageError);
}

TEST_CASE("cancelling a fired or already cancelled event raises a usage error") {
  Simulator sim;
  Log log;
  const EventKind k = log.kind(sim);
  const auto fired = sim.schedule(1.0, Priority::Arrival, k, 0);
  const auto cancelled = sim.schedule(2.0, Priority::Arrival, k, 0);
  sim.step();
  CHECK_THROWS_WITH_AS(sim.cancel(fired), doctest::Contains("already fired or been cancelled"), UsageError);
  sim.cancel(cancelled);
  CHECK_THROWS_WITH_AS(sim.cancel(cancelled), doctest::Contains("is not pending"), UsageError);
}

TEST_CASE("scheduling an undefined event kind or running backwards raises a usage error") {
  Simulator sim;
  CHECK_THROWS_WITH_AS(sim.schedule(1.0, Priority::Arrival, 7, 0), doctest::Contains("never defined"), UsageError);
  Log log;
  const EventKind k = log.kind(sim);
  sim.schedule(5.0, Priority::Arrival, k, 0);
  sim.run();
  CHECK_THROWS_WITH_AS(sim.run_until(4.0), doctest::Contains("before the current time"), UsageError);
}

TEST_CASE("defining an event kind with an empty handler raises a usage error") {
  Simulator sim;
  CHECK_THROWS_WITH_AS(sim.define_event("empty", std::function<void(Simulator&, std::uint64_t)>{}),
                       "define_event(\"empty\"): the handler is empty", UsageError);
  void (*none)(Simulator&, std::uint64_t) = nullptr;
  CHECK_THROWS_WITH_AS(sim.define_event("null", none), "define_event(\"null\"): the handler is empty", UsageError);
  CHECK_THROWS_WITH_AS(sim.schedule(1.0, Priority::Arrival, 0, 0), doctest::Contains("never defined"), UsageError);
}

TEST_CASE("the simulator keeps its own copy of each handler and destroys it once") {
  // A handler owning a shared_ptr: the copy in the Simulator keeps it alive after the
  // caller's copy is gone, and the Simulator's destruction releases it.
  auto counter = std::make_shared<int>(0);
  std::weak_ptr<int> watch = counter;
  {
    Simulator sim;
    EventKind k =
        sim.define_event("count", [counter](Simulator&, std::uint64_t add) { *counter += static_cast<int>(add); });
    counter.reset();
    REQUIRE_FALSE(watch.expired());
    sim.schedule(1.0, Priority::Arrival, k, 2);
    sim.schedule(2.0, Priority::Arrival, k, 3);
    sim.run();
    CHECK(*watch.lock() == 5);
    CHECK(sim.event_name(k) == "count");
  }
  CHECK(watch.expired());
}
