// The statistics of `caresim compare`: the paired and Welch intervals and p-values against
// hand computations, Holm's step-down against a hand example, and the paired bootstrap of
// a ratio (reproducible from its seed, exact when every pair has the same ratio).
#include "runner/comparison.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "engine/core/error.hpp"

using namespace caresim::runner;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

TEST_CASE("a paired difference is the mean of the per-replication differences with a t interval on n - 1 dof") {
  // Differences 1, 2, 3, 6: mean 3, sd sqrt(14/3), se sqrt(14/3)/2, t(0.975, 3) = 3.182446.
  const std::vector<double> base = {10, 20, 30, 40}, variant = {11, 22, 33, 46};
  const Difference d = paired_difference(base, variant);
  const double se = std::sqrt(14.0 / 3.0) / 2.0;
  CHECK(d.pairing == Pairing::Paired);
  CHECK(d.n == 4);
  CHECK(d.mean == doctest::Approx(3.0));
  CHECK(d.dof == 3.0);
  CHECK(d.standard_error == doctest::Approx(se));
  CHECK(d.ci_low == doctest::Approx(3.0 - 3.182446 * se).epsilon(1e-6));
  CHECK(d.ci_high == doctest::Approx(3.0 + 3.182446 * se).epsilon(1e-6));
  // t = 3 / se = 2.777460; two-sided p on 3 dof = 0.069137 (R: 2 * pt(-2.777460, 3)).
  CHECK(d.p_value == doctest::Approx(0.069137).epsilon(1e-4).scale(0));
}

TEST_CASE("a paired difference leaves out a pair with a missing value and needs two pairs") {
  const Difference d = paired_difference({1, kNaN, 3, 5}, {2, 7, 5, 8});
  CHECK(d.n == 3);
  CHECK(d.mean == doctest::Approx(2.0));
  const Difference one = paired_difference({1, kNaN}, {2, 3});
  CHECK(one.n == 1);
  CHECK(std::isnan(one.mean));
  CHECK(std::isnan(one.p_value));
  CHECK_THROWS_AS(paired_difference({1, 2}, {1, 2, 3}), caresim::engine::UsageError);
}

TEST_CASE("a run compared with itself gives a zero difference of zero width and p 1") {
  const std::vector<double> values = {3.5, 4.25, 9, 1};
  const Difference paired = paired_difference(values, values);
  CHECK(paired.mean == 0);
  CHECK(paired.ci_low == 0);
  CHECK(paired.ci_high == 0);
  CHECK(paired.p_value == 1);
  const Difference shifted = paired_difference(values, {4.5, 5.25, 10, 2});
  CHECK(shifted.ci_low == doctest::Approx(1.0));
  CHECK(shifted.ci_high == doctest::Approx(1.0));
  CHECK(shifted.p_value == 0);
}

TEST_CASE("a Welch difference uses the Welch-Satterthwaite degrees of freedom") {
  // base: mean 2, var 1 (n 3); variant: mean 6, var 14/3 (n 4). va = 1/3, vb = 7/6, so
  // dof = 1.5^2 / ((1/3)^2 / 2 + (7/6)^2 / 3) = 4.4182.
  const std::vector<double> base = {1, 2, 3}, variant = {4, 5, 6, 9};
  const Difference d = welch_difference(base, variant);
  const double va = 1.0 / 3.0, vb = (14.0 / 3.0) / 4.0;
  const double dof = (va + vb) * (va + vb) / (va * va / 2 + vb * vb / 3);
  CHECK(d.pairing == Pairing::Welch);
  CHECK(d.n == 7);
  CHECK(d.mean == doctest::Approx(4.0));
  CHECK(d.standard_error == doctest::Approx(std::sqrt(va + vb)));
  CHECK(d.dof == doctest::Approx(dof));
  CHECK(d.dof == doctest::Approx(4.4182).epsilon(1e-4));
  CHECK(d.ci_high - d.mean == doctest::Approx(d.mean - d.ci_low));
  CHECK(d.p_value < 0.05);
  // Both constant: n_a + n_b - 2 degrees of freedom, as analysis/caresim_analysis/compare.py.
  CHECK(welch_difference({2, 2}, {2, 2, 2}).dof == 3.0);
}

TEST_CASE("Holm's step-down adjusts a hand example and keeps the order of the tests") {
  // Sorted 0.005, 0.01, 0.03, 0.04 with m = 4: 0.02, 0.03, 0.06, max(0.06, 0.04) = 0.06.
  const std::vector<double> adjusted = holm_adjusted({0.01, 0.04, 0.03, 0.005});
  REQUIRE(adjusted.size() == 4);
  CHECK(adjusted[0] == doctest::Approx(0.03));
  CHECK(adjusted[1] == doctest::Approx(0.06));
  CHECK(adjusted[2] == doctest::Approx(0.06));
  CHECK(adjusted[3] == doctest::Approx(0.02));
  // At the 5% family-wise level only the first and the last are rejected.
  CHECK(adjusted[0] < 0.05);
  CHECK_FALSE(adjusted[1] < 0.05);
  CHECK(adjusted[3] < 0.05);
}

TEST_CASE("Holm's adjustment caps at 1 and leaves an undefined test out of the family") {
  const std::vector<double> adjusted = holm_adjusted({0.5, kNaN, 0.02});
  CHECK(adjusted[2] == doctest::Approx(0.04));  // m = 2, not 3
  CHECK(adjusted[0] == doctest::Approx(0.5));   // max(0.04, 1 * 0.5)
  CHECK(std::isnan(adjusted[1]));
  CHECK(holm_adjusted({0.9, 0.8})[0] == 1.0);
  CHECK(holm_adjusted({}).empty());
}

TEST_CASE("the paired bootstrap of a ratio is exact when every pair has the same ratio") {
  // Every pair: cost +100 for 2 inpatients fewer, so 50 per inpatient in every resample.
  const std::vector<double> cost_base = {1000, 2000, 1500, 1200}, cost_variant = {1100, 2100, 1600, 1300};
  const std::vector<double> stay_base = {10, 12, 11, 9}, stay_variant = {8, 10, 9, 7};
  const RatioInterval r = paired_ratio_bootstrap(cost_base, cost_variant, stay_base, stay_variant, 500, 7);
  CHECK(r.estimate == doctest::Approx(50));
  CHECK(r.ci_low == doctest::Approx(50));
  CHECK(r.ci_high == doctest::Approx(50));
  CHECK(r.pairs == 4);
  CHECK(r.resamples == 500);
  CHECK(r.seed == 7);
}

TEST_CASE("the paired bootstrap of a ratio is reproducible from its seed and brackets its estimate") {
  const std::vector<double> cost_base = {100, 220, 150, 90, 300, 180, 210, 130};
  const std::vector<double> cost_variant = {160, 250, 230, 120, 390, 200, 300, 150};
  const std::vector<double> stay_base = {10, 12, 11, 9, 14, 10, 13, 8};
  const std::vector<double> stay_variant = {8, 11, 8, 8, 11, 9, 10, 7};
  const RatioInterval a = paired_ratio_bootstrap(cost_base, cost_variant, stay_base, stay_variant);
  const RatioInterval b = paired_ratio_bootstrap(cost_base, cost_variant, stay_base, stay_variant);
  const RatioInterval other =
      paired_ratio_bootstrap(cost_base, cost_variant, stay_base, stay_variant, kBootstrapResamples, kBootstrapSeed + 1);
  // Sum of cost differences 420 over 15 inpatients fewer.
  CHECK(a.estimate == doctest::Approx(420.0 / 15.0));
  CHECK(a.ci_low == b.ci_low);
  CHECK(a.ci_high == b.ci_high);
  CHECK(a.resamples == kBootstrapResamples);
  CHECK(a.ci_low < a.estimate);
  CHECK(a.estimate < a.ci_high);
  CHECK((other.ci_low != a.ci_low || other.ci_high != a.ci_high));
  CHECK_THROWS_AS(paired_ratio_bootstrap({1}, {1, 2}, {1}, {1}), caresim::engine::UsageError);
}
