// The replication runner: results independent of the thread count, and the earliest
// failing replication reported whatever the thread count.
#include "runner/replications.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "runner/indicator_summary.hpp"
#include "tests/runner/runner_test_support.hpp"

using namespace caresim;
using caresim::runner::testing::one_year_region;

namespace {

std::vector<std::uint32_t> first_ids(std::uint32_t n) {
  std::vector<std::uint32_t> ids(n);
  std::iota(ids.begin(), ids.end(), 0u);
  return ids;
}

std::string json_of(const std::vector<runner::ReplicationResult>& results) {
  return runner::summary_json(runner::summarise(results), results, "one year", "0123456789abcdef", 17);
}

}  // namespace

TEST_CASE("the runner's JSON is byte-identical on one thread and on four") {
  const model::Parameters p = one_year_region();
  const auto ids = first_ids(6);
  const auto one = runner::run_replications(p, 17, ids, 1);
  const auto four = runner::run_replications(p, 17, ids, 4);
  REQUIRE(one.size() == ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) CHECK(four[i].id == ids[i]);
  const std::string json = json_of(one);
  CHECK(json == json_of(four));
  // The replications differ from each other, so equal output is not the same table six times.
  CHECK(one[0].indicators.to_json() != one[1].indicators.to_json());
}

TEST_CASE("the earliest failing replication is reported whatever the thread count") {
  const model::Parameters p = one_year_region(0.25);
  const auto ids = first_ids(8);
  for (const unsigned threads : {1u, 2u, 4u}) {
    CAPTURE(threads);
    std::atomic<int> started{0};
    const runner::BeforeRun fail_some = [&](std::uint32_t id, model::CareModel&) {
      ++started;
      if (id == 2 || id == 5) throw std::domain_error("no bed list for " + std::to_string(id));
    };
    try {
      runner::run_replications(p, 3, ids, threads, fail_some);
      FAIL("no error");
    } catch (const runner::ReplicationError& e) {
      CHECK(e.id() == 2);
      CHECK(std::string(e.what()) == "replication 2: no bed list for 2");
      CHECK_THROWS_AS(e.rethrow_cause(), std::domain_error);
    }
    // On one thread nothing starts after the failure.
    if (threads == 1) CHECK(started.load() == 3);
  }
}

TEST_CASE("a replication whose model rejects its parameters is reported with its id") {
  model::Parameters bad = one_year_region(0.25);
  bad.housing.pop_back();
  try {
    runner::run_replications(bad, 3, {4, 7}, 2);
    FAIL("no error");
  } catch (const runner::ReplicationError& e) {
    CHECK(e.id() == 4);
    CHECK(std::string(e.what()).rfind("replication 4: ", 0) == 0);
    CHECK_THROWS_AS(e.rethrow_cause(), std::invalid_argument);
  }
}
