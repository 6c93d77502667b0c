#pragma once
// Proleptic Gregorian civil dates as day counts since 1970-01-01 (Howard Hinnant's
// days_from_civil / civil_from_days), for code that maps the engine's clock in days onto
// a calendar: scenario dates, month boundaries, fiscal years.
#include <cstdint>

namespace caresim::engine {

/** A civil date: year, month 1..12, day 1..31. */
struct CivilDay {
  std::int64_t year = 1970;
  unsigned month = 1;
  unsigned day = 1;
};

/** Days since 1970-01-01 of year-month-day (negative before 1970).
 *  Precondition: month in 1..12 and day within the month. */
constexpr std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) {
  // Counts from 0000-03-01 so that the leap day falls at the end of each 4/100/400 cycle.
  const std::int64_t y = month <= 2 ? year - 1 : year;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t year_of_era = y - era * 400;
  const std::int64_t month_from_march = month > 2 ? month - 3 : month + 9;
  const std::int64_t day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
  const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

/** The civil date of a count of days since 1970-01-01 (inverse of days_from_civil). */
constexpr CivilDay civil_from_days(std::int64_t days) {
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t day_of_era = z - era * 146097;
  const std::int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t month_from_march = (5 * day_of_year + 2) / 153;
  const auto day = static_cast<unsigned>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
  const auto month = static_cast<unsigned>(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
  return {year_of_era + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

}  // namespace caresim::engine
