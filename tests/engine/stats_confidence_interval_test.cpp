// Student-t intervals against tabulated quantiles.
#include <doctest/doctest.h>

#include <cmath>

#include "engine/core/error.hpp"
#include "engine/stats/confidence_interval.hpp"
#include "engine/stats/tally.hpp"

using namespace caresim::engine;

TEST_CASE("Student-t quantiles match the tabulated values") {
  CHECK(student_t_quantile(0.975, 9) == doctest::Approx(2.2622).epsilon(1e-4));
  CHECK(student_t_quantile(0.95, 4) == doctest::Approx(2.1318).epsilon(1e-4));
  CHECK(student_t_quantile(0.995, 29) == doctest::Approx(2.7564).epsilon(1e-4));
  CHECK(student_t_quantile(0.975, 1) == doctest::Approx(12.7062).epsilon(1e-4));
  CHECK(student_t_quantile(0.975, 1e6) == doctest::Approx(1.95996).epsilon(1e-4));
}

TEST_CASE("a 95 percent interval from ten observations uses t of 0.975 with 9 degrees of freedom") {
  Tally t;
  for (int i = 1; i <= 10; ++i) t.add(i);  // mean 5.5, sd sqrt(55/6)
  const ConfidenceInterval ci = student_t_interval(t);
  const double sd = std::sqrt(55.0 / 6.0);
  CHECK(ci.n == 10);
  CHECK(ci.level == 0.95);
  CHECK(ci.mean == doctest::Approx(5.5));
  CHECK(ci.half_width == doctest::Approx(2.262157 * sd / std::sqrt(10.0)).epsilon(1e-6));
  CHECK(ci.lower == doctest::Approx(5.5 - ci.half_width));
  CHECK(ci.upper == doctest::Approx(5.5 + ci.half_width));
  CHECK(ci.contains(5.5));
  CHECK_FALSE(ci.contains(9.0));
}

TEST_CASE("an interval from summary statistics honours the level") {
  const ConfidenceInterval ci = student_t_interval(10.0, 2.0, 5, 0.90);
  CHECK(ci.half_width == doctest::Approx(2.131847 * 2.0 / std::sqrt(5.0)).epsilon(1e-6));
  const ConfidenceInterval wide = student_t_interval(10.0, 2.0, 5, 0.99);
  CHECK(wide.half_width > ci.half_width);
}

TEST_CASE("an interval needs two observations and a level between 0 and 1") {
  Tally one;
  one.add(3);
  CHECK_THROWS_WITH_AS(student_t_interval(one),
                       "student_t_interval: 1 observation(s); an interval needs at least 2 to estimate the spread",
                       UsageError);
  CHECK_THROWS_WITH_AS(student_t_interval(1.0, 1.0, 10, 95),
                       "student_t_interval: level 95 is not in (0, 1) (write 0.95, not 95)", UsageError);
  CHECK_THROWS_WITH_AS(student_t_interval(1.0, -1.0, 10),
                       "student_t_interval: standard deviation -1 is not a finite value >= 0", UsageError);
  CHECK_THROWS_WITH_AS(student_t_quantile(1.0, 3),
                       "student_t_quantile(p=1, dof=3): need 0 < p < 1 and positive degrees of freedom", UsageError);
}
