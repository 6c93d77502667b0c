#pragma once
// Civil dates and the model's day count. Model time is days since the scenario's start
// date (a double); indicators need month boundaries (cohorts, coordinator claims) and fiscal
// year ends (31 March, long-stay counts). Howard Hinnant's days_from_civil / civil_from_days
// (http://howardhinnant.github.io/date_algorithms.html), proleptic Gregorian calendar.
#include <cstdint>
#include <vector>

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
  const std::int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (d.month + 9) % 12;  // March = 0 so the leap day ends the year
  const std::int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a count of days since 1970-01-01. */
constexpr CivilDate civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return CivilDate{year, month, day};
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
constexpr int fiscal_year(CivilDate d) { return d.month >= 4 ? d.year : d.year - 1; }

}  // namespace caresim::model
