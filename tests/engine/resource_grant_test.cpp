// Resource: when requests are granted, in what order, and the try_acquire rule.
#include <doctest/doctest.h>

#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include "engine/core/simulator.hpp"
#include "engine/resource/resource.hpp"
#include "resource_test_support.hpp"

using namespace caresim::engine;
using namespace caresim::engine::testing;

TEST_CASE("a release at time t frees the unit before an acquisition at time t is granted") {
  Logged m(1);
  Script script(m.sim);
  REQUIRE(m.res.try_acquire(1));
  // The acquisition is scheduled first; the release still fires first at t = 5.
  script.at(5, Priority::Acquire, [&] { m.res.acquire(2); });
  script.at(5, Priority::Release, [&] { m.res.release(1); });
  m.sim.run();
  CHECK(m.grants == std::vector<Mark>{{2, 5.0}});
  CHECK(m.res.immediate_grants() == 2);
  CHECK(m.res.queued_grants() == 0);
  CHECK(m.res.held_by(2) == 1);
}

TEST_CASE("waiting requests are granted only after every release at the same time") {
  Logged m(1);
  Script script(m.sim);
  REQUIRE(m.res.try_acquire(1));
  bool second_release_ran = false;
  bool checked = false;
  m.res.set_grant_handler([&](std::uint64_t client) {
    CHECK(client == 2);
    CHECK(m.sim.now() == 5.0);
    CHECK(second_release_ran);
    checked = true;
  });
  script.at(1, Priority::Arrival, [&] { m.res.acquire(2); });
  script.at(5, Priority::Release, [&] { m.res.release(1); });
  script.at(5, Priority::Release, [&] { second_release_ran = true; });
  script.at(5, Priority::Arrival, [&] { m.res.acquire(3); });
  m.sim.run();
  CHECK(checked);
  CHECK(m.res.held_by(2) == 1);
  CHECK(m.res.queue_length() == 1);  // client 3 arrived after the grant and waits
}

TEST_CASE("a grant from the waiting line happens through an Acquire event at the current time") {
  Logged m(1);
  Script script(m.sim);
  REQUIRE(m.res.try_acquire(1));
  m.res.acquire(2);
  REQUIRE(m.res.queue_length() == 1);
  script.at(4, Priority::Arrival, [&] {
    m.res.release(1);
    CHECK(m.res.queue_length() == 1);  // not granted inside release()
    CHECK(m.res.held_by(2) == 0);
  });
  m.sim.run();
  CHECK(m.grants == std::vector<Mark>{{2, 4.0}});
  CHECK(m.res.waiting_times().count() == 2);
  CHECK(m.res.waiting_times().max() == 4.0);
}

TEST_CASE("an immediate grant calls the grant handler before acquire returns") {
  Logged m(2);
  const RequestId id = m.res.acquire(7);
  CHECK(m.grants == std::vector<Mark>{{7, 0.0}});
  CHECK_FALSE(m.res.is_waiting(id));
  CHECK(m.res.in_use() == 1);
  CHECK(m.res.available() == 1);
  CHECK(m.sim.pending() == 0);
}

TEST_CASE("waiting requests are served in FIFO order") {
  Logged m(1);
  Script script(m.sim);
  m.res.acquire(10);
  for (std::uint64_t c : {11, 12, 13}) m.res.acquire(c, 1, static_cast<int>(20 - c));  // priorities ignored
  for (std::uint64_t c : {10, 11, 12})
    script.at(static_cast<Time>(c - 9), Priority::Release, [&m, c] { m.res.release(c); });
  m.sim.run();
  CHECK(m.grants == std::vector<Mark>{{10, 0.0}, {11, 1.0}, {12, 2.0}, {13, 3.0}});
}

TEST_CASE("the priority discipline serves lower priority numbers first and FIFO within equals") {
  Logged m(1, QueueDiscipline::Priority);
  Script script(m.sim);
  m.res.acquire(1);
  m.res.acquire(2, 1, 5);
  m.res.acquire(3, 1, 1);
  m.res.acquire(4, 1, 5);
  m.res.acquire(5, 1, 1);
  m.res.acquire(6, 1, -2);
  for (std::uint64_t c = 1; c <= 5; ++c)
    script.at(static_cast<Time>(c), Priority::Release, [&m] { m.res.release(m.grants.back().client); });
  m.sim.run();
  std::vector<std::uint64_t> order;
  for (const Mark& g : m.grants) order.push_back(g.client);
  CHECK(order == std::vector<std::uint64_t>{1, 6, 3, 5, 2, 4});
}

TEST_CASE("a request that becomes the front of a priority line is granted if it fits") {
  Logged m(2, QueueDiscipline::Priority);
  m.res.acquire(1);
  m.res.acquire(2, 2, 5);  // waits: needs 2, 1 is free
  m.res.acquire(3, 1, 0);  // goes before client 2 and fits
  m.sim.run();
  CHECK(m.grants == std::vector<Mark>{{1, 0.0}, {3, 0.0}});
  CHECK(m.res.queue_length() == 1);
}

TEST_CASE("try_acquire does not jump the waiting line") {
  Logged m(2);
  Script script(m.sim);
  m.res.acquire(1, 2);
  m.res.acquire(2);  // waits
  script.at(1, Priority::Release, [&] {
    m.res.release(1, 2);  // two units free, client 2 not yet granted
    CHECK(m.res.available() == 2);
    CHECK_FALSE(m.res.try_acquire(3));
  });
  script.at(1, Priority::Arrival, [&] { CHECK(m.res.try_acquire(4)); });  // after the grant
  m.sim.run();
  CHECK(m.res.held_by(2) == 1);
  CHECK(m.res.held_by(3) == 0);
  CHECK(m.res.held_by(4) == 1);
  CHECK(m.res.refusals() == 1);
}

TEST_CASE("try_acquire fails when the resource is full") {
  Logged m(2);
  CHECK(m.res.try_acquire(1));
  CHECK(m.res.try_acquire(2));
  CHECK_FALSE(m.res.try_acquire(3));
  CHECK(m.res.try_acquire(1, 1) == false);
  m.res.release(2);
  CHECK_FALSE(m.res.try_acquire(3, 2));  // one free, two asked
  CHECK(m.res.try_acquire(3, 1));
  CHECK(m.grants.empty());  // try_acquire never calls the grant handler
  CHECK(m.res.immediate_grants() == 3);
  CHECK(m.res.refusals() == 3);
}

TEST_CASE("a front request that does not fit blocks the requests behind it") {
  Logged m(3);
  Script script(m.sim);
  m.res.acquire(1, 2);
  m.res.acquire(2, 3);  // waits for all three units
  m.res.acquire(3, 1);  // would fit now, but waits behind client 2
  CHECK(m.res.available() == 1);
  script.at(2, Priority::Release, [&] { m.res.release(1, 2); });
  script.at(3, Priority::Release, [&] { m.res.release(2, 3); });
  m.sim.run();
  CHECK(m.grants == std::vector<Mark>{{1, 0.0}, {2, 2.0}, {3, 3.0}});
}

TEST_CASE("a client can hold units from several grants and release them in parts") {
  Logged m(5);
  m.res.acquire(1, 2);
  m.res.acquire(1, 2);
  CHECK(m.res.held_by(1) == 4);
  m.res.release(1, 3);
  CHECK(m.res.held_by(1) == 1);
  CHECK(m.res.in_use() == 1);
  m.res.release(1);
  CHECK(m.res.held_by(1) == 0);
  CHECK(m.res.in_use() == 0);
}

TEST_CASE("a grant handler may release and acquire on the same resource") {
  Logged m(1);
  Script script(m.sim);
  m.res.acquire(1);
  m.res.acquire(2);
  m.res.acquire(3);
  // Each client hands its unit straight back when granted (a zero-length stay).
  m.res.set_grant_handler([&](std::uint64_t c) {
    m.grants.push_back({c, m.sim.now()});
    m.res.release(c);
  });
  script.at(1, Priority::Release, [&] { m.res.release(1); });
  m.sim.run();
  CHECK(m.grants == std::vector<Mark>{{1, 0.0}, {2, 1.0}, {3, 1.0}});
  CHECK(m.res.in_use() == 0);
  CHECK(m.res.queue_length() == 0);
}
