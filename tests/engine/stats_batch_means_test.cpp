// Batch means on known sequences and time series.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "engine/core/error.hpp"
#include "engine/stats/batch_means.hpp"

using namespace caresim::engine;

TEST_CASE("batch means of a known sequence and their interval") {
  std::vector<double> xs;
  for (int i = 1; i <= 12; ++i) xs.push_back(i);
  const BatchMeans bm = BatchMeans::of_observations(xs, 3);
  CHECK(bm.batch_size() == 4);
  CHECK(bm.means() == std::vector<double>{2.5, 6.5, 10.5});
  CHECK(bm.grand_mean() == doctest::Approx(6.5));
  // The means have sd 4, so the half-width is t(0.975, 2) * 4 / sqrt(3).
  const ConfidenceInterval ci = bm.interval();
  CHECK(ci.n == 3);
  CHECK(ci.half_width == doctest::Approx(4.302653 * 4.0 / std::sqrt(3.0)).epsilon(1e-6));
  // Linearly rising means: lag-1 autocorrelation of (-4, 0, 4) is (0 + 0) / 32 = 0.
  CHECK(bm.lag1_autocorrelation() == doctest::Approx(0.0));
}

TEST_CASE("batch means drop the leftover observations at the start") {
  std::vector<double> xs;
  for (int i = 1; i <= 14; ++i) xs.push_back(i);
  const BatchMeans bm = BatchMeans::of_observations(xs, 3);
  CHECK(bm.batch_size() == 4);
  CHECK(bm.means() == std::vector<double>{4.5, 8.5, 12.5});  // 3..6, 7..10, 11..14
}

TEST_CASE("an alternating sequence gives negatively correlated short batches") {
  std::vector<double> xs;
  for (int i = 0; i < 40; ++i) xs.push_back(i % 2 == 0 ? 1.0 : 3.0);
  const BatchMeans singles = BatchMeans::of_observations(xs, 40);
  CHECK(singles.lag1_autocorrelation() < -0.9);
  const BatchMeans pairs = BatchMeans::of_observations(xs, 20);
  CHECK(pairs.interval().half_width == doctest::Approx(0.0));
  CHECK(pairs.grand_mean() == doctest::Approx(2.0));
}

TEST_CASE("batch means of a time series are time averages over equal windows") {
  // 1 on [0, 2), 3 on [2, 5), 0 from 5 on; windows [1, 3), [3, 5), [5, 7).
  const std::vector<TimePoint> series{{0, 1}, {2, 3}, {5, 0}};
  const BatchMeans bm = BatchMeans::of_time_series(series, 1, 7, 3);
  CHECK(bm.batch_length() == 2.0);
  REQUIRE(bm.means().size() == 3);
  CHECK(bm.means()[0] == doctest::Approx(2.0));
  CHECK(bm.means()[1] == doctest::Approx(3.0));
  CHECK(bm.means()[2] == doctest::Approx(0.0));
}

TEST_CASE("batch means misuse is rejected") {
  const std::vector<double> three{1, 2, 3};
  CHECK_THROWS_WITH_AS(
      BatchMeans::of_observations(three, 1),
      "BatchMeans::of_observations: 3 observations in 1 batches; need at least 2 batches of at least 1 "
      "observation",
      UsageError);
  CHECK_THROWS_AS(BatchMeans::of_observations(three, 4), UsageError);
  const std::vector<TimePoint> late{{2, 1}};
  CHECK_THROWS_WITH_AS(BatchMeans::of_time_series(late, 1, 3, 2),
                       "BatchMeans::of_time_series: the series must have a point at or before the window start",
                       UsageError);
  const std::vector<TimePoint> unordered{{0, 1}, {3, 1}, {2, 1}};
  CHECK_THROWS_WITH_AS(BatchMeans::of_time_series(unordered, 0, 4, 2),
                       "BatchMeans::of_time_series: point 2 is earlier than the one before", UsageError);
}
