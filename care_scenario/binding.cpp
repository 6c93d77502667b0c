#include "care_scenario/binding.hpp"

#include <algorithm>

namespace caresim::care_scenario {

using scenario::Group;
using scenario::Param;
using scenario::SchemaError;
using scenario::Type;

Reader::Reader(const scenario::Scenario& s) : s_(s), start_(s.get_date("simulation.start")) {}

double Reader::day_of(scenario::Date d) const {
  return static_cast<double>(start_.days_until(d));
}

model::Phased Reader::phased(const std::string& path) const {
  model::Phased out;
  const auto function = s_.get_phased<double>(path);  // kept alive: steps() refers into it
  for (const auto& step : function.steps()) {
    const double day = std::max(0.0, day_of(step.from));
    if (!out.steps.empty() && out.steps.back().first == day)
      out.steps.back().second = step.value;
    else
      out.steps.emplace_back(day, step.value);
  }
  return out;
}

int Reader::index_of(const std::string& collection, const std::string& name) const {
  // The loader has checked every reference, and to_parameters() builds a collection's list
  // before any list that refers to it, so the name is there.
  return indices_.at(collection).at(name);
}

void Reader::index(const std::string& collection, const std::string& name, int i) {
  indices_[collection][name] = i;
}

void unbound(Table& t, Group& group, const Param& param, std::string why) {
  t.bindings.unbound.emplace_back(detail::add(group, param), std::move(why));
}

namespace detail {

void check_fits(const Param& param, std::size_t size) {
  if (size == 0) return;
  if (param.type() == Type::ProbabilityMap && param.words().size() == size) return;
  if (param.type() == Type::RealList) return;
  throw SchemaError(param.name() + ": bound to an array of " + std::to_string(size) +
                    " numbers, which only a real list or a probability map with as many keys can fill");
}

void check_words(const Param& param, const std::vector<std::string>& words) {
  auto a = param.words();
  auto b = words;
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  if (param.type() != Type::Enumeration || a != b)
    throw SchemaError(param.name() +
                      ": an enumeration bound to an enum needs a value for each of its words, and "
                      "no other");
}

std::string add(Group& group, const Param& param) {
  if (group.kind() == Group::Kind::Section)
    throw SchemaError(param.name() +
                      ": declare a section's keys on the table's root with their dotted path, so that "
                      "the binding knows the whole path");
  group.add(param);
  return param.name();
}

}  // namespace detail
}  // namespace caresim::care_scenario
