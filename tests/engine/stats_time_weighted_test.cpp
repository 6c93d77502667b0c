// TimeWeighted against closed forms of known step functions.
#include <doctest/doctest.h>

#include <limits>

#include "engine/core/error.hpp"
#include "engine/stats/time_weighted.hpp"

using namespace caresim::engine;

TEST_CASE("the time-weighted mean of a step function equals its closed form") {
  // 2 on [0, 3), 5 on [3, 4), 1 on [4, 10]: area 6 + 5 + 6 = 17 over 10 days.
  TimeWeighted tw(0, 2);
  tw.update(3, 5);
  tw.update(4, 1);
  CHECK(tw.integral(10) == doctest::Approx(17.0));
  CHECK(tw.mean(10) == doctest::Approx(1.7));
  CHECK(tw.mean(4) == doctest::Approx(11.0 / 4));
  CHECK(tw.min() == 1);
  CHECK(tw.max() == 5);
  CHECK(tw.current() == 1);
  CHECK(tw.updates() == 2);
}

TEST_CASE("the time-weighted mean after a warm-up reset covers only the time after it") {
  TimeWeighted tw(0, 2);
  tw.update(3, 5);
  tw.reset(3.5);  // keeps the value 5, drops [0, 3.5)
  tw.update(4, 1);
  CHECK(tw.start_time() == 3.5);
  CHECK(tw.integral(10) == doctest::Approx(5 * 0.5 + 1 * 6.0));
  CHECK(tw.mean(10) == doctest::Approx(8.5 / 6.5));
  CHECK(tw.min() == 1);
  CHECK(tw.max() == 5);  // the value held at the reset counts, the earlier 2 does not
}

TEST_CASE("a time-weighted window of zero length reports the current value") {
  TimeWeighted tw(2, 7);
  CHECK(tw.mean(2) == 7);
  CHECK(tw.integral(2) == 0);
}

TEST_CASE("several updates at one time count only the last value in the mean") {
  TimeWeighted tw(0, 0);
  tw.update(1, 4);
  tw.update(1, 9);
  tw.update(1, 2);
  CHECK(tw.integral(3) == doctest::Approx(4.0));
  CHECK(tw.max() == 9);
}

TEST_CASE("a long run of small time-weighted increments keeps its precision") {
  // 10^6 steps of 0.001 days at value 1/3: the compensated area stays exact to ~1e-12.
  TimeWeighted tw(0, 1.0 / 3);
  Time t = 0;
  for (int i = 1; i <= 1000000; ++i) {
    t = i * 0.001;
    tw.update(t, 1.0 / 3);
  }
  CHECK(tw.integral(t) == doctest::Approx(t / 3).epsilon(1e-13));
}

TEST_CASE("time going backwards in TimeWeighted is rejected") {
  TimeWeighted tw(0, 1);
  tw.update(5, 2);
  CHECK_THROWS_WITH_AS(tw.update(4, 3),
                       "TimeWeighted::update(t=4): time must be non-decreasing, but the last update was at t=5",
                       UsageError);
  CHECK_THROWS_WITH_AS(tw.integral(4.5),
                       "TimeWeighted::integral(t=4.5): time must be non-decreasing, but the last update was at t=5",
                       UsageError);
  CHECK_THROWS_WITH_AS(
      tw.reset(1), "TimeWeighted::reset(t=1): time must be non-decreasing, but the last update was at t=5", UsageError);
  CHECK_THROWS_WITH_AS(tw.update(std::numeric_limits<double>::infinity(), 1),
                       "TimeWeighted::update(t=inf): the time is not finite", UsageError);
  CHECK(tw.current() == 2);
}
