// The model's days on the calendar: month spans, weekdays, phased step functions.
#include "models/calendar.hpp"

#include <doctest/doctest.h>

#include "models/phased.hpp"

using namespace caresim::model;
using namespace std::chrono_literals;

TEST_CASE("model days count whole days from the start date") {
  CHECK(model_day(Date{2025y / 4 / 1}, Date{2027y / 4 / 1}) == 730);
  CHECK(model_day(Date{2025y / 4 / 1}, Date{2025y / 3 / 31}) == -1);
  CHECK(date_of_model_day(Date{2025y / 4 / 1}, 365.5) == Date{2026y / 4 / 1});
  CHECK(date_of_model_day(Date{2025y / 4 / 1}, -0.5) == Date{2025y / 3 / 31});
}

TEST_CASE("months of a run start at the start date and end on the first of each month") {
  const auto months = months_of_run(Date{2025y / 4 / 15}, 60);
  REQUIRE(months.size() == 3);
  CHECK(months[0].begin == 0);
  CHECK(months[0].end == 16);  // 2025-05-01
  CHECK(months[1].end == 47);  // 2025-06-01
  CHECK(months[0].year == 2025);
  CHECK(months[0].month == 4);
  CHECK(months[2].month == 6);
}

TEST_CASE("months of a run cross the new year") {
  const auto months = months_of_run(Date{2025y / 12 / 1}, 32);
  REQUIRE(months.size() == 2);
  CHECK(months[0].end == 31);
  CHECK(months[1].year == 2026);
  CHECK(months[1].month == 1);
  CHECK(months[1].end == 62);
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
  const Date start{2025y / 4 / 1};  // a Tuesday
  CHECK(weekday_of_model_day(start, 0) == 1);
  CHECK(weekday_of_model_day(start, 0.99) == 1);
  CHECK(weekday_of_model_day(start, 4.5) == 5);  // Saturday 5 April 2025
  CHECK(weekday_of_model_day(start, 6) == 0);    // Monday 7 April 2025
  CHECK(weekday_of_model_day(start, -1) == 0);   // Monday 31 March 2025
}
