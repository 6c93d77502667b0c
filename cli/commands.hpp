#pragma once
// The subcommands of the `caresim` program. Each takes the arguments after its own
// name and returns the process exit status.
#include <string>
#include <vector>

namespace caresim::cli {

/** One subcommand: its name, a one-line summary for `caresim --help`, and its entry. */
struct Command {
  const char* name;
  const char* summary;
  int (*run)(const std::vector<std::string>& args);
};

/** `caresim validate`: the engine's known-answer checks against queueing theory. */
int run_validate(const std::vector<std::string>& args);

/** `caresim run`: simulate a scenario and print its indicators. */
int run_run(const std::vector<std::string>& args);

/** `caresim check`: validate a scenario and print it fully resolved. */
int run_check(const std::vector<std::string>& args);

/** `caresim schema`: the JSON Schema (or Markdown reference) of scenario files. */
int run_schema(const std::vector<std::string>& args);

/** `caresim indicators`: the indicator dictionary (or, with --markdown, docs/indicators.md). */
int run_indicators(const std::vector<std::string>& args);

/** `caresim inspect`: what a results file holds. */
int run_inspect(const std::vector<std::string>& args);

/** `caresim rerun`: the run repeated from the scenario and seed stored in a results file. */
int run_rerun(const std::vector<std::string>& args);

/** `caresim merge`: the results files of one run made in replication ranges, as one file. */
int run_merge(const std::vector<std::string>& args);

/** `caresim compare`: runs compared with a base, paired or Welch, with Holm-marked headline
 *  differences (docs/compare-json.md). */
int run_compare(const std::vector<std::string>& args);

/** Every subcommand, in the order `caresim --help` lists them. */
const std::vector<Command>& commands();

}  // namespace caresim::cli
