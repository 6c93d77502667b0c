#include "scenario/resolver.hpp"

#include <algorithm>

#include "scenario/suggest.hpp"
#include "scenario/yaml_text.hpp"

namespace caresim::scenario {
namespace {

using Kind = YamlNode::Kind;

std::string join_path(const std::string& prefix, const std::string& key) {
  return prefix.empty() ? key : prefix + "." + key;
}

bool is_member_name(const std::string& name) {
  if (name.empty()) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

}  // namespace

Resolver::Resolver(const Schema& schema, DiagnosticSink& sink)
    : schema_(schema), sink_(sink), context_{sink, references_, first_steps_} {}

std::optional<Scenario> Resolver::resolve(const YamlNode& root) {
  if (root.kind != Kind::Map && root.kind != Kind::Null) {
    if (!root.invalid) {
      sink_.error(root.where, "",
                  "expected a map of keys at the top of the scenario, found " + describe_found_at_top(root),
                  "valid keys here: " + join_names(schema_.keys()));
    }
    return std::nullopt;
  }
  group(schema_, &root, "", root.where);
  check_references();
  check_first_steps();
  if (!sink_.empty()) return std::nullopt;
  emit_group(schema_, "", 0, out_.yaml_);
  if (out_.yaml_.empty()) out_.yaml_ = "{}\n";
  return std::move(out_);
}

void Resolver::group(const Group& group, const YamlNode* node, const std::string& prefix, const Location& missing_at) {
  if (node && node->invalid) return;  // already reported; its contents would only add noise
  if (node && node->kind == Kind::Null) node = nullptr;
  if (node && node->kind != Kind::Map) {
    sink_.error(node->where, prefix, "expected a map of keys, found " + describe_found(*node),
                "valid keys here: " + join_names(group.keys()));
    return;
  }
  if (node) {
    for (const YamlEntry& entry : node->entries) {
      const Group::Item item = group.find(entry.key);
      if (!item.param && !item.group) {
        sink_.error(entry.key_where, join_path(prefix, entry.key), "unknown key \"" + entry.key + "\"",
                    suggestion_hint(entry.key, group.keys(), "valid keys here"));
      }
    }
  }
  const Location here = node ? node->where : missing_at;
  for (const Group::Item& item : group.items()) {
    const std::string path = join_path(prefix, item.name());
    const YamlNode* child = node ? node->find(item.name()) : nullptr;
    if (item.param) {
      param(*item.param, child, path, here);
    } else if (item.group->kind() == Group::Kind::Collection) {
      collection(*item.group, child, path, here);
    } else {
      this->group(*item.group, child, path, child ? child->where : here);
    }
  }
}

void Resolver::param(const Param& param, const YamlNode* node, const std::string& path, const Location& missing_at) {
  if (node && node->kind == Kind::Null) node = nullptr;  // "key: ~" means "not set"
  Scenario::Entry entry{param.type(), param.is_phased(), {}};
  if (!node) {
    if (param.default_val()) {
      const Value& value = *param.default_val();
      if (const auto* names = std::get_if<std::vector<std::string>>(&value)) {
        for (std::size_t i = 0; i < names->size(); ++i) {
          references_.push_back({path + "[" + std::to_string(i) + "]", missing_at, param.target(), (*names)[i]});
        }
      } else if (param.type() == Type::Reference) {
        references_.push_back({path, missing_at, param.target(), std::get<std::string>(value)});
      }
      entry.steps.push_back({Date::min(), value});
    } else if (param.is_required()) {
      std::string hint = "expected " + expectation(param);
      if (!param.unit_text().empty()) hint += " (" + param.unit_text() + ")";
      if (!param.description().empty()) hint += ": " + param.description();
      sink_.error(missing_at, path, "required key \"" + param.name() + "\" is missing", hint);
      return;
    } else {
      return;  // optional and absent
    }
  } else if (param.is_phased()) {
    auto steps = check_phased(param, *node, path, context_);
    if (!steps) return;
    entry.steps = std::move(*steps);
  } else {
    auto value = check_value(param, *node, path, context_);
    if (!value) return;
    entry.steps.push_back({Date::min(), std::move(*value)});
  }
  out_.order_.push_back(path);
  out_.values_.emplace(path, std::move(entry));
}

void Resolver::collection(const Group& group, const YamlNode* node, const std::string& path,
                          const Location& missing_at) {
  std::vector<std::string>& members = out_.members_[path];
  if (node && node->invalid) return;
  if (node && node->kind == Kind::Null) node = nullptr;  // "hubs: ~" means no hubs
  if (node && node->kind != Kind::Map) {
    sink_.error(node->where, path, "expected a map of named " + group.name() + ", found " + describe_found(*node),
                "write " + group.name() + ": {name: {...}, ...}");
    return;
  }
  if (node) {
    for (const YamlEntry& entry : node->entries) {
      const std::string member_path = path + "." + entry.key;
      if (!is_member_name(entry.key)) {
        sink_.error(entry.key_where, member_path, "invalid " + group.member_label() + " name \"" + entry.key + "\"",
                    "names use only letters, digits, '_' and '-'");
        continue;
      }
      members.push_back(entry.key);
      this->group(group, &entry.value, member_path, entry.key_where);
    }
  }
  if (members.size() < group.min_member_count()) {
    sink_.error(node ? node->where : missing_at, path,
                "expected at least " + std::to_string(group.min_member_count()) + " " +
                    (group.min_member_count() == 1 ? group.member_label() : group.name()) + ", found " +
                    std::to_string(members.size()));
  }
}

void Resolver::check_references() {
  for (const PendingReference& ref : references_) {
    const auto it = out_.members_.find(ref.collection);
    static const std::vector<std::string> kNone;
    const std::vector<std::string>& declared = it == out_.members_.end() ? kNone : it->second;
    if (std::find(declared.begin(), declared.end(), ref.name) != declared.end()) continue;
    const Group* target = schema_.find_collection(ref.collection);
    const std::string label = target ? target->member_label() : ref.collection;
    sink_.error(ref.where, ref.path, "undefined " + label + " \"" + ref.name + "\"",
                suggestion_hint(ref.name, declared, "declared " + ref.collection));
  }
}

void Resolver::check_first_steps() {
  if (schema_.start_date_path().empty()) return;
  const auto it = out_.values_.find(schema_.start_date_path());
  if (it == out_.values_.end()) return;
  const Date start = std::get<Date>(it->second.steps.front().value);
  for (const PendingFirstStep& step : first_steps_) {
    if (step.from <= start) continue;
    sink_.error(step.where, step.path,
                "first step starts on " + step.from.to_string() + ", after the scenario start " + start.to_string(),
                "the first step must be at or before " + schema_.start_date_path() + " (" + start.to_string() +
                    ") so that the value is defined from the start");
  }
}

// Emission walks the table, not the file, so key order is the table's and is stable.
void Resolver::emit_group(const Group& group, const std::string& prefix, int indent, std::string& out) const {
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  for (const Group::Item& item : group.items()) {
    const std::string path = join_path(prefix, item.name());
    if (item.param) {
      emit_param(*item.param, path, indent, out);
      continue;
    }
    std::string body;
    if (item.group->kind() == Group::Kind::Collection) {
      for (const std::string& member : out_.members_.at(path)) {
        std::string member_body;
        emit_group(*item.group, path + "." + member, indent + 4, member_body);
        body += pad + "  " + yaml_word(member) + (member_body.empty() ? ": {}\n" : ":\n" + member_body);
      }
    } else {
      emit_group(*item.group, path, indent + 2, body);
    }
    out += pad + yaml_word(item.name()) + (body.empty() ? ": {}\n" : ":\n" + body);
  }
}

void Resolver::emit_param(const Param& param, const std::string& path, int indent, std::string& out) const {
  const auto it = out_.values_.find(path);
  if (it == out_.values_.end()) return;
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  const std::vector<Step<Value>>& steps = it->second.steps;
  if (steps.size() == 1) {
    out += pad + yaml_word(param.name()) + ": " + flow_yaml(steps.front().value, param.type()) + "\n";
    return;
  }
  out += pad + yaml_word(param.name()) + ":\n";
  for (const Step<Value>& step : steps) {
    out += pad + "  - {from: " + step.from.to_string() + ", value: " + flow_yaml(step.value, param.type()) + "}\n";
  }
}

}  // namespace caresim::scenario
