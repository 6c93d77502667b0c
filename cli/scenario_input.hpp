#pragma once
// Loading a scenario for a subcommand: the care schema, --set overrides, and a clear
// report (file:line:column, key path, what is valid) when the input is bad.
#include <optional>
#include <string>
#include <vector>

#include "models/parameters.hpp"
#include "scenario/scenario.hpp"

namespace caresim::cli {

/** A scenario ready to run. */
struct LoadedScenario {
  scenario::Scenario resolved;
  model::Parameters parameters;
};

/** Loads `file` with `overrides` or, if `yaml_text` is set, that resolved text (from a
 *  results file, where `extends` is refused and `overrides` are not applied) named `file`;
 *  on any problem prints every diagnostic to stderr, prefixed with `command`, and
 *  returns nothing. */
std::optional<LoadedScenario> load_for_run(const std::string& command, const std::string& file,
                                           const std::vector<std::string>& overrides,
                                           const std::optional<std::string>& yaml_text = std::nullopt);

/** Prints to stderr the planner warnings of `loaded` (care_scenario/planner_warnings.hpp),
 *  each with the file:line:col of the value at fault in `file` or `overrides`. */
void print_planner_warnings(const std::string& file, const std::vector<std::string>& overrides,
                            const LoadedScenario& loaded);

}  // namespace caresim::cli
