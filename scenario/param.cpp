#include "scenario/param.hpp"

namespace caresim::scenario {

std::string type_name(Type type) {
  switch (type) {
    case Type::Integer:
      return "integer";
    case Type::Real:
      return "real";
    case Type::Boolean:
      return "boolean";
    case Type::String:
      return "string";
    case Type::Date:
      return "date";
    case Type::Enumeration:
      return "enum";
    case Type::Reference:
      return "reference";
    case Type::ReferenceList:
      return "reference list";
    case Type::RealList:
      return "real list";
    case Type::ProbabilityMap:
      return "probability map";
  }
  return "unknown";
}

Param Param::integer(std::string name) {
  return Param(std::move(name), Type::Integer);
}
Param Param::real(std::string name) {
  return Param(std::move(name), Type::Real);
}
Param Param::boolean(std::string name) {
  return Param(std::move(name), Type::Boolean);
}
Param Param::string(std::string name) {
  return Param(std::move(name), Type::String);
}
Param Param::date(std::string name) {
  return Param(std::move(name), Type::Date);
}

Param Param::enumeration(std::string name, std::vector<std::string> words) {
  Param p(std::move(name), Type::Enumeration);
  p.words_ = std::move(words);
  return p;
}

Param Param::reference(std::string name, std::string collection) {
  Param p(std::move(name), Type::Reference);
  p.target_ = std::move(collection);
  return p;
}

Param Param::reference_list(std::string name, std::string collection) {
  Param p(std::move(name), Type::ReferenceList);
  p.target_ = std::move(collection);
  return p;
}

Param Param::real_list(std::string name) {
  return Param(std::move(name), Type::RealList);
}
Param Param::probability_map(std::string name) {
  return Param(std::move(name), Type::ProbabilityMap);
}

Param& Param::range(double min, double max) {
  min_ = min;
  max_ = max;
  min_exclusive_ = false;
  return *this;
}

Param& Param::at_least(double min) {
  min_ = min;
  min_exclusive_ = false;
  return *this;
}

Param& Param::at_most(double max) {
  max_ = max;
  return *this;
}

Param& Param::greater_than(double min) {
  min_ = min;
  min_exclusive_ = true;
  return *this;
}

Param& Param::keys(std::vector<std::string> words) {
  words_ = std::move(words);
  return *this;
}

Param& Param::unit(std::string unit) {
  unit_ = std::move(unit);
  return *this;
}

Param& Param::describe(std::string description) {
  description_ = std::move(description);
  return *this;
}

Param& Param::source(std::string source) {
  source_ = std::move(source);
  return *this;
}

Param& Param::phased() {
  phased_ = true;
  return *this;
}

Param& Param::optional() {
  optional_ = true;
  return *this;
}

Param& Param::assumption_range(double low, double high) {
  assumed_range_ = std::make_pair(low, high);
  return *this;
}

Param& Param::default_value(int value) {
  return default_value(static_cast<std::int64_t>(value));
}

Param& Param::default_value(std::int64_t value) {
  if (type_ == Type::Real) {
    default_ = static_cast<double>(value);
  } else {
    default_ = value;
  }
  return *this;
}

Param& Param::default_value(double value) {
  default_ = value;
  return *this;
}

Param& Param::default_value(bool value) {
  default_ = value;
  return *this;
}

Param& Param::default_value(const char* value) {
  return default_value(std::string(value));
}

Param& Param::default_value(std::string value) {
  if (type_ == Type::Date) {
    if (auto date = Date::parse(value)) {
      default_ = *date;
      return *this;
    }
  }
  default_ = std::move(value);
  return *this;
}

Param& Param::default_value(Date value) {
  default_ = value;
  return *this;
}

Param& Param::default_names(std::vector<std::string> value) {
  default_ = std::move(value);
  return *this;
}

Param& Param::default_reals(std::vector<double> value) {
  default_ = std::move(value);
  return *this;
}

Param& Param::default_shares(ProbabilityMap value) {
  default_ = std::move(value);
  return *this;
}

}  // namespace caresim::scenario
