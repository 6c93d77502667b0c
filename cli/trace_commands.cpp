// `caresim inspect FILE` and `caresim rerun FILE`: what a results file holds, and the run
// repeated from the scenario and seed stored in it (docs/trace-format.md).
#include <boost/program_options.hpp>
#include <iostream>
#include <map>
#include <optional>

#include "care_scenario/care_schema.hpp"
#include "caresim/version.hpp"
#include "cli/commands.hpp"
#include "cli/exit_status.hpp"
#include "cli/parse_options.hpp"
#include "cli/report_options.hpp"
#include "cli/stored_scenario.hpp"
#include "cli/traced_run.hpp"
#include "io/provenance.hpp"
#include "io/trace_error.hpp"
#include "io/trace_reader.hpp"
#include "models/indicator_table.hpp"
#include "runner/indicator_summary.hpp"
#include "runner/summary_text.hpp"
#include "scenario/loader.hpp"
#include "text/terminal_text.hpp"

namespace po = boost::program_options;

namespace caresim::cli {

int run_inspect(const std::vector<std::string>& args) {
  po::options_description desc(
      "caresim inspect FILE.h5\n\nPrints what a results file holds: provenance, replications, dataset sizes\n"
      "and a summary of the scalar indicators.\n\nOptions");
  desc.add_options()("help,h", "show this help");
  std::string file;
  po::variables_map vm;
  if (!parse_options("inspect", args, desc, &file, vm)) return kExitUsage;
  if (vm.count("help")) {
    std::cout << desc << '\n';
    return kExitOk;
  }
  if (file.empty()) {
    std::cerr << "caresim inspect: name a results file, e.g. caresim inspect out.h5\n";
    return kExitUsage;
  }
  try {
    const std::string description = io::describe_trace(file);
    const io::TraceProvenance p = io::read_provenance(file);
    const auto hash = stored_scenario_hash(p);
    if (hash && !hash_agrees("inspect", file, p, *hash)) return kExitProblem;
    std::cout << description;
    if (!hash) std::cout << "\n(the stored scenario does not load with this caresim; its hash was not checked)\n";
    return kExitOk;
  } catch (const io::TraceError& e) {
    std::cerr << "caresim inspect: " << text::terminal_text(e.what()) << '\n';
    return kExitProblem;
  }
}

int run_rerun(const std::vector<std::string>& args) {
  po::options_description desc(
      "caresim rerun FILE.h5 [options]\n\nRuns again the scenario, seed and replications stored in a results file,\n"
      "prints the indicators and checks them against the file's (exit status 1 if they\n"
      "differ under the same model version).\n\nOptions");
  std::string output, trace_level;
  long long threads = machine_cores();
  desc.add_options()("help,h", "show this help")("output,o", po::value(&output),
                                                 "write the new run's results file to this path")(
      "trace", po::value(&trace_level), "none, summary or events (default: the level of FILE)")(
      "force", "replace an existing results file")(
      "threads,j", po::value(&threads)->default_value(threads),
      "worker threads (default: the machine's cores); results do not depend on it")(
      "json", "print JSON instead of text (docs/results-json.md)");
  ReportWords report_words;
  add_report_options(desc, report_words);
  std::string file;
  po::variables_map vm;
  if (!parse_options("rerun", args, desc, &file, vm)) return kExitUsage;
  if (vm.count("help")) {
    std::cout << desc << '\n';
    return kExitOk;
  }
  if (file.empty()) {
    std::cerr << "caresim rerun: name a results file, e.g. caresim rerun out.h5\n";
    return kExitUsage;
  }
  const auto workers = worker_threads("rerun", threads);
  if (!workers || !output_named("rerun", vm, output)) return kExitUsage;
  const auto text_options = report_options("rerun", report_words, vm);
  if (!text_options) return kExitUsage;
  try {
    const io::TraceProvenance p = io::read_provenance(file);
    const auto loaded = load_for_run("rerun", p.scenario_path, {}, p.scenario_yaml);
    if (!loaded) return kExitProblem;
    if (!hash_agrees("rerun", file, p, loaded->resolved.hash_hex())) return kExitProblem;
    // Read before running: `-o FILE --force` onto FILE itself replaces it, and the new run
    // would then be compared with itself.
    // All of them at one open of the file (once per replication until 2026-12-02).
    std::map<std::uint32_t, std::string> stored;
    const std::vector<model::IndicatorTable> tables = io::read_indicators(file, p.replications);
    for (std::size_t i = 0; i < tables.size(); ++i) stored[p.replications[i]] = tables[i].to_json();
    TraceRequest trace{output, p.level, vm.count("force") > 0, command_line("rerun", args)};
    if (!trace_level.empty()) trace.level = io::parse_trace_level(trace_level);
    const auto results = run_traced(*loaded, p.scenario_path, p.master_seed, p.replications, *workers, trace);
    const auto summary = runner::summarise(results);
    const std::string name = loaded->resolved.get_string("scenario.name");
    if (vm.count("json")) {
      std::cout << runner::summary_json(summary, results, name, loaded->resolved.hash_hex(), p.master_seed);
    } else {
      std::cout << "caresim rerun: " << text::terminal_text(name) << " from " << text::terminal_text(file)
                << " (scenario hash " << text::terminal_text(p.scenario_hash) << ", seed " << p.master_seed << ", "
                << p.replications.size() << " replication(s))\n\n"
                << runner::summary_text(summary, *text_options);
    }
    std::size_t differ = 0;
    for (const runner::ReplicationResult& r : results) {
      if (stored.at(r.id) != r.indicators.to_json()) ++differ;
    }
    if (differ == 0) {
      std::cerr << "caresim rerun: the indicators of all " << results.size() << " replication(s) equal those in "
                << text::terminal_text(file) << '\n';
      return kExitOk;
    }
    std::cerr << "caresim rerun: the indicators of " << differ << " of " << results.size()
              << " replication(s) differ from those in " << text::terminal_text(file) << " (model version "
              << p.model_version << " there, " << model::model_version << " now)\n";
    return p.model_version == model::model_version ? 1 : 0;
  } catch (const std::invalid_argument& e) {  // --trace with a word that is not a level
    std::cerr << "caresim rerun: " << e.what() << '\n';
    return kExitUsage;
  } catch (...) {
    return report_failure("rerun", std::current_exception());
  }
}

}  // namespace caresim::cli
