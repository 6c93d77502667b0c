#include "text/terminal_text.hpp"

#include <cstdint>
#include <cstdio>

namespace caresim::text {
namespace {

void append_hex_byte(std::string& out, unsigned char byte) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "\\x%02x", static_cast<unsigned>(byte));
  out += buffer;
}

void append_code_point(std::string& out, std::uint32_t cp) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(cp));
  out += buffer;
}

/** Characters above U+007F that a terminal acts on or that hide what follows. */
bool is_invisible_control(std::uint32_t cp) {
  if (cp >= 0x80 && cp <= 0x9F) return true;  // C1, e.g. CSI U+009B
  if (cp == 0x061C || cp == 0x200E || cp == 0x200F) return true;
  if (cp >= 0x202A && cp <= 0x202E) return true;
  if (cp >= 0x2066 && cp <= 0x2069) return true;
  return cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF;
}

/** Length of the valid UTF-8 character starting at `at` with its code point, or 0. */
std::size_t utf8_character(std::string_view s, std::size_t at, std::uint32_t& cp) {
  const auto lead = static_cast<unsigned char>(s[at]);
  std::size_t length = 0;
  if (lead >= 0xC2 && lead < 0xE0) {
    length = 2;
  } else if (lead >= 0xE0 && lead < 0xF0) {
    length = 3;
  } else if (lead >= 0xF0 && lead < 0xF5) {
    length = 4;
  } else {
    return 0;
  }
  if (at + length > s.size()) return 0;
  cp = lead & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    const auto next = static_cast<unsigned char>(s[at + k]);
    if ((next & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (next & 0x3F);
  }
  static constexpr std::uint32_t kSmallest[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kSmallest[length] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return 0;
  return length;
}

/** Offset at most `limit` that does not cut a UTF-8 character of `s`. */
std::size_t character_boundary(std::string_view s, std::size_t limit) {
  if (limit >= s.size()) return s.size();
  std::size_t at = limit;
  while (at > 0 && limit - at < 4 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
  return (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80 ? limit : at;
}

}  // namespace

std::string terminal_text(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  std::size_t i = 0;
  while (i < raw.size()) {
    const auto byte = static_cast<unsigned char>(raw[i]);
    if (byte < 0x80) {
      if (byte < 0x20 || byte == 0x7F) {
        append_hex_byte(out, byte);
      } else {
        out += static_cast<char>(byte);
      }
      ++i;
      continue;
    }
    std::uint32_t cp = 0;
    const std::size_t length = utf8_character(raw, i, cp);
    if (length == 0) {
      append_hex_byte(out, byte);
      ++i;
      continue;
    }
    if (is_invisible_control(cp)) {
      append_code_point(out, cp);
    } else {
      out.append(raw.substr(i, length));
    }
    i += length;
  }
  return out;
}

std::string terminal_excerpt(std::string_view raw, std::size_t limit) {
  if (raw.size() <= limit) return terminal_text(raw);
  return terminal_text(raw.substr(0, character_boundary(raw, limit))) + "... (" + std::to_string(raw.size()) +
         " bytes)";
}

}  // namespace caresim::text
