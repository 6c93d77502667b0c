#include "runner/number_format.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <utility>

namespace caresim::runner {

namespace {

/** `fixed` (digits, an optional '.' and decimals, no sign) with a comma every three digits
 *  of its whole part. */
std::string group_thousands(const std::string& fixed) {
  const std::size_t point = fixed.find('.');
  const std::size_t whole = point == std::string::npos ? fixed.size() : point;
  std::string out;
  for (std::size_t i = 0; i < whole; ++i) {
    if (i > 0 && (whole - i) % 3 == 0) out += ',';
    out += fixed[i];
  }
  out += fixed.substr(whole);
  return out;
}

/** |x| with `decimals` decimals, grouped, with a '-' when x is negative and does not round
 *  to zero. */
std::string fixed(double x, int decimals) {
  char buf[400];  // DBL_MAX has 309 digits
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(x));
  const std::string digits = buf;
  const bool zero = digits.find_first_not_of("0.") == std::string::npos;
  std::string out = x < 0 && !zero ? "-" : "";
  out += group_thousands(digits);
  return out;
}

/** The code point starting at text[i] and the bytes it takes; a byte that starts no valid
 *  sequence is code point 0xFFFD of one byte. */
std::pair<char32_t, std::size_t> decode(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b = byte(i);
  std::size_t length = 0;
  char32_t cp = 0;
  if (b < 0x80) return {b, 1};
  if (b >= 0xC2 && b <= 0xDF) {
    length = 2;
    cp = b & 0x1F;
  } else if (b >= 0xE0 && b <= 0xEF) {
    length = 3;
    cp = b & 0x0F;
  } else if (b >= 0xF0 && b <= 0xF4) {
    length = 4;
    cp = b & 0x07;
  } else {
    return {0xFFFD, 1};
  }
  if (i + length > text.size()) return {0xFFFD, 1};
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return {0xFFFD, 1};
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  return {cp, length};
}

// East Asian Wide (W) and Fullwidth (F) ranges of Unicode's EastAsianWidth.txt that text
// in this program can hold: Hangul Jamo, CJK punctuation, kana, CJK ideographs, Yi,
// Hangul syllables, compatibility ideographs, vertical and small forms, fullwidth forms,
// the emoji blocks and the supplementary ideographic planes.
constexpr char32_t kWide[][2] = {
    {0x1100, 0x115F},   {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF}, {0xA000, 0xA4CF},
    {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},   {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6},
    {0x1F300, 0x1F64F}, {0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

std::size_t columns(char32_t cp) {
  if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x3099 && cp <= 0x309A) || cp == 0x200B) return 0;
  for (const auto& range : kWide)
    if (cp >= range[0] && cp <= range[1]) return 2;
  return 1;
}

}  // namespace

std::string format_number(double x) {
  if (std::isnan(x)) return std::string(kNotAvailable);
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  if (x == 0) return "0";
  char buf[64];
  if (std::fabs(x) < 1e-4) {
    std::snprintf(buf, sizeof buf, "%.3e", x);
    return buf;
  }
  // The exponent after rounding to four figures, so 9.9996 is "10.00", not "9.9996".
  std::snprintf(buf, sizeof buf, "%.3e", std::fabs(x));
  const int exponent = std::atoi(std::strchr(buf, 'e') + 1);
  std::string out = fixed(x, exponent >= 3 ? 0 : 3 - exponent);
  // Trailing zeros of the decimals go (26, not 26.00; 0.2, not 0.2000): a whole count
  // reads as one.
  if (out.find('.') != std::string::npos) {
    while (out.back() == '0') out.pop_back();
    if (out.back() == '.') out.pop_back();
  }
  return out;
}

std::string format_yen(double yen) {
  if (std::isnan(yen)) return std::string(kNotAvailable);
  if (std::isinf(yen)) return yen > 0 ? "inf 円" : "-inf 円";
  const double a = std::fabs(yen);
  if (std::round(a) < 1e4) return fixed(yen, 0) + " 円";
  if (std::round(a / 1e3) / 10 < 1e4) return fixed(yen / 1e4, 1) + " 万円";
  return fixed(yen / 1e8, 1) + " 億円";
}

std::string format_value(double x, std::string_view unit) {
  return unit.starts_with("yen") ? format_yen(x) : format_number(x);
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto [cp, length] = decode(text, i);
    width += columns(cp);
    i += length;
  }
  return width;
}

std::string pad_right(std::string_view text, std::size_t width) {
  const std::size_t w = display_width(text);
  return std::string(text) + std::string(w < width ? width - w : 0, ' ');
}

std::string pad_left(std::string_view text, std::size_t width) {
  const std::size_t w = display_width(text);
  return std::string(w < width ? width - w : 0, ' ') + std::string(text);
}

}  // namespace caresim::runner
