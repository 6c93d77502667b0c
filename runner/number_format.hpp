#pragma once
// Numbers as a text report prints them: four significant figures with thousands
// separators, yen as 円, 万円 or 億円 chosen by size, never in exponent form for a
// council's amounts; and the width of text in a terminal's columns, where East Asian wide
// characters take two.
#include <cstddef>
#include <string>
#include <string_view>

namespace caresim::runner {

/** How a report shows a number that is undefined (NaN: no replication had a value, or an
 *  interval from fewer than two). */
inline constexpr std::string_view kNotAvailable = "n/a";

/** `x` rounded to four significant figures (all digits of its whole part), in fixed
 *  notation with a comma every three digits of its whole part and no trailing zeros of
 *  decimals: 0.6351, 623.5, 26, 12,346, -1,234,568. Zero is "0"; a magnitude
 *  below 0.0001 is written in exponent form (1.234e-05), infinities as "inf" and "-inf",
 *  NaN as kNotAvailable. */
std::string format_number(double x);

/** An amount of yen by its size: below 10,000 yen whole 円 ("9,999 円"), below 100
 *  million yen 万円 with one decimal ("1.0 万円", "1,234.6 万円"), else 億円 with one
 *  decimal ("1.0 億円", "12,345.7 億円"). The unit is chosen after rounding (9,999.5 yen is
 *  "1.0 万円"); a negative amount has a leading '-'; NaN is kNotAvailable. */
std::string format_yen(double yen);

/** `x` in `unit` of the indicator dictionary: format_yen() when the unit is in yen
 *  (`yen per year`), else format_number(). */
std::string format_value(double x, std::string_view unit);

/** Columns `text` (UTF-8) takes in a terminal: two for an East Asian wide or fullwidth
 *  character (漢字, かな, fullwidth forms, Hangul), none for a combining mark, one for any
 *  other character and for each byte that is not valid UTF-8. */
std::size_t display_width(std::string_view text);

/** `text` followed by spaces up to `width` display columns (left-aligned); unchanged when
 *  it is already that wide. */
std::string pad_right(std::string_view text, std::size_t width);

/** Spaces up to `width` display columns followed by `text` (right-aligned). */
std::string pad_left(std::string_view text, std::size_t width);

}  // namespace caresim::runner
