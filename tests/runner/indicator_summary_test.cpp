// Summaries over replications: the interval is Student's t on the replications' values,
// computed here independently with Boost.Math and compared with the engine's.
#include "runner/indicator_summary.hpp"

#include <doctest/doctest.h>

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <numeric>
#include <vector>

#include "engine/stats/confidence_interval.hpp"
#include "engine/stats/tally.hpp"
#include "runner/replications.hpp"
#include "tests/runner/runner_test_support.hpp"

using namespace caresim;
using caresim::runner::testing::one_year_region;

TEST_CASE("every summary interval agrees with engine::student_t_interval and with Student's t") {
  const std::vector<std::uint32_t> ids{0, 1, 2, 3, 4};
  const auto results = runner::run_replications(one_year_region(), 11, ids, 2);
  const auto rows = runner::summarise(results);
  REQUIRE(rows.size() > 20);
  int with_spread = 0;
  for (const auto& row : rows) {
    CAPTURE(row.name);
    REQUIRE(row.values.size() == ids.size());
    std::vector<double> finite;
    for (double v : row.values)
      if (!std::isnan(v)) finite.push_back(v);
    if (finite.size() < 2) {
      CHECK(row.half_width == 0);
      continue;
    }
    engine::Tally tally;
    for (double v : finite) tally.add(v);
    CHECK(row.half_width == engine::student_t_interval(tally, 0.95).half_width);
    // Independently: mean +- t_{0.975, n-1} * s / sqrt(n).
    const double n = static_cast<double>(finite.size());
    const double mean = std::accumulate(finite.begin(), finite.end(), 0.0) / n;
    double squares = 0;
    for (double v : finite) squares += (v - mean) * (v - mean);
    const double t = boost::math::quantile(boost::math::students_t(n - 1), 0.975);
    const double half_width = t * std::sqrt(squares / (n - 1)) / std::sqrt(n);
    CHECK(row.mean == doctest::Approx(mean).epsilon(1e-12));
    CHECK(row.half_width == doctest::Approx(half_width).epsilon(1e-9));
    CHECK(row.min == *std::min_element(finite.begin(), finite.end()));
    CHECK(row.max == *std::max_element(finite.begin(), finite.end()));
    if (half_width > 0) ++with_spread;
  }
  CHECK(with_spread > 10);  // the comparison was made on intervals that are not all zero
}

TEST_CASE("one replication gives a zero half-width and the value as mean, min and max") {
  const auto results = runner::run_replications(one_year_region(0.5), 11, {3}, 1);
  for (const auto& row : runner::summarise(results)) {
    CAPTURE(row.name);
    CHECK(row.half_width == 0);
    if (std::isnan(row.values[0])) continue;
    CHECK(row.mean == row.values[0]);
    CHECK(row.min == row.values[0]);
    CHECK(row.max == row.values[0]);
  }
}
