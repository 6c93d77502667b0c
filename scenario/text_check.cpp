#include "scenario/text_check.hpp"

#include <array>
#include <cstdint>
#include <cstdio>

namespace caresim::scenario {
namespace {

/** Abbreviations of the C0 controls U+0000..U+001F. */
constexpr std::array<std::string_view, 32> kC0Names = {
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS",  "HT", "LF",  "VT",  "FF", "CR", "SO", "SI",
    "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"};

/** Abbreviations of the C1 controls U+0080..U+009F. */
constexpr std::array<std::string_view, 32> kC1Names = {
    "PAD", "HOP", "BPH", "NBH", "IND", "NEL", "SSA", "ESA", "HTS", "HTJ",  "VTS", "PLD", "PLU", "RI",  "SS2", "SS3",
    "DCS", "PU1", "PU2", "STS", "CCH", "MW",  "SPA", "EPA", "SOS", "SGCI", "SCI", "CSI", "ST",  "OSC", "PM",  "APC"};

std::string hex(std::uint32_t value, int digits, std::string_view prefix) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%0*X", digits, static_cast<unsigned>(value));
  return std::string(prefix) + buffer;
}

std::string byte_hex(unsigned char byte) {
  return hex(byte, 2, "0x");
}

std::string code_point(std::uint32_t cp) {
  return hex(cp, 4, "U+");
}

/** YAML's c-printable, less the characters that UTF-8 validity already excludes. */
bool is_printable(std::uint32_t cp) {
  if (cp < 0x20) return cp == '\t' || cp == '\n' || cp == '\r';
  if (cp >= 0x7F && cp <= 0x9F) return cp == 0x85;
  return cp != 0xFFFE && cp != 0xFFFF;
}

std::string encoding_hint(TextSource source) {
  if (source == TextSource::Override)
    return "write --set values in UTF-8 (check the encoding of the terminal or script)";
  return "save the file as UTF-8 (Shift_JIS, EUC-JP and latin-1 text is not UTF-8)";
}

void report_character(std::string_view text, std::size_t offset, std::uint32_t cp, const Location& origin,
                      TextSource source, DiagnosticSink& sink) {
  const Location where = locate_offset(text, offset, origin);
  if (cp == 0xFFFE || cp == 0xFFFF) {
    sink.error(where, "", code_point(cp) + " is not a character and is not allowed in YAML text",
               "remove it; it often means text in another encoding was copied in");
    return;
  }
  const std::string_view name = cp < 0x20 ? kC0Names[cp] : cp == 0x7F ? "DEL" : kC1Names[cp - 0x80];
  const std::string message = "control character " + code_point(cp) + " (" + std::string(name) + ") is not allowed";
  if (cp == 0 && source == TextSource::File) {
    sink.error(where, "", message,
               "a NUL byte usually means a binary file, or UTF-16 or UTF-32 text without a byte order mark; save "
               "the file as UTF-8");
    return;
  }
  sink.error(where, "", message,
             "YAML text may hold tab, line feed and carriage return as they are; write another control character "
             "as an escape inside double quotes (\"" +
                 hex(cp, 2, "\\x") + "\"), or remove it");
}

/** Length of the UTF-8 sequence a lead byte starts, or 0 for a byte that starts none. */
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead < 0xC0) return 0;  // a continuation byte
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  if (lead < 0xF8) return 4;
  return 0;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

/** A byte order mark that selects a UTF-16 or UTF-32 decoding. */
struct WideEncoding {
  std::string_view name;  ///< "UTF-16" or "UTF-32"
  std::size_t unit;       ///< bytes per code unit
  bool big_endian;
};

std::optional<WideEncoding> wide_encoding(std::string_view bytes) {
  // UTF-32LE's mark starts with UTF-16LE's, so the 4-byte marks are tried first.
  if (bytes.starts_with(std::string_view("\x00\x00\xFE\xFF", 4))) return WideEncoding{"UTF-32", 4, true};
  if (bytes.starts_with(std::string_view("\xFF\xFE\x00\x00", 4))) return WideEncoding{"UTF-32", 4, false};
  if (bytes.starts_with("\xFE\xFF")) return WideEncoding{"UTF-16", 2, true};
  if (bytes.starts_with("\xFF\xFE")) return WideEncoding{"UTF-16", 2, false};
  return std::nullopt;
}

std::uint32_t read_unit(std::string_view bytes, std::size_t at, const WideEncoding& encoding) {
  std::uint32_t value = 0;
  for (std::size_t k = 0; k < encoding.unit; ++k) {
    const auto byte = static_cast<unsigned char>(bytes[at + (encoding.big_endian ? k : encoding.unit - 1 - k)]);
    value = (value << 8) | byte;
  }
  return value;
}

/** `bytes` (after its byte order mark) transcoded to UTF-8, or nothing after reporting. */
std::optional<std::string> transcode(std::string_view bytes, const WideEncoding& encoding, const Location& origin,
                                     DiagnosticSink& sink) {
  std::string out;
  out.reserve(bytes.size());
  const auto fail = [&](const std::string& what) {
    sink.error(locate_offset(out, out.size(), origin), "", "invalid " + std::string(encoding.name) + ": " + what,
               "the file starts with a " + std::string(encoding.name) +
                   " byte order mark but does not continue as such; save it as UTF-8");
    return std::nullopt;
  };
  std::size_t at = 0;
  while (at < bytes.size()) {
    if (bytes.size() - at < encoding.unit) return fail("the text ends in the middle of a character");
    std::uint32_t cp = read_unit(bytes, at, encoding);
    at += encoding.unit;
    if (encoding.unit == 2 && cp >= 0xD800 && cp <= 0xDBFF && bytes.size() - at >= 2) {
      const std::uint32_t low = read_unit(bytes, at, encoding);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        at += 2;
      }
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) return fail("unpaired surrogate " + hex(cp, 4, "0x"));
    if (cp > 0x10FFFF) return fail(hex(cp, 8, "0x") + " is not a Unicode character");
    append_utf8(out, cp);
  }
  return out;
}

/** Offset of the closing quote on the line starting at `from` of a scalar opened by
 *  `quote`, or npos when the line (ending at LF or the text's end) has none. The rules
 *  are yaml-cpp's: '' is a quote inside '...', a backslash escapes the next character
 *  inside "..." (except a line break, which it continues). */
std::size_t closing_quote_in_line(std::string_view text, std::size_t from, char quote) {
  for (std::size_t i = from; i < text.size() && text[i] != '\n'; ++i) {
    const char c = text[i];
    if (quote == '\'' && c == '\'') {
      if (i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
        continue;
      }
      return i;
    }
    if (quote == '"' && c == '\\') {
      if (i + 1 < text.size() && text[i + 1] != '\n' && text[i + 1] != '\r') ++i;
      continue;
    }
    if (quote == '"' && c == '"') return i;
  }
  return std::string_view::npos;
}

}  // namespace

Location locate_offset(std::string_view text, std::size_t offset, const Location& origin) {
  if (offset > text.size()) offset = text.size();
  int line = 0;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  const int column = static_cast<int>(offset - line_start);
  return {origin.file, origin.line + line, line == 0 ? origin.column + column : column + 1};
}

bool check_text(std::string_view text, const Location& origin, TextSource source, DiagnosticSink& sink) {
  const auto invalid = [&](std::size_t at, const std::string& what) {
    sink.error(locate_offset(text, at, origin), "", "invalid UTF-8: " + what, encoding_hint(source));
    return false;
  };
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      if (!is_printable(lead)) {
        report_character(text, i, lead, origin, source, sink);
        return false;
      }
      ++i;
      continue;
    }
    const std::size_t length = sequence_length(lead);
    if (length == 0) {
      if (lead < 0xC0) return invalid(i, "byte " + byte_hex(lead) + " continues a character that was never started");
      return invalid(i, "byte " + byte_hex(lead) + " never occurs in UTF-8");
    }
    std::uint32_t cp = lead & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
      if (i + k >= text.size()) {
        return invalid(
            i, "byte " + byte_hex(lead) + " starts a " + std::to_string(length) + "-byte character but the text ends");
      }
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) {
        return invalid(i, "byte " + byte_hex(lead) + " starts a " + std::to_string(length) +
                              "-byte character but is followed by " + byte_hex(next));
      }
      cp = (cp << 6) | (next & 0x3F);
    }
    const auto bytes = [&] {
      std::string out;
      for (std::size_t k = 0; k < length; ++k) {
        if (k) out += ' ';
        out += hex(static_cast<unsigned char>(text[i + k]), 2, "");
      }
      return out;
    };
    static constexpr std::array<std::uint32_t, 5> kSmallest = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kSmallest[length]) {
      return invalid(i, "overlong encoding of " + code_point(cp) + " (bytes " + bytes() + ")");
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) {
      return invalid(i, "bytes " + bytes() + " encode " + code_point(cp) + ", a UTF-16 surrogate, not a character");
    }
    if (cp > 0x10FFFF) return invalid(i, "bytes " + bytes() + " encode " + hex(cp, 6, "0x") + ", above U+10FFFF");
    if (!is_printable(cp)) {
      report_character(text, i, cp, origin, source, sink);
      return false;
    }
    i += length;
  }
  return true;
}

std::optional<std::string> decode_text(std::string_view bytes, const Location& origin, TextSource source,
                                       DiagnosticSink& sink) {
  std::optional<std::string> text;
  if (const auto encoding = wide_encoding(bytes)) {
    text = transcode(bytes.substr(encoding->unit == 4 ? 4 : 2), *encoding, origin, sink);
    if (!text) return std::nullopt;
  } else {
    // yaml-cpp skips a UTF-8 byte order mark and counts columns after it; so does this.
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    text = std::string(bytes);
  }
  if (!check_text(*text, origin, source, sink)) return std::nullopt;
  return text;
}

void repair_escaped_bytes(std::string& scalar) {
  // Only a byte outside a character needs repair; most text has none and is left alone.
  const auto stray = [&](std::size_t from) {
    for (std::size_t i = from; i < scalar.size();) {
      const auto lead = static_cast<unsigned char>(scalar[i]);
      const std::size_t length = sequence_length(lead);
      if (length == 0) return i;
      i += length;
    }
    return std::string::npos;
  };
  std::size_t at = stray(0);
  if (at == std::string::npos) return;
  std::string out = scalar.substr(0, at);
  while (at != std::string::npos) {
    append_utf8(out, static_cast<unsigned char>(scalar[at]));
    const std::size_t next = stray(at + 1);
    out.append(scalar, at + 1, (next == std::string::npos ? scalar.size() : next) - at - 1);
    at = next;
  }
  scalar = std::move(out);
}

std::optional<QuotedScalarProblem> check_quoted_scalar(std::string_view text, std::size_t quote, int key_column,
                                                       std::string_view anchor, const Location& origin) {
  const char q = text[quote];
  const std::string mark(1, q);
  const std::string block_scalar = "use a block scalar (|, >) for text over several lines";
  std::size_t from = quote + 1;
  while (closing_quote_in_line(text, from, q) == std::string_view::npos) {
    const std::size_t end = text.find('\n', from);
    if (end == std::string_view::npos) {
      return QuotedScalarProblem{
          "YAML syntax error: this quoted scalar is never closed (no closing " + mark + " follows it)",
          "close it on the same line, or " + block_scalar, true};
    }
    const std::size_t line = end + 1;
    std::size_t content = line;
    while (content < text.size() && text[content] == ' ') ++content;
    const int indent = static_cast<int>(content - line);
    std::size_t rest = content;
    while (rest < text.size() && (text[rest] == ' ' || text[rest] == '\t')) ++rest;
    const bool blank = rest == text.size() || text[rest] == '\n' ||
                       (text[rest] == '\r' && (rest + 1 == text.size() || text[rest + 1] == '\n'));
    if (!blank && indent <= key_column) {
      // YAML ends the scalar's lines here; yaml-cpp reads on, swallowing what follows.
      const std::string line_number = std::to_string(locate_offset(text, line, origin).line);
      if (closing_quote_in_line(text, line, q) != std::string_view::npos) {
        return QuotedScalarProblem{"YAML syntax error: line " + line_number +
                                       " of this quoted scalar is not indented more than " + std::string(anchor),
                                   "indent every line after the first by at least " + std::to_string(key_column + 1) +
                                       " spaces, or " + block_scalar,
                                   false};
      }
      return QuotedScalarProblem{"YAML syntax error: this quoted scalar is never closed (no closing " + mark +
                                     " before line " + line_number + ", which is not indented more than " +
                                     std::string(anchor) + ")",
                                 "close it on the same line, or " + block_scalar, false};
    }
    from = line;
  }
  return std::nullopt;
}

}  // namespace caresim::scenario
