// Inversion of the crisis and readiness hazards, and the travel matrix.
#include "models/hazards.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>

#include "models/region.hpp"

using namespace caresim::model;

TEST_CASE("the post-discharge delay makes the cumulative hazard equal the exponential draw") {
  const double rate = 0.5 / 365.25, k = 3, tau = 60;
  for (const double since : {0.0, 10.0, 200.0}) {
    for (const double e : {0.01, 0.5, 1.0, 4.0}) {
      const double d = post_discharge_delay(rate, k, tau, since, e);
      const double boost = k * std::exp(-since / tau);
      const double h = rate * (d + boost * tau * (1 - std::exp(-d / tau)));
      CHECK(h == doctest::Approx(e).epsilon(1e-9));
    }
  }
  CHECK(std::isinf(post_discharge_delay(0, 3, 60, 0, 1)));
}

TEST_CASE("the piecewise delay crosses pieces and starts from the current stay day") {
  const std::vector<std::pair<double, double>> pieces{{0, 0.1}, {10, 0.01}};
  CHECK(piecewise_delay(pieces, 1, 0, 0.5) == doctest::Approx(5));
  CHECK(piecewise_delay(pieces, 1, 0, 1.5) == doctest::Approx(60));  // 1 by day 10, 0.5 more at 0.01
  CHECK(piecewise_delay(pieces, 2, 5, 1.0) == doctest::Approx(5));   // 0.2 * 5 = 1
  CHECK(piecewise_cumulative(pieces, 1, 0, 60) == doctest::Approx(1.5));
  CHECK(std::isinf(piecewise_delay({{0, 0.1}, {10, 0}}, 1, 0, 2.0)));
}

TEST_CASE("the travel matrix holds shortest paths and infinity between unconnected places") {
  const TravelMatrix m(4, {{0, 1, 10}, {1, 2, 15}, {0, 2, 40}});
  CHECK(m.minutes(0, 2) == 25);
  CHECK(m.minutes(2, 0) == 25);
  CHECK(m.minutes(1, 1) == 0);
  CHECK(std::isinf(m.minutes(0, 3)));
  CHECK(nearest_first(m, 0, 3, [](int i) { return i; }) == std::vector<int>{0, 1, 2});
  CHECK_THROWS_AS(TravelMatrix(2, {{0, 2, 5}}), std::invalid_argument);
  CHECK_THROWS_AS(TravelMatrix(2, {{0, 1, -5}}), std::invalid_argument);
}
