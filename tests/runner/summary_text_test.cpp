// The text report: labels and units from the indicator dictionary in English or Japanese,
// the interval column named for what it is, columns that line up with Japanese text, map
// keys as indented rows, one table per municipality with --by municipality, and the
// language taken from the locale.
#include "runner/summary_text.hpp"

#include <doctest/doctest.h>

#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "models/indicator_dictionary.hpp"
#include "runner/number_format.hpp"
#include "runner/replications.hpp"
#include "tests/runner/runner_test_support.hpp"

using namespace caresim;
using runner::Language;

namespace {

const std::vector<runner::ReplicationResult>& two_replications() {
  static const auto results = runner::run_replications(runner::testing::one_year_region(1.0), 3, {0, 1}, 2);
  return results;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("the English report labels indicators from the dictionary with their units and names the interval") {
  const std::string text = runner::summary_text(runner::summarise(two_replications()), {});
  const auto lines = lines_of(text);
  REQUIRE(!lines.empty());
  CHECK(lines[0].starts_with("indicator"));
  CHECK(has(lines[0], "±95% half-width"));
  for (const auto& row : model::indicator_dictionary().rows()) {
    CAPTURE(row.name);
    CHECK(has(text, row.label_en + "  "));
  }
  CHECK(has(text, "Readmission within a year"));
  CHECK(has(text, "yen per year"));
  CHECK((has(text, " 万円") || has(text, " 億円")));
  CHECK(!has(text, "e+"));  // no exponent form
  CHECK(!has(text, "再入院率"));
}

TEST_CASE("the Japanese report labels indicators in Japanese with Japanese units and column names") {
  const std::string text =
      runner::summary_text(runner::summarise(two_replications()), {.language = Language::Japanese});
  const auto lines = lines_of(text);
  REQUIRE(!lines.empty());
  CHECK(lines[0].starts_with("指標"));
  CHECK(has(lines[0], "95%信頼区間の半幅"));
  for (const auto& row : model::indicator_dictionary().rows()) {
    CAPTURE(row.name);
    CHECK(has(text, row.label_ja));
  }
  CHECK(has(text, "退院後1年以内の再入院率"));
  CHECK(has(text, "円/年"));
  CHECK(has(text, "  1か月目"));
  CHECK(!has(text, "Readmission within a year"));
}

TEST_CASE("every unit of the indicator dictionary has a Japanese form") {
  for (const auto& row : model::indicator_dictionary().rows()) {
    CAPTURE(row.name);
    CHECK(runner::has_japanese_unit(row.unit));
  }
  CHECK(runner::unit_label("people per year", Language::Japanese) == "人/年");
  CHECK(runner::unit_label("people per year", Language::English) == "people per year");
  CHECK(runner::unit_label("made-up unit", Language::Japanese) == "made-up unit");
}

TEST_CASE("the columns of the Japanese report line up in display width") {
  const std::string text =
      runner::summary_text(runner::summarise(two_replications()), {.language = Language::Japanese});
  const auto lines = lines_of(text);
  // Every number is right-aligned to one edge: the n column ends every line that has one.
  const std::size_t width = runner::display_width(lines.at(0));
  std::size_t with_numbers = 0;
  for (const std::string& line : lines) {
    CAPTURE(line);
    if (line.ends_with(" 2") || line.ends_with(" 1") || line.ends_with(" 0")) {
      CHECK(runner::display_width(line) == width);
      ++with_numbers;
    }
  }
  CHECK(with_numbers > 50);
}

TEST_CASE("map keys are indented rows under their indicator and fiscal-year keys are labelled by language") {
  const auto summary = runner::summarise(two_replications());
  const auto en = lines_of(runner::summary_text(summary, {}));
  const auto ja = lines_of(runner::summary_text(summary, {.language = Language::Japanese}));
  const auto at = [](const std::vector<std::string>& lines, const std::string& start) {
    for (std::size_t i = 0; i < lines.size(); ++i)
      if (lines[i].starts_with(start)) return i;
    FAIL("no line starts with " << start);
    return lines.size();
  };
  const std::size_t crises = at(en, "Crises by response ");
  CHECK(en.at(crises + 1).starts_with("  home "));
  CHECK(en.at(crises + 2).starts_with("  short_stay "));
  const std::size_t series = at(en, "Long-stay inpatients under 65 by fiscal year ");
  CHECK(en.at(series + 1).starts_with("  FY2017 "));
  const std::size_t series_ja = at(ja, "長期入院患者数の推移（65歳未満）");
  CHECK(ja.at(series_ja + 1).starts_with("  2017年度 "));
}

TEST_CASE("keys are labelled as fiscal years and months in the report's language and others as they are") {
  CHECK(runner::key_label("FY2027", Language::Japanese) == "2027年度");
  CHECK(runner::key_label("FY2027", Language::English) == "FY2027");
  CHECK(runner::key_label("month 3", Language::Japanese) == "3か月目");
  CHECK(runner::key_label("month 3", Language::English) == "month 3");
  CHECK(runner::key_label("month x", Language::Japanese) == "month x");
  CHECK(runner::key_label("group_home", Language::Japanese) == "group_home");
}

TEST_CASE("by municipality the report prints the region's table then one per municipality under its name") {
  const auto summary = runner::summarise(two_replications());
  REQUIRE(summary.municipalities.size() >= 5);
  const std::string plain = runner::summary_text(summary, {});
  const std::string text = runner::summary_text(summary, {.by_municipality = true});
  const std::string ja = runner::summary_text(summary, {.language = Language::Japanese, .by_municipality = true});
  CHECK(text.starts_with("Region\n"));
  CHECK(ja.starts_with("圏域全体\n"));
  std::size_t last = 0;
  for (const auto& m : summary.municipalities) {
    CAPTURE(m.id);
    CHECK(!has(plain, "\n" + m.id + " ("));
    const std::size_t heading = text.find("\n" + m.id + " (" + m.name + ")\nindicator");
    CHECK(heading != std::string::npos);
    CHECK(heading > last);
    last = heading;
    CHECK(has(ja, "\n" + m.name + " (" + m.id + ")\n指標"));
  }
  std::size_t tables = 0;
  for (const std::string& line : lines_of(text)) tables += line.starts_with("indicator ") ? 1 : 0;
  CHECK(tables == summary.municipalities.size() + 1);
}

TEST_CASE("the language comes from LC_ALL then LC_MESSAGES then LANG and is Japanese only for ja") {
  CHECK(runner::language_of_locale(nullptr, nullptr, nullptr) == Language::English);
  CHECK(runner::language_of_locale(nullptr, nullptr, "ja_JP.UTF-8") == Language::Japanese);
  CHECK(runner::language_of_locale(nullptr, "ja_JP.UTF-8", "en_US.UTF-8") == Language::Japanese);
  CHECK(runner::language_of_locale("C.UTF-8", "ja_JP.UTF-8", "ja_JP.UTF-8") == Language::English);
  CHECK(runner::language_of_locale("", "", "ja") == Language::Japanese);  // empty means unset
  CHECK(runner::language_of_locale("en_US.UTF-8", nullptr, "ja_JP.UTF-8") == Language::English);
  CHECK(runner::parse_language("ja") == Language::Japanese);
  CHECK(runner::parse_language("en") == Language::English);
  CHECK(!runner::parse_language("jp"));
  CHECK(!runner::parse_language(""));
}
