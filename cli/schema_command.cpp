// `caresim schema` and `caresim check`: the parameter table for editors and docs, and
// validation of a scenario file without running it.
#include <boost/program_options.hpp>
#include <iostream>

#include "care_scenario/care_schema.hpp"
#include "cli/commands.hpp"
#include "cli/exit_status.hpp"
#include "cli/parse_options.hpp"
#include "cli/scenario_input.hpp"
#include "scenario/render.hpp"

namespace po = boost::program_options;

namespace caresim::cli {

int run_schema(const std::vector<std::string>& args) {
  po::options_description desc(
      "caresim schema [--markdown]\n\nPrints the JSON Schema of scenario files (for editors), or with --markdown the\n"
      "parameter reference (docs/scenario-format.md is generated this way).\n\nOptions");
  desc.add_options()("help,h", "show this help")("markdown", "print the Markdown parameter reference");
  po::variables_map vm;
  if (!parse_options("schema", args, desc, nullptr, vm)) return kExitUsage;
  if (vm.count("help")) {
    std::cout << desc << '\n';
    return kExitOk;
  }
  const auto& schema = care_scenario::care_schema();
  std::cout << (vm.count("markdown") ? scenario::render_markdown(schema) : scenario::render_json_schema(schema));
  return kExitOk;
}

int run_check(const std::vector<std::string>& args) {
  std::vector<std::string> sets;
  std::string file;
  po::options_description desc(
      "caresim check SCENARIO.yaml [--set key=value]...\n\n"
      "Validates a scenario and prints its fully resolved form. Warns on stderr (exit status 0)\n"
      "about places no road reaches, beds below the day-0 inpatients and hubs without\n"
      "transition places or a coordinator.\n\nOptions");
  desc.add_options()("help,h", "show this help")("set", po::value(&sets)->composing(), "override a parameter");
  po::variables_map vm;
  if (!parse_options("check", args, desc, &file, vm)) return kExitUsage;
  if (vm.count("help") || file.empty()) {
    (file.empty() && !vm.count("help") ? std::cerr : std::cout) << desc << '\n';
    return vm.count("help") ? kExitOk : kExitUsage;
  }
  const auto loaded = load_for_run("check", file, sets);
  if (!loaded) return kExitProblem;
  print_planner_warnings(file, sets, *loaded);
  std::cout << loaded->resolved.to_yaml();
  return kExitOk;
}

}  // namespace caresim::cli
