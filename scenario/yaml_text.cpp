#include "scenario/yaml_text.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <type_traits>

namespace caresim::scenario {
namespace {

bool is_reserved_word(std::string_view word) {
  static constexpr std::array<std::string_view, 22> kReserved = {
      "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL", "yes", "Yes",
      "YES",  "no",   "No",   "NO",    "on",    "On",    "ON",   "off",  "Off",  "OFF", "~"};
  for (std::string_view reserved : kReserved) {
    if (word == reserved) return true;
  }
  return word == "y" || word == "Y" || word == "n" || word == "N";
}

bool is_simple_name(std::string_view word) {
  if (word.empty()) return false;
  const char first = word.front();
  if (!(std::isalpha(static_cast<unsigned char>(first)) || first == '_')) return false;
  for (char c : word) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) return false;
  }
  return !is_reserved_word(word);
}

std::string word_list(const std::vector<std::string>& words) {
  std::string out = "[";
  for (std::size_t i = 0; i < words.size(); ++i) out += (i ? ", " : "") + yaml_word(words[i]);
  return out + "]";
}

}  // namespace

std::string format_real(double value) {
  if (std::isnan(value)) return ".nan";
  if (std::isinf(value)) return value > 0 ? ".inf" : "-.inf";
  std::array<char, 64> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  std::string text(buffer.data(), result.ptr);
  if (text.find_first_of(".e") == std::string::npos) text += ".0";
  return text;
}

std::string format_number(double value) {
  std::string text = format_real(value);
  if (text.size() > 2 && text.ends_with(".0")) text.resize(text.size() - 2);
  return text;
}

std::string quote_yaml(std::string_view text) {
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    // The C1 controls (C2 80..C2 9F) and U+FFFE, U+FFFF (EF BF BE, EF BF BF) may not
    // appear raw in YAML text either (scenario/text_check.hpp); escapes round-trip them.
    const std::string_view rest = text.substr(i);
    if (rest.size() >= 2 && rest[0] == '\xC2' && static_cast<unsigned char>(rest[1]) >= 0x80 &&
        static_cast<unsigned char>(rest[1]) <= 0x9F) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02x", static_cast<unsigned>(static_cast<unsigned char>(rest[1])));
      out += escaped;
      ++i;
      continue;
    }
    if (rest.starts_with("\xEF\xBF\xBE") || rest.starts_with("\xEF\xBF\xBF")) {
      out += rest[2] == '\xBE' ? "\\ufffe" : "\\uffff";
      i += 2;
      continue;
    }
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\x%02x", static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += escaped;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string yaml_word(std::string_view word) {
  return is_simple_name(word) ? std::string(word) : quote_yaml(word);
}

std::string flow_yaml(const Value& value, Type type) {
  return std::visit(
      [type](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::int64_t>) {
          return std::to_string(v);
        } else if constexpr (std::is_same_v<T, double>) {
          return format_real(v);
        } else if constexpr (std::is_same_v<T, bool>) {
          return v ? "true" : "false";
        } else if constexpr (std::is_same_v<T, std::string>) {
          return type == Type::String ? quote_yaml(v) : yaml_word(v);
        } else if constexpr (std::is_same_v<T, Date>) {
          return v.to_string();
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
          return word_list(v);
        } else if constexpr (std::is_same_v<T, std::vector<double>>) {
          std::string out = "[";
          for (std::size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + format_real(v[i]);
          return out + "]";
        } else {
          std::string out = "{";
          for (std::size_t i = 0; i < v.size(); ++i) {
            out += (i ? ", " : "") + yaml_word(v[i].first) + ": " + format_real(v[i].second);
          }
          return out + "}";
        }
      },
      value);
}

}  // namespace caresim::scenario
