// The engine's queueing models against theory: what `caresim validate` prints.
#include <doctest/doctest.h>

#include <cmath>

#include "validation/known_answer_checks.hpp"
#include "validation/queueing_models.hpp"
#include "validation/theory.hpp"

using namespace caresim::validation;

TEST_CASE("erlang formulas match published values") {
  // Erlang B(10 servers, 9 erlangs) = 0.16796 and C = 0.66873 (standard tables).
  CHECK(erlang_b(10, 9.0) == doctest::Approx(0.167963).epsilon(1e-5));
  CHECK(erlang_c(10, 9.0) == doctest::Approx(0.668732).epsilon(1e-5));
  CHECK(erlang_b(1, 1.0) == doctest::Approx(0.5));
  CHECK(mmc_mean_wait(1, 0.5, 1.0) == doctest::Approx(1.0));  // M/M/1: rho/(mu-lambda)
}

TEST_CASE("every known-answer check passes within its confidence bounds") {
  ValidationOptions options;
  options.replications = 10;
  options.arrivals = 300'000;
  const auto checks = run_known_answer_checks(options);
  REQUIRE(checks.size() == 7);
  for (const auto& c : checks) {
    INFO(c.model, " ", c.quantity, ": simulated ", c.simulated, " +- ", c.half_width, " vs ", c.theory);
    CHECK(c.pass);
  }
}

TEST_CASE("a wrong service rate makes the erlang c check fail") {
  // The check must be able to fail: compare an M/M/10 run at mu=1.05 with the mu=1 theory.
  MmcConfig config;
  config.service_rate = 1.05;
  config.arrivals = 100'000;
  double sum = 0;
  for (std::uint32_t r = 0; r < 4; ++r) sum += run_mmc(config, 3, r).mean_wait;
  CHECK(std::abs(sum / 4 - mmc_mean_wait(10, 9.0, 1.0)) > 0.2);
}

TEST_CASE("the same seed and replication give identical results") {
  MmcConfig config;
  config.arrivals = 20'000;
  config.warmup_arrivals = 1'000;
  const auto a = run_mmc(config, 11, 2);
  const auto b = run_mmc(config, 11, 2);
  const auto c = run_mmc(config, 11, 3);
  CHECK(a.mean_wait == b.mean_wait);
  CHECK(a.events == b.events);
  CHECK(a.mean_wait != c.mean_wait);
}
