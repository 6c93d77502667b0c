// `caresim run`: simulate a scenario's replications and print the indicators.
#include <boost/program_options.hpp>
#include <iostream>
#include <numeric>
#include <optional>
#include <thread>

#include "care_scenario/care_schema.hpp"
#include "care_scenario/planner_warnings.hpp"
#include "cli/commands.hpp"
#include "cli/exit_status.hpp"
#include "cli/parse_options.hpp"
#include "cli/precision_run.hpp"
#include "cli/replication_choice.hpp"
#include "cli/report_options.hpp"
#include "cli/scenario_input.hpp"
#include "cli/traced_run.hpp"
#include "io/trace_error.hpp"
#include "runner/fiscal_years.hpp"
#include "runner/indicator_summary.hpp"
#include "runner/replications.hpp"
#include "runner/summary_text.hpp"
#include "runner/work_estimate.hpp"
#include "scenario/render.hpp"
#include "text/terminal_text.hpp"

namespace po = boost::program_options;

namespace caresim::cli {

namespace {
// What the results file of `trace` will hold, for the work estimate.
runner::ResultsFile results_file(const TraceRequest& trace) {
  if (trace.path.empty()) return runner::ResultsFile::None;
  switch (trace.level) {
    case io::TraceLevel::None:
      return runner::ResultsFile::Indicators;
    case io::TraceLevel::Summary:
      return runner::ResultsFile::Summary;
    case io::TraceLevel::Events:
      break;
  }
  return runner::ResultsFile::Events;
}
}  // namespace

int run_run(const std::vector<std::string>& args) {
  std::string file;
  std::vector<std::string> sets;
  long long seed = 0, years = 0;
  std::string replications;
  long long threads = machine_cores();
  std::string output, trace_level = "events";
  po::options_description desc(
      "caresim run SCENARIO.yaml [options]\n\n"
      "Simulates the scenario's replications and prints every indicator (docs/indicators.md)\n"
      "as mean, half-width of the 95% confidence interval, min, max and n over replications\n"
      "(--json: docs/results-json.md).\n\nOptions");
  ReportWords report_words;
  desc.add_options()("help,h", "show this help and every scenario parameter")(
      "seed", po::value(&seed), "master seed (overrides simulation.seed)")(
      "years", po::value(&years), "reported years after the warm-up (overrides simulation.years)")(
      "replications,r", po::value(&replications),
      "N: replications 0 to N-1 (overrides simulation.replications); FIRST:LAST: the ids FIRST to LAST "
      "(inclusive, 0-based), with the same random streams as in a run of them all (docs/cluster.md)")(
      "set", po::value(&sets)->composing(), "override a parameter: --set hubs.north.crisis_beds=4 (repeatable)")(
      "threads,j", po::value(&threads)->default_value(threads),
      "worker threads (default: the machine's cores); results do not depend on it")(
      "json", "print JSON instead of text (docs/results-json.md)")("stats", "print run time and events per second")(
      "output,o", po::value(&output), "write the results file (HDF5, docs/trace-format.md) to this path")(
      "trace", po::value(&trace_level), "what the results file holds: none, summary or events (default)")(
      "force", "replace an existing results file")(
      "force-large",
      "run even when the estimate of events, memory or results-file size is above its limit "
      "(docs/reliability.md, \"Work and memory estimates\")")(
      "warn-unbound",
      "warn about every capacity that never bound over the run (in use below capacity, nobody "
      "waiting), with its peak use")("quiet,q", "no progress on stderr (warnings and errors still)");
  add_report_options(desc, report_words);
  PrecisionOptions precision_options;
  add_precision_options(desc, precision_options);
  po::variables_map vm;
  if (!parse_options("run", args, desc, &file, vm)) return kExitUsage;
  if (vm.count("help")) {
    std::cout << desc << "\nScenario parameters (set in the file or with --set):\n"
              << scenario::render_help(care_scenario::care_schema());
    return kExitOk;
  }
  if (file.empty()) {
    std::cerr << "caresim run: name a scenario file, e.g. caresim run scenarios/reference-region.yaml\n";
    return kExitUsage;
  }
  const auto workers = worker_threads("run", threads);
  if (!workers || !output_named("run", vm, output)) return kExitUsage;
  const auto text_options = report_options("run", report_words, vm);
  if (!text_options) return kExitUsage;
  bool usage_error = false;
  const auto precision = precision_target("run", vm, precision_options, usage_error);
  if (usage_error) return kExitUsage;
  // Given options become overrides, so the parameter table checks their ranges too.
  if (vm.count("seed")) sets.push_back("simulation.seed=" + std::to_string(seed));
  if (vm.count("years")) sets.push_back("simulation.years=" + std::to_string(years));
  // A range stays out of the scenario: every part of one run then stores the same scenario,
  // which is how `caresim merge` knows the parts belong together (docs/cluster.md).
  std::optional<ReplicationChoice> chosen;
  if (vm.count("replications")) {
    const auto* row = care_scenario::care_schema().find_fixed_param("simulation.replications");
    chosen = parse_replications("run", replications, static_cast<long long>(row->max().value()));
    if (!chosen) return kExitUsage;
    if (chosen->count) sets.push_back("simulation.replications=" + std::to_string(*chosen->count));
  }
  if (chosen && chosen->first) {
    for (const std::string& set : sets) {
      if (set.rfind("simulation.replications=", 0) != 0) continue;
      std::cerr << "caresim run: --replications " << replications << " and --set " << set
                << " both say which replications to run; give only one of them\n";
      return kExitUsage;
    }
  }
  const auto loaded = load_for_run("run", file, sets);
  if (!loaded) return kExitProblem;

  const auto& s = loaded->resolved;
  print_planner_warnings(file, sets, *loaded);
  std::vector<std::uint32_t> ids;
  if (chosen && chosen->first) {
    ids = chosen->range_ids();
  } else {
    ids.resize(static_cast<std::size_t>(s.get_int("simulation.replications")));
    std::iota(ids.begin(), ids.end(), 0u);
  }
  const auto master_seed = static_cast<std::uint64_t>(s.get_int("simulation.seed"));
  const auto start = std::chrono::steady_clock::now();
  TraceRequest trace{output, io::TraceLevel::Events, vm.count("force") > 0, command_line("run", args)};
  try {
    trace.level = io::parse_trace_level(trace_level);
  } catch (const std::invalid_argument& e) {
    std::cerr << "caresim run: --trace: " << e.what() << '\n';
    return kExitUsage;
  }
  const runner::WorkEstimate estimate = runner::estimate_work(
      loaded->parameters, precision ? precision->max_replications : ids.size(), *workers, results_file(trace));
  if (const auto why = runner::refusal(estimate, runner::WorkLimits{}, vm.count("force-large") > 0, "--force-large")) {
    std::cerr << "caresim run: " << *why << '\n';
    return kExitProblem;
  }
  std::vector<runner::ReplicationResult> results;
  runner::CapacityWatch watch;
  const bool warn_unbound = vm.count("warn-unbound") > 0;
  try {
    const auto mode = runner::progress_mode_for_stderr(vm.count("quiet") > 0);
    if (precision) {
      results =
          run_precision(*loaded, file, master_seed, *precision, *workers, trace, warn_unbound ? &watch : nullptr, mode);
    } else {
      runner::Progress progress(mode, ids.size(), std::cerr);
      results =
          run_traced(*loaded, file, master_seed, ids, *workers, trace, warn_unbound ? &watch : nullptr, &progress);
    }
  } catch (...) {
    return report_failure("run", std::current_exception());
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (warn_unbound) {
    std::vector<care_scenario::PlannerWarning> unbound;
    const model::FacilityTable table(loaded->parameters);
    for (const auto& u : watch.never_bound())
      unbound.push_back(
          care_scenario::unbound_warning(loaded->parameters, table[u.facility], u.peak_in_use, u.peak_capacity));
    if (!unbound.empty()) {
      const care_scenario::SourcePositions positions(file, sets);
      std::cerr << care_scenario::format_warnings(unbound, positions);
    }
  }
  const auto summary = runner::summarise(results);
  if (vm.count("json")) {
    std::cout << runner::summary_json(summary, results, s.get_string("scenario.name"), s.hash_hex(), master_seed);
  } else {
    const model::RunParams& w = loaded->parameters.run;
    const bool ja = text_options->language == runner::Language::Japanese;
    const std::string fiscal_years = runner::fiscal_years_text(
        runner::report_fiscal_years(w.start, w.warmup_days, w.horizon_days), text_options->language);
    const std::string span = fiscal_years.empty() ? "" : (ja ? "（" : " (") + fiscal_years + (ja ? "）" : ")");
    std::cout << "caresim run: " << text::terminal_text(s.get_string("scenario.name")) << " ("
              << text::terminal_text(file) << ", scenario hash " << s.hash_hex() << ")\n";
    if (ja) {
      std::cout << "シード " << master_seed << "、反復 " << results.size() << " 回、報告期間 "
                << s.get_int("simulation.years") << " 年" << span << "、ウォームアップ "
                << s.get_int("simulation.warmup_years") << " 年、モデル版 " << model::model_version << "\n\n";
    } else {
      std::cout << "seed " << master_seed << ", " << results.size() << " replication(s), "
                << s.get_int("simulation.years") << " reported years" << span << " after "
                << s.get_int("simulation.warmup_years") << " warm-up years, model version " << model::model_version
                << "\n\n";
    }
    std::cout << runner::summary_text(summary, *text_options);
  }
  if (vm.count("stats")) {
    std::uint64_t events = 0;
    double busy = 0;
    for (const auto& r : results) {
      events += r.events;
      busy += r.seconds;
    }
    std::cerr << "stats: " << events << " events in " << seconds << " s wall (" << busy / results.size()
              << " s per replication); " << (busy > 0 ? events / busy / 1e6 : 0.0) << " million events/s per thread\n";
    std::cerr << "stats: estimated before the run: " << runner::describe(estimate) << " (events " << estimate.events
              << ", memory bytes " << estimate.memory_bytes << ", file bytes " << estimate.file_bytes << ")\n";
  }
  return kExitOk;
}

}  // namespace caresim::cli
