// Distribution, bernoulli() and poisson(): realised moments against the configured ones,
// describe(), and every invalid-parameter message.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "engine/core/error.hpp"
#include "engine/rng/distributions.hpp"

using namespace caresim::engine;

namespace {
constexpr std::size_t kDraws = 200000;
constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// Sample mean and variance with their standard errors; the variance's standard error uses
// the sample fourth central moment, Var(s^2) ~ (m4 - s^4) / n.
struct Moments {
  double mean, variance, se_mean, se_variance;
};

template <class Draw>
Moments realised(std::size_t n, Draw draw) {
  std::vector<double> x(n);
  for (double& v : x) v = draw();
  double mean = 0;
  for (const double v : x) mean += v;
  mean /= static_cast<double>(n);
  double m2 = 0, m4 = 0;
  for (const double v : x) {
    const double d2 = (v - mean) * (v - mean);
    m2 += d2;
    m4 += d2 * d2;
  }
  m4 /= static_cast<double>(n);
  const double variance = m2 / static_cast<double>(n - 1);
  return {mean, variance, std::sqrt(variance / static_cast<double>(n)),
          std::sqrt((m4 - variance * variance) / static_cast<double>(n))};
}

// Within five standard errors: with a fixed key the test is deterministic, and five keeps it
// from being fragile to a deliberate change of draws (about 1 in 10^6 per comparison).
void check_moments(const Distribution& d, std::uint64_t entity) {
  INFO(d.describe());
  RandomStream s(StreamKey{7, 0, purpose_id("moments"), entity});
  const Moments m = realised(kDraws, [&] { return d.sample(s); });
  CHECK(std::abs(m.mean - d.mean()) < 5 * m.se_mean);
  CHECK(std::abs(m.variance - d.variance()) < 5 * m.se_variance);
}
}  // namespace

TEST_SUITE("slow") {
  TEST_CASE("realised means and variances of every distribution kind match the configured ones") {
    std::uint64_t entity = 0;
    for (const Distribution& d :
         {Distribution::exponential(4.2), Distribution::gamma(0.6, 3), Distribution::gamma(1, 2),
          Distribution::gamma(3.5, 1.2), Distribution::lognormal(1, 0.5), Distribution::lognormal_mean_sd(12, 9),
          Distribution::weibull(0.8, 5), Distribution::weibull(2.5, 10), Distribution::uniform(-2, 5),
          Distribution::normal(3, 1.5), Distribution::empirical({0, 1, 7, 30}, {5, 3, 2}),
          Distribution::empirical({1000, 1001, 1003}, {1, 1})}) {
      check_moments(d, entity++);
    }
  }

  TEST_CASE("an empirical distribution fills each interval in proportion to its weight") {
    const std::vector<double> breaks{0, 1, 7, 30, 90};
    const std::vector<double> weights{5, 3, 0, 2};
    const auto d = Distribution::empirical(breaks, weights);
    RandomStream s(StreamKey{7, 0, purpose_id("empirical"), 0});
    std::vector<double> count(weights.size()), sum(weights.size());
    for (std::size_t i = 0; i < kDraws; ++i) {
      const double x = d.sample(s);
      REQUIRE(x >= breaks.front());
      REQUIRE(x < breaks.back());
      std::size_t k = 0;
      while (x >= breaks[k + 1]) ++k;
      count[k] += 1;
      sum[k] += x;
    }
    const double n = static_cast<double>(kDraws);
    for (std::size_t k = 0; k < weights.size(); ++k) {
      const double p = weights[k] / 10;
      CHECK(std::abs(count[k] - n * p) <= 5 * std::sqrt(n * p * (1 - p)));
      if (count[k] > 0) {
        // Uniform within the interval: its mean is the midpoint, sd = width / sqrt(12).
        const double width = breaks[k + 1] - breaks[k];
        CHECK(std::abs(sum[k] / count[k] - (breaks[k] + breaks[k + 1]) / 2) < 5 * width / std::sqrt(12 * count[k]));
      }
    }
    CHECK(count[2] == 0);
  }

  TEST_CASE("poisson counts have mean and variance equal to the configured mean") {
    std::uint64_t entity = 0;
    for (const double mean : {0.3, 3.5, 40.0, 2500.0}) {  // both Boost algorithms: inversion below 10
      INFO("mean = " << mean);
      RandomStream s(StreamKey{7, 0, purpose_id("poisson"), entity++});
      const Moments m = realised(kDraws, [&] { return static_cast<double>(poisson(s, mean)); });
      CHECK(std::abs(m.mean - mean) < 5 * m.se_mean);
      CHECK(std::abs(m.variance - mean) < 5 * m.se_variance);
    }
  }

  TEST_CASE("bernoulli draws succeed with the configured probability") {
    RandomStream s(StreamKey{7, 0, purpose_id("bernoulli"), 0});
    for (const double p : {0.001, 0.3, 0.5, 0.97}) {
      double hits = 0;
      for (std::size_t i = 0; i < kDraws; ++i) hits += bernoulli(s, p);
      const double n = static_cast<double>(kDraws);
      CHECK(std::abs(hits - n * p) <= 5 * std::sqrt(n * p * (1 - p)));
    }
  }
}

TEST_CASE("configured moments follow the textbook formulas") {
  CHECK(Distribution::exponential(4).mean() == 4);
  CHECK(Distribution::exponential(4).variance() == 16);
  CHECK(Distribution::gamma(2, 3).mean() == 6);
  CHECK(Distribution::gamma(2, 3).variance() == 18);
  const auto ln = Distribution::lognormal_mean_sd(12, 9);
  CHECK(ln.mean() == doctest::Approx(12).epsilon(1e-12));
  CHECK(std::sqrt(ln.variance()) == doctest::Approx(9).epsilon(1e-12));
  // Weibull with shape 1 is the exponential with mean = scale.
  CHECK(Distribution::weibull(1, 5).mean() == doctest::Approx(5).epsilon(1e-12));
  CHECK(Distribution::weibull(1, 5).variance() == doctest::Approx(25).epsilon(1e-12));
  CHECK(Distribution::uniform(2, 8).mean() == 5);
  CHECK(Distribution::uniform(2, 8).variance() == 3);
  CHECK(Distribution::normal(-1, 2).variance() == 4);
  CHECK(Distribution::constant(3.5).mean() == 3.5);
  CHECK(Distribution::constant(3.5).variance() == 0);
  // Two equal intervals [0,1) and [1,3) with weights 1 and 1: mean 0.5 * 0.5 + 0.5 * 2.
  const auto e = Distribution::empirical({0, 1, 3}, {1, 1});
  CHECK(e.mean() == doctest::Approx(1.25));
  CHECK(e.variance() == doctest::Approx(0.5 * (1.0 / 3) + 0.5 * (13.0 / 3) - 1.25 * 1.25));
}

TEST_CASE("a constant distribution returns its value and draws nothing") {
  RandomStream s(StreamKey{1, 0, 0, 0});
  const auto d = Distribution::constant(2.5);
  CHECK(d.sample(s) == 2.5);
  CHECK(s.draw_index() == 0);
}

TEST_CASE("a copied distribution samples exactly like its original") {
  const auto original = Distribution::empirical({0, 2, 5}, {1, 4});
  const Distribution copy = original;
  RandomStream a(StreamKey{1, 0, 0, 0}), b(StreamKey{1, 0, 0, 0});
  for (int i = 0; i < 100; ++i) REQUIRE(original.sample(a) == copy.sample(b));
  CHECK(copy.kind() == Distribution::Kind::Empirical);
}

TEST_CASE("describe echoes each distribution's parameters as given") {
  CHECK(Distribution::constant(3).describe() == "constant(value=3)");
  CHECK(Distribution::exponential(0.1).describe() == "exponential(mean=0.1)");
  CHECK(Distribution::gamma(2, 1.5).describe() == "gamma(shape=2, scale=1.5)");
  CHECK(Distribution::lognormal(1, 0.5).describe() == "lognormal(mu=1, sigma=0.5)");
  CHECK(Distribution::lognormal_mean_sd(12, 9).describe() == "lognormal(mean=12, sd=9)");
  CHECK(Distribution::weibull(0.8, 5).describe() == "weibull(shape=0.8, scale=5)");
  CHECK(Distribution::uniform(-2, 5).describe() == "uniform(a=-2, b=5)");
  CHECK(Distribution::normal(3, 1.5).describe() == "normal(mean=3, sd=1.5)");
  CHECK(Distribution::empirical({0, 1, 7}, {5, 3}).describe() == "empirical(breaks=[0, 1, 7], weights=[5, 3])");
  std::vector<double> breaks(12), weights(11, 1.0);
  for (std::size_t i = 0; i < breaks.size(); ++i) breaks[i] = static_cast<double>(i);
  CHECK(Distribution::empirical(breaks, weights).describe() == "empirical(11 intervals on [0, 11))");
}

TEST_CASE("bernoulli with probability zero or one is certain") {
  RandomStream s(StreamKey{1, 0, 0, 0});
  for (int i = 0; i < 1000; ++i) {
    REQUIRE_FALSE(bernoulli(s, 0));
    REQUIRE(bernoulli(s, 1));
  }
}

TEST_CASE("poisson with mean zero returns zero without drawing") {
  RandomStream s(StreamKey{1, 0, 0, 0});
  CHECK(poisson(s, 0) == 0);
  CHECK(s.draw_index() == 0);
}

TEST_CASE("every invalid distribution parameter is rejected with a message naming it") {
  CHECK_THROWS_WITH_AS(Distribution::constant(kNan),
                       "Distribution::constant: value = nan is invalid; it must be a finite number", UsageError);
  CHECK_THROWS_WITH_AS(Distribution::exponential(0),
                       "Distribution::exponential: mean = 0 is invalid; it must be a finite number > 0", UsageError);
  CHECK_THROWS_WITH_AS(Distribution::exponential(-1),
                       "Distribution::exponential: mean = -1 is invalid; it must be a finite number > 0", UsageError);
  CHECK_THROWS_WITH_AS(Distribution::exponential(kNan),
                       "Distribution::exponential: mean = nan is invalid; it must be a finite number > 0", UsageError);
  CHECK_THROWS_WITH_AS(Distribution::exponential(kInf),
                       "Distribution::exponential: mean = inf is invalid; it must be a finite number > 0", UsageError);
  CHECK_THROWS_WITH_AS(Distribution::gamma(0, 1),
                       "Distribution::gamma: shape = 0 is invalid; it must be a finite number > 0", UsageError);
  CHECK_THROWS_WITH_AS(Distribution::gamma(1, -2),
                       "Distribution::gamma: scale = -2 is invalid; it must be a finite number > 0", UsageError);
  CHECK_THROWS_WITH_AS(Distribution::lognormal(kNan, 1),
                       "Distribution::lognormal: mu = nan is invalid; it must be a finite number", UsageError);
  CHECK_THROWS_WITH_AS(Distribution::lognormal(0, -0.5),
                       "Distribution::lognormal: sigma = -0.5 is invalid; it must be a finite number >= 0", UsageError);
  CHECK_THROWS_WITH_AS(Distribution::lognormal_mean_sd(-3, 1),
                       "Distribution::lognormal_mean_sd: mean = -3 is invalid; it must be a finite number > 0",
                       UsageError);
  CHECK_THROWS_WITH_AS(Distribution::lognormal_mean_sd(5, -1),
                       "Distribution::lognormal_mean_sd: sd = -1 is invalid; it must be a finite number >= 0",
                       UsageError);
  CHECK_THROWS_WITH_AS(Distribution::lognormal_mean_sd(1e-200, 1e200),
                       "Distribution::lognormal_mean_sd: sd = 1e+200 is invalid; it must be small enough relative to "
                       "mean = 1e-200 that (sd / mean)^2 is finite",
                       UsageError);
  CHECK_THROWS_WITH_AS(Distribution::weibull(-1, 1),
                       "Distribution::weibull: shape = -1 is invalid; it must be a finite number > 0", UsageError);
  CHECK_THROWS_WITH_AS(Distribution::weibull(1, 0),
                       "Distribution::weibull: scale = 0 is invalid; it must be a finite number > 0", UsageError);
  CHECK_THROWS_WITH_AS(Distribution::uniform(kNan, 1),
                       "Distribution::uniform: a = nan is invalid; it must be a finite number", UsageError);
  CHECK_THROWS_WITH_AS(Distribution::uniform(0, kInf),
                       "Distribution::uniform: b = inf is invalid; it must be a finite number", UsageError);
  CHECK_THROWS_WITH_AS(Distribution::uniform(3, 3),
                       "Distribution::uniform: b = 3 is invalid; it must be greater than a = 3", UsageError);
  CHECK_THROWS_WITH_AS(Distribution::uniform(-1e308, 1e308),
                       "Distribution::uniform: b = 1e+308 is invalid; it must be within the largest finite double of "
                       "a = -1e+308",
                       UsageError);
  CHECK_THROWS_WITH_AS(Distribution::normal(kInf, 1),
                       "Distribution::normal: mean = inf is invalid; it must be a finite number", UsageError);
  CHECK_THROWS_WITH_AS(Distribution::normal(0, -1),
                       "Distribution::normal: sd = -1 is invalid; it must be a finite number >= 0", UsageError);
}

TEST_CASE("every invalid empirical table is rejected with a message naming the fault") {
  CHECK_THROWS_WITH_AS(Distribution::empirical({0}, {}),
                       "Distribution::empirical: weights is empty; give at least one interval", UsageError);
  CHECK_THROWS_WITH_AS(Distribution::empirical({0, 1, 2}, {1, 1, 1}),
                       "Distribution::empirical: breaks has 3 values and weights 3; breaks must have exactly one more "
                       "value than weights (the ends of the intervals)",
                       UsageError);
  CHECK_THROWS_WITH_AS(Distribution::empirical({0, kNan, 2}, {1, 1}),
                       "Distribution::empirical: breaks[1] = nan is invalid; it must be a finite number", UsageError);
  CHECK_THROWS_WITH_AS(Distribution::empirical({0, 3, 1}, {1, 1}),
                       "Distribution::empirical: breaks[2] = 1 is invalid; it must be greater than breaks[1] = 3 "
                       "(breaks must be strictly increasing)",
                       UsageError);
  CHECK_THROWS_WITH_AS(Distribution::empirical({0, 1, 1}, {1, 1}),
                       "Distribution::empirical: breaks[2] = 1 is invalid; it must be greater than breaks[1] = 1 "
                       "(breaks must be strictly increasing)",
                       UsageError);
  CHECK_THROWS_WITH_AS(Distribution::empirical({0, 1, 2}, {1, -2}),
                       "Distribution::empirical: weights[1] = -2 is invalid; it must be a finite number >= 0",
                       UsageError);
  CHECK_THROWS_WITH_AS(Distribution::empirical({0, 1, 2}, {kNan, 1}),
                       "Distribution::empirical: weights[0] = nan is invalid; it must be a finite number >= 0",
                       UsageError);
  CHECK_THROWS_WITH_AS(Distribution::empirical({0, 1, 2}, {0, 0}),
                       "Distribution::empirical: weights are all zero; at least one must be > 0", UsageError);
  CHECK_THROWS_WITH_AS(Distribution::empirical({0, 1, 2}, {1e308, 1e308}),
                       "Distribution::empirical: weights sum to inf; scale them down so their sum is finite",
                       UsageError);
}

TEST_CASE("invalid bernoulli probabilities and poisson means are rejected with a message naming them") {
  RandomStream s(StreamKey{1, 0, 0, 0});
  CHECK_THROWS_WITH_AS(bernoulli(s, -0.1), "bernoulli: p = -0.1 is invalid; it must be a probability in [0, 1]",
                       UsageError);
  CHECK_THROWS_WITH_AS(bernoulli(s, 1.5), "bernoulli: p = 1.5 is invalid; it must be a probability in [0, 1]",
                       UsageError);
  CHECK_THROWS_WITH_AS(bernoulli(s, kNan), "bernoulli: p = nan is invalid; it must be a probability in [0, 1]",
                       UsageError);
  CHECK_THROWS_WITH_AS(poisson(s, -1), "poisson: mean = -1 is invalid; it must be a finite number in [0, 2^53]",
                       UsageError);
  CHECK_THROWS_WITH_AS(poisson(s, kNan), "poisson: mean = nan is invalid; it must be a finite number in [0, 2^53]",
                       UsageError);
  CHECK_THROWS_WITH_AS(poisson(s, 1e300), "poisson: mean = 1e+300 is invalid; it must be a finite number in [0, 2^53]",
                       UsageError);
  CHECK(s.draw_index() == 0);
}
