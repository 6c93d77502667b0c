#include "scenario/scenario.hpp"

#include <cstdio>

#include "scenario/suggest.hpp"

namespace caresim::scenario {

const Scenario::Entry& Scenario::entry(std::string_view path) const {
  const auto it = values_.find(path);
  if (it != values_.end()) return it->second;
  std::string message = "scenario has no parameter \"" + std::string(path) + "\"";
  if (auto match = closest_match(path, order_)) message += "; did you mean \"" + *match + "\"?";
  throw AccessError(message);
}

std::string Scenario::wrong_type(std::string_view path, const Entry& e, std::string_view what) const {
  return "parameter \"" + std::string(path) + "\" is " + (e.phased ? "a phased " : "a ") + type_name(e.type) +
         ": cannot read it with " + std::string(what);
}

const Value& Scenario::single(std::string_view path, Type expected, const char* getter) const {
  const Entry& e = entry(path);
  const bool text_like =
      expected == Type::String && (e.type == Type::Enumeration || e.type == Type::Reference || e.type == Type::String);
  if ((e.type != expected && !text_like) || e.phased) throw AccessError(wrong_type(path, e, getter));
  return e.steps.front().value;
}

std::int64_t Scenario::get_int(std::string_view path) const {
  return std::get<std::int64_t>(single(path, Type::Integer, "get_int"));
}

double Scenario::get_real(std::string_view path) const {
  return std::get<double>(single(path, Type::Real, "get_real"));
}

bool Scenario::get_bool(std::string_view path) const {
  return std::get<bool>(single(path, Type::Boolean, "get_bool"));
}

const std::string& Scenario::get_string(std::string_view path) const {
  return std::get<std::string>(single(path, Type::String, "get_string"));
}

Date Scenario::get_date(std::string_view path) const {
  return std::get<Date>(single(path, Type::Date, "get_date"));
}

const std::vector<std::string>& Scenario::get_names(std::string_view path) const {
  return std::get<std::vector<std::string>>(single(path, Type::ReferenceList, "get_names"));
}

const std::vector<double>& Scenario::get_reals(std::string_view path) const {
  return std::get<std::vector<double>>(single(path, Type::RealList, "get_reals"));
}

const ProbabilityMap& Scenario::get_shares(std::string_view path) const {
  return std::get<ProbabilityMap>(single(path, Type::ProbabilityMap, "get_shares"));
}

bool Scenario::has(std::string_view path) const {
  return values_.find(path) != values_.end();
}

const std::vector<std::string>& Scenario::members(std::string_view path) const {
  const auto it = members_.find(path);
  if (it != members_.end()) return it->second;
  std::vector<std::string> collections;
  for (const auto& [name, names] : members_) collections.push_back(name);
  std::string message = "scenario has no collection \"" + std::string(path) + "\"";
  if (auto match = closest_match(path, collections)) message += "; did you mean \"" + *match + "\"?";
  throw AccessError(message);
}

std::vector<std::string> Scenario::paths() const {
  return order_;
}

Type Scenario::type_of(std::string_view path) const {
  return entry(path).type;
}

bool Scenario::is_phased(std::string_view path) const {
  return entry(path).phased;
}

std::uint64_t Scenario::hash() const {
  return fnv1a64(yaml_);
}

std::string Scenario::hash_hex() const {
  char text[24];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash()));
  return text;
}

std::uint64_t fnv1a64(std::string_view bytes) {
  constexpr std::uint64_t kOffsetBasis = 14695981039346656037ull;
  constexpr std::uint64_t kPrime = 1099511628211ull;
  std::uint64_t hash = kOffsetBasis;
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= kPrime;
  }
  return hash;
}

}  // namespace caresim::scenario
