// Runs compared with a base: the pairing decided per pair of runs, the Holm family chosen
// from the dictionary's headline rows as --precision chooses them, the marks on headline
// rows only, and the cost per long-stay inpatient avoided shown only when it may be.
#include "runner/run_comparison.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

using namespace caresim;
using runner::ComparedRun;
using runner::CostPerAvoided;

namespace {

// A replication whose table holds the long stays and the cost map (every key `cost`).
runner::ReplicationResult replication(std::uint32_t id, double under65, double plus65, double cost) {
  runner::ReplicationResult r;
  r.id = id;
  r.indicators.add("long_stay_under65", under65);
  r.indicators.add("long_stay_65plus", plus65);
  std::vector<std::pair<std::string, double>> costs;
  for (const std::string& key : model::indicator_dictionary().at("cost_yen").keys) costs.emplace_back(key, cost);
  r.indicators.add("cost_yen", std::move(costs));
  return r;
}

ComparedRun run(const std::string& path, std::uint64_t seed, std::vector<runner::ReplicationResult> replications) {
  ComparedRun r;
  r.path = path;
  r.seed = seed;
  r.replications = std::move(replications);
  return r;
}

const runner::ComparisonRow& row(const runner::ComparisonView& view, const std::string& indicator,
                                 const std::string& key = "") {
  for (const runner::ComparisonRow& r : view.rows)
    if (r.indicator == indicator && r.key == key) return r;
  FAIL("no row " << indicator << " " << key);
  return view.rows.front();
}

}  // namespace

TEST_CASE("runs are paired on their common replication ids when they share the seed and Welch otherwise") {
  const ComparedRun base = run("a.h5", 11, {replication(0, 1, 1, 1), replication(1, 2, 2, 2), replication(2, 3, 3, 3)});
  const ComparedRun same = run("b.h5", 11, {replication(2, 1, 1, 1), replication(1, 2, 2, 2), replication(5, 3, 3, 3)});
  const ComparedRun other_seed = run("c.h5", 12, base.replications);
  const ComparedRun one_common = run("d.h5", 11, {replication(2, 1, 1, 1), replication(7, 1, 1, 1)});
  const runner::VariantPairing paired = runner::pairing_of(base, same);
  CHECK(paired.pairing == runner::Pairing::Paired);
  CHECK(paired.common_ids == std::vector<std::uint32_t>{1, 2});
  CHECK(runner::pairing_of(base, other_seed).pairing == runner::Pairing::Welch);
  CHECK(runner::pairing_of(base, other_seed).common_ids.empty());
  CHECK(runner::pairing_of(base, one_common).pairing == runner::Pairing::Welch);
}

TEST_CASE("the Holm family is the headline scalars and a headline map's total or else every key") {
  const model::IndicatorDictionary& d = model::indicator_dictionary();
  CHECK(runner::headline_row(d, "long_stay_65plus", ""));
  CHECK(runner::headline_row(d, "cost_yen", "total"));
  CHECK_FALSE(runner::headline_row(d, "cost_yen", "hospital"));
  CHECK(runner::headline_row(d, "crisis_outcomes", "admission"));
  CHECK(runner::headline_row(d, "crisis_outcomes", "home"));
  CHECK_FALSE(runner::headline_row(d, "readmission_30d", ""));
  CHECK_FALSE(runner::headline_row(d, "no_such_indicator", ""));
}

TEST_CASE("a clear fall of long stays shows the cost per inpatient avoided and marks only headline rows") {
  // Every variant replication: 3 + 2 inpatients fewer and 1,000 yen more on every cost key.
  std::vector<runner::ReplicationResult> a, b;
  const double noise[] = {0.5, -0.25, 0.75, 0, -0.5, 0.25};
  for (std::uint32_t i = 0; i < 6; ++i) {
    a.push_back(replication(i, 50 + 3 * i, 80 + 2 * i, 1e6 + 1e4 * i));
    b.push_back(replication(i, 47 + 3 * i + noise[i], 78 + 2 * i, 1e6 + 1e4 * i + 1000 + 10 * noise[i]));
  }
  const runner::Comparison c = runner::compare_runs({run("a.h5", 1, a), run("b.h5", 1, b)}, false);
  REQUIRE(c.views.size() == 1);
  const runner::ComparisonView& region = c.views.front();
  CHECK(region.family_size == 3);  // the two long stays and cost_yen.total
  const runner::ComparisonRow& under65 = row(region, "long_stay_under65");
  CHECK(under65.headline);
  CHECK(under65.cells[1].difference.mean == doctest::Approx(-3.0 + 0.125));
  CHECK(under65.cells[1].clear);
  CHECK(row(region, "long_stay_65plus").cells[1].clear);  // exactly -2 every time: p 0
  const runner::ComparisonRow& hospital = row(region, "cost_yen", "hospital");
  CHECK_FALSE(hospital.headline);
  CHECK_FALSE(hospital.cells[1].clear);
  CHECK(std::isnan(hospital.cells[1].holm_p));
  REQUIRE(region.cost_per_avoided.size() == 1);
  const CostPerAvoided& cost = region.cost_per_avoided.front();
  CHECK(cost.status == CostPerAvoided::Status::Shown);
  CHECK(cost.ratio.estimate == doctest::Approx(cost.cost.mean / -cost.long_stay.mean));
  CHECK(cost.ratio.pairs == 6);

  // The same runs under other seeds: Welch, so no pairs to resample.
  const runner::Comparison welch = runner::compare_runs({run("a.h5", 1, a), run("b.h5", 2, b)}, false);
  CHECK(welch.views.front().cost_per_avoided.front().status != CostPerAvoided::Status::Shown);
  // A run compared with itself: no difference, nothing clear, nothing shown.
  const runner::Comparison same = runner::compare_runs({run("a.h5", 1, a), run("a2.h5", 1, a)}, false);
  for (const runner::ComparisonRow& r : same.views.front().rows) CHECK_FALSE(r.cells[1].clear);
  CHECK(same.views.front().cost_per_avoided.front().status == CostPerAvoided::Status::NotClear);
  // The variant as the base: long stays clearly rise, so no cost per inpatient avoided.
  const runner::Comparison rise = runner::compare_runs({run("b.h5", 1, b), run("a.h5", 1, a)}, false);
  const CostPerAvoided& risen = rise.views.front().cost_per_avoided.front();
  CHECK(risen.long_stay.mean > 0);
  CHECK(risen.status == CostPerAvoided::Status::NoFall);
  // One replication each: no interval, said as such.
  const runner::Comparison one = runner::compare_runs({run("a.h5", 1, {a[0]}), run("b.h5", 1, {b[0]})}, false);
  CHECK(one.views.front().cost_per_avoided.front().status == CostPerAvoided::Status::TooFew);
}
