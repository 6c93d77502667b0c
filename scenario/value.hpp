#pragma once
// Typed values of scenario parameters, and step functions of dates for phased ones.
#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "scenario/date.hpp"

namespace caresim::scenario {

/** Named shares in declaration order, e.g. {{"adult", 0.7}, {"youth", 0.3}}. */
using ProbabilityMap = std::vector<std::pair<std::string, double>>;

/** A resolved parameter value. Which alternative is held follows the parameter's Type:
 *  integer -> int64, real -> double, boolean -> bool, string/enumeration/reference ->
 *  string, date -> Date, reference_list -> vector<string>, real_list -> vector<double>,
 *  probability_map -> ProbabilityMap. */
using Value = std::variant<std::int64_t, double, bool, std::string, Date, std::vector<std::string>, std::vector<double>,
                           ProbabilityMap>;

/** One step of a phased value: `value` holds from date `from` on (inclusive). */
template <class T>
struct Step {
  Date from;
  T value;

  friend bool operator==(const Step&, const Step&) = default;
};

/** A value that changes on given dates: a right-continuous step function of the date.
 *  Steps are in strictly increasing date order; dates before the first step take the
 *  first value (the loader requires the first step to be at or before the scenario start,
 *  so that extension never matters inside a run). A constant is one step from Date::min(). */
template <class T>
class StepFunction {
 public:
  /** Precondition: `steps` non-empty with strictly increasing dates. */
  explicit StepFunction(std::vector<Step<T>> steps) : steps_(std::move(steps)) {}

  /** A constant function. */
  static StepFunction constant(T value) { return StepFunction({Step<T>{Date::min(), std::move(value)}}); }

  /** The value in force on `date`. */
  const T& at(Date date) const {
    std::size_t i = 0;
    while (i + 1 < steps_.size() && steps_[i + 1].from <= date) ++i;
    return steps_[i].value;
  }

  /** The steps, in date order. */
  const std::vector<Step<T>>& steps() const { return steps_; }

  /** True when the value never changes. */
  bool is_constant() const { return steps_.size() == 1; }

  friend bool operator==(const StepFunction&, const StepFunction&) = default;

 private:
  std::vector<Step<T>> steps_;
};

}  // namespace caresim::scenario
