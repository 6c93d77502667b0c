#include "scenario/value_check.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <unordered_map>

#include "scenario/suggest.hpp"
#include "scenario/yaml_text.hpp"

namespace caresim::scenario {
namespace {

using Kind = YamlNode::Kind;

std::string bound(double value) {
  return format_number(value);
}

bool in_range(const Param& param, double value) {
  if (param.min()) {
    if (param.min_exclusive() ? !(value > *param.min()) : !(value >= *param.min())) return false;
  }
  return !param.max() || value <= *param.max();
}

std::optional<std::int64_t> parse_integer(const YamlNode& node) {
  if (node.kind != Kind::Scalar || node.quoted) return std::nullopt;
  std::string_view text = node.text;
  if (text.starts_with('+')) text.remove_prefix(1);
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

std::optional<double> parse_real(const YamlNode& node) {
  if (node.kind != Kind::Scalar || node.quoted) return std::nullopt;
  std::string_view text = node.text;
  if (text.starts_with('+')) text.remove_prefix(1);
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  if (!std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<bool> parse_boolean(const YamlNode& node) {
  if (node.kind != Kind::Scalar || node.quoted) return std::nullopt;
  const std::string& t = node.text;
  if (t == "true" || t == "True" || t == "TRUE") return true;
  if (t == "false" || t == "False" || t == "FALSE") return false;
  return std::nullopt;
}

/** Reports "expected X, found Y" with an optional hint; returns nothing for chaining. */
std::nullopt_t mismatch(const Param& param, const YamlNode& node, const std::string& path, CheckContext& context,
                        std::string hint = {}) {
  const bool wants_plain = param.type() == Type::Integer || param.type() == Type::Real || param.type() == Type::Boolean;
  if (hint.empty() && node.quoted && wants_plain) hint = "quoted values are text; remove the quotes";
  context.sink.error(node.where, path, "expected " + expectation(param) + ", found " + describe_found(node),
                     std::move(hint));
  return std::nullopt;
}

std::string range_hint(const Param& param) {
  std::string hint = "valid range: " + range_text(param);
  if (!param.unit_text().empty()) hint += " (" + param.unit_text() + ")";
  return hint;
}

std::string date_hint(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return "write dates as YYYY-MM-DD, e.g. 2027-04-01";
  const int year = std::atoi(text.substr(0, 4).c_str());
  const auto month = static_cast<unsigned>(std::atoi(text.substr(5, 2).c_str()));
  if (month < 1 || month > 12) return "months run from 01 to 12";
  return text.substr(0, 7) + " has " + std::to_string(days_in_month(year, month)) + " days";
}

std::optional<Value> check_date(const Param& param, const YamlNode& node, const std::string& path,
                                CheckContext& context) {
  if (node.kind != Kind::Scalar) return mismatch(param, node, path, context);
  if (auto date = Date::parse(node.text)) return *date;
  return mismatch(param, node, path, context, date_hint(node.text));
}

std::optional<Value> check_names(const Param& param, const YamlNode& node, const std::string& path,
                                 CheckContext& context) {
  if (node.kind != Kind::Sequence) {
    const std::string hint = node.kind == Kind::Scalar ? "write a list, e.g. [" + node.text + "]" : "";
    return mismatch(param, node, path, context, hint);
  }
  std::vector<std::string> names;
  std::unordered_map<std::string, Location> seen;
  bool ok = true;
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    const YamlNode& item = node.items[i];
    const std::string item_path = path + "[" + std::to_string(i) + "]";
    if (item.invalid) {
      ok = false;
      continue;
    }
    if (item.kind != Kind::Scalar || item.text.empty()) {
      context.sink.error(item.where, item_path, "expected a name, found " + describe_found(item));
      ok = false;
      continue;
    }
    if (auto [first, inserted] = seen.emplace(item.text, item.where); !inserted) {
      context.sink.error(item.where, item_path, "\"" + item.text + "\" is listed twice",
                         "first listed at line " + std::to_string(first->second.line) + ", column " +
                             std::to_string(first->second.column));
      ok = false;
      continue;
    }
    context.references.push_back({item_path, item.where, param.target(), item.text});
    names.push_back(item.text);
  }
  if (!ok) return std::nullopt;
  return names;
}

std::optional<Value> check_reals(const Param& param, const YamlNode& node, const std::string& path,
                                 CheckContext& context) {
  if (node.kind != Kind::Sequence) return mismatch(param, node, path, context);
  std::vector<double> values;
  bool ok = true;
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    const YamlNode& item = node.items[i];
    const std::string item_path = path + "[" + std::to_string(i) + "]";
    const auto value = parse_real(item);
    if (item.invalid) {
      ok = false;
    } else if (!value || !in_range(param, *value)) {
      std::string what = "a number";
      if (const std::string range = range_text(param); !range.empty()) what.append(" ").append(range);
      context.sink.error(item.where, item_path, "expected " + what + ", found " + describe_found(item),
                         value ? range_hint(param) : "");
      ok = false;
    } else {
      values.push_back(*value);
    }
  }
  if (!ok) return std::nullopt;
  return values;
}

std::optional<Value> check_shares(const Param& param, const YamlNode& node, const std::string& path,
                                  CheckContext& context) {
  if (node.kind != Kind::Map) return mismatch(param, node, path, context);
  ProbabilityMap shares;
  bool ok = true;
  double sum = 0;
  for (const YamlEntry& entry : node.entries) {
    const std::string entry_path = path + "." + entry.key;
    if (!param.words().empty() &&
        std::find(param.words().begin(), param.words().end(), entry.key) == param.words().end()) {
      context.sink.error(entry.key_where, entry_path, "unknown share \"" + entry.key + "\"",
                         suggestion_hint(entry.key, param.words(), "valid names"));
      ok = false;
      continue;
    }
    const auto value = parse_real(entry.value);
    if (entry.value.invalid) {
      ok = false;
    } else if (!value || *value < 0 || *value > 1) {
      context.sink.error(entry.value.where, entry_path,
                         "expected a share from 0 to 1, found " + describe_found(entry.value));
      ok = false;
    } else {
      shares.emplace_back(entry.key, *value);
      sum += *value;
    }
  }
  if (!ok) return std::nullopt;
  if (shares.empty()) return mismatch(param, node, path, context, "list at least one share");
  if (std::abs(sum - 1.0) > kProbabilityTolerance) {
    context.sink.error(node.where, path, "shares must sum to 1, found a sum of " + format_number(sum),
                       "the difference from 1 is " + format_number(sum - 1.0) + "; the tolerance is 1e-9");
    return std::nullopt;
  }
  return shares;
}

}  // namespace

std::string range_text(const Param& param) {
  const auto& lo = param.min();
  const auto& hi = param.max();
  if (lo && hi && !param.min_exclusive()) return "from " + bound(*lo) + " to " + bound(*hi);
  std::string text;
  if (lo) text = (param.min_exclusive() ? "> " : ">= ") + bound(*lo);
  if (hi) text += (text.empty() ? "<= " : " and <= ") + bound(*hi);
  return text;
}

std::string expectation(const Param& param) {
  std::string range = range_text(param);
  if (!range.empty()) range.insert(0, 1, ' ');
  switch (param.type()) {
    case Type::Integer:
      return "a whole number" + range;
    case Type::Real:
      return "a number" + range;
    case Type::Boolean:
      return "true or false";
    case Type::String:
      return "a string";
    case Type::Date:
      return "a date YYYY-MM-DD";
    case Type::Enumeration:
      return "one of " + join_names(param.words());
    case Type::Reference:
      return "the name of a member of " + param.target();
    case Type::ReferenceList:
      return "a list of names of members of " + param.target();
    case Type::RealList:
      return "a list of numbers" + (range.empty() ? "" : ", each" + range);
    case Type::ProbabilityMap:
      return param.words().empty() ? "a map of shares summing to 1"
                                   : "a map of shares summing to 1 with names from " + join_names(param.words());
  }
  return "a value";
}

std::optional<Value> check_value(const Param& param, const YamlNode& node, const std::string& path,
                                 CheckContext& context) {
  if (node.invalid) return std::nullopt;
  switch (param.type()) {
    case Type::Integer: {
      const auto value = parse_integer(node);
      if (!value) return mismatch(param, node, path, context, parse_real(node) ? "write a whole number" : "");
      if (!in_range(param, static_cast<double>(*value))) return mismatch(param, node, path, context, range_hint(param));
      return *value;
    }
    case Type::Real: {
      const auto value = parse_real(node);
      if (!value) return mismatch(param, node, path, context);
      if (!in_range(param, *value)) return mismatch(param, node, path, context, range_hint(param));
      return *value;
    }
    case Type::Boolean: {
      if (const auto value = parse_boolean(node)) return *value;
      return mismatch(param, node, path, context, node.kind == Kind::Scalar ? "write true or false" : "");
    }
    case Type::String:
      if (node.kind != Kind::Scalar) return mismatch(param, node, path, context);
      return node.text;
    case Type::Date:
      return check_date(param, node, path, context);
    case Type::Enumeration: {
      if (node.kind != Kind::Scalar) return mismatch(param, node, path, context);
      for (const std::string& word : param.words()) {
        if (word == node.text) return node.text;
      }
      const auto match = closest_match(node.text, param.words());
      return mismatch(param, node, path, context, match ? "did you mean \"" + *match + "\"?" : "");
    }
    case Type::Reference:
      if (node.kind != Kind::Scalar || node.text.empty()) return mismatch(param, node, path, context);
      context.references.push_back({path, node.where, param.target(), node.text});
      return node.text;
    case Type::ReferenceList:
      return check_names(param, node, path, context);
    case Type::RealList:
      return check_reals(param, node, path, context);
    case Type::ProbabilityMap:
      return check_shares(param, node, path, context);
  }
  return std::nullopt;
}

}  // namespace caresim::scenario
