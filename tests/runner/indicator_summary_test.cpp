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

}  // namespace

TEST_CASE("every summary interval agrees with engine::student_t_interval and with Student's t") {
  const std::vector<std::uint32_t> ids{0, 1, 2, 3, 4};
  const auto results = runner::run_replications(one_year_region(), 11, ids, 2);
  const auto rows = runner::summarise(results);
  REQUIRE(rows.size() > 20);
  int with_spread = 0;
  for (const auto& row : rows) {
    CAPTURE(row.name);
    REQUIRE(row.values.size() == ids.size());
    std::vector<double> finite;
    for (double v : row.values)
      if (!std::isnan(v)) finite.push_back(v);
    // One value, or the same in every replication (a cost fixed by the scenario, such as
    // the coordinators' salaries): no spread at all, where the two-pass formula below would
    // leave rounding noise.
    if (finite.size() < 2 || std::all_of(finite.begin(), finite.end(), [&](double v) { return v == finite[0]; })) {
      CHECK(row.half_width == 0);
      continue;
    }
    engine::Tally tally;
    for (double v : finite) tally.add(v);
    CHECK(row.half_width == engine::student_t_interval(tally, 0.95).half_width);
    // Independently: mean +- t_{0.975, n-1} * s / sqrt(n).
    const double n = static_cast<double>(finite.size());
    const double mean = std::accumulate(finite.begin(), finite.end(), 0.0) / n;
    double squares = 0;
    for (double v : finite) squares += (v - mean) * (v - mean);
    const double t = boost::math::quantile(boost::math::students_t(n - 1), 0.975);
    const double half_width = t * std::sqrt(squares / (n - 1)) / std::sqrt(n);
    CHECK(row.mean == doctest::Approx(mean).epsilon(1e-12));
    CHECK(row.half_width == doctest::Approx(half_width).epsilon(1e-9));
    CHECK(row.min == *std::min_element(finite.begin(), finite.end()));
    CHECK(row.max == *std::max_element(finite.begin(), finite.end()));
    if (half_width > 0) ++with_spread;
  }
  CHECK(with_spread > 10);  // the comparison was made on intervals that are not all zero
}

TEST_CASE("one replication gives a zero half-width and the value as mean, min and max") {
  const auto results = runner::run_replications(one_year_region(0.5), 11, {3}, 1);
  for (const auto& row : runner::summarise(results)) {
    CAPTURE(row.name);
    CHECK(row.half_width == 0);
    if (std::isnan(row.values[0])) continue;
    CHECK(row.mean == row.values[0]);
    CHECK(row.min == row.values[0]);
    CHECK(row.max == row.values[0]);
  }
}

TEST_CASE("the --json summary keeps its pinned layout and reads back every number exactly") {
  const auto results = hand_made_results();
  const auto rows = runner::summarise(results);
  const unsigned long long seed = std::numeric_limits<unsigned long long>::max();
  const std::string text = runner::summary_json(rows, results, "Reference region", "0123456789abcdef", seed);
  CHECK(text.ends_with("}\n"));
  const Json j = Json::parse(text);
  CHECK(keys_of(j) == std::vector<std::string>{"model_version", "scenario", "scenario_hash", "seed", "replications",
                                               "summary", "by_replication"});
  CHECK(j.at("model_version") == model::model_version);
  CHECK(j.at("scenario") == "Reference region");
  CHECK(j.at("scenario_hash") == "0123456789abcdef");
  CHECK(j.at("seed").get<unsigned long long>() == seed);
  CHECK(j.at("replications") == 2);

  std::vector<std::string> row_names;
  for (const auto& row : rows) row_names.push_back(row.name);
  REQUIRE(row_names == std::vector<std::string>{"share", "third", "whole", "negative_zero", "smallest", "largest",
                                                "undefined", "outcomes.home", "outcomes.ward", "curve[1]", "curve[2]"});
  CHECK(keys_of(j.at("summary")) == row_names);
  for (const auto& row : rows) {
    CAPTURE(row.name);
    const Json& r = j.at("summary").at(row.name);
    CHECK(keys_of(r) == std::vector<std::string>{"mean", "ci95_half_width", "min", "max"});
    CHECK(holds(r.at("mean"), row.mean));
    CHECK(holds(r.at("ci95_half_width"), row.half_width));
    CHECK(holds(r.at("min"), row.min));
    CHECK(holds(r.at("max"), row.max));
  }
  CHECK(j.at("summary").at("undefined").at("mean").is_null());
  CHECK(j.at("summary").at("undefined").at("min").is_null());

  REQUIRE(j.at("by_replication").size() == results.size());
  for (std::size_t i = 0; i < results.size(); ++i) {
    CAPTURE(i);
    const Json& r = j.at("by_replication").at(i);
    CHECK(keys_of(r) == std::vector<std::string>{"replication", "events", "table"});
    CHECK(r.at("replication") == results[i].id);
    CHECK(r.at("events") == results[i].events);
    const Json& table = r.at("table");
    CHECK(keys_of(table) == std::vector<std::string>{"model_version", "indicators", "by_municipality"});
    CHECK(table == Json::parse(results[i].indicators.to_json()));
    CHECK(holds(table.at("indicators").at("third"), (static_cast<double>(i) + 1) / 3));
    CHECK(holds(table.at("indicators").at("negative_zero"), -0.0));
    CHECK(holds(table.at("indicators").at("curve").at(0), 0.5 / (static_cast<double>(i) + 1)));
    CHECK(holds(table.at("by_municipality").at("kita").at("share"), 0.2 * (static_cast<double>(i) + 1)));
  }
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
