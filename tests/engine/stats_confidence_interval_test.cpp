// Student-t intervals against tabulated quantiles.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <vector>

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

TEST_CASE("the interval of a median is the pair of order statistics the binomial gives") {
  // n = 9: j = 2 covers with 1 - 2 (1 + 9) / 512 = 0.9609; j = 3 with 1 - 2 * 46 / 512 = 0.8203.
  const MedianInterval nine = median_interval({9, 1, 8, 2, 7, 3, 6, 4, 5});
  CHECK(nine.n == 9);
  CHECK(nine.median == 5);
  CHECK(nine.lower == 2);
  CHECK(nine.upper == 8);
  CHECK(nine.level == doctest::Approx(1 - 2 * 10.0 / 512));
  // n = 25: P(X <= 7) = 0.021643 and P(X <= 8) = 0.053876 for Binomial(25, 1/2): j = 8.
  std::vector<double> x;
  for (int i = 25; i >= 1; --i) x.push_back(i);
  const MedianInterval many = median_interval(x);
  CHECK(many.median == 13);
  CHECK(many.lower == 8);
  CHECK(many.upper == 18);
  CHECK(many.level == doctest::Approx(1 - 2 * 0.021643).epsilon(1e-4));
  // An even count: the median is the mean of the middle two; n = 6 has only j = 1.
  const MedianInterval six = median_interval({6, 5, 4, 3, 2, 1});
  CHECK(six.median == 3.5);
  CHECK(six.lower == 1);
  CHECK(six.upper == 6);
  CHECK(six.level == doctest::Approx(1 - 2.0 / 64));
}

TEST_CASE("the interval of a median covers the median of a skewed distribution at its level") {
  // Exponential(1) samples of 15, a median of log 2; 4,000 samples from a fixed generator.
  std::uint64_t state = 12345;
  const auto uniform = [&state] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return (static_cast<double>(state >> 11) + 0.5) * 0x1.0p-53;
  };
  const double truth = std::log(2.0);
  int covered = 0;
  const int trials = 4000;
  double level = 0;
  for (int t = 0; t < trials; ++t) {
    std::vector<double> sample;
    for (int i = 0; i < 15; ++i) sample.push_back(-std::log(uniform()));
    const MedianInterval ci = median_interval(sample);
    level = ci.level;
    covered += ci.lower <= truth && truth <= ci.upper;
  }
  // Coverage 0.9648 for n = 15 (j = 4); the rate's sd is about 0.003 over 4,000 samples,
  // and an interval one order statistic wider or narrower would cover 0.993 or 0.882.
  CHECK(level == doctest::Approx(0.9648).epsilon(1e-3));
  CHECK(std::abs(covered / static_cast<double>(trials) - level) < 0.012);
}

TEST_CASE("too few observations, a NaN or a level out of range give a clear error") {
  CHECK_THROWS_WITH_AS(median_interval({1, 2, 3, 4, 5}),
                       doctest::Contains("5 observation(s) are too few for a 0.95 interval"), UsageError);
  CHECK_NOTHROW(median_interval({1, 2, 3, 4, 5}, 0.9));
  CHECK_THROWS_WITH_AS(median_interval({1, 2, 3, std::nan(""), 5, 6}), doctest::Contains("NaN"), UsageError);
  CHECK_THROWS_WITH_AS(median_interval({1, 2, 3, 4, 5, 6}, 95), doctest::Contains("write 0.95"), UsageError);
  CHECK_THROWS_AS(median_interval({}), UsageError);
}

TEST_CASE("the median of observations is the middle one or the mean of the middle two") {
  CHECK(median({3, 1, 2}) == 2);
  CHECK(median({4, 1, 3, 2}) == 2.5);
  CHECK(median({7}) == 7);
  CHECK_THROWS_WITH_AS(median({}), "median: no observations", UsageError);
  CHECK_THROWS_WITH_AS(median({1, std::nan("")}), doctest::Contains("NaN"), UsageError);
}
