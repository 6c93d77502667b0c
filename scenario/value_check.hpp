#pragma once
// Checking one YAML value against one parameter declaration: type, range, calendar,
// enumeration words, probability sums and phased steps. References are only collected
// here; whether they name declared members is known once the whole file has been read.
#include <optional>
#include <string>
#include <vector>

#include "scenario/diagnostic.hpp"
#include "scenario/param.hpp"
#include "scenario/value.hpp"
#include "scenario/yaml_tree.hpp"

namespace caresim::scenario {

/** A name that must be a member of a collection, checked after the whole tree is read. */
struct PendingReference {
  std::string path;        ///< key path of the reference ("hubs.north.municipalities[1]")
  Location where;          ///< where the name is written
  std::string collection;  ///< dotted path of the collection it must name a member of
  std::string name;        ///< the name written
};

/** The first dated step of a phased value, checked against the scenario start later. */
struct PendingFirstStep {
  std::string path;  ///< key path of the step's date ("hubs.north.crisis_beds[0].from")
  Location where;    ///< where the date is written
  Date from;         ///< the date
};

/** Where checks report: diagnostics and the deferred checks. */
struct CheckContext {
  DiagnosticSink& sink;
  std::vector<PendingReference>& references;
  std::vector<PendingFirstStep>& first_steps;
};

/** "a whole number >= 0", "a number from 0 to 1", "one of a, b, c", ... */
std::string expectation(const Param& param);

/** The allowed range in words ("0 to 1000", ">= 0", "> 0"), empty when unbounded. */
std::string range_text(const Param& param);

/** Checks `node` as a (non-phased) value of `param`; reports problems at the node and
 *  returns nothing if there were any. `node` must not be null. */
std::optional<Value> check_value(const Param& param, const YamlNode& node, const std::string& path,
                                 CheckContext& context);

/** Checks a phased parameter: a scalar (one constant step) or a list of
 *  {from: DATE, value: V} steps with strictly increasing dates. A one-step list is the
 *  same as its scalar. Returns the steps, or nothing after reporting problems. */
std::optional<std::vector<Step<Value>>> check_phased(const Param& param, const YamlNode& node, const std::string& path,
                                                     CheckContext& context);

}  // namespace caresim::scenario
