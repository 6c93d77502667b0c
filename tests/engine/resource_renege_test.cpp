// Resource: patience (reneging) and withdrawn requests.
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

namespace {

// One unit held by client 1 from t = 0; grants and reneges are logged.
struct Full {
  Simulator sim;
  std::vector<Mark> grants;
  std::vector<Mark> reneges;
  Resource res;
  explicit Full(std::int64_t capacity = 1)
      : res(sim, "pool", capacity, QueueDiscipline::Fifo, [this](std::uint64_t c) {
          grants.push_back({c, sim.now()});
        }) {
    res.set_renege_handler([this](std::uint64_t c) { reneges.push_back({c, sim.now()}); });
    REQUIRE(res.try_acquire(1, capacity));
  }
};
}  // namespace

TEST_CASE("a request leaves the line after its patience and is not granted later") {
  Full m;
  Script script(m.sim);
  RequestId id = 0;
  script.at(1, Priority::Arrival, [&] { id = m.res.acquire(2, 1, 0, 2.0); });
  script.at(4, Priority::Release, [&] { m.res.release(1); });
  m.sim.run();
  CHECK(m.reneges == std::vector<Mark>{{2, 3.0}});
  CHECK(m.grants.empty());
  CHECK_FALSE(m.res.is_waiting(id));
  CHECK(m.res.held_by(2) == 0);
  CHECK(m.res.in_use() == 0);
  CHECK(m.res.reneges() == 1);
  CHECK(m.res.queue_stats().integral(4.0) == doctest::Approx(2.0));
}

TEST_CASE("a granted request cancels its patience timer") {
  Full m;
  Script script(m.sim);
  script.at(1, Priority::Arrival, [&] { m.res.acquire(2, 1, 0, 10.0); });
  script.at(4, Priority::Release, [&] { m.res.release(1); });
  m.sim.run_until(4.5);
  CHECK(m.grants == std::vector<Mark>{{2, 4.0}});
  CHECK(m.sim.pending() == 0);  // the timer due at t = 11 is gone
  m.sim.run();
  CHECK(m.reneges.empty());
  CHECK(m.res.held_by(2) == 1);
  CHECK(m.res.waiting_times().max() == doctest::Approx(3.0));
}

TEST_CASE("a grant and a renege due at the same time resolve in favour of the grant") {
  Full m;
  Script script(m.sim);
  script.at(1, Priority::Arrival, [&] { m.res.acquire(2, 1, 0, 3.0); });
  script.at(4, Priority::Release, [&] { m.res.release(1); });
  m.sim.run();
  CHECK(m.grants == std::vector<Mark>{{2, 4.0}});
  CHECK(m.reneges.empty());
}

TEST_CASE("a request with zero patience reneges at once when it cannot be served") {
  Full m(1);
  const RequestId id = m.res.acquire(2, 1, 0, 0.0);
  CHECK(m.res.is_waiting(id));
  m.sim.run();
  CHECK(m.reneges == std::vector<Mark>{{2, 0.0}});
  CHECK(m.res.queue_length() == 0);
}

TEST_CASE("cancel_request withdraws a waiting request without calling a handler") {
  Full m;
  Script script(m.sim);
  const RequestId id = m.res.acquire(2, 1, 0, 5.0);
  script.at(2, Priority::Arrival, [&] { m.res.cancel_request(id); });
  script.at(3, Priority::Release, [&] { m.res.release(1); });
  m.sim.run();
  CHECK(m.grants.empty());
  CHECK(m.reneges.empty());
  CHECK(m.res.cancellations() == 1);
  CHECK(m.res.in_use() == 0);
  CHECK(m.sim.now() == 3.0);  // the patience timer (t = 5) was cancelled too
}

TEST_CASE("withdrawing the front request lets the next request that fits be granted") {
  Full m(2);
  Script script(m.sim);
  m.res.release(1);  // one of two units free
  const RequestId front = m.res.acquire(2, 2);
  m.res.acquire(3, 1);
  script.at(1, Priority::Arrival, [&] { m.res.cancel_request(front); });
  m.sim.run();
  CHECK(m.grants == std::vector<Mark>{{3, 1.0}});
}

TEST_CASE("reneging of the front request lets the next request that fits be granted") {
  Full m(2);
  m.res.release(1);
  m.res.acquire(2, 2, 0, 1.5);
  m.res.acquire(3, 1);
  m.sim.run();
  CHECK(m.reneges == std::vector<Mark>{{2, 1.5}});
  CHECK(m.grants == std::vector<Mark>{{3, 1.5}});
}
