#pragma once
// The one calendar date of the project, on std::chrono (proleptic Gregorian calendar, no
// time of day, no time zone). The engine's clock counts days as a double; scenario files
// name dates as YYYY-MM-DD and models map their days onto months and fiscal years, so both
// sides use this type and the conversions below, and nothing else computes a calendar.
// Header-only: the scenario loader uses it without linking the engine library (the
// fingerprint cross-check builds the engine a second time, and a program must not hold both).
#include <chrono>
#include <compare>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace caresim::engine {

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

/** A calendar date, years 1 to 9999, held as a std::chrono::sys_days. Totally ordered;
 *  differences are whole days. */
class Date {
 public:
  /** 1970-01-01. */
  constexpr Date() = default;

  /** The date `ymd`. Throws std::invalid_argument unless it is a real calendar date
   *  (`ymd.ok()`) in years 1..9999; a constant that is not fails to compile. */
  constexpr explicit Date(std::chrono::year_month_day ymd) : days_(checked(ymd)) {}

  /** The date with this day number (days since 1970-01-01). */
  static constexpr Date from_days(std::int64_t days_since_epoch) {
    return Date(std::chrono::sys_days{std::chrono::days{days_since_epoch}});
  }

  /** The date year-month-day, or nothing if it is not a real calendar date in years 1..9999
   *  (2027-02-29 and 2027-04-31 are rejected). */
  static constexpr std::optional<Date> from_ymd(int year, unsigned month, unsigned day) {
    // chrono's year, month and day hold only short and unsigned char: range first.
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
    if (!in_range(ymd)) return std::nullopt;
    return Date(std::chrono::sys_days{ymd});
  }

  /** Parses exactly "YYYY-MM-DD" (four, two and two digits) and checks the calendar.
   *  Nothing for any other text, including "2027-4-1" and "2027-02-30". */
  static constexpr std::optional<Date> parse(std::string_view text) {
    // GCC 12's library has no std::chrono::parse, so the one accepted form is read by hand.
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const auto y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
    if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
    return from_ymd(static_cast<int>(to_number(y)), to_number(m), to_number(d));
  }

  /** Earliest representable date, 0001-01-01: the start of a constant step function. */
  static constexpr Date min() { return Date(std::chrono::year{1} / std::chrono::January / 1); }

  /** Latest representable date, 9999-12-31. */
  static constexpr Date max() { return Date(std::chrono::year{9999} / std::chrono::December / 31); }

  /** Days since 1970-01-01 (negative before). */
  constexpr std::int64_t days_since_epoch() const { return days_.time_since_epoch().count(); }

  /** The date as a std::chrono time point. */
  constexpr std::chrono::sys_days sys_days() const { return days_; }

  /** The date as year, month and day. */
  constexpr std::chrono::year_month_day ymd() const { return std::chrono::year_month_day{days_}; }

  /** Calendar year. */
  constexpr int year() const { return static_cast<int>(ymd().year()); }
  /** Month 1..12. */
  constexpr unsigned month() const { return static_cast<unsigned>(ymd().month()); }
  /** Day of month 1..31. */
  constexpr unsigned day() const { return static_cast<unsigned>(ymd().day()); }

  /** Day of the week: 0 Monday ... 6 Sunday. */
  constexpr int weekday() const { return static_cast<int>(std::chrono::weekday{days_}.iso_encoding()) - 1; }

  /** This date moved by `days` (negative moves back). */
  constexpr Date add_days(std::int64_t days) const { return Date(days_ + std::chrono::days{days}); }

  /** The same month and day `years` later (earlier when negative). 29 February in a year
   *  without one becomes 1 March: the count of days from the 1st of the month carries over. */
  constexpr Date add_years(int years) const {
    const std::chrono::year_month_day d = ymd();
    const std::chrono::year_month_day first{d.year() + std::chrono::years{years}, d.month(), std::chrono::day{1}};
    return Date(std::chrono::sys_days{first} + (d.day() - std::chrono::day{1}));
  }

  /** The 1st of the month after this date's month. */
  constexpr Date next_month_start() const {
    const std::chrono::year_month next = std::chrono::year_month{ymd().year(), ymd().month()} + std::chrono::months{1};
    return Date(std::chrono::sys_days{next / std::chrono::day{1}});
  }

  /** Whole days from this date to `later` (negative when `later` is earlier). */
  constexpr std::int64_t days_until(Date later) const { return (later.days_ - days_).count(); }

  /** "YYYY-MM-DD". */
  std::string to_string() const {
    char text[40];  // room for any int, so the compiler sees no truncation
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", year(), month(), day());
    return text;
  }

  /** Dates compare by day number. */
  friend constexpr auto operator<=>(Date, Date) = default;

 private:
  constexpr explicit Date(std::chrono::sys_days days) : days_(days) {}

  static constexpr bool all_digits(std::string_view text) {
    for (char c : text) {
      if (c < '0' || c > '9') return false;
    }
    return !text.empty();
  }

  static constexpr unsigned to_number(std::string_view digits) {
    unsigned value = 0;
    for (char c : digits) value = value * 10 + static_cast<unsigned>(c - '0');
    return value;
  }

  static constexpr bool in_range(std::chrono::year_month_day ymd) {
    return ymd.ok() && ymd.year() >= std::chrono::year{1} && ymd.year() <= std::chrono::year{9999};
  }

  static constexpr std::chrono::sys_days checked(std::chrono::year_month_day ymd) {
    if (!in_range(ymd)) throw std::invalid_argument("not a calendar date in years 1..9999");
    return std::chrono::sys_days{ymd};
  }

  std::chrono::sys_days days_{};
};

/** Whole days from `b` to `a` (a - b). */
constexpr std::int64_t operator-(Date a, Date b) {
  return b.days_until(a);
}

/** Japanese fiscal year (April to March), named by the calendar year it starts in:
 *  2027-04-01 and 2028-03-31 are both in fiscal year 2027. */
constexpr int fiscal_year(Date d) {
  return d.month() >= 4 ? d.year() : d.year() - 1;
}

/** 1 April of the fiscal year of `d`. */
constexpr Date fiscal_year_start(Date d) {
  const std::chrono::sys_days start{std::chrono::year{fiscal_year(d)} / std::chrono::April / 1};
  return Date::from_days(start.time_since_epoch().count());
}

/** The label of fiscal year `year`: "FY2025" for 2025-04-01..2026-03-31. */
inline std::string fiscal_year_label(int year) {
  return "FY" + std::to_string(year);
}

}  // namespace caresim::engine
