#include "scenario/schema.hpp"

#include <algorithm>
#include <set>

#include "scenario/value_check.hpp"
#include "scenario/yaml_text.hpp"
#include "scenario/yaml_tree.hpp"

namespace caresim::scenario {
namespace {

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = path.find('.', start);
    parts.emplace_back(path.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) return parts;
    start = dot + 1;
  }
}

bool is_key_name(const std::string& name) {
  if (name.empty() || !(name[0] >= 'a' && name[0] <= 'z')) return false;
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

bool has_duplicates(std::vector<std::string> words) {
  std::sort(words.begin(), words.end());
  return std::adjacent_find(words.begin(), words.end()) != words.end();
}

/** Problems of an assumed range: a number type, low <= high, inside the allowed values, and
 *  holding the default (each element of a list default). */
void assumed_range_problems(const Param& p, const std::pair<double, double>& assumed, const std::string& where,
                            std::vector<std::string>& out) {
  const auto [low, high] = assumed;
  if (p.type() != Type::Integer && p.type() != Type::Real && p.type() != Type::RealList) {
    out.push_back(where + ": an assumed range needs an integer, real or real list, not a " + type_name(p.type()));
    return;
  }
  if (!(low <= high)) out.push_back(where + ": the assumed range's low is above its high");
  const bool below = p.min() && (p.min_exclusive() ? low <= *p.min() : low < *p.min());
  if (below || (p.max() && high > *p.max())) {
    out.push_back(where + ": the assumed range " + format_number(low) + " to " + format_number(high) +
                  " leaves the allowed values (" + range_text(p) + ")");
  }
  std::vector<double> defaults;
  if (p.default_val()) {
    if (const auto* x = std::get_if<double>(&*p.default_val())) defaults.push_back(*x);
    if (const auto* n = std::get_if<std::int64_t>(&*p.default_val())) defaults.push_back(static_cast<double>(*n));
    if (const auto* list = std::get_if<std::vector<double>>(&*p.default_val())) defaults = *list;
  }
  for (const double d : defaults) {
    if (d < low || d > high) {
      out.push_back(where + ": the default " + format_number(d) + " lies outside its assumed range " +
                    format_number(low) + " to " + format_number(high));
    }
  }
}

/** Problems of one parameter's declaration (not its place in the table). */
void param_problems(const Schema& schema, const Param& p, const std::string& where, std::vector<std::string>& out) {
  if (p.default_val() && p.source_text().empty()) {
    out.push_back(where + ": has a default but no source (cite the public figure, or write \"assumption\")");
  }
  if (p.default_val() && p.is_optional()) out.push_back(where + ": is optional and has a default; choose one");
  if ((p.type() == Type::Enumeration && p.words().empty()) || has_duplicates(p.words())) {
    out.push_back(where + ": needs a non-empty list of distinct words");
  }
  if (p.min() && p.max() && *p.min() > *p.max()) out.push_back(where + ": minimum is above maximum");
  if (p.is_phased() && (p.type() == Type::Reference || p.type() == Type::ReferenceList || p.type() == Type::RealList)) {
    out.push_back(where + ": a " + type_name(p.type()) + " cannot be phased");
  }
  if ((p.type() == Type::Reference || p.type() == Type::ReferenceList) && !schema.find_collection(p.target())) {
    out.push_back(where + ": refers to \"" + p.target() + "\", which is not a collection outside other collections");
  }
  if (const auto& assumed = p.assumed_range()) assumed_range_problems(p, *assumed, where, out);
  if (!p.default_val()) return;
  // Defaults go through the same reader as files: write, read back, compare.
  DiagnosticSink sink;
  std::vector<PendingReference> references;
  std::vector<PendingFirstStep> first_steps;
  CheckContext context{sink, references, first_steps};
  const std::string text = flow_yaml(*p.default_val(), p.type());
  const auto node = parse_yaml(text, {"default", 1, 1}, sink);
  const auto value = node ? check_value(p, *node, where, context) : std::nullopt;
  if (!value || *value != *p.default_val()) {
    std::string why = sink.empty() ? "it is not a " + type_name(p.type()) : sink.all().front().message;
    out.push_back(where + ": default " + text + " is invalid: " + why);
  }
}

void group_problems(const Schema& schema, const Group& group, const std::string& prefix,
                    std::vector<std::string>& out) {
  std::set<std::string> seen;
  for (const Group::Item& item : group.items()) {
    const std::string where = prefix.empty() ? item.name() : prefix + "." + item.name();
    if (!is_key_name(item.name())) out.push_back(where + ": key names use a-z, 0-9 and '_', starting with a letter");
    if (!seen.insert(item.name()).second) out.push_back(where + ": declared twice");
    if (group.kind() == Group::Kind::Root && item.name() == "extends") {
      out.push_back("extends: reserved for including another scenario file");
    }
    if (item.param) {
      param_problems(schema, *item.param, where, out);
    } else if (item.group->kind() == Group::Kind::Collection) {
      if (item.group->member_label().empty()) out.push_back(where + ": a collection needs a member label");
      group_problems(schema, *item.group, where + ".<" + item.group->member_label() + ">", out);
    } else {
      group_problems(schema, *item.group, where, out);
    }
  }
}

void visit_params(const Group& group, const std::string& prefix, const std::function<void(const ParamSite&)>& visit) {
  for (const Group::Item& item : group.items()) {
    const std::string path = prefix.empty() ? item.name() : prefix + "." + item.name();
    if (item.param) {
      visit(ParamSite{*item.param, path, group});
    } else if (item.group->kind() == Group::Kind::Collection) {
      visit_params(*item.group, path + ".<" + item.group->member_label() + ">", visit);
    } else {
      visit_params(*item.group, path, visit);
    }
  }
}

void visit_groups(const Group& group, const std::string& prefix,
                  const std::function<void(const Group&, const std::string&)>& visit) {
  for (const Group::Item& item : group.items()) {
    if (!item.group) continue;
    const std::string path = prefix.empty() ? item.name() : prefix + "." + item.name();
    visit(*item.group, path);
    const bool collection = item.group->kind() == Group::Kind::Collection;
    visit_groups(*item.group, collection ? path + ".<" + item.group->member_label() + ">" : path, visit);
  }
}

}  // namespace

Group::Group(Kind kind, std::string name, std::string member_label)
    : kind_(kind), name_(std::move(name)), member_label_(std::move(member_label)) {}

Group& Group::add(Param param) {
  const std::size_t dot = param.name().find('.');
  if (dot != std::string::npos) {
    Group& inner = section(param.name().substr(0, dot));
    param.set_name(param.name().substr(dot + 1));
    inner.add(std::move(param));
    return *this;
  }
  order_.emplace_back(false, params_.size());
  params_.push_back(std::move(param));
  return *this;
}

Group& Group::section(std::string name) {
  for (Group& existing : groups_) {
    if (existing.name_ == name && existing.kind_ == Kind::Section) return existing;
  }
  order_.emplace_back(true, groups_.size());
  return groups_.emplace_back(Kind::Section, std::move(name));
}

Group& Group::collection(std::string name, std::string member_label) {
  order_.emplace_back(true, groups_.size());
  return groups_.emplace_back(Kind::Collection, std::move(name), std::move(member_label));
}

Group& Group::describe(std::string description) {
  description_ = std::move(description);
  return *this;
}

Group& Group::min_members(std::size_t count) {
  min_members_ = count;
  return *this;
}

std::vector<Group::Item> Group::items() const {
  std::vector<Item> out;
  out.reserve(order_.size());
  for (const auto& [is_group, index] : order_) {
    if (is_group) {
      out.push_back({nullptr, &*std::next(groups_.begin(), static_cast<std::ptrdiff_t>(index))});
    } else {
      out.push_back({&params_[index], nullptr});
    }
  }
  return out;
}

std::vector<std::string> Group::keys() const {
  std::vector<std::string> out;
  for (const Item& item : items()) out.push_back(item.name());
  return out;
}

Group::Item Group::find(std::string_view key) const {
  for (const Item& item : items()) {
    if (item.name() == key) return item;
  }
  return {};
}

Schema::Schema(std::string title) : Group(Kind::Root, ""), title_(std::move(title)) {}

Schema& Schema::start_date(std::string path) {
  start_date_ = std::move(path);
  return *this;
}

std::vector<std::string> Schema::problems() const {
  std::vector<std::string> out;
  group_problems(*this, *this, "", out);
  if (!start_date_.empty()) {
    const Param* start = find_fixed_param(start_date_);
    if (!start || start->type() != Type::Date || start->is_phased() || start->is_optional()) {
      out.push_back("start_date: \"" + start_date_ + "\" is not a required or defaulted date outside collections");
    }
  }
  return out;
}

const Group* Schema::find_collection(std::string_view path) const {
  const Group* group = this;
  const std::vector<std::string> parts = split_path(path);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const Item item = group->find(parts[i]);
    if (!item.group) return nullptr;
    const bool last = i + 1 == parts.size();
    if ((item.group->kind() == Kind::Collection) != last) return nullptr;
    group = item.group;
  }
  return group == this ? nullptr : group;
}

Group* Schema::find_collection(std::string_view path) {
  // The table is this object's own and not const: casting the const lookup's answer is sound.
  return const_cast<Group*>(static_cast<const Schema&>(*this).find_collection(path));
}

const Param* Schema::find_fixed_param(std::string_view path) const {
  const Group* group = this;
  const std::vector<std::string> parts = split_path(path);
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    const Item item = group->find(parts[i]);
    if (!item.group || item.group->kind() != Kind::Section) return nullptr;
    group = item.group;
  }
  return group->find(parts.back()).param;
}

void for_each_param(const Group& group, const std::function<void(const ParamSite&)>& visit) {
  visit_params(group, "", visit);
}

void for_each_group(const Group& group, const std::function<void(const Group&, const std::string&)>& visit) {
  visit_groups(group, "", visit);
}

}  // namespace caresim::scenario
