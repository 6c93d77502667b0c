// The civil Date type used by scenarios.
#include "scenario/date.hpp"

#include <doctest/doctest.h>

using caresim::scenario::Date;
using caresim::scenario::days_from_civil;

TEST_SUITE("scenario") {
  TEST_CASE("scenario dates count days from 1970-01-01") {
    CHECK(days_from_civil(1970, 1, 1) == 0);
    CHECK(days_from_civil(1969, 12, 31) == -1);
    CHECK(days_from_civil(2000, 3, 1) == 11017);
    CHECK(Date::from_days(11017).to_string() == "2000-03-01");
    CHECK(Date::min().to_string() == "0001-01-01");
    CHECK(Date::max().to_string() == "9999-12-31");
  }

  TEST_CASE("scenario dates convert to and from day numbers for every day of four centuries") {
    Date d = *Date::from_ymd(1900, 1, 1);
    int mismatches = 0;
    for (int i = 0; i < 146097; ++i) {
      const auto again = Date::from_ymd(d.year(), d.month(), d.day());
      if (!again || *again != d || Date::parse(d.to_string()) != d) ++mismatches;
      d = d.add_days(1);
    }
    CHECK(mismatches == 0);
    CHECK(d.to_string() == "2300-01-01");
  }

  TEST_CASE("scenario date parsing checks the real calendar") {
    CHECK(Date::parse("2028-02-29").has_value());
    CHECK_FALSE(Date::parse("2027-02-29").has_value());
    CHECK(Date::parse("2000-02-29").has_value());
    CHECK_FALSE(Date::parse("1900-02-29").has_value());
    CHECK_FALSE(Date::parse("2027-04-31").has_value());
    CHECK_FALSE(Date::parse("2027-13-01").has_value());
    CHECK_FALSE(Date::parse("2027-00-10").has_value());
    CHECK_FALSE(Date::parse("2027-4-1").has_value());
    CHECK_FALSE(Date::parse("2027-04-01T00:00").has_value());
    CHECK_FALSE(Date::parse("0000-01-01").has_value());
    CHECK_FALSE(Date::parse("2027/04/01").has_value());
  }

  TEST_CASE("scenario date differences and additions are in whole days") {
    const Date start = *Date::parse("2027-04-01");
    const Date end = *Date::parse("2028-04-01");
    CHECK(start.days_until(end) == 366);
    CHECK(end - start == 366);
    CHECK(start - end == -366);
    CHECK(start.add_days(365).to_string() == "2028-03-31");
    CHECK(start.add_days(-1).to_string() == "2027-03-31");
    CHECK(start < end);
  }

  TEST_CASE("scenario fiscal years run from April to March") {
    CHECK(Date::parse("2027-04-01")->fiscal_year() == 2027);
    CHECK(Date::parse("2028-03-31")->fiscal_year() == 2027);
    CHECK(Date::parse("2028-01-15")->fiscal_year_start().to_string() == "2027-04-01");
    CHECK(Date::parse("2027-03-31")->fiscal_year() == 2026);
  }

}  // TEST_SUITE
