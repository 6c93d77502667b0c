// The one calendar date (engine/core/date.hpp) and its fiscal year.
#include "engine/core/date.hpp"

#include <doctest/doctest.h>

#include <stdexcept>

using caresim::engine::Date;
using caresim::engine::fiscal_year;
using caresim::engine::fiscal_year_label;
using caresim::engine::fiscal_year_start;
using namespace std::chrono_literals;

TEST_CASE("dates count days from 1970-01-01") {
  CHECK(Date{}.days_since_epoch() == 0);
  CHECK(Date{1970y / 1 / 1}.days_since_epoch() == 0);
  CHECK(Date{1969y / 12 / 31}.days_since_epoch() == -1);
  CHECK(Date{2000y / 3 / 1}.days_since_epoch() == 11017);
  CHECK(Date{2027y / 4 / 1}.days_since_epoch() == 20909);
  CHECK(Date::from_days(11017).to_string() == "2000-03-01");
  CHECK(Date::min().to_string() == "0001-01-01");
  CHECK(Date::max().to_string() == "9999-12-31");
  static_assert(Date{2027y / 4 / 1}.days_since_epoch() == 20909, "a date is a compile-time constant");
}

TEST_CASE("dates convert to and from day numbers for every day of four centuries") {
  Date d = *Date::from_ymd(1900, 1, 1);
  int mismatches = 0;
  for (int i = 0; i < 146097; ++i) {
    const auto again = Date::from_ymd(d.year(), d.month(), d.day());
    if (!again || *again != d || Date::parse(d.to_string()) != d || Date::from_days(d.days_since_epoch()) != d)
      ++mismatches;
    d = d.add_days(1);
  }
  CHECK(mismatches == 0);
  CHECK(d.to_string() == "2300-01-01");
}

TEST_CASE("date parsing checks the real calendar") {
  CHECK(Date::parse("2028-02-29").has_value());
  CHECK_FALSE(Date::parse("2027-02-29").has_value());
  CHECK(Date::parse("2000-02-29").has_value());
  CHECK_FALSE(Date::parse("1900-02-29").has_value());
  CHECK_FALSE(Date::parse("2027-04-31").has_value());
  CHECK_FALSE(Date::parse("2027-13-01").has_value());
  CHECK_FALSE(Date::parse("2027-00-10").has_value());
  CHECK_FALSE(Date::parse("2027-04-00").has_value());
  CHECK_FALSE(Date::parse("2027-4-1").has_value());
  CHECK_FALSE(Date::parse("2027-04-01T00:00").has_value());
  CHECK_FALSE(Date::parse("0000-01-01").has_value());
  CHECK_FALSE(Date::parse("2027/04/01").has_value());
}

TEST_CASE("dates from year month and day reject what chrono would wrap") {
  // std::chrono::month holds an unsigned char: 260 would wrap to 4 without the range check.
  CHECK_FALSE(Date::from_ymd(2027, 260, 1).has_value());
  CHECK_FALSE(Date::from_ymd(2027, 4, 257).has_value());
  CHECK_FALSE(Date::from_ymd(10000, 1, 1).has_value());
  CHECK_FALSE(Date::from_ymd(75536, 1, 1).has_value());  // a short would wrap it to 10000
  CHECK(Date::from_ymd(9999, 12, 31) == Date::max());
  CHECK_THROWS_AS(Date{2027y / 2 / 29}, std::invalid_argument);
  CHECK_THROWS_AS(Date{0y / 1 / 1}, std::invalid_argument);
}

TEST_CASE("date differences and additions are in whole days") {
  const Date start = *Date::parse("2027-04-01");
  const Date end = *Date::parse("2028-04-01");
  CHECK(start.days_until(end) == 366);
  CHECK(end - start == 366);
  CHECK(start - end == -366);
  CHECK(start.add_days(365).to_string() == "2028-03-31");
  CHECK(start.add_days(-1).to_string() == "2027-03-31");
  CHECK(start < end);
}

TEST_CASE("adding years keeps month and day and turns a missing 29 February into 1 March") {
  CHECK(Date{2025y / 4 / 1}.add_years(12) == Date{2037y / 4 / 1});
  CHECK(Date{2024y / 2 / 29}.add_years(4) == Date{2028y / 2 / 29});
  CHECK(Date{2024y / 2 / 29}.add_years(1) == Date{2025y / 3 / 1});
  CHECK(Date{2024y / 2 / 29}.add_years(-1) == Date{2023y / 3 / 1});
  CHECK(Date{2025y / 4 / 1}.add_years(0) == Date{2025y / 4 / 1});
}

TEST_CASE("the next month starts on the 1st and December rolls into January") {
  CHECK(Date{2025y / 4 / 15}.next_month_start() == Date{2025y / 5 / 1});
  CHECK(Date{2025y / 12 / 31}.next_month_start() == Date{2026y / 1 / 1});
  CHECK(Date{2028y / 2 / 1}.next_month_start() == Date{2028y / 3 / 1});
}

TEST_CASE("weekdays follow the calendar from Monday 0 to Sunday 6") {
  CHECK(Date{}.weekday() == 3);                 // 1970-01-01 was a Thursday
  CHECK(Date{2025y / 4 / 1}.weekday() == 1);    // Tuesday
  CHECK(Date{2025y / 4 / 6}.weekday() == 6);    // Sunday
  CHECK(Date{2025y / 4 / 7}.weekday() == 0);    // Monday
  CHECK(Date{1969y / 12 / 29}.weekday() == 0);  // Monday, before the epoch
}

TEST_CASE("fiscal years run from April to March and are named by the year they start in") {
  CHECK(fiscal_year(Date{2027y / 4 / 1}) == 2027);
  CHECK(fiscal_year(Date{2028y / 3 / 31}) == 2027);
  CHECK(fiscal_year(Date{2027y / 3 / 31}) == 2026);
  CHECK(fiscal_year(Date{2026y / 3 / 31}) == 2025);
  CHECK(fiscal_year(Date{2026y / 4 / 1}) == 2026);
  CHECK(fiscal_year(Date{2025y / 12 / 31}) == 2025);
  CHECK(fiscal_year(Date{2026y / 1 / 1}) == 2025);
  CHECK(fiscal_year_start(Date{2028y / 1 / 15}) == Date{2027y / 4 / 1});
  CHECK(fiscal_year_start(Date{2027y / 4 / 1}) == Date{2027y / 4 / 1});
  CHECK(fiscal_year_start(Date{2027y / 3 / 31}) == Date{2026y / 4 / 1});
}

TEST_CASE("a leap day belongs to the fiscal year that began the April before") {
  CHECK(fiscal_year(Date{2024y / 2 / 29}) == 2023);
  CHECK(fiscal_year(Date{2028y / 2 / 29}) == 2027);
  CHECK(fiscal_year(Date{2000y / 2 / 29}) == 1999);
  CHECK(fiscal_year_start(Date{2024y / 2 / 29}) == Date{2023y / 4 / 1});
  // FY2023 holds 29 February 2024: 366 days; FY2024 has none: 365.
  CHECK(Date{2024y / 4 / 1} - Date{2023y / 4 / 1} == 366);
  CHECK(Date{2025y / 4 / 1} - Date{2024y / 4 / 1} == 365);
}

TEST_CASE("fiscal year labels read FY and the year the fiscal year starts in") {
  CHECK(fiscal_year_label(2025) == "FY2025");
  CHECK(fiscal_year_label(fiscal_year(Date{2026y / 3 / 31})) == "FY2025");
  CHECK(fiscal_year_label(fiscal_year(Date{2026y / 4 / 1})) == "FY2026");
}
