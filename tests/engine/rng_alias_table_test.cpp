// AliasTable: frequencies against probabilities, deterministic construction, bad weights.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "engine/core/error.hpp"
#include "engine/rng/alias_table.hpp"

using namespace caresim::engine;

TEST_CASE("alias table probabilities are the weights normalised to sum to one") {
  const AliasTable table({2, 0, 6});
  CHECK(table.size() == 3);
  CHECK(table.probability(0) == 0.25);
  CHECK(table.probability(1) == 0);
  CHECK(table.probability(2) == 0.75);
}

TEST_CASE("an alias table with one category always returns it and uses one draw") {
  const AliasTable table({0.3});
  RandomStream s(StreamKey{3, 0, 0, 0});
  for (int i = 0; i < 100; ++i) REQUIRE(table.sample(s) == 0);
  CHECK(s.draw_index() == 100);
}

TEST_CASE("equal weights build equal tables that draw equal categories") {
  // Vose's construction uses fixed work-list order, so two builds are interchangeable.
  const std::vector<double> weights{0.1, 3, 0, 2.5, 7, 0.01, 1, 1, 1};
  const AliasTable a(weights), b(weights);
  RandomStream sa(StreamKey{3, 0, 1, 0}), sb(StreamKey{3, 0, 1, 0});
  for (int i = 0; i < 10000; ++i) REQUIRE(a.sample(sa) == b.sample(sb));
}

TEST_SUITE("slow") {
  TEST_CASE("alias table frequencies match the probabilities within five standard errors") {
    // Skewed weights with zeros, a dominant category and tiny ones, so columns get aliases.
    const std::vector<double> weights{0.1, 3, 0, 2.5, 7, 0.01, 1, 1, 1, 0, 40, 0.5};
    const AliasTable table(weights);
    RandomStream s(StreamKey{3, 0, 2, 0});
    constexpr std::size_t n = 400000;
    std::vector<double> count(weights.size());
    for (std::size_t i = 0; i < n; ++i) count[table.sample(s)] += 1;
    double chi2 = 0;
    std::size_t df = 0;
    for (std::size_t k = 0; k < weights.size(); ++k) {
      const double p = table.probability(k);
      const double expected = p * static_cast<double>(n);
      INFO("category " << k << " p = " << p << " count = " << count[k]);
      if (p == 0) {
        CHECK(count[k] == 0);
        continue;
      }
      CHECK(std::abs(count[k] - expected) <= 5 * std::sqrt(expected * (1 - p)));
      chi2 += (count[k] - expected) * (count[k] - expected) / expected;
      ++df;
    }
    --df;
    // Chi-square with df degrees of freedom: mean df, sd sqrt(2 df); five sd is far in the tail.
    CHECK(chi2 < static_cast<double>(df) + 5 * std::sqrt(2.0 * static_cast<double>(df)));
  }
}

TEST_CASE("every invalid alias table weight is rejected with a message naming it") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  CHECK_THROWS_WITH_AS(AliasTable({}), "AliasTable: weights is empty; give at least one weight > 0", UsageError);
  CHECK_THROWS_WITH_AS(AliasTable({1, -1, 2}), "AliasTable: weight[1] = -1 is invalid; weights must be finite and >= 0",
                       UsageError);
  CHECK_THROWS_WITH_AS(AliasTable({nan}), "AliasTable: weight[0] = nan is invalid; weights must be finite and >= 0",
                       UsageError);
  CHECK_THROWS_WITH_AS(AliasTable({1, inf}), "AliasTable: weight[1] = inf is invalid; weights must be finite and >= 0",
                       UsageError);
  CHECK_THROWS_WITH_AS(AliasTable({0, 0, 0}), "AliasTable: all 3 weights are zero; at least one must be > 0",
                       UsageError);
  CHECK_THROWS_WITH_AS(AliasTable({1e308, 1e308}),
                       "AliasTable: weights sum to inf; scale them down so their sum is finite", UsageError);
}
