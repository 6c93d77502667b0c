#pragma once
// The language of text reports: English, or Japanese (the indicator dictionary holds both
// labels), chosen with --lang or, without it, from the locale.
#include <optional>
#include <string>
#include <string_view>

namespace caresim::runner {

/** A language text reports are printed in. */
enum class Language { English, Japanese };

/** The valid values of --lang, as a usage message lists them: "en, ja". */
inline constexpr std::string_view kLanguageValues = "en, ja";

/** The language called `code` (`en` or `ja`), or nothing. */
std::optional<Language> parse_language(std::string_view code);

/** The language of a locale as POSIX chooses the one for messages: the first of LC_ALL,
 *  LC_MESSAGES and LANG that is set and not empty (a null pointer is unset); Japanese when
 *  it starts with `ja` (`ja_JP.UTF-8`), else English. */
Language language_of_locale(const char* lc_all, const char* lc_messages, const char* lang);

/** language_of_locale() of this process's environment. */
Language language_of_environment();

/** A unit of the indicator dictionary (`people per year`, `fraction`, ...) in `language`;
 *  a unit without a Japanese form is given as it is. */
std::string unit_label(std::string_view unit, Language language);

/** True when unit_label() knows the Japanese form of `unit` (a test checks every unit of
 *  the dictionary). */
bool has_japanese_unit(std::string_view unit);

}  // namespace caresim::runner
