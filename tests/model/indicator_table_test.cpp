// The indicator table as JSON: valid whatever its names hold, members in table order, and
// every number read back as the same double (NaN and infinities as null).
#include "models/indicator_table.hpp"

#include <doctest/doctest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "tests/indicator_test_dictionary.hpp"
#include "tests/json_test_support.hpp"

using namespace caresim::model;
using caresim::testing::holds;
using caresim::testing::Json;
using caresim::testing::keys_of;

namespace {
IndicatorTable test_table() {
  return IndicatorTable(caresim::testing::format_test_dictionary());
}
}  // namespace

TEST_CASE("the indicator table's JSON parses and gives back every value in table order") {
  IndicatorTable t = test_table();
  t.add("share", 0.1);
  t.add("third", 1.0 / 3);
  t.add("whole", 12.0);
  t.add("negative_zero", -0.0);
  t.add("smallest", 5e-324);
  t.add("largest", std::numeric_limits<double>::max());
  t.add("undefined", std::nan(""));
  t.add("unbounded", -std::numeric_limits<double>::infinity());
  t.add("outcomes", std::vector<std::pair<std::string, double>>{{"ward", 0.75}, {"home", 0.25}});
  t.add("curve", std::vector<double>{0.5, std::nan(""), 1.0});
  t.add("empty_curve", std::vector<double>{});
  IndicatorTable kita = test_table();
  kita.add("share", 0.2);
  t.by_municipality.push_back({"kita", "北町", kita});
  t.by_municipality.push_back({"a\"b\\c\td\n", "quoted", IndicatorTable{}});

  const std::string text = t.to_json();
  CHECK(text.ends_with("}\n"));
  const Json j = Json::parse(text);
  CHECK(j.dump() == t.to_json_value().dump());  // the value holds NaN where the text has null
  CHECK(keys_of(j) == std::vector<std::string>{"model_version", "indicators", "by_municipality"});
  CHECK(j.at("model_version") == model_version);
  const Json& indicators = j.at("indicators");
  CHECK(keys_of(indicators) == std::vector<std::string>{"share", "third", "whole", "negative_zero", "smallest",
                                                        "largest", "undefined", "unbounded", "outcomes", "curve",
                                                        "empty_curve"});
  for (const char* name :
       {"share", "third", "whole", "negative_zero", "smallest", "largest", "undefined", "unbounded"}) {
    CAPTURE(name);
    CHECK(holds(indicators.at(name), t.scalar(name)));
  }
  CHECK(keys_of(indicators.at("outcomes")) == std::vector<std::string>{"ward", "home"});  // table order, not sorted
  CHECK(holds(indicators.at("outcomes").at("ward"), 0.75));
  REQUIRE(indicators.at("curve").size() == 3);
  CHECK(holds(indicators.at("curve").at(0), 0.5));
  CHECK(indicators.at("curve").at(1).is_null());
  CHECK(indicators.at("empty_curve") == Json::array());
  CHECK(keys_of(j.at("by_municipality")) == std::vector<std::string>{"kita", "a\"b\\c\td\n"});
  CHECK(holds(j.at("by_municipality").at("kita").at("share"), 0.2));
  CHECK(j.at("by_municipality").at("a\"b\\c\td\n") == Json::object());
}

TEST_CASE("an indicator table with no municipalities writes an empty by_municipality object") {
  IndicatorTable t = test_table();
  t.add("share", 0.5);
  const Json j = Json::parse(t.to_json());
  CHECK(j.at("by_municipality") == Json::object());
  CHECK(j.at("indicators").at("share") == 0.5);
}

TEST_CASE("names in the indicator table that are not UTF-8 are written as U+FFFD") {
  IndicatorTable inner = test_table();
  inner.add("caf\xe9", 1.5);
  IndicatorTable t = test_table();
  t.add("ok", 1.0);
  t.by_municipality.push_back(
      {"\xff"
       "kita",
       "北町", inner});
  Json j;
  REQUIRE_NOTHROW(j = Json::parse(t.to_json()));
  const std::string fffd = "\xef\xbf\xbd";
  REQUIRE(j.at("by_municipality").contains(fffd + "kita"));
  CHECK(j.at("by_municipality").at(fffd + "kita").at("caf" + fffd) == 1.5);
}

TEST_CASE("an indicator table with two entries of one name refuses to write JSON that would drop one") {
  // add() refuses a second entry of one name; a table read from a damaged file can hold one.
  IndicatorTable twice = test_table();
  twice.add("share", 0.1);
  CHECK_THROWS_WITH_AS(twice.add("share", 0.2), "indicator table: share is already in the table",
                       std::invalid_argument);
  twice.entries.push_back(twice.entries.front());
  CHECK_THROWS_WITH_AS(twice.to_json(), "indicator table: two indicators named share", std::logic_error);
  IndicatorTable map_twice = test_table();
  map_twice.add("outcomes", std::vector<std::pair<std::string, double>>{{"home", 0.5}, {"home", 0.5}});
  CHECK_THROWS_WITH_AS(map_twice.to_json(), "indicator table: two keys of outcomes named home", std::logic_error);
  IndicatorTable towns;
  towns.by_municipality.push_back({"kita", "北町", {}});
  towns.by_municipality.push_back({"kita", "北町", {}});
  CHECK_THROWS_WITH_AS(towns.to_json_value(), "indicator table: two municipalities named kita", std::logic_error);
}
