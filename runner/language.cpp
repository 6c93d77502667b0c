#include "runner/language.hpp"

#include <array>
#include <cstdlib>
#include <utility>

namespace caresim::runner {

namespace {

// The dictionary's units in Japanese, as 障害福祉 statistics write them.
constexpr std::array<std::pair<std::string_view, std::string_view>, 13> kUnitsJa{{
    {"bed-days per year", "床日/年"},
    {"count per year", "件/年"},
    {"days", "日"},
    {"fraction", "割合"},
    {"hours", "時間"},
    {"hours per year", "時間/年"},
    {"people", "人"},
    {"people per year", "人/年"},
    {"per 100,000 residents", "人/人口10万"},
    {"per 100,000 residents per month", "人/人口10万/月"},
    {"per year", "件/年"},
    {"welfare units per year", "単位/年"},
    {"yen per year", "円/年"},
}};

const char* set(const char* value) {
  return value != nullptr && *value != '\0' ? value : nullptr;
}

}  // namespace

std::optional<Language> parse_language(std::string_view code) {
  if (code == "en") return Language::English;
  if (code == "ja") return Language::Japanese;
  return std::nullopt;
}

Language language_of_locale(const char* lc_all, const char* lc_messages, const char* lang) {
  const char* locale = set(lc_all);
  if (locale == nullptr) locale = set(lc_messages);
  if (locale == nullptr) locale = set(lang);
  return locale != nullptr && std::string_view(locale).starts_with("ja") ? Language::Japanese : Language::English;
}

Language language_of_environment() {
  return language_of_locale(std::getenv("LC_ALL"), std::getenv("LC_MESSAGES"), std::getenv("LANG"));
}

std::string unit_label(std::string_view unit, Language language) {
  if (language == Language::Japanese) {
    for (const auto& [en, ja] : kUnitsJa)
      if (en == unit) return std::string(ja);
  }
  return std::string(unit);
}

bool has_japanese_unit(std::string_view unit) {
  for (const auto& entry : kUnitsJa)
    if (entry.first == unit) return true;
  return false;
}

}  // namespace caresim::runner
