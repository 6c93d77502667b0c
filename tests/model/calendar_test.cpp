// Civil dates, month boundaries and phased step functions.
#include "models/calendar.hpp"

#include <doctest/doctest.h>

#include "models/phased.hpp"

using namespace caresim::model;

TEST_CASE("days_from_civil and civil_from_days are inverse and anchored at 1970-01-01") {
  CHECK(days_from_civil(CivilDate{1970, 1, 1}) == 0);
  CHECK(days_from_civil(CivilDate{2000, 3, 1}) == 11017);
  for (std::int64_t d = -800000; d <= 800000; d += 997) CHECK(days_from_civil(civil_from_days(d)) == d);
  CHECK(civil_from_days(days_from_civil(CivilDate{2024, 2, 29})) == CivilDate{2024, 2, 29});
}

TEST_CASE("months of a run start at the start date and end on the first of each month") {
  const auto months = months_of_run(CivilDate{2025, 4, 15}, 60);
  REQUIRE(months.size() == 3);
  CHECK(months[0].begin == 0);
  CHECK(months[0].end == 16);  // 2025-05-01
  CHECK(months[1].end == 47);  // 2025-06-01
  CHECK(months[2].month == 6);
  CHECK(fiscal_year(CivilDate{2026, 3, 31}) == 2025);
  CHECK(fiscal_year(CivilDate{2026, 4, 1}) == 2026);
  CHECK(model_day(CivilDate{2025, 4, 1}, CivilDate{2027, 4, 1}) == 730);
}

TEST_CASE("a phased value is zero before its first step and holds each step until the next") {
  const Phased ph{{{10, 2}, {20, 3}}};
  CHECK(ph.at(0) == 0);
  CHECK(ph.at(10) == 2);
  CHECK(ph.at(19.9) == 2);
  CHECK(ph.at(25) == 3);
  CHECK(ph.peak() == 3);
  CHECK(Phased::step(2, 731, 3).at(731) == 3);
}

TEST_CASE("weekdays of model days follow the calendar") {
  const caresim::model::CivilDate start{2025, 4, 1};  // a Tuesday
  CHECK(caresim::model::weekday_of_model_day(start, 0) == 1);
  CHECK(caresim::model::weekday_of_model_day(start, 0.99) == 1);
  CHECK(caresim::model::weekday_of_model_day(start, 4.5) == 5);  // Saturday 5 April 2025
  CHECK(caresim::model::weekday_of_model_day(start, 6) == 0);    // Monday 7 April 2025
  CHECK(caresim::model::weekday_of_model_day(start, -1) == 0);   // Monday 31 March 2025
}
