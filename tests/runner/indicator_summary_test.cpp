// Summaries over replications: the interval is Student's t on the replications' values,
// computed here independently with Boost.Math and compared with the engine's; the --json
// document keeps its pinned layout, reads back every number exactly and stays valid JSON
// whatever bytes the scenario name holds.
#include "runner/indicator_summary.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <bit>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <numeric>
#include <string>
#include <vector>

#include "engine/stats/confidence_interval.hpp"
#include "engine/stats/tally.hpp"
#include "runner/replications.hpp"
#include "tests/indicator_test_dictionary.hpp"
#include "tests/json_test_support.hpp"
#include "tests/runner/runner_test_support.hpp"

using namespace caresim;
using caresim::runner::testing::one_year_region;
using caresim::testing::holds;
using caresim::testing::Json;
using caresim::testing::keys_of;

namespace {

/** Two replications made by hand: scalars at the edges of double, NaN, a map, an array
 *  and a municipality. (Infinities are the indicator table's test: summarise() rejects
 *  them.) */
std::vector<runner::ReplicationResult> hand_made_results() {
  std::vector<runner::ReplicationResult> results(2);
  results[0].id = 4;
  results[0].events = 123456789012;  // beyond 32 bits
  results[1].id = 7;
  results[1].events = 5;
  for (std::size_t i = 0; i < results.size(); ++i) {
    model::IndicatorTable& t = results[i].indicators;
    t = model::IndicatorTable(caresim::testing::format_test_dictionary());
    const double k = static_cast<double>(i + 1);
    t.add("share", 0.1 * k);
    t.add("third", k / 3);
    t.add("whole", 2 * k);
    t.add("negative_zero", -0.0);
    t.add("smallest", 5e-324 * k);
    t.add("largest", std::numeric_limits<double>::max());
    t.add("undefined", std::nan(""));
    t.add("outcomes", std::vector<std::pair<std::string, double>>{{"home", 0.25 * k}, {"ward", 1 - 0.25 * k}});
    t.add("curve", std::vector<double>{0.5 / k, 1.0});
    model::MunicipalityIndicators kita{"kita", "北町",
                                       model::IndicatorTable(caresim::testing::format_test_dictionary())};
    kita.table.add("share", 0.2 * k);
    t.by_municipality.push_back(kita);
  }
  return results;
}

/** The --json document of the hand-made results under `name`, parsed (throws if invalid). */
Json summary_of(const std::string& name) {
  const auto results = hand_made_results();
  return Json::parse(runner::summary_json(runner::summarise(results), results, name, "0123456789abcdef", 17));
}

/** Every number of every region indicator in `table`, by "name", "name.key" or "name[i]". */
std::vector<std::pair<std::string, double>> flat(const model::IndicatorTable& table) {
  std::vector<std::pair<std::string, double>> out;
  for (const auto& [name, v] : table.entries) {
    if (v.shape == model::IndicatorShape::Scalar) out.emplace_back(name, v.scalar);
    for (const auto& [key, x] : v.map) out.emplace_back(name + "." + key, x);
    for (std::size_t i = 0; i < v.array.size(); ++i) out.emplace_back(name + "[" + std::to_string(i) + "]", v.array[i]);
  }
  return out;
}

/** The summaries of `scope` by the names flat() gives. */
std::vector<std::pair<std::string, runner::Summary>> flat(const runner::ScopeSummary& scope) {
  std::vector<std::pair<std::string, runner::Summary>> out;
  for (const auto& ind : scope.indicators) {
    for (std::size_t i = 0; i < ind.entries.size(); ++i) {
      const auto& [key, s] = ind.entries[i];
      switch (ind.shape) {
        case model::IndicatorShape::Scalar:
          out.emplace_back(ind.name, s);
          break;
        case model::IndicatorShape::Map:
          out.emplace_back(ind.name + "." + key, s);
          break;
        case model::IndicatorShape::Array:
          out.emplace_back(ind.name + "[" + std::to_string(i) + "]", s);
          break;
      }
    }
  }
  return out;
}

/** The JSON leaf must hold `s`, member by member, in the pinned order. */
void check_leaf(const Json& leaf, const runner::Summary& s) {
  CHECK(keys_of(leaf) == std::vector<std::string>{"mean", "sd", "ci_low", "ci_high", "n", "min", "max"});
  CHECK(holds(leaf.at("mean"), s.mean));
  CHECK(holds(leaf.at("sd"), s.sd));
  CHECK(holds(leaf.at("ci_low"), s.ci_low));
  CHECK(holds(leaf.at("ci_high"), s.ci_high));
  CHECK(leaf.at("n").is_number_integer());
  CHECK(leaf.at("n") == s.n);
  CHECK(holds(leaf.at("min"), s.min));
  CHECK(holds(leaf.at("max"), s.max));
}

}  // namespace

TEST_CASE("every summary interval agrees with engine::student_t_interval and with Student's t") {
  const std::vector<std::uint32_t> ids{0, 1, 2, 3, 4};
  const auto results = runner::run_replications(one_year_region(), 11, ids, 2);
  const auto summaries = flat(runner::summarise(results).region);
  REQUIRE(summaries.size() > 20);
  std::vector<std::vector<std::pair<std::string, double>>> tables;
  for (const auto& r : results) tables.push_back(flat(r.indicators));
  int with_spread = 0;
  for (std::size_t k = 0; k < summaries.size(); ++k) {
    const std::string& name = summaries[k].first;  // clang 14 captures no structured binding
    const runner::Summary& s = summaries[k].second;
    CAPTURE(name);
    std::vector<double> finite;
    for (const auto& t : tables) {
      REQUIRE(t.at(k).first == name);
      if (!std::isnan(t[k].second)) finite.push_back(t[k].second);
    }
    CHECK(s.n == static_cast<std::int64_t>(finite.size()));
    if (finite.size() < 2) {
      CHECK(std::isnan(s.sd));
      CHECK(std::isnan(s.half_width));
      continue;
    }
    // The same value in every replication (a cost fixed by the scenario, such as the
    // coordinators' salaries): no spread at all, where the two-pass formula below would
    // leave rounding noise.
    if (std::all_of(finite.begin(), finite.end(), [&](double v) { return v == finite[0]; })) {
      CHECK(s.sd == 0);
      CHECK(s.half_width == 0);
      CHECK(s.ci_low == finite[0]);
      CHECK(s.ci_high == finite[0]);
      continue;
    }
    engine::Tally tally;
    for (double v : finite) tally.add(v);
    const engine::ConfidenceInterval ci = engine::student_t_interval(tally, 0.95);
    CHECK(s.half_width == ci.half_width);
    CHECK(s.ci_low == ci.lower);
    CHECK(s.ci_high == ci.upper);
    // Independently: mean +- t_{0.975, n-1} * s / sqrt(n), s with the divisor n - 1.
    const double n = static_cast<double>(finite.size());
    const double mean = std::accumulate(finite.begin(), finite.end(), 0.0) / n;
    double squares = 0;
    for (double v : finite) squares += (v - mean) * (v - mean);
    const double sd = std::sqrt(squares / (n - 1));
    const double t = boost::math::quantile(boost::math::students_t(n - 1), 0.975);
    const double half_width = t * sd / std::sqrt(n);
    CHECK(s.mean == doctest::Approx(mean).epsilon(1e-12));
    CHECK(s.sd == doctest::Approx(sd).epsilon(1e-9));
    CHECK(s.half_width == doctest::Approx(half_width).epsilon(1e-9));
    CHECK(s.ci_low == doctest::Approx(mean - half_width).epsilon(1e-9));
    CHECK(s.ci_high == doctest::Approx(mean + half_width).epsilon(1e-9));
    CHECK(s.min == *std::min_element(finite.begin(), finite.end()));
    CHECK(s.max == *std::max_element(finite.begin(), finite.end()));
    if (half_width > 0) ++with_spread;
  }
  CHECK(with_spread > 10);  // the comparison was made on intervals that are not all zero
}

TEST_CASE("one replication gives the value as mean min and max with n 1 and no sd or interval") {
  const auto results = runner::run_replications(one_year_region(0.5), 11, {3}, 1);
  const auto summaries = flat(runner::summarise(results).region);
  const auto values = flat(results[0].indicators);
  REQUIRE(summaries.size() == values.size());
  for (std::size_t k = 0; k < summaries.size(); ++k) {
    const std::string& name = summaries[k].first;  // clang 14 captures no structured binding
    const runner::Summary& s = summaries[k].second;
    CAPTURE(name);
    CHECK(std::isnan(s.sd));
    CHECK(std::isnan(s.half_width));
    CHECK(std::isnan(s.ci_low));
    CHECK(std::isnan(s.ci_high));
    const double v = values[k].second;
    if (std::isnan(v)) {
      CHECK(s.n == 0);
      CHECK(std::isnan(s.mean));
      continue;
    }
    CHECK(s.n == 1);
    CHECK(s.mean == v);
    CHECK(s.min == v);
    CHECK(s.max == v);
  }
}

TEST_CASE("n counts the replications whose value is a number and NaN values are left out of every statistic") {
  const double nan = std::nan("");
  const runner::Summary s = runner::summarise_values({1.0, nan, 3.0, nan});
  CHECK(s.n == 2);
  CHECK(s.mean == 2.0);
  CHECK(s.sd == doctest::Approx(std::sqrt(2.0)));
  CHECK(s.min == 1.0);
  CHECK(s.max == 3.0);
  CHECK(s.half_width == doctest::Approx(boost::math::quantile(boost::math::students_t(1), 0.975)));
  const runner::Summary none = runner::summarise_values({nan, nan});
  CHECK(none.n == 0);
  CHECK(std::isnan(none.mean));
  CHECK(std::isnan(none.min));
  CHECK(std::isnan(none.max));
}

TEST_CASE("the --json summary keeps its pinned layout and reads back every number exactly") {
  const auto results = hand_made_results();
  const auto summary = runner::summarise(results);
  const unsigned long long seed = std::numeric_limits<unsigned long long>::max();
  const std::string text = runner::summary_json(summary, results, "Reference region", "0123456789abcdef", seed);
  CHECK(text.ends_with("}\n"));
  const Json j = Json::parse(text);
  CHECK(keys_of(j) == std::vector<std::string>{"model_version", "scenario", "scenario_hash", "seed", "replications",
                                               "summary", "summary_by_municipality", "by_replication"});
  CHECK(j.at("model_version") == model::model_version);
  CHECK(j.at("scenario") == "Reference region");
  CHECK(j.at("scenario_hash") == "0123456789abcdef");
  CHECK(j.at("seed").get<unsigned long long>() == seed);
  CHECK(j.at("replications") == 2);

  // Each indicator in its own shape: a leaf, an object of leaves by key, an array of leaves.
  const Json& sj = j.at("summary");
  CHECK(keys_of(sj) == std::vector<std::string>{"share", "third", "whole", "negative_zero", "smallest", "largest",
                                                "undefined", "outcomes", "curve"});
  for (const auto& ind : summary.region.indicators) {
    CAPTURE(ind.name);
    const Json& v = sj.at(ind.name);
    switch (ind.shape) {
      case model::IndicatorShape::Scalar:
        check_leaf(v, ind.entries.at(0).second);
        break;
      case model::IndicatorShape::Map:
        REQUIRE(v.is_object());
        REQUIRE(v.size() == ind.entries.size());
        for (const auto& [key, s] : ind.entries) check_leaf(v.at(key), s);
        break;
      case model::IndicatorShape::Array:
        REQUIRE(v.is_array());
        REQUIRE(v.size() == ind.entries.size());
        for (std::size_t i = 0; i < ind.entries.size(); ++i) check_leaf(v.at(i), ind.entries[i].second);
        break;
    }
  }
  CHECK(keys_of(sj.at("outcomes")) == std::vector<std::string>{"home", "ward"});
  CHECK(sj.at("curve").size() == 2);
  // Exact numbers: the mean of 0.1 and 0.2, and the interval from Student's t.
  CHECK(holds(sj.at("share").at("mean"), (0.1 + 0.2) / 2));
  CHECK(sj.at("share").at("n") == 2);
  CHECK(holds(sj.at("curve").at(1).at("sd"), 0.0));
  CHECK(holds(sj.at("curve").at(1).at("ci_low"), 1.0));
  CHECK(sj.at("undefined").at("n") == 0);
  for (const char* key : {"mean", "sd", "ci_low", "ci_high", "min", "max"}) CHECK(sj.at("undefined").at(key).is_null());

  REQUIRE(summary.municipalities.size() == 1);
  CHECK(keys_of(j.at("summary_by_municipality")) == std::vector<std::string>{"kita"});
  CHECK(keys_of(j.at("summary_by_municipality").at("kita")) == std::vector<std::string>{"share"});
  check_leaf(j.at("summary_by_municipality").at("kita").at("share"),
             summary.municipalities[0].indicators.at(0).entries.at(0).second);
  CHECK(holds(j.at("summary_by_municipality").at("kita").at("share").at("max"), 0.4));

  REQUIRE(j.at("by_replication").size() == results.size());
  for (std::size_t i = 0; i < results.size(); ++i) {
    CAPTURE(i);
    const Json& r = j.at("by_replication").at(i);
    CHECK(keys_of(r) == std::vector<std::string>{"replication", "events", "indicators", "by_municipality", "table"});
    CHECK(r.at("replication") == results[i].id);
    CHECK(r.at("events") == results[i].events);
    const Json table = Json::parse(results[i].indicators.to_json());
    CHECK(r.at("indicators") == table.at("indicators"));
    CHECK(r.at("by_municipality") == table.at("by_municipality"));
    // The layout before, kept as an alias for one release.
    CHECK(keys_of(r.at("table")) == std::vector<std::string>{"model_version", "indicators", "by_municipality"});
    CHECK(r.at("table") == table);
    CHECK(holds(r.at("indicators").at("third"), (static_cast<double>(i) + 1) / 3));
    CHECK(holds(r.at("indicators").at("negative_zero"), -0.0));
    CHECK(holds(r.at("indicators").at("curve").at(0), 0.5 / (static_cast<double>(i) + 1)));
    CHECK(holds(r.at("by_municipality").at("kita").at("share"), 0.2 * (static_cast<double>(i) + 1)));
  }
}

TEST_CASE("a map key or an array element missing from some replications is summarised over the others") {
  std::vector<runner::ReplicationResult> results(3);
  for (std::size_t i = 0; i < results.size(); ++i) {
    model::IndicatorTable& t = results[i].indicators;
    t = model::IndicatorTable(caresim::testing::format_test_dictionary());
    std::vector<std::pair<std::string, double>> outcomes{{"FY2025", 1.0 + static_cast<double>(i)}};
    if (i > 0) outcomes.emplace_back("FY2026", 10.0 * static_cast<double>(i));
    t.add("outcomes", outcomes);
    t.add("curve", std::vector<double>(i + 1, 2.0));
  }
  const Json j = Json::parse(runner::summary_json(runner::summarise(results), results, "x", "0123456789abcdef", 1));
  const Json& outcomes = j.at("summary").at("outcomes");
  CHECK(keys_of(outcomes) == std::vector<std::string>{"FY2025", "FY2026"});
  CHECK(outcomes.at("FY2025").at("n") == 3);
  CHECK(outcomes.at("FY2026").at("n") == 2);
  CHECK(holds(outcomes.at("FY2026").at("mean"), 15.0));
  const Json& curve = j.at("summary").at("curve");
  REQUIRE(curve.size() == 3);
  CHECK(curve.at(0).at("n") == 3);
  CHECK(curve.at(2).at("n") == 1);
  CHECK(curve.at(2).at("sd").is_null());
}

TEST_CASE("scenario names with a tab a newline an escape a quote and a backslash come back from the --json summary") {
  std::string every_control;
  for (int c = 1; c < 0x20; ++c) every_control += static_cast<char>(c);
  every_control += '\x7f';
  for (const std::string& name : {std::string("tab\there"), std::string("Reference region\n"),  // folded: name: >
                                  std::string("\x1b[2J"), std::string("say \"hi\""), std::string("back\\slash\\"),
                                  std::string("\\\""), every_control, std::string("山里町 (やまざと)")}) {
    CAPTURE(name);
    Json j;
    REQUIRE_NOTHROW(j = summary_of(name));
    CHECK(j.at("scenario").get<std::string>() == name);
  }
}

TEST_CASE("bytes of a scenario name that are not UTF-8 come back from the --json summary as U+FFFD") {
  const std::string fffd = "\xef\xbf\xbd";
  const std::pair<std::string, std::string> cases[] = {
      {"caf\xe9", "caf" + fffd},                    // latin-1, as an older results file may hold
      {"\xed\xa0\x80", fffd + fffd + fffd},         // CESU-8 surrogate: every byte rejected
      {"\xff\xfe name", fffd + fffd + " name"},     // bytes that never occur in UTF-8
      {"cut \xe3\x81", "cut " + fffd},              // a sequence cut short at the end
      {"\xc3\xa9t\xc3\xa9", "\xc3\xa9t\xc3\xa9"}};  // valid UTF-8 is kept as it is
  for (const auto& [name, expected] : cases) {
    const std::string& shown = name;  // clang 14 captures no structured binding (CAPTURE is a lambda)
    CAPTURE(shown);
    Json j;
    REQUIRE_NOTHROW(j = summary_of(name));
    CHECK(j.at("scenario").get<std::string>() == expected);
  }
}
