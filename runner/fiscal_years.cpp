#include "runner/fiscal_years.hpp"

#include <charconv>

namespace caresim::runner {

std::vector<int> report_fiscal_years(engine::Date start, double warmup_days, double horizon_days) {
  std::vector<int> years;
  // The first 1 April after the start closes the start's own fiscal year.
  engine::Date end = engine::fiscal_year_start(start).add_years(1);
  for (;; end = end.add_years(1)) {
    const auto day = static_cast<double>(end - start);
    if (day > horizon_days) break;
    if (day > warmup_days) years.push_back(engine::fiscal_year(end.add_days(-1)));
  }
  return years;
}

std::optional<int> fiscal_year_of_label(std::string_view key) {
  if (key.size() != 6 || !key.starts_with("FY")) return std::nullopt;
  int year = 0;
  const auto [end, error] = std::from_chars(key.data() + 2, key.data() + key.size(), year);
  if (error != std::errc{} || end != key.data() + key.size() || key[2] == '-' || key[2] == '+') return std::nullopt;
  return year;
}

std::string fiscal_year_text(int year, Language language) {
  return language == Language::Japanese ? std::to_string(year) + "年度" : engine::fiscal_year_label(year);
}

std::string fiscal_years_text(const std::vector<int>& years, Language language) {
  if (years.empty()) return "";
  if (years.size() == 1) return fiscal_year_text(years.front(), language);
  return fiscal_year_text(years.front(), language) + "–" + fiscal_year_text(years.back(), language);
}

}  // namespace caresim::runner
