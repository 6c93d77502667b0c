#include <cstdio>
#include <utility>
#include <variant>

#include "scenario/render.hpp"
#include "scenario/yaml_text.hpp"

namespace caresim::scenario {
namespace {

/** A minimal JSON document tree, written with two-space indentation. */
class Json {
 public:
  static Json object() { return Json(Kind::object); }
  static Json array() { return Json(Kind::array); }
  static Json string(std::string text) {
    Json j(Kind::literal);
    j.literal_ = quote(text);
    return j;
  }
  static Json number(double value) {
    Json j(Kind::literal);
    j.literal_ = format_number(value);
    return j;
  }
  static Json boolean(bool value) {
    Json j(Kind::literal);
    j.literal_ = value ? "true" : "false";
    return j;
  }
  static Json strings(const std::vector<std::string>& texts) {
    Json j = array();
    for (const std::string& text : texts) j.push(string(text));
    return j;
  }

  /** Sets a member of an object (members keep insertion order). */
  Json& set(std::string key, Json value) {
    members_.emplace_back(std::move(key), std::move(value));
    return *this;
  }
  /** Appends an element to an array. */
  Json& push(Json value) {
    members_.emplace_back(std::string(), std::move(value));
    return *this;
  }
  /** Appends every member of `other` (an object) to this object. */
  Json& append(Json other) {
    for (auto& member : other.members_) members_.push_back(std::move(member));
    return *this;
  }
  bool empty() const { return members_.empty(); }

  void write(std::string& out, int indent) const {
    if (kind_ == Kind::literal) {
      out += literal_;
      return;
    }
    const bool is_object = kind_ == Kind::object;
    if (members_.empty()) {
      out += is_object ? "{}" : "[]";
      return;
    }
    const std::string pad(static_cast<std::size_t>(indent) + 2, ' ');
    out += is_object ? "{\n" : "[\n";
    for (std::size_t i = 0; i < members_.size(); ++i) {
      out += pad;
      if (is_object) out += quote(members_[i].first) + ": ";
      members_[i].second.write(out, indent + 2);
      out += i + 1 < members_.size() ? ",\n" : "\n";
    }
    out += std::string(static_cast<std::size_t>(indent), ' ') + (is_object ? "}" : "]");
  }

  static std::string quote(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
      if (c == '"' || c == '\\') {
        out += '\\';
        out += c;
      } else if (c == '\n') {
        out += "\\n";
      } else if (static_cast<unsigned char>(c) < 0x20) {
        char escaped[8];
        std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
        out += escaped;
      } else {
        out += c;
      }
    }
    return out + "\"";
  }

 private:
  enum class Kind { literal, object, array };
  explicit Json(Kind kind) : kind_(kind) {}
  Kind kind_;
  std::string literal_;
  std::vector<std::pair<std::string, Json>> members_;
};

constexpr const char* kNamePattern = "^[A-Za-z0-9_-]+$";

Json date_schema() {
  return Json::object()
      .set("type", Json::string("string"))
      .set("format", Json::string("date"))
      .set("pattern", Json::string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"));
}

void add_range(Json& j, const Param& p) {
  if (p.min()) j.set(p.min_exclusive() ? "exclusiveMinimum" : "minimum", Json::number(*p.min()));
  if (p.max()) j.set("maximum", Json::number(*p.max()));
}

Json value_schema(const Param& p) {
  switch (p.type()) {
    case Type::integer:
    case Type::real: {
      Json j = Json::object().set("type", Json::string(p.type() == Type::integer ? "integer" : "number"));
      add_range(j, p);
      return j;
    }
    case Type::boolean:
      return Json::object().set("type", Json::string("boolean"));
    case Type::string:
      return Json::object().set("type", Json::string("string"));
    case Type::date:
      return date_schema();
    case Type::enumeration:
      return Json::object().set("enum", Json::strings(p.words()));
    case Type::reference:
      return Json::object().set("type", Json::string("string")).set("pattern", Json::string(kNamePattern));
    case Type::reference_list: {
      Json item = Json::object().set("type", Json::string("string")).set("pattern", Json::string(kNamePattern));
      return Json::object()
          .set("type", Json::string("array"))
          .set("items", std::move(item))
          .set("uniqueItems", Json::boolean(true));
    }
    case Type::real_list: {
      Json item = Json::object().set("type", Json::string("number"));
      add_range(item, p);
      return Json::object().set("type", Json::string("array")).set("items", std::move(item));
    }
    case Type::probability_map: {
      Json share = Json::object()
                       .set("type", Json::string("number"))
                       .set("minimum", Json::number(0))
                       .set("maximum", Json::number(1));
      Json j = Json::object().set("type", Json::string("object")).set("minProperties", Json::number(1));
      if (!p.words().empty()) j.set("propertyNames", Json::object().set("enum", Json::strings(p.words())));
      return j.set("additionalProperties", std::move(share));
    }
  }
  return Json::object();
}

/** A default as JSON: numbers, booleans, strings, arrays and objects mirror the YAML. */
Json default_json(const Value& value) {
  return std::visit(
      [](const auto& v) -> Json {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::int64_t>)
          return Json::number(static_cast<double>(v));
        else if constexpr (std::is_same_v<T, double>)
          return Json::number(v);
        else if constexpr (std::is_same_v<T, bool>)
          return Json::boolean(v);
        else if constexpr (std::is_same_v<T, std::string>)
          return Json::string(v);
        else if constexpr (std::is_same_v<T, Date>)
          return Json::string(v.to_string());
        else if constexpr (std::is_same_v<T, std::vector<std::string>>)
          return Json::strings(v);
        else if constexpr (std::is_same_v<T, std::vector<double>>) {
          Json j = Json::array();
          for (double x : v) j.push(Json::number(x));
          return j;
        } else {
          Json j = Json::object();
          for (const auto& [name, share] : v) j.set(name, Json::number(share));
          return j;
        }
      },
      value);
}

Json param_schema(const Param& p) {
  Json j = value_schema(p);
  if (p.is_phased()) {
    Json step = Json::object()
                    .set("type", Json::string("object"))
                    .set("properties", Json::object().set("from", date_schema()).set("value", value_schema(p)))
                    .set("required", Json::strings({"from", "value"}))
                    .set("additionalProperties", Json::boolean(false));
    Json steps = Json::object()
                     .set("type", Json::string("array"))
                     .set("minItems", Json::number(1))
                     .set("items", std::move(step));
    j = Json::object().set("anyOf", Json::array().push(std::move(j)).push(std::move(steps)));
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
  if (!description.empty()) j.set("description", Json::string(description));
  if (p.default_val()) j.set("default", default_json(*p.default_val()));
  return j;
}

Json group_schema(const Group& group, bool root = false) {
  Json properties = Json::object();
  if (root) {
    properties.set("extends", Json::object()
                                  .set("type", Json::string("string"))
                                  .set("description", Json::string("Path (relative to this file) of a scenario file "
                                                                   "that this one overrides: maps are merged, lists "
                                                                   "replaced whole.")));
  }
  for (const Group::Item& item : group.items()) {
    if (item.param) {
      properties.set(item.param->name(), param_schema(*item.param));
    } else if (item.group->kind() == Group::Kind::collection) {
      Json members = Json::object()
                         .set("type", Json::string("object"))
                         .set("propertyNames", Json::object().set("pattern", Json::string(kNamePattern)))
                         .set("additionalProperties", group_schema(*item.group));
      if (item.group->min_member_count() > 0) {
        members.set("minProperties", Json::number(static_cast<double>(item.group->min_member_count())));
      }
      if (!item.group->description().empty()) members.set("description", Json::string(item.group->description()));
      properties.set(item.group->name(), std::move(members));
    } else {
      Json section = group_schema(*item.group);
      if (!item.group->description().empty()) section.set("description", Json::string(item.group->description()));
      properties.set(item.group->name(), std::move(section));
    }
  }
  return Json::object()
      .set("type", Json::string("object"))
      .set("properties", std::move(properties))
      .set("additionalProperties", Json::boolean(false));
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
    if (item.group->kind() == Group::Kind::collection) {
      if (item.group->min_member_count() > 0) required.push_back(item.group->name());
      if (!inner.empty())
        properties.set(item.group->name(), Json::object().set("additionalProperties", std::move(inner)));
    } else if (!inner.empty()) {
      required.push_back(item.group->name());
      properties.set(item.group->name(), std::move(inner));
    }
  }
  Json j = Json::object();
  if (!required.empty()) j.set("required", Json::strings(required));
  if (!properties.empty()) j.set("properties", std::move(properties));
  return j;
}

}  // namespace

std::string render_json_schema(const Schema& schema) {
  Json document = Json::object()
                      .set("$schema", Json::string("https://json-schema.org/draft/2020-12/schema"))
                      .set("title", Json::string(schema.title()));
  document.append(group_schema(schema, true));
  if (Json required = required_schema(schema); !required.empty()) {
    // An extending file may override a single value, so only a file without extends
    // must be complete.
    document.set("if", Json::object().set("not", Json::object().set("required", Json::strings({"extends"}))));
    document.set("then", std::move(required));
  }
  std::string out;
  document.write(out, 0);
  return out + "\n";
}

}  // namespace caresim::scenario
