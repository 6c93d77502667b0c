// Replications until a precision is reached (runner/precision.hpp): batches in id order,
// the same answer on any thread count, a stop after the first batch or at the maximum,
// the floor of a zero mean, and which summary rows a name selects.
#include "runner/precision.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "tests/runner/runner_test_support.hpp"

using namespace caresim;
using caresim::runner::testing::one_year_region;

namespace {

runner::RunBatch on_threads(const model::Parameters& p, unsigned threads,
                            std::vector<std::vector<std::uint32_t>>* seen) {
  return [&p, threads, seen](const std::vector<std::uint32_t>& ids) {
    if (seen != nullptr) seen->push_back(ids);
    return runner::run_replications(p, 41, ids, threads);
  };
}

std::string json_of(const std::vector<runner::ReplicationResult>& results) {
  return runner::summary_json(runner::summarise(results), results, "precision", "0123456789abcdef", 41);
}

// Replications whose only indicator is `deaths` (people per year: floor 0.5), one per value.
std::vector<runner::ReplicationResult> deaths(const std::vector<double>& values) {
  std::vector<runner::ReplicationResult> results;
  for (std::size_t i = 0; i < values.size(); ++i) {
    runner::ReplicationResult r;
    r.id = static_cast<std::uint32_t>(i);
    r.indicators.add("deaths", values[i]);
    results.push_back(std::move(r));
  }
  return results;
}

}  // namespace

TEST_CASE("a precision run uses the same replications and gives the same summary on one thread and on two") {
  const model::Parameters p = one_year_region(0.5);
  runner::PrecisionTarget target;
  target.relative = 0.03;
  target.indicators = {"admissions_per_year", "inpatients"};
  target.batch = 4;
  target.max_replications = 40;
  const runner::PrecisionSelection selection(model::indicator_dictionary(), target.indicators);
  std::vector<std::vector<std::uint32_t>> batches;
  const auto one = runner::run_to_precision(target, selection, on_threads(p, 1, &batches));
  const auto two = runner::run_to_precision(target, selection, on_threads(p, 2, nullptr));
  CAPTURE(runner::precision_verdict(one, target));
  // More than one batch, so the stop was decided on a later batch, and before the maximum.
  CHECK(one.batches > 1);
  CHECK(one.met);
  CHECK(one.results.size() < target.max_replications);
  CHECK(two.batches == one.batches);
  CHECK(two.results.size() == one.results.size());
  CHECK(json_of(two.results) == json_of(one.results));
  // Whole batches, in replication-id order.
  REQUIRE(batches.size() == one.batches);
  for (std::size_t b = 0; b < batches.size(); ++b) {
    REQUIRE(batches[b].size() == target.batch);
    for (std::size_t i = 0; i < target.batch; ++i) CHECK(batches[b][i] == b * target.batch + i);
  }
}

TEST_CASE("a loose precision stops after the first batch") {
  const model::Parameters p = one_year_region(0.5);
  runner::PrecisionTarget target;
  target.relative = 0.5;
  target.indicators = {"inpatients", "admissions_per_year", "crisis_outcomes"};
  target.batch = 5;
  target.max_replications = 50;
  const runner::PrecisionSelection selection(model::indicator_dictionary(), target.indicators);
  std::size_t after_batch_calls = 0;
  const auto outcome = runner::run_to_precision(target, selection, on_threads(p, 2, nullptr),
                                                [&](const runner::PrecisionOutcome&) { ++after_batch_calls; });
  CAPTURE(runner::precision_verdict(outcome, target));
  CHECK(outcome.met);
  CHECK(outcome.batches == 1);
  CHECK(after_batch_calls == 1);
  CHECK(outcome.results.size() == 5);
  CHECK(runner::precision_verdict(outcome, target).rfind("precision: 5 replications (1 batch of up to 5): every", 0) ==
        0);
}

TEST_CASE("an impossible precision stops at the maximum and names the rows that missed") {
  const model::Parameters p = one_year_region(0.25);
  runner::PrecisionTarget target;
  target.relative = 1e-9;
  target.indicators = {"admissions_per_year"};
  target.batch = 3;
  target.max_replications = 7;  // batches of 3, 3 and a last one cut to 1
  const runner::PrecisionSelection selection(model::indicator_dictionary(), target.indicators);
  std::vector<std::vector<std::uint32_t>> batches;
  const auto outcome = runner::run_to_precision(target, selection, on_threads(p, 2, &batches));
  CHECK_FALSE(outcome.met);
  CHECK(outcome.results.size() == 7);
  REQUIRE(batches.size() == 3);
  CHECK(batches[2] == std::vector<std::uint32_t>{6});
  const std::string verdict = runner::precision_verdict(outcome, target);
  CHECK(verdict.find("precision: 7 replications (3 batches of up to 3): stopped at the maximum of 7 "
                     "(--max-replications); 1 row(s) not within 1e-07% of the mean: admissions_per_year (+-") == 0);
  CHECK(verdict.find("% of its mean)\n") != std::string::npos);
}

TEST_CASE("an indicator with a mean of zero meets the target within its unit's floor") {
  const runner::PrecisionSelection selection(model::indicator_dictionary(), {"deaths"});
  // Mean 0: no relative target can be met; the half-width of about 0.07 is within the
  // floor of 0.5 people per year.
  const auto small =
      runner::check_precision(runner::summarise(deaths({0.1, -0.1, 0.1, -0.1, 0.1, -0.1})), selection, 0.05);
  REQUIRE(small.size() == 1);
  CHECK(small[0].mean == doctest::Approx(0).epsilon(1e-12));
  CHECK(small[0].limit == 0.5);
  CHECK(small[0].met);
  // A spread of one death either side around 0 is not.
  const auto wide = runner::check_precision(runner::summarise(deaths({1, -1, 1, -1, 1, -1})), selection, 0.05);
  REQUIRE(wide.size() == 1);
  CHECK(wide[0].half_width > 0.5);
  CHECK_FALSE(wide[0].met);
}

TEST_CASE("a row defined in only some replications is named at the maximum with the count where it is defined") {
  const double nan = std::nan("");
  runner::PrecisionOutcome outcome;
  outcome.results = deaths({nan, 40, nan, 10, nan, 70});
  outcome.batches = 2;
  const runner::PrecisionSelection selection(model::indicator_dictionary(), {"deaths"});
  outcome.checks = runner::check_precision(runner::summarise(outcome.results), selection, 0.05);
  runner::PrecisionTarget target;
  target.batch = 3;
  target.max_replications = 6;
  // Mean 40, sd 30 over 3: half-width 4.303 * 30 / sqrt(3) = 74.5, 186% of the mean.
  CHECK(runner::precision_verdict(outcome, target) ==
        "precision: 6 replications (2 batches of up to 3): stopped at the maximum of 6 (--max-replications); 1 "
        "row(s) not within 5% of the mean: deaths (+-186% of its mean, defined in 3 of 6 replications)\n");
}

TEST_CASE("an indicator undefined in every replication counts as met and one defined once does not") {
  const runner::PrecisionSelection selection(model::indicator_dictionary(), {"deaths"});
  const double nan = std::nan("");
  const auto none = runner::check_precision(runner::summarise(deaths({nan, nan, nan})), selection, 0.05);
  REQUIRE(none.size() == 1);
  CHECK_FALSE(none[0].defined);
  CHECK(none[0].met);
  const auto once = runner::check_precision(runner::summarise(deaths({nan, 40, nan})), selection, 0.05);
  REQUIRE(once.size() == 1);
  CHECK(once[0].n == 1);
  CHECK_FALSE(once[0].met);
}

TEST_CASE("a map indicator is judged by every key or its total and by one key alone when that key is named") {
  const model::IndicatorDictionary& d = model::indicator_dictionary();
  const runner::PrecisionSelection whole(d, {"crisis_outcomes", "discharge_curve_monthly", "long_stay_65plus"});
  CHECK(whole.selects("crisis_outcomes.admission"));
  CHECK(whole.selects("crisis_outcomes.home"));
  CHECK(whole.selects("discharge_curve_monthly[3]"));
  CHECK(whole.selects("long_stay_65plus"));
  CHECK_FALSE(whole.selects("crisis_outcome_shares.home"));
  CHECK_FALSE(whole.selects("long_stay_65plus_series.FY2025"));
  CHECK(whole.unit_of("crisis_outcomes.home") == "count per year");
  const runner::PrecisionSelection one(d, {"crisis_outcomes.admission"});
  CHECK(one.selects("crisis_outcomes.admission"));
  CHECK_FALSE(one.selects("crisis_outcomes.home"));
  // A map with a total is judged by the total alone, unless a key is named.
  const runner::PrecisionSelection total(d, {"cost_yen"});
  CHECK(total.selects("cost_yen.total"));
  CHECK_FALSE(total.selects("cost_yen.hospital"));
  CHECK(total.unit_of("cost_yen.total") == "yen per year");
  CHECK(runner::PrecisionSelection(d, {"cost_yen.hospital"}).selects("cost_yen.hospital"));
}

TEST_CASE("the default judges the dictionary's headline indicators") {
  const model::IndicatorDictionary& d = model::indicator_dictionary();
  const runner::PrecisionSelection selection(d, {});
  for (const model::IndicatorRow& r : d.rows()) {
    CAPTURE(r.name);
    const bool has_total = std::find(r.keys.begin(), r.keys.end(), "total") != r.keys.end();
    const std::string key = has_total ? "total" : r.keys.empty() ? "k" : r.keys.back();
    const std::string row = r.shape == model::IndicatorShape::Scalar ? r.name
                            : r.shape == model::IndicatorShape::Map  ? r.name + "." + key
                                                                     : r.name + "[1]";
    CHECK(selection.selects(row) == r.headline);
  }
}

TEST_CASE("an unknown indicator name or map key is refused with the valid names") {
  const model::IndicatorDictionary& d = model::indicator_dictionary();
  for (const char* bad : {"readmision_365d", "crisis_outcomes.nowhere", "readmission_365d.home"}) {
    CAPTURE(bad);
    try {
      const runner::PrecisionSelection s(d, {"deaths", bad});
      FAIL("accepted");
    } catch (const std::invalid_argument& e) {
      const std::string what = e.what();
      CHECK(what.rfind(std::string("no indicator called \"") + bad +
                           "\"; give an indicator or a map's key (crisis_outcomes.admission) of: discharge_rate_3m, "
                           "discharge_rate_6m, ",
                       0) == 0);
      CHECK(what.find(", people_present") != std::string::npos);
    }
  }
}

TEST_CASE("every unit of the indicator dictionary has a precision floor") {
  std::set<std::string> units;
  for (const model::IndicatorRow& r : model::indicator_dictionary().rows()) units.insert(r.unit);
  for (const std::string& u : units) {
    CAPTURE(u);
    CHECK(runner::precision_floor(u) > 0);
  }
  CHECK(runner::precision_floor("fraction") == 0.001);
  CHECK(runner::precision_floor("yen per year") == 10'000);
  CHECK(runner::precision_floor("furlongs") == 0);
}

TEST_CASE("a precision target out of range is refused before anything runs") {
  const runner::PrecisionSelection selection(model::indicator_dictionary(), {});
  bool ran = false;
  const runner::RunBatch never = [&](const std::vector<std::uint32_t>&) {
    ran = true;
    return std::vector<runner::ReplicationResult>{};
  };
  runner::PrecisionTarget t;
  t.relative = 0;
  CHECK_THROWS_WITH_AS(runner::run_to_precision(t, selection, never),
                       "precision: the relative half-width must be between 0 and 1 (0.05 for 5%)",
                       std::invalid_argument);
  t.relative = 0.05;
  t.batch = 1;
  CHECK_THROWS_WITH_AS(runner::run_to_precision(t, selection, never),
                       "precision: a batch must hold at least 2 replications", std::invalid_argument);
  t.batch = 10;
  t.max_replications = 0;
  CHECK_THROWS_WITH_AS(runner::run_to_precision(t, selection, never),
                       "precision: the maximum must be at least 1 replication", std::invalid_argument);
  CHECK_FALSE(ran);
}
