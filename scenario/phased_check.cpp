// Phased values: a scalar, or a list of dated steps [{from: DATE, value: V}, ...].
#include "scenario/suggest.hpp"
#include "scenario/value_check.hpp"

namespace caresim::scenario {
namespace {

using Kind = YamlNode::Kind;

const std::vector<std::string>& step_keys() {
  static const std::vector<std::string> kKeys = {"from", "value"};
  return kKeys;
}

/** One step {from: DATE, value: V}; nothing after reporting its problems. */
std::optional<Step<Value>> check_step(const Param& param, const YamlNode& step, const std::string& path,
                                      CheckContext& context) {
  if (step.invalid) return std::nullopt;
  if (step.kind != Kind::Map) {
    context.sink.error(step.where, path,
                       "expected a step {from: YYYY-MM-DD, value: ...}, found " + describe_found(step));
    return std::nullopt;
  }
  bool ok = true;
  for (const YamlEntry& entry : step.entries) {
    if (entry.key != "from" && entry.key != "value") {
      context.sink.error(entry.key_where, path + "." + entry.key, "unknown key \"" + entry.key + "\" in a step",
                         suggestion_hint(entry.key, step_keys(), "valid keys here"));
      ok = false;
    }
  }
  const YamlNode* from = step.find("from");
  const YamlNode* value = step.find("value");
  for (const auto& [node, key] : {std::pair{from, "from"}, std::pair{value, "value"}}) {
    if (!node || node->kind == Kind::Null) {
      context.sink.error(node ? node->where : step.where, path + "." + key, std::string("step has no \"") + key + "\"",
                         "each step is {from: YYYY-MM-DD, value: ...}");
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  std::optional<Date> date;
  if (!from->invalid) {
    date = from->kind == Kind::Scalar ? Date::parse(from->text) : std::nullopt;
    if (!date) {
      context.sink.error(from->where, path + ".from", "expected a date YYYY-MM-DD, found " + describe_found(*from));
    }
  }
  auto checked = check_value(param, *value, path + ".value", context);
  if (!date || !checked) return std::nullopt;
  return Step<Value>{*date, std::move(*checked)};
}

}  // namespace

std::optional<std::vector<Step<Value>>> check_phased(const Param& param, const YamlNode& node, const std::string& path,
                                                     CheckContext& context) {
  if (node.invalid) return std::nullopt;
  if (node.kind != Kind::Sequence) {
    auto value = check_value(param, node, path, context);
    if (!value) return std::nullopt;
    return std::vector<Step<Value>>{{Date::min(), std::move(*value)}};
  }
  if (node.items.empty()) {
    context.sink.error(node.where, path, "expected a value or at least one dated step, found an empty list",
                       "write a value, or steps [{from: YYYY-MM-DD, value: ...}, ...]");
    return std::nullopt;
  }
  std::vector<Step<Value>> steps;
  bool ok = true;
  const YamlNode* previous_from = nullptr;
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    const std::string step_path = path + "[" + std::to_string(i) + "]";
    auto step = check_step(param, node.items[i], step_path, context);
    if (!step) {
      ok = false;
      previous_from = nullptr;
      continue;
    }
    const YamlNode* from = node.items[i].find("from");
    if (i == 0) context.first_steps.push_back({step_path + ".from", from->where, step->from});
    if (previous_from && !steps.empty() && step->from <= steps.back().from) {
      context.sink.error(from->where, step_path + ".from",
                         "step dates must strictly increase: " + step->from.to_string() + " is not after " +
                             steps.back().from.to_string(),
                         "the previous step starts at line " + std::to_string(previous_from->where.line));
      ok = false;
    }
    previous_from = from;
    steps.push_back(std::move(*step));
  }
  if (!ok) return std::nullopt;
  // A single step holds from the start on, exactly like a scalar: store it the same way.
  if (steps.size() == 1) steps.front().from = Date::min();
  return steps;
}

}  // namespace caresim::scenario
