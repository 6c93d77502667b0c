// Resource: capacity changing over time, by hand and by CapacitySchedule.
#include <doctest/doctest.h>

#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include "engine/core/simulator.hpp"
#include "engine/resource/capacity_schedule.hpp"
#include "engine/resource/resource.hpp"
#include "resource_test_support.hpp"

using namespace caresim::engine;
using namespace caresim::engine::testing;

TEST_CASE("a capacity increase grants waiting requests at that time") {
  Logged m(1);
  Script script(m.sim);
  m.res.acquire(1);
  m.res.acquire(2);
  m.res.acquire(3);
  m.res.acquire(4);
  script.at(2, Priority::CapacityChange, [&] { m.res.set_capacity(3); });
  m.sim.run();
  CHECK(m.grants == std::vector<Mark>{{1, 0.0}, {2, 2.0}, {3, 2.0}});
  CHECK(m.res.queue_length() == 1);
  CHECK(m.res.available() == 0);
}

TEST_CASE("a capacity decrease does not evict holders and new grants wait until in_use fits") {
  Logged m(3);
  Script script(m.sim);
  for (std::uint64_t c : {1, 2, 3}) m.res.acquire(c);
  script.at(1, Priority::CapacityChange, [&] {
    m.res.set_capacity(1);
    CHECK(m.res.in_use() == 3);  // nobody is evicted
    CHECK(m.res.available() == 0);
  });
  script.at(1.5, Priority::Arrival, [&] { m.res.acquire(4); });
  script.at(2, Priority::Release, [&] { m.res.release(1); });  // in use 2 > capacity 1
  script.at(3, Priority::Release, [&] { m.res.release(2); });  // in use 1: 1 + 1 > 1, still waits
  script.at(4, Priority::Release, [&] { m.res.release(3); });  // in use 0: client 4 fits
  m.sim.run_until(3.5);
  CHECK(m.res.held_by(2) == 0);
  CHECK(m.res.held_by(3) == 1);
  CHECK(m.res.queue_length() == 1);
  m.sim.run();
  CHECK(m.grants.back() == Mark{4, 4.0});
  CHECK(m.res.in_use() == 1);
}

TEST_CASE("CapacitySchedule applies steps at their times") {
  Logged m(0);
  CapacitySchedule schedule(m.sim, m.res, {{2, 3}, {5, 0}, {7, 2}});
  m.res.acquire(1);
  m.res.acquire(2);
  std::vector<std::int64_t> seen;
  for (Time t : {1.0, 2.0, 4.0, 5.0, 6.0, 7.0, 9.0}) {
    m.sim.run_until(t);
    seen.push_back(m.res.capacity());
  }
  CHECK(seen == std::vector<std::int64_t>{0, 3, 3, 0, 0, 2, 2});
  CHECK(m.grants == std::vector<Mark>{{1, 2.0}, {2, 2.0}});
  CHECK(schedule.done());
  CHECK(schedule.applied() == 3);
  CHECK(m.res.capacity_stats().integral(9.0) == doctest::Approx(3.0 * 3 + 2.0 * 2));
}

TEST_CASE("a capacity step at time t comes after the releases and before the grants at t") {
  Logged m(2);
  Script script(m.sim);
  m.res.acquire(1, 2);
  m.res.acquire(2, 2);
  // At t = 3 the capacity drops to 1 and client 1 leaves: the release (scheduled after the
  // schedule) fires first, the step next, and the grant pass sees capacity 1 < 2.
  CapacitySchedule schedule(m.sim, m.res, {{3, 1}});
  std::int64_t capacity_at_release = -1;
  script.at(3, Priority::Release, [&] {
    capacity_at_release = m.res.capacity();
    m.res.release(1, 2);
  });
  m.sim.run();
  CHECK(capacity_at_release == 2);
  CHECK(m.grants == std::vector<Mark>{{1, 0.0}});
  CHECK(m.res.queue_length() == 1);
}

TEST_CASE("CapacitySchedule announces its largest capacity so larger requests are accepted early") {
  Logged m(1);
  CapacitySchedule schedule(m.sim, m.res, {{10, 4}, {20, 1}});
  m.res.acquire(1, 3);
  m.sim.run();
  CHECK(m.grants == std::vector<Mark>{{1, 10.0}});
  CHECK(m.res.capacity() == 1);
  CHECK(m.res.in_use() == 3);
}

TEST_CASE("an empty CapacitySchedule does nothing") {
  Logged m(2);
  CapacitySchedule schedule(m.sim, m.res, {});
  CHECK(schedule.done());
  CHECK(m.sim.pending() == 0);
}
