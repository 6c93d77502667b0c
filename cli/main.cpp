// caresim — discrete-event simulation of regional mental-health care systems.
// Entry point: global options (--help, --version) and dispatch to subcommands.
#include <boost/program_options.hpp>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "caresim/version.hpp"
#include "cli/commands.hpp"
#include "cli/exit_status.hpp"
#include "io/hdf5_process.hpp"

namespace po = boost::program_options;

namespace caresim::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> all = {
      {"run", "simulate a scenario's replications and print the indicators", run_run},
      {"inspect", "print what a results file (-o out.h5) holds", run_inspect},
      {"rerun", "run again the scenario and seed stored in a results file and compare", run_rerun},
      {"merge", "merge the results files of replication ranges of one run into one file", run_merge},
      {"compare", "compare results files with a base: means, differences (paired or Welch), clear changes",
       run_compare},
      {"check", "validate a scenario file and print it fully resolved", run_check},
      {"schema", "print the JSON Schema of scenario files (or --markdown: the parameter reference)", run_schema},
      {"indicators", "list the indicators with units and labels (or --markdown: the indicator reference)",
       run_indicators},
      {"validate", "run the engine on queueing models with known answers and compare with theory", run_validate},
  };
  return all;
}

namespace {

void print_usage(std::ostream& out) {
  out << "caresim " << caresim::version << " — discrete-event simulation of regional mental-health care systems\n\n"
      << "Usage: caresim [--help | --version] <command> [options]\n\nCommands:\n";
  for (const auto& c : commands())
    out << "  " << c.name << std::string(12 - std::string(c.name).size(), ' ') << c.summary << '\n';
  out << "\nRun `caresim <command> --help` for a command's options.\n\n" << exit_status_help();
}

}  // namespace
}  // namespace caresim::cli

int main(int argc, char** argv) {
  using namespace caresim::cli;
  caresim::io::skip_hdf5_cleanup_at_exit();
  try {
    po::options_description global("Global options");
    global.add_options()("help,h", "show this help")("version", "print the version and git revision");
    po::options_description hidden;
    hidden.add_options()("command", po::value<std::string>())("args", po::value<std::vector<std::string>>());
    po::options_description all;
    all.add(global).add(hidden);
    po::positional_options_description positional;
    positional.add("command", 1).add("args", -1);

    po::variables_map vm;
    po::parsed_options parsed =
        po::command_line_parser(argc, argv).options(all).positional(positional).allow_unregistered().run();
    po::store(parsed, vm);

    if (!vm.count("command")) {
      if (vm.count("version")) {
        std::cout << "caresim " << caresim::version << " (git " << caresim::git_revision << ")\n";
        return kExitOk;
      }
      print_usage(vm.count("help") ? std::cout : std::cerr);
      return vm.count("help") ? kExitOk : kExitUsage;
    }
    const std::string name = vm["command"].as<std::string>();
    // Everything after the command name belongs to the command, options included.
    std::vector<std::string> rest = po::collect_unrecognized(parsed.options, po::include_positional);
    rest.erase(rest.begin());  // the command name itself
    if (vm.count("help")) rest.insert(rest.begin(), "--help");
    for (const auto& c : commands()) {
      if (name != c.name) continue;
      try {
        return c.run(rest);
      } catch (...) {  // what a command did not handle itself: out of memory, an internal error
        return report_failure(c.name, std::current_exception());
      }
    }
    std::cerr << "caresim: unknown command \"" << name << "\"\n\n";
    print_usage(std::cerr);
    return kExitUsage;
  } catch (...) {
    return report_failure("", std::current_exception());
  }
}
