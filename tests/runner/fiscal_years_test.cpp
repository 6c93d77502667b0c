// Fiscal-year labels of reports: the fiscal years a report window closes are the keys
// the model gives its fiscal-year series, and their labels in English and Japanese.
#include "runner/fiscal_years.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "runner/replications.hpp"
#include "tests/runner/runner_test_support.hpp"

using namespace caresim;
using engine::Date;

namespace {

std::vector<int> series_years(const model::IndicatorTable& t) {
  std::vector<int> years;
  for (const auto& [key, v] : t.find("long_stay_under65_series")->map) {
    const auto year = runner::fiscal_year_of_label(key);
    REQUIRE(year);
    years.push_back(*year);
  }
  return years;
}

}  // namespace

TEST_CASE("the reference region's report window closes fiscal years 2025 to 2034") {
  const Date start(std::chrono::year{2017} / std::chrono::April / 1);
  const double warmup = static_cast<double>(start.add_years(8) - start);
  const double horizon = static_cast<double>(start.add_years(18) - start);
  std::vector<int> expected;
  for (int y = 2025; y <= 2034; ++y) expected.push_back(y);
  CHECK(runner::report_fiscal_years(start, warmup, horizon) == expected);
  CHECK(runner::fiscal_years_text(expected, runner::Language::English) == "FY2025–FY2034");
  CHECK(runner::fiscal_years_text(expected, runner::Language::Japanese) == "2025年度–2034年度");
  CHECK(runner::fiscal_years_text({2030}, runner::Language::English) == "FY2030");
  CHECK(runner::fiscal_years_text({}, runner::Language::English).empty());
}

TEST_CASE("the fiscal years of a report window are the keys of the model's long-stay series") {
  struct Case {
    Date start;
    double warmup, horizon;
  };
  const Case cases[] = {
      {Date(std::chrono::year{2017} / std::chrono::April / 1), 365,
       365 + 731},  // two April-1 ends, the last at the horizon
      {Date(std::chrono::year{2025} / std::chrono::October / 15), 100, 900},  // start mid-year, 2028 a leap year
      {Date(std::chrono::year{2026} / std::chrono::March / 31), 0.5, 400},    // the day after the start closes FY2025
  };
  for (const Case& c : cases) {
    CAPTURE(c.start.to_string());
    model::Parameters p = runner::testing::one_year_region();
    p.run.start = c.start;
    p.run.warmup_days = c.warmup;
    p.run.horizon_days = c.horizon;
    const auto results = runner::run_replications(p, 5, {0}, 1);
    const std::vector<int> years = runner::report_fiscal_years(c.start, c.warmup, c.horizon);
    CHECK(!years.empty());
    CHECK(years == series_years(results[0].indicators));
  }
}

TEST_CASE("fiscal-year keys are read from FY and four digits only and labelled by language") {
  CHECK(runner::fiscal_year_of_label("FY2027") == 2027);
  CHECK(!runner::fiscal_year_of_label("FY27"));
  CHECK(!runner::fiscal_year_of_label("FY-202"));
  CHECK(!runner::fiscal_year_of_label("FY20x7"));
  CHECK(!runner::fiscal_year_of_label("home"));
  CHECK(runner::fiscal_year_text(2027, runner::Language::English) == "FY2027");
  CHECK(runner::fiscal_year_text(2027, runner::Language::Japanese) == "2027年度");
}
