#pragma once
// The model's day count on the calendar. Model time is days since the scenario's start
// date (a double); indicators need month boundaries (cohorts, coordinator claims) and fiscal
// year ends (31 March, long-stay counts). The dates themselves are the project's one
// calendar date, engine::Date (engine/core/date.hpp, on std::chrono).
#include <cstdint>
#include <vector>

#include "engine/core/date.hpp"

namespace caresim::model {

/** A calendar date: engine::Date. */
using Date = engine::Date;

using engine::fiscal_year;
using engine::fiscal_year_label;
using engine::fiscal_year_start;

/** Model day (days since `start`) of a calendar date; negative before the start. */
constexpr double model_day(Date start, Date date) {
  return static_cast<double>(date - start);
}

/** The calendar date containing model day `day` after `start`. */
constexpr Date date_of_model_day(Date start, double day) {
  auto whole = static_cast<std::int64_t>(day);
  if (static_cast<double>(whole) > day) --whole;  // floor for negative days
  return start.add_days(whole);
}

/** Day of the week of a model day: 0 Monday ... 6 Sunday. */
constexpr int weekday_of_model_day(Date start, double day) {
  return date_of_model_day(start, day).weekday();
}

/** One calendar month of a run: [begin, end) in model days, and its civil month. */
struct MonthSpan {
  double begin = 0;
  double end = 0;
  int year = 0;
  int month = 0;
};

/** The calendar months overlapping [0, horizon): the first runs from day 0 (the start
 *  date, which need not be the 1st) to the next 1st of a month; the last ends at the first
 *  month boundary at or after `horizon`. */
inline std::vector<MonthSpan> months_of_run(Date start, double horizon) {
  std::vector<MonthSpan> out;
  Date month = start;
  double begin = 0;
  while (begin < horizon) {
    const Date next = month.next_month_start();
    const double end = model_day(start, next);
    out.push_back(MonthSpan{begin, end, month.year(), static_cast<int>(month.month())});
    begin = end;
    month = next;
  }
  return out;
}

}  // namespace caresim::model
