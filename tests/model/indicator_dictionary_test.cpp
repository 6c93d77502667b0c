// The indicator dictionary: each indicator declared once, and the table, the docs and the
// labels drawn from it.
#include "models/indicator_dictionary.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "models/care_model.hpp"
#include "models/indicator_table.hpp"
#include "tests/model/model_test_support.hpp"

using namespace caresim::model;

namespace {

std::vector<std::string> names_of(const IndicatorTable& t) {
  std::vector<std::string> out;
  for (const auto& e : t.entries) out.push_back(e.first);
  return out;
}

std::vector<std::string> declared_names() {
  std::vector<std::string> out;
  for (const IndicatorRow& r : indicator_dictionary().rows()) out.push_back(r.name);
  return out;
}

IndicatorRow row(std::string name, IndicatorShape shape = IndicatorShape::Scalar) {
  IndicatorRow r;
  r.name = std::move(name);
  r.shape = shape;
  return r;
}

}  // namespace

TEST_CASE("the model's tables hold every declared indicator once in dictionary order") {
  const IndicatorTable t = CareModel(testing::short_reference(2), 5, 0).run();
  CHECK(names_of(t) == declared_names());
  REQUIRE_FALSE(t.by_municipality.empty());
  for (const auto& m : t.by_municipality) {
    CAPTURE(m.id);
    CHECK(names_of(m.table) == declared_names());
  }
}

TEST_CASE("adding an undeclared indicator is an error that names it and the closest declared name") {
  IndicatorTable t;
  CHECK_THROWS_WITH_AS(t.add("readmision_365d", 0.3),
                       "no indicator named \"readmision_365d\" is declared in the indicator dictionary (did you mean "
                       "readmission_365d?); declare it in models/indicator_dictionary.cpp",
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(t.add("something_else", 1.0),
                       "no indicator named \"something_else\" is declared in the indicator dictionary; declare it in "
                       "models/indicator_dictionary.cpp",
                       std::invalid_argument);
  CHECK(t.entries.empty());
}

TEST_CASE("an indicator added with another shape keys or length than declared is an error") {
  IndicatorTable t;
  CHECK_THROWS_WITH_AS(t.add("crisis_outcomes", 2.0),
                       "indicator table: crisis_outcomes is declared with shape map, not scalar",
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(
      t.add("crisis_outcomes", std::vector<std::pair<std::string, double>>{{"admission", 1}, {"home", 2}}),
      "indicator table: crisis_outcomes has the keys admission/home; the dictionary declares "
      "home/short_stay/admission/outpatient, in that order",
      std::invalid_argument);
  CHECK_THROWS_WITH_AS(t.add("discharge_curve_monthly", std::vector<double>{0.5, 0.6}),
                       "indicator table: discharge_curve_monthly has 2 elements; the dictionary declares 12",
                       std::invalid_argument);
  t.add("readmission_30d", 0.1);
  CHECK_THROWS_WITH_AS(t.add("readmission_30d", 0.2), "indicator table: readmission_30d is already in the table",
                       std::invalid_argument);
  // A map keyed by the run (fiscal years) takes any keys.
  t.add("long_stay_65plus_series", std::vector<std::pair<std::string, double>>{{"FY2030", 80}});
  CHECK(t.entries.size() == 2);
}

TEST_CASE("entries take their dictionary place whatever the order they are added in") {
  IndicatorTable t;
  t.add("people_present", 10);
  t.add("discharge_rate_3m", 0.6);
  t.add("deaths", 3);
  t.add("community_days_mean", 320);
  CHECK(names_of(t) ==
        std::vector<std::string>{"discharge_rate_3m", "community_days_mean", "deaths", "people_present"});
}

TEST_CASE("every declared indicator has a unit labels a definition and a reference") {
  const auto& rows = indicator_dictionary().rows();
  CHECK(rows.size() == 62);
  for (const IndicatorRow& r : rows) {
    CAPTURE(r.name);
    CHECK_FALSE(r.unit.empty());
    CHECK_FALSE(r.label_en.empty());
    CHECK_FALSE(r.label_ja.empty());
    CHECK_FALSE(r.definition.empty());
    CHECK_FALSE(r.reference.empty());
    CHECK((r.shape != IndicatorShape::Map || !r.keys.empty() || !r.keys_note.empty()));
  }
  const auto headline = indicator_dictionary().headline();
  CHECK(headline.size() >= 1);
  CHECK(headline.size() <= IndicatorDictionary::max_headline);
}

TEST_CASE("labels and units are looked up by indicator name") {
  const IndicatorDictionary& d = indicator_dictionary();
  CHECK(d.at("community_days_mean").label_ja == "地域平均生活日数");
  CHECK(d.at("community_days_mean").unit == "days");
  CHECK(d.at("average_length_of_stay").label_ja == "平均在院日数");
  CHECK(d.at("readmission_365d").headline);
  CHECK_FALSE(d.at("people_present").headline);
  CHECK(d.find("no_such_indicator") == nullptr);
  CHECK(d.index_of("discharge_rate_3m") == 0);
  CHECK_THROWS_AS(d.at("no_such_indicator"), std::invalid_argument);
}

TEST_CASE("a dictionary with two rows of one name or too many headlines is refused") {
  CHECK_THROWS_WITH_AS(IndicatorDictionary({row("a"), row("b"), row("a")}),
                       "indicator dictionary: two indicators named a", std::invalid_argument);
  CHECK_THROWS_WITH_AS(IndicatorDictionary({row("a"), row("")}), "indicator dictionary: row 1 has no name",
                       std::invalid_argument);
  IndicatorRow keyed = row("a");
  keyed.keys = {"x"};
  CHECK_THROWS_WITH_AS(IndicatorDictionary({keyed}), "indicator dictionary: a is a scalar but declares keys",
                       std::invalid_argument);
  IndicatorRow twice = row("m", IndicatorShape::Map);
  twice.keys = {"x", "y", "x"};
  CHECK_THROWS_WITH_AS(IndicatorDictionary({twice}), "indicator dictionary: m declares the key x twice",
                       std::invalid_argument);
  std::vector<IndicatorRow> rows;
  for (int i = 0; i < 13; ++i) {
    std::string name = "h";
    name += std::to_string(i);  // not "h" + ...: g++ 12 warns falsely (-Wrestrict) there
    rows.push_back(row(name));
    rows.back().headline = true;
  }
  CHECK_THROWS_WITH_AS(IndicatorDictionary{rows},
                       "indicator dictionary: 13 headline indicators; at most 12 may be flagged headline",
                       std::invalid_argument);
  rows.pop_back();
  CHECK(IndicatorDictionary{rows}.headline().size() == 12);
}

TEST_CASE("the generated indicator reference in docs is up to date") {
  const auto path = std::filesystem::path(CARESIM_SCENARIOS_DIR).parent_path() / "docs" / "indicators.md";
  std::ifstream in(path);
  REQUIRE_MESSAGE(in.good(), "missing " << path.string() << ": run caresim indicators --markdown > docs/indicators.md");
  std::stringstream text;
  text << in.rdbuf();
  CHECK_MESSAGE(text.str() == render_indicators_markdown(indicator_dictionary()),
                "docs/indicators.md is stale: run build/cli/caresim indicators --markdown > docs/indicators.md");
}

TEST_CASE("the indicator reference shows every indicator with its Japanese label") {
  const std::string md = render_indicators_markdown(indicator_dictionary());
  for (const IndicatorRow& r : indicator_dictionary().rows()) {
    CAPTURE(r.name);
    CHECK(md.find("| `" + r.name + "`") != std::string::npos);
    CHECK(md.find(r.label_ja) != std::string::npos);
  }
  CHECK(md.find("(currently " + std::to_string(model_version) + ")") != std::string::npos);
}
