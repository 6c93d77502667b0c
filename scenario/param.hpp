#pragma once
// One row of the parameter table: a key's name, type, default, unit, range, description
// and source. Rows are built with a fluent interface and added to a Group (see schema.hpp):
//
//   Param::integer("crisis_beds").at_least(0).default_value(0).unit("beds").phased()
//       .describe("Crisis beds run by the hub").source("assumption")
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "scenario/value.hpp"

namespace caresim::scenario {

/** What kind of value a parameter holds. */
enum class Type {
  Integer,         ///< whole number (64-bit)
  Real,            ///< finite number
  Boolean,         ///< true or false
  String,          ///< any text
  Date,            ///< calendar date YYYY-MM-DD
  Enumeration,     ///< one of the listed words
  Reference,       ///< the name of a member of a named collection
  ReferenceList,   ///< a list of such names
  RealList,        ///< a list of finite numbers
  ProbabilityMap,  ///< named shares in [0, 1] summing to 1 (within 1e-9)
};

/** The word used for `type` in listings ("integer", "probability map", ...). */
std::string type_name(Type type);

/** The source text that marks a value as the modeller's assumption, not a published figure. */
inline constexpr std::string_view kAssumption = "assumption";

/** Largest allowed distance between the sum of a probability map and 1. */
inline constexpr double kProbabilityTolerance = 1e-9;

/** Declaration of one scenario parameter. Build with a factory, chain setters, then add
 *  it to a Group. A parameter without default_value() is required unless optional(). */
class Param {
 public:
  /** Whole-number parameter. */
  static Param integer(std::string name);
  /** Real-number parameter. */
  static Param real(std::string name);
  /** true/false parameter. */
  static Param boolean(std::string name);
  /** Free-text parameter. */
  static Param string(std::string name);
  /** Calendar-date parameter (YYYY-MM-DD). */
  static Param date(std::string name);
  /** One of `words`. */
  static Param enumeration(std::string name, std::vector<std::string> words);
  /** Name of a member of the collection at dotted path `collection` (a collection that is
   *  not inside another collection, e.g. "municipalities"). */
  static Param reference(std::string name, std::string collection);
  /** List of names of members of the collection at `collection`. */
  static Param reference_list(std::string name, std::string collection);
  /** List of real numbers; range() applies to each element. */
  static Param real_list(std::string name);
  /** Named shares summing to 1; keys() optionally restricts the names. */
  static Param probability_map(std::string name);

  /** Inclusive bounds (for integer, real and real_list). */
  Param& range(double min, double max);
  /** Inclusive lower bound. */
  Param& at_least(double min);
  /** Inclusive upper bound. */
  Param& at_most(double max);
  /** Exclusive lower bound (rates and means that must be positive: greater_than(0)). */
  Param& greater_than(double min);
  /** Restricts the keys of a probability map to `words`. */
  Param& keys(std::vector<std::string> words);
  /** Unit of measure shown in listings ("beds", "days", "persons per year"). */
  Param& unit(std::string unit);
  /** One-sentence description shown in listings. */
  Param& describe(std::string description);
  /** Citation of the public figure behind the default, or "assumption". Required for
   *  every parameter with a default. */
  Param& source(std::string source);
  /** Allows a list of dated steps [{from: DATE, value: V}, ...] as well as a scalar.
   *  Only for integer, real, boolean, string, enumeration, date and probability_map. */
  Param& phased();
  /** May be left out and has no default; has() then reports it absent. */
  Param& optional();
  /** The plausible low and high values of a number resting on an assumption, for
   *  robustness analyses that vary it (for a real_list, each element). Only for integer,
   *  real and real_list; Schema::problems() checks low <= default <= high within range(). */
  Param& assumption_range(double low, double high);

  /** Default value; every default is checked against type and range by
   *  Schema::problems(). An int default of a real parameter is stored as a real. */
  Param& default_value(int value);
  /** Default of an integer (or real) parameter. */
  Param& default_value(std::int64_t value);
  /** Default of a real parameter. */
  Param& default_value(double value);
  /** Default of a boolean parameter. */
  Param& default_value(bool value);
  /** Default of a string, enumeration or reference parameter; for a date parameter, the
   *  text "YYYY-MM-DD". */
  Param& default_value(const char* value);
  /** As default_value(const char*). */
  Param& default_value(std::string value);
  /** Default of a date parameter. */
  Param& default_value(Date value);
  /** Default of a reference_list. */
  Param& default_names(std::vector<std::string> value);
  /** Default of a real_list. */
  Param& default_reals(std::vector<double> value);
  /** Default of a probability_map. */
  Param& default_shares(ProbabilityMap value);

  /** The key (the last part of a dotted name once added to a Group). */
  const std::string& name() const { return name_; }
  /** The value type. */
  Type type() const { return type_; }
  /** Lower bound, if any (inclusive unless min_exclusive()). */
  const std::optional<double>& min() const { return min_; }
  /** Inclusive upper bound, if any. */
  const std::optional<double>& max() const { return max_; }
  /** True when min() is exclusive. */
  bool min_exclusive() const { return min_exclusive_; }
  /** Enumeration words, or the allowed probability-map keys (empty: any key). */
  const std::vector<std::string>& words() const { return words_; }
  /** Dotted path of the referenced collection (reference types only). */
  const std::string& target() const { return target_; }
  /** Unit of measure, possibly empty. */
  const std::string& unit_text() const { return unit_; }
  /** One-sentence description, possibly empty. */
  const std::string& description() const { return description_; }
  /** Citation or "assumption"; empty only for parameters without a default. */
  const std::string& source_text() const { return source_; }
  /** True when the value may change at dates (see phased()). */
  bool is_phased() const { return phased_; }
  /** True when the key may be absent and has no default. */
  bool is_optional() const { return optional_; }
  /** True when a scenario must give the key: no default and not optional. */
  bool is_required() const { return !default_ && !optional_; }
  /** True when the source starts with the word "assumption" ("assumption", "assumption:
   *  weekdays 9-17", ...) rather than citing a published figure. */
  bool is_assumption() const {
    return source_.starts_with(kAssumption) &&
           (source_.size() == kAssumption.size() ||
            !(source_[kAssumption.size()] >= 'a' && source_[kAssumption.size()] <= 'z'));
  }
  /** The plausible (low, high) of an assumed number, if declared (see assumption_range()). */
  const std::optional<std::pair<double, double>>& assumed_range() const { return assumed_range_; }
  /** The default, if any, in the Value alternative of type(). */
  const std::optional<Value>& default_val() const { return default_; }

  /** Renames (used when a dotted name is split into sections). */
  void set_name(std::string name) { name_ = std::move(name); }

 private:
  Param(std::string name, Type type) : name_(std::move(name)), type_(type) {}

  std::string name_;
  Type type_;
  std::optional<double> min_;
  std::optional<double> max_;
  bool min_exclusive_ = false;
  std::vector<std::string> words_;
  std::string target_;
  std::string unit_;
  std::string description_;
  std::string source_;
  bool phased_ = false;
  bool optional_ = false;
  std::optional<Value> default_;
  std::optional<std::pair<double, double>> assumed_range_;
};

}  // namespace caresim::scenario
