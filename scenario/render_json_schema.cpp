#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "scenario/render.hpp"
#include "scenario/yaml_text.hpp"

namespace caresim::scenario {
namespace {

/** A JSON value whose object members keep insertion order. */
using Json = nlohmann::ordered_json;

/** An object with `members` in the order given. */
Json object(std::initializer_list<std::pair<const char*, Json>> members) {
  Json j = Json::object();
  for (const auto& [key, value] : members) j[key] = value;
  return j;
}

/** A number as the schema has always shown it, and as format_number() shows it in
 *  messages and the Markdown reference: a whole value whose shortest form has no exponent
 *  is a JSON integer ("minimum": 1, not 1.0); any other value a double ("maximum": 9e+15). */
Json number(double value) {
  std::array<char, 64> buffer{};
  const auto written = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  const std::string_view shortest(buffer.data(), static_cast<std::size_t>(written.ptr - buffer.data()));
  constexpr double int64_bound = 9223372036854775808.0;  // 2^63
  if (std::isfinite(value) && std::fabs(value) < int64_bound && shortest.find_first_of(".e") == std::string_view::npos)
    return static_cast<std::int64_t>(value);
  return value;
}

/** An array of strings. */
Json strings(const std::vector<std::string>& texts) {
  return Json(texts);
}

constexpr const char* kNamePattern = "^[A-Za-z0-9_-]+$";

Json date_schema() {
  return object({{"type", "string"}, {"format", "date"}, {"pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}});
}

void add_range(Json& j, const Param& p) {
  if (p.min()) j[p.min_exclusive() ? "exclusiveMinimum" : "minimum"] = number(*p.min());
  if (p.max()) j["maximum"] = number(*p.max());
}

Json name_schema() {
  return object({{"type", "string"}, {"pattern", kNamePattern}});
}

Json value_schema(const Param& p) {
  switch (p.type()) {
    case Type::Integer:
    case Type::Real: {
      Json j = object({{"type", p.type() == Type::Integer ? "integer" : "number"}});
      add_range(j, p);
      return j;
    }
    case Type::Boolean:
      return object({{"type", "boolean"}});
    case Type::String:
      return object({{"type", "string"}});
    case Type::Date:
      return date_schema();
    case Type::Enumeration:
      return object({{"enum", strings(p.words())}});
    case Type::Reference:
      return name_schema();
    case Type::ReferenceList:
      return object({{"type", "array"}, {"items", name_schema()}, {"uniqueItems", true}});
    case Type::RealList: {
      Json item = object({{"type", "number"}});
      add_range(item, p);
      return object({{"type", "array"}, {"items", std::move(item)}});
    }
    case Type::ProbabilityMap: {
      Json share = object({{"type", "number"}, {"minimum", number(0)}, {"maximum", number(1)}});
      Json j = object({{"type", "object"}, {"minProperties", number(1)}});
      if (!p.words().empty()) j["propertyNames"] = object({{"enum", strings(p.words())}});
      j["additionalProperties"] = std::move(share);
      return j;
    }
  }
  return Json::object();
}

/** A default as JSON: numbers, booleans, strings, arrays and objects mirror the YAML. */
Json default_json(const Value& value) {
  return std::visit(
      [](const auto& v) -> Json {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, double>)
          return number(v);
        else if constexpr (std::is_same_v<T, Date>)
          return v.to_string();
        else if constexpr (std::is_same_v<T, std::vector<double>>) {
          Json j = Json::array();
          for (double x : v) j.push_back(number(x));
          return j;
        } else if constexpr (std::is_same_v<T, ProbabilityMap>) {
          Json j = Json::object();
          for (const auto& [name, share] : v) j[name] = number(share);
          return j;
        } else {
          return v;  // an integer, a boolean, a string or a list of strings
        }
      },
      value);
}

Json param_schema(const Param& p) {
  Json j = value_schema(p);
  if (p.is_phased()) {
    Json step = object({{"type", "object"},
                        {"properties", object({{"from", date_schema()}, {"value", value_schema(p)}})},
                        {"required", strings({"from", "value"})},
                        {"additionalProperties", false}});
    Json steps = object({{"type", "array"}, {"minItems", number(1)}, {"items", std::move(step)}});
    Json any_of = Json::array();
    any_of.push_back(std::move(j));
    any_of.push_back(std::move(steps));
    j = object({{"anyOf", std::move(any_of)}});
  }
  std::string description = p.description();
  const auto sentence = [&description](const char* label, const std::string& text) {
    if (text.empty()) return;
    if (!description.empty() && !description.ends_with('.')) description += '.';
    if (!description.empty()) description += ' ';
    description.append(label).append(text).append(".");
  };
  sentence("Unit: ", p.unit_text());
  sentence("Source: ", p.source_text());
  if (const auto& assumed = p.assumed_range()) {
    sentence("Assumed range (for robustness analyses): ",
             format_number(assumed->first) + " to " + format_number(assumed->second));
  }
  if (!description.empty()) j["description"] = description;
  if (p.default_val()) j["default"] = default_json(*p.default_val());
  return j;
}

Json group_schema(const Group& group, bool root = false) {
  Json properties = Json::object();
  if (root) {
    properties["extends"] = object({{"type", "string"},
                                    {"description",
                                     "Path (relative to this file) of a scenario file that this one overrides: maps "
                                     "are merged, lists replaced whole."}});
  }
  for (const Group::Item& item : group.items()) {
    if (item.param) {
      properties[item.param->name()] = param_schema(*item.param);
    } else if (item.group->kind() == Group::Kind::Collection) {
      Json members = object({{"type", "object"},
                             {"propertyNames", object({{"pattern", kNamePattern}})},
                             {"additionalProperties", group_schema(*item.group)}});
      if (item.group->min_member_count() > 0) members["minProperties"] = item.group->min_member_count();
      if (!item.group->description().empty()) members["description"] = item.group->description();
      properties[item.group->name()] = std::move(members);
    } else {
      Json section = group_schema(*item.group);
      if (!item.group->description().empty()) section["description"] = item.group->description();
      properties[item.group->name()] = std::move(section);
    }
  }
  return object({{"type", "object"}, {"properties", std::move(properties)}, {"additionalProperties", false}});
}

/** Only the "required" lists of a group and its subgroups; empty when nothing is required. */
Json required_schema(const Group& group) {
  std::vector<std::string> required;
  Json properties = Json::object();
  for (const Group::Item& item : group.items()) {
    if (item.param) {
      if (item.param->is_required()) required.push_back(item.param->name());
      continue;
    }
    Json inner = required_schema(*item.group);
    if (item.group->kind() == Group::Kind::Collection) {
      if (item.group->min_member_count() > 0) required.push_back(item.group->name());
      if (!inner.empty()) properties[item.group->name()] = object({{"additionalProperties", std::move(inner)}});
    } else if (!inner.empty()) {
      required.push_back(item.group->name());
      properties[item.group->name()] = std::move(inner);
    }
  }
  Json j = Json::object();
  if (!required.empty()) j["required"] = strings(required);
  if (!properties.empty()) j["properties"] = std::move(properties);
  return j;
}

}  // namespace

std::string render_json_schema(const Schema& schema) {
  Json document = object({{"$schema", "https://json-schema.org/draft/2020-12/schema"}, {"title", schema.title()}});
  document.update(group_schema(schema, true));
  if (Json required = required_schema(schema); !required.empty()) {
    // An extending file may override a single value, so only a file without extends
    // must be complete.
    document["if"] = object({{"not", object({{"required", strings({"extends"})}})}});
    document["then"] = std::move(required);
  }
  // Descriptions and names come from the parameter table; a byte that is not UTF-8 there
  // is written as U+FFFD rather than making the schema invalid JSON.
  return document.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace caresim::scenario
