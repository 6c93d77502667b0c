#include "cli/scenario_input.hpp"

#include <iostream>

#include "care_scenario/care_schema.hpp"
#include "care_scenario/planner_warnings.hpp"
#include "care_scenario/to_parameters.hpp"
#include "scenario/loader.hpp"
#include "text/terminal_text.hpp"

namespace caresim::cli {

namespace {

/** Each cross-key problem ("path: message") as "FILE:LINE:COL: path: message", the
 *  position being that of the value at `path` in the file (or --set) that wrote it. A
 *  scenario stored in a results file has no file to point into: its problems name the
 *  stored path only. */
std::string located_problems(const std::string& file, const std::vector<std::string>& overrides, bool stored,
                             const std::vector<std::string>& problems) {
  std::optional<care_scenario::SourcePositions> positions;
  if (!stored) positions.emplace(file, overrides);
  std::string out;
  for (const std::string& problem : problems) {
    const std::string path = problem.substr(0, problem.find(": "));
    const std::string where = positions ? positions->where(path).to_string() : file;
    out += text::terminal_text(where + ": " + problem) + "\n";
  }
  return out;
}

}  // namespace

std::optional<LoadedScenario> load_for_run(const std::string& command, const std::string& file,
                                           const std::vector<std::string>& overrides,
                                           const std::optional<std::string>& yaml_text) {
  const auto& schema = care_scenario::care_schema();
  const scenario::LoadResult result = yaml_text ? scenario::load_resolved_text(schema, *yaml_text, file)
                                                : scenario::load_scenario(schema, file, overrides);
  if (!result.ok()) {
    std::cerr << result.report();
    std::cerr << "caresim " << command << ": " << result.diagnostics().size()
              << " problem(s) in the scenario; nothing was run\n";
    return std::nullopt;
  }
  try {
    return LoadedScenario{result.scenario(), care_scenario::to_parameters(result.scenario())};
  } catch (const care_scenario::BindingError& e) {
    std::cerr << located_problems(file, overrides, yaml_text.has_value(), e.problems());
    std::cerr << "caresim " << command << ": " << e.problems().size()
              << " problem(s) in the scenario; nothing was run\n";
    return std::nullopt;
  }
}

void print_planner_warnings(const std::string& file, const std::vector<std::string>& overrides,
                            const LoadedScenario& loaded) {
  const auto warnings = care_scenario::planner_warnings(loaded.parameters);
  if (warnings.empty()) return;
  const care_scenario::SourcePositions positions(file, overrides);
  std::cerr << care_scenario::format_warnings(warnings, positions);
}

}  // namespace caresim::cli
