#pragma once
// Civil dates and the model's day count. Model time is days since the scenario's start
// date (a double); indicators need month boundaries (cohorts, coordinator claims) and fiscal
// year ends (31 March, long-stay counts). Howard Hinnant's days_from_civil / civil_from_days
// (http://howardhinnant.github.io/date_algorithms.html), proleptic Gregorian calendar.
#include <cstdint>
#include <vector>

#include "engine/core/civil_days.hpp"

namespace caresim::model {

/** A calendar date. month 1..12, day 1..31. */
struct CivilDate {
  int year = 2025;
  int month = 4;
  int day = 1;
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

/** Days since 1970-01-01 of a civil date (negative before). */
constexpr std::int64_t days_from_civil(CivilDate d);

/** Day of the week of a model day: 0 Monday ... 6 Sunday (1970-01-01 was a Thursday). */
constexpr int weekday_of_model_day(CivilDate start, double day);

constexpr std::int64_t days_from_civil(CivilDate d) {
  return engine::days_from_civil(d.year, static_cast<unsigned>(d.month), static_cast<unsigned>(d.day));
}

/** The civil date of a count of days since 1970-01-01. */
constexpr CivilDate civil_from_days(std::int64_t z) {
  const engine::CivilDay c = engine::civil_from_days(z);
  return CivilDate{static_cast<int>(c.year), static_cast<int>(c.month), static_cast<int>(c.day)};
}

/** Model day (days since `start`) of a civil date; negative before the start. */
constexpr double model_day(CivilDate start, CivilDate date) {
  return static_cast<double>(days_from_civil(date) - days_from_civil(start));
}

constexpr int weekday_of_model_day(CivilDate start, double day) {
  auto whole = static_cast<std::int64_t>(day);
  if (static_cast<double>(whole) > day) --whole;  // floor for negative days
  const std::int64_t z = days_from_civil(start) + whole;
  return static_cast<int>(((z + 3) % 7 + 7) % 7);  // 1970-01-01 (z = 0) was a Thursday (3)
}

/** The civil date containing model day `day` after `start`. */
constexpr CivilDate civil_of_model_day(CivilDate start, double day) {
  auto whole = static_cast<std::int64_t>(day);
  if (static_cast<double>(whole) > day) --whole;  // floor for negative days
  return civil_from_days(days_from_civil(start) + whole);
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
inline std::vector<MonthSpan> months_of_run(CivilDate start, double horizon) {
  std::vector<MonthSpan> out;
  int y = start.year, m = start.month;
  double begin = 0;
  while (begin < horizon) {
    const int ny = m == 12 ? y + 1 : y;
    const int nm = m == 12 ? 1 : m + 1;
    const double end = model_day(start, CivilDate{ny, nm, 1});
    out.push_back(MonthSpan{begin, end, y, m});
    begin = end;
    y = ny;
    m = nm;
  }
  return out;
}

/** The fiscal year (April–March, named by the year it starts in) of a civil date. */
constexpr int fiscal_year(CivilDate d) {
  return d.month >= 4 ? d.year : d.year - 1;
}

}  // namespace caresim::model
