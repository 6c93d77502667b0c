#include "scenario/render.hpp"
#include "scenario/suggest.hpp"
#include "scenario/value_check.hpp"
#include "scenario/yaml_text.hpp"

namespace caresim::scenario {
namespace {

std::string cell(std::string text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string code(const std::string& text) {
  return text.empty() ? "" : "`" + text + "`";
}

std::string source_cell(const Param& param) {
  if (param.is_assumption()) return "**assumption**" + cell(param.source_text().substr(kAssumption.size()));
  return cell(param.source_text());
}

std::string assumed_range_cell(const Param& param) {
  const auto& assumed = param.assumed_range();
  return assumed ? format_number(assumed->first) + " to " + format_number(assumed->second) : "";
}

void render_group(const Schema& schema, const Group& group, const std::string& doc_path, std::string& out) {
  std::string rows;
  for (const Group::Item& item : group.items()) {
    if (!item.param) continue;
    const Param& p = *item.param;
    const std::string key = doc_path.empty() ? p.name() : doc_path + "." + p.name();
    std::string default_cell = default_label(p);
    default_cell = p.default_val() ? code(default_cell) : default_cell.insert(0, 1, '*').append(1, '*');
    for (const std::string& text :
         {code(key), cell(type_label(p, schema)), default_cell, cell(p.unit_text()), cell(allowed_label(p, schema)),
          cell(p.description()), assumed_range_cell(p), source_cell(p)}) {
      rows.append("| ").append(text).append(" ");
    }
    rows += "|\n";
  }
  if (!doc_path.empty() || !rows.empty()) {
    out += "\n## " + (doc_path.empty() ? std::string("Top-level keys") : code(doc_path)) + "\n\n";
  }
  if (!group.description().empty()) out += group.description() + "\n\n";
  if (group.kind() == Group::Kind::Collection) {
    out += "A map of named " + group.name() + " (`" + group.name() + ": {name: {...}, ...}`); names use " +
           "letters, digits, `_` and `-`. " +
           (group.min_member_count() > 0 ? "At least " + std::to_string(group.min_member_count()) + " required."
                                         : "May be empty or left out.") +
           "\n\n";
  }
  if (!rows.empty()) {
    out += "| Key | Type | Default | Unit | Allowed | Description | Assumed range | Source |\n";
    out += "|---|---|---|---|---|---|---|---|\n" + rows;
  }
  for (const Group::Item& item : group.items()) {
    if (!item.group) continue;
    std::string path = doc_path.empty() ? item.group->name() : doc_path + "." + item.group->name();
    if (item.group->kind() == Group::Kind::Collection) path += ".<" + item.group->member_label() + ">";
    render_group(schema, *item.group, path, out);
  }
}

}  // namespace

std::string type_label(const Param& param, const Schema& schema) {
  std::string label;
  const Group* target = param.target().empty() ? nullptr : schema.find_collection(param.target());
  const std::string member = target ? target->member_label() : param.target();
  switch (param.type()) {
    case Type::Reference:
      label = member + " name";
      break;
    case Type::ReferenceList:
      label = "list of " + member + " names";
      break;
    default:
      label = type_name(param.type());
  }
  return param.is_phased() ? label + ", phased" : label;
}

std::string allowed_label(const Param& param, const Schema& schema) {
  (void)schema;
  switch (param.type()) {
    case Type::Enumeration:
      return "one of " + join_names(param.words(), 1000);
    case Type::Reference:
    case Type::ReferenceList:
      return "names declared in " + param.target();
    case Type::ProbabilityMap: {
      std::string text = "shares in [0, 1] summing to 1";
      if (!param.words().empty()) text += "; names from " + join_names(param.words(), 1000);
      return text;
    }
    case Type::Date:
      return "YYYY-MM-DD";
    case Type::Boolean:
      return "true, false";
    default:
      return range_text(param);
  }
}

std::string default_label(const Param& param) {
  if (param.default_val()) return flow_yaml(*param.default_val(), param.type());
  return param.is_optional() ? "optional" : "required";
}

std::string render_markdown(const Schema& schema) {
  std::string out = "# " + schema.title() + "\n\n";
  out += "<!-- Generated from the parameter table; do not edit by hand. -->\n\n";
  out +=
      "Every key a scenario file may contain. A key without a default is *required*; "
      "`<name>` in a key stands for each member of a collection. A *phased* key takes a value or a list of "
      "dated steps `[{from: YYYY-MM-DD, value: ...}, ...]`. A source marked **assumption** is the "
      "modellers' assumption, not a published figure; an assumed number carries an *assumed range*, the "
      "plausible low and high values a robustness analysis varies it over. A file may start with `extends: other.yaml` "
      "to "
      "override another scenario.\n";
  render_group(schema, schema, "", out);
  std::string assumptions;
  for_each_param(schema, [&](const ParamSite& site) {
    if (site.param.is_assumption()) {
      assumptions +=
          "- " + code(site.doc_path) + " = " + code(default_label(site.param)) + ": " + site.param.description() + "\n";
    }
  });
  if (!assumptions.empty()) out += "\n## Defaults resting on assumptions\n\n" + assumptions;
  return out;
}

}  // namespace caresim::scenario
