// Resource and CapacitySchedule: every documented misuse raises UsageError with its message.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <string>

#include "engine/core/error.hpp"
#include "engine/core/simulator.hpp"
#include "engine/resource/capacity_schedule.hpp"
#include "engine/resource/resource.hpp"

using namespace caresim::engine;

namespace {
const Resource::GrantHandler ignore = [](std::uint64_t) {};
}  // namespace

TEST_CASE("a negative capacity is rejected") {
  Simulator sim;
  CHECK_THROWS_WITH_AS(Resource(sim, "beds", -1),
                       "Resource \"beds\": capacity -1 is negative; a capacity must be 0 or more", UsageError);
  Resource res(sim, "beds", 2);
  CHECK_THROWS_WITH_AS(res.set_capacity(-3), "Resource \"beds\": set_capacity(-3): a capacity must be 0 or more",
                       UsageError);
  CHECK_THROWS_WITH_AS(res.announce_capacity(-1),
                       "Resource \"beds\": announce_capacity(-1): a capacity must be 0 or more", UsageError);
  CHECK(res.capacity() == 2);
}

TEST_CASE("an amount of zero or less is rejected") {
  Simulator sim;
  Resource res(sim, "beds", 2, QueueDiscipline::Fifo, ignore);
  CHECK_THROWS_WITH_AS(res.acquire(7, 0),
                       "Resource \"beds\": acquire(client 7, amount 0): the amount must be at least 1", UsageError);
  CHECK_THROWS_WITH_AS(res.try_acquire(7, -2),
                       "Resource \"beds\": try_acquire(client 7, amount -2): the amount must be at least 1",
                       UsageError);
  REQUIRE(res.try_acquire(7));
  CHECK_THROWS_WITH_AS(res.release(7, 0),
                       "Resource \"beds\": release(client 7, amount 0): the amount must be at least 1", UsageError);
  CHECK(res.in_use() == 1);
}

TEST_CASE("an amount that no capacity could ever serve is rejected") {
  Simulator sim;
  Resource res(sim, "beds", 2, QueueDiscipline::Fifo, ignore);
  CHECK_THROWS_WITH_AS(
      res.acquire(7, 3),
      "Resource \"beds\": acquire(client 7, amount 3): more units than the largest capacity it has had "
      "or was announced to have (2), so it could never be granted; call announce_capacity() if the "
      "capacity will grow",
      UsageError);
  CHECK(res.queue_length() == 0);
  res.announce_capacity(3);
  res.acquire(7, 3);
  CHECK(res.queue_length() == 1);
}

TEST_CASE("releasing what is not held is rejected") {
  Simulator sim;
  Resource res(sim, "beds", 3, QueueDiscipline::Fifo, ignore);
  CHECK_THROWS_WITH_AS(res.release(4),
                       "Resource \"beds\": release(client 4, amount 1): the client holds only 0 unit(s)", UsageError);
  res.acquire(4, 2);
  CHECK_THROWS_WITH_AS(res.release(4, 3),
                       "Resource \"beds\": release(client 4, amount 3): the client holds only 2 unit(s)", UsageError);
  CHECK(res.held_by(4) == 2);
  CHECK(res.in_use() == 2);
}

TEST_CASE("cancelling a request that is not waiting is rejected") {
  Simulator sim;
  Resource res(sim, "beds", 1, QueueDiscipline::Fifo, ignore);
  const RequestId granted = res.acquire(1);
  const std::string expected = "Resource \"beds\": cancel_request(#" + std::to_string(granted) +
                               "): the request is not waiting (it was granted, reneged or cancelled, or never made)";
  CHECK_THROWS_WITH_AS(res.cancel_request(granted), expected.c_str(), UsageError);
  const RequestId waiting = res.acquire(2);
  res.cancel_request(waiting);
  CHECK_THROWS_AS(res.cancel_request(waiting), UsageError);
  CHECK_THROWS_AS(res.cancel_request(999), UsageError);
}

TEST_CASE("acquire without a grant handler is rejected") {
  Simulator sim;
  Resource res(sim, "beds", 1);
  CHECK_THROWS_WITH_AS(res.acquire(5),
                       "Resource \"beds\": acquire(client 5): no grant handler is set; pass one to the constructor or "
                       "set_grant_handler()",
                       UsageError);
  CHECK_THROWS_WITH_AS(res.set_grant_handler({}), "Resource \"beds\": set_grant_handler: the handler is empty",
                       UsageError);
  CHECK(res.try_acquire(5));  // try_acquire needs no handler
}

TEST_CASE("a negative or NaN patience is rejected") {
  Simulator sim;
  Resource res(sim, "beds", 0, QueueDiscipline::Fifo, ignore);
  res.announce_capacity(1);
  CHECK_THROWS_WITH_AS(res.acquire(5, 1, 0, -1.0),
                       "Resource \"beds\": acquire(client 5): patience -1 days is not a duration >= 0 (use "
                       "Resource::kForever to wait without limit)",
                       UsageError);
  CHECK_THROWS_AS(res.acquire(5, 1, 0, std::numeric_limits<double>::quiet_NaN()), UsageError);
  CHECK(res.queue_length() == 0);
}

TEST_CASE("an unordered capacity schedule is rejected") {
  Simulator sim;
  Resource res(sim, "beds", 1);
  CHECK_THROWS_WITH_AS(
      CapacitySchedule(sim, res, {{5, 2}, {3, 1}}),
      "CapacitySchedule for resource \"beds\": step 1: time 3 is not after the previous step's time 5; "
      "steps must be in strictly increasing time order",
      UsageError);
  CHECK_THROWS_WITH_AS(
      CapacitySchedule(sim, res, {{5, 2}, {5, 1}}),
      "CapacitySchedule for resource \"beds\": step 1: time 5 is not after the previous step's time 5; "
      "steps must be in strictly increasing time order",
      UsageError);
  CHECK(sim.pending() == 0);
}

TEST_CASE("a capacity schedule with a negative capacity or a past time is rejected") {
  Simulator sim;
  Resource res(sim, "beds", 1);
  CHECK_THROWS_WITH_AS(CapacitySchedule(sim, res, {{1, 2}, {2, -4}}),
                       "CapacitySchedule for resource \"beds\": step 1: capacity -4 is negative", UsageError);
  sim.run_until(10);
  CHECK_THROWS_WITH_AS(CapacitySchedule(sim, res, {{9, 2}}),
                       "CapacitySchedule for resource \"beds\": step 0: time 9 is not finite or is before the current "
                       "time t=10",
                       UsageError);
}
