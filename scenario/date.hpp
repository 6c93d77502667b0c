#pragma once
// A civil (proleptic Gregorian) calendar date without time of day or time zone.
// Scenario files name dates as YYYY-MM-DD; the simulation clock counts days, so a Date is
// stored as a day number and every conversion goes through days_from_civil().
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/core/civil_days.hpp"

namespace caresim::scenario {

/** Days since 1970-01-01 of the civil date year-month-day (negative before 1970).
 *  Precondition: month in 1..12 and day in 1..days_in_month(year, month). */
constexpr std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) {
  return engine::days_from_civil(year, month, day);
}

/** True for years divisible by 4, except centuries not divisible by 400. */
constexpr bool is_leap_year(std::int64_t year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/** Number of days in `month` (1..12) of `year`; 0 for a month outside 1..12. */
constexpr unsigned days_in_month(std::int64_t year, unsigned month) {
  constexpr unsigned kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

/** A calendar date, years 1 to 9999. Totally ordered; differences are whole days. */
class Date {
 public:
  /** 1970-01-01. */
  constexpr Date() = default;

  /** The date with this day number (days since 1970-01-01). */
  static constexpr Date from_days(std::int64_t days_since_epoch) { return Date(days_since_epoch); }

  /** The date year-month-day, or nothing if it is not a real calendar date in years 1..9999
   *  (2027-02-29 and 2027-04-31 are rejected). */
  static std::optional<Date> from_ymd(int year, unsigned month, unsigned day);

  /** Parses exactly "YYYY-MM-DD" (four, two and two digits) and checks the calendar.
   *  Nothing for any other text, including "2027-4-1" and "2027-02-30". */
  static std::optional<Date> parse(std::string_view text);

  /** Earliest representable date, 0001-01-01: the start of a constant step function. */
  static constexpr Date min() { return Date(days_from_civil(1, 1, 1)); }

  /** Latest representable date, 9999-12-31. */
  static constexpr Date max() { return Date(days_from_civil(9999, 12, 31)); }

  /** Days since 1970-01-01. */
  constexpr std::int64_t days_since_epoch() const { return days_; }

  /** Calendar year. */
  int year() const;
  /** Month 1..12. */
  unsigned month() const;
  /** Day of month 1..31. */
  unsigned day() const;

  /** This date moved by `days` (negative moves back). */
  constexpr Date add_days(std::int64_t days) const { return Date(days_ + days); }

  /** Whole days from this date to `later` (negative when `later` is earlier). */
  constexpr std::int64_t days_until(Date later) const { return later.days_ - days_; }

  /** Japanese-style fiscal year (April to March) named by the year it starts in:
   *  2027-04-01 and 2028-03-31 are both in fiscal year 2027. */
  int fiscal_year() const;

  /** 1 April of this date's fiscal year. */
  Date fiscal_year_start() const;

  /** "YYYY-MM-DD". */
  std::string to_string() const;

  /** Dates compare by day number. */
  friend constexpr auto operator<=>(Date, Date) = default;

 private:
  constexpr explicit Date(std::int64_t days) : days_(days) {}
  std::int64_t days_ = 0;
};

/** Whole days from `b` to `a` (a - b). */
constexpr std::int64_t operator-(Date a, Date b) {
  return b.days_until(a);
}

}  // namespace caresim::scenario
