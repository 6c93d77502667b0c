// Tally against a two-pass reference, and merge against a single pass.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "engine/core/error.hpp"
#include "engine/stats/tally.hpp"

using namespace caresim::engine;

namespace {
// A fixed, irregular sequence with a large offset, where the naive sum-of-squares
// formula would lose most of its digits.
std::vector<double> sample(int n, double offset) {
  std::vector<double> xs;
  for (int i = 0; i < n; ++i) xs.push_back(offset + std::sin(0.7 * i) * 3.0 + (i % 7) * 0.25);
  return xs;
}

// Two passes over the data shifted back by `offset` (exact for these magnitudes), in
// long double: a reference far more accurate than any one-pass method.
struct TwoPass {
  double mean = 0, variance = 0;
};
TwoPass two_pass(const std::vector<double>& xs, double offset) {
  long double mean = 0, ss = 0;
  for (double x : xs) mean += x - offset;
  mean /= static_cast<long double>(xs.size());
  for (double x : xs) ss += (x - offset - mean) * (x - offset - mean);
  return {static_cast<double>(mean + offset), static_cast<double>(ss / static_cast<long double>(xs.size() - 1))};
}
}  // namespace

TEST_CASE("Tally mean and variance match a two-pass computation") {
  // At an offset of 1e9 the sum-of-squares formula returns about 5500 for a variance of
  // 4.76; Welford stays within a few parts in 1e9 (the data's own resolution is 1e-7).
  for (double offset : {0.0, 1e6, 1e9}) {
    const auto xs = sample(1000, offset);
    Tally t;
    for (double x : xs) t.add(x);
    const TwoPass ref = two_pass(xs, offset);
    CHECK(t.count() == 1000);
    CHECK(t.mean() == doctest::Approx(ref.mean).epsilon(1e-14));
    CHECK(t.variance() == doctest::Approx(ref.variance).epsilon(1e-8));
    CHECK(t.sd() == doctest::Approx(std::sqrt(ref.variance)).epsilon(1e-8));
    CHECK(t.standard_error() == doctest::Approx(std::sqrt(ref.variance / 1000)).epsilon(1e-8));
    CHECK(t.sum() == doctest::Approx(ref.mean * 1000).epsilon(1e-14));
  }
}

TEST_CASE("Tally min and max and the undefined statistics of small samples") {
  Tally t;
  CHECK(std::isnan(t.mean()));
  CHECK(std::isnan(t.min()));
  t.add(3);
  CHECK(t.mean() == 3);
  CHECK(std::isnan(t.variance()));
  t.add(-1);
  t.add(8);
  CHECK(t.min() == -1);
  CHECK(t.max() == 8);
  CHECK(t.variance() == doctest::Approx(61.0 / 3));  // (74 - 100/3) / 2
  t.clear();
  CHECK(t.count() == 0);
}

TEST_CASE("merging two tallies equals one pass over both streams") {
  const auto xs = sample(1001, 50.0);
  Tally all, left, right, empty;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    all.add(xs[i]);
    (i < 337 ? left : right).add(xs[i]);
  }
  Tally merged = left;
  merged.merge(right);
  merged.merge(empty);
  CHECK(merged.count() == all.count());
  CHECK(merged.mean() == doctest::Approx(all.mean()).epsilon(1e-14));
  CHECK(merged.variance() == doctest::Approx(all.variance()).epsilon(1e-12));
  CHECK(merged.min() == all.min());
  CHECK(merged.max() == all.max());
  Tally from_empty;
  from_empty.merge(all);
  CHECK(from_empty.variance() == all.variance());
}

TEST_CASE("a NaN observation is rejected by Tally") {
  Tally t;
  CHECK_THROWS_WITH_AS(t.add(std::numeric_limits<double>::quiet_NaN()), "Tally::add: the observation is NaN",
                       UsageError);
  CHECK(t.count() == 0);
}
