#pragma once
// A resolved, validated scenario: every key of the table has its value (defaults filled
// in), readable by dotted path. It can be written back as YAML — the provenance stored in
// every output — and reading that YAML gives an identical scenario.
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/param.hpp"
#include "scenario/value.hpp"

namespace caresim::scenario {

class Resolver;

/** Raised when code asks a Scenario for a path that does not exist or reads it as the
 *  wrong type (a programming error: the scenario itself was validated on load). */
class AccessError : public std::logic_error {
 public:
  explicit AccessError(const std::string& what) : std::logic_error(what) {}
};

/** The resolved scenario. Obtained from load_scenario(); copyable, immutable. */
class Scenario {
 public:
  /** Value of an integer parameter, e.g. get_int("hubs.north.crisis_beds").
   *  Throws AccessError for an unknown path, another type or a phased parameter
   *  (read those with get_phased). The same holds for the getters below. */
  std::int64_t get_int(std::string_view path) const;
  /** Value of a real parameter. */
  double get_real(std::string_view path) const;
  /** Value of a boolean parameter. */
  bool get_bool(std::string_view path) const;
  /** Value of a string, enumeration or reference parameter. */
  const std::string& get_string(std::string_view path) const;
  /** Value of a date parameter. */
  Date get_date(std::string_view path) const;
  /** Names in a reference-list parameter, in the order written. */
  const std::vector<std::string>& get_names(std::string_view path) const;
  /** Numbers in a real-list parameter. */
  const std::vector<double>& get_reals(std::string_view path) const;
  /** Shares of a probability-map parameter, in the order written. */
  const ProbabilityMap& get_shares(std::string_view path) const;

  /** Any parameter as a step function of the date (a constant when not phased). T is the
   *  parameter's value type: std::int64_t, double, bool, std::string, Date or
   *  ProbabilityMap. Throws AccessError when T does not match. */
  template <class T>
  StepFunction<T> get_phased(std::string_view path) const {
    const Entry& e = entry(path);
    std::vector<Step<T>> steps;
    for (const Step<Value>& step : e.steps) {
      const T* value = std::get_if<T>(&step.value);
      if (!value) throw AccessError(wrong_type(path, e, "get_phased with another value type"));
      steps.push_back({step.from, *value});
    }
    return StepFunction<T>(std::move(steps));
  }

  /** True when `path` names a parameter with a value (false for an absent optional one
   *  and for paths that do not exist). */
  bool has(std::string_view path) const;

  /** Member names of the collection at `path` ("hubs", "hubs.north.sites") in file
   *  order. Throws AccessError if `path` is not a collection. */
  const std::vector<std::string>& members(std::string_view path) const;

  /** Every parameter path with a value, in to_yaml() order. */
  std::vector<std::string> paths() const;

  /** Type of the parameter at `path`. Throws AccessError if unknown. */
  Type type_of(std::string_view path) const;

  /** True when the parameter at `path` is declared phased. Throws AccessError if unknown. */
  bool is_phased(std::string_view path) const;

  /** The fully resolved scenario as YAML: keys in table order, collection members in file
   *  order, every default written out, reals in shortest round-trip form. */
  std::string to_yaml() const { return yaml_; }

  /** FNV-1a 64-bit hash of to_yaml(): a short, stable identity of the resolved scenario. */
  std::uint64_t hash() const;

  /** hash() as 16 lower-case hex digits. */
  std::string hash_hex() const;

  /** Same values and same member order (then to_yaml() is identical too). */
  friend bool operator==(const Scenario& a, const Scenario& b) {
    return a.values_ == b.values_ && a.members_ == b.members_;
  }

 private:
  friend class Resolver;

  /** One parameter's resolved value: a single step unless phased. */
  struct Entry {
    Type type = Type::Integer;
    bool phased = false;
    std::vector<Step<Value>> steps;
    friend bool operator==(const Entry&, const Entry&) = default;
  };

  const Entry& entry(std::string_view path) const;
  const Value& single(std::string_view path, Type expected, const char* getter) const;
  std::string wrong_type(std::string_view path, const Entry& e, std::string_view what) const;

  std::map<std::string, Entry, std::less<>> values_;
  std::map<std::string, std::vector<std::string>, std::less<>> members_;
  std::vector<std::string> order_;  // parameter paths in emission order
  std::string yaml_;
};

/** FNV-1a 64-bit hash of `bytes`. */
std::uint64_t fnv1a64(std::string_view bytes);

}  // namespace caresim::scenario
