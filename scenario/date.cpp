#include "scenario/date.hpp"

#include <cstdio>

namespace caresim::scenario {
namespace {

using engine::civil_from_days;
using Civil = engine::CivilDay;

bool all_digits(std::string_view text) {
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return !text.empty();
}

unsigned to_number(std::string_view digits) {
  unsigned value = 0;
  for (char c : digits) value = value * 10 + static_cast<unsigned>(c - '0');
  return value;
}

}  // namespace

std::optional<Date> Date::from_ymd(int year, unsigned month, unsigned day) {
  if (year < 1 || year > 9999) return std::nullopt;
  if (day < 1 || day > days_in_month(year, month)) return std::nullopt;
  return Date(days_from_civil(year, month, day));
}

std::optional<Date> Date::parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
  if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
  return from_ymd(static_cast<int>(to_number(y)), to_number(m), to_number(d));
}

int Date::year() const {
  return static_cast<int>(civil_from_days(days_).year);
}

unsigned Date::month() const {
  return civil_from_days(days_).month;
}

unsigned Date::day() const {
  return civil_from_days(days_).day;
}

int Date::fiscal_year() const {
  const Civil c = civil_from_days(days_);
  return static_cast<int>(c.month >= 4 ? c.year : c.year - 1);
}

Date Date::fiscal_year_start() const {
  return Date(days_from_civil(fiscal_year(), 4, 1));
}

std::string Date::to_string() const {
  const Civil c = civil_from_days(days_);
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(c.year), c.month, c.day);
  return text;
}

}  // namespace caresim::scenario
