// `caresim compare BASE.h5 VARIANT.h5 [MORE.h5 ...]`: every indicator of runs compared with
// a base, each run's mean with its 95% interval and the difference from the base, paired
// under common random numbers or Welch's (docs/pairing.md, docs/compare-json.md).
#include <sys/stat.h>

#include <boost/program_options.hpp>
#include <iostream>
#include <optional>

#include "care_scenario/care_schema.hpp"
#include "care_scenario/to_parameters.hpp"
#include "cli/commands.hpp"
#include "cli/compare_xlsx.hpp"
#include "cli/exit_status.hpp"
#include "cli/parse_options.hpp"
#include "cli/report_options.hpp"
#include "cli/stored_scenario.hpp"
#include "io/provenance.hpp"
#include "io/trace_error.hpp"
#include "io/trace_reader.hpp"
#include "runner/compare_json.hpp"
#include "runner/compare_table.hpp"
#include "runner/fiscal_years.hpp"
#include "scenario/loader.hpp"

namespace po = boost::program_options;

namespace caresim::cli {

namespace {

/** A results file read for comparison, with what must agree between the files. */
struct ReadRun {
  runner::ComparedRun run;
  int model_version = 0;
  engine::Date start;
  std::int64_t warmup_years = 0;
  std::int64_t years = 0;
  model::RunParams window;
  std::vector<std::string> municipalities;
};

std::string quoted(const std::string& path) {
  return "'" + path + "'";
}

/** Reads `path`: its provenance and stored scenario, and every replication's indicators.
 *  Nothing, with the error on stderr, when the file records another hash than its stored
 *  scenario's (changed after caresim wrote it: see hash_agrees). Throws io::TraceError (the
 *  readers' messages for a damaged file). */
std::optional<ReadRun> read_run(const std::string& path) {
  const io::TraceProvenance p = io::read_provenance(path);
  const scenario::LoadResult loaded =
      scenario::load_resolved_text(care_scenario::care_schema(), p.scenario_yaml, p.scenario_path);
  if (!loaded.ok()) {
    throw io::TraceError(path, "its stored scenario does not load with this caresim (" +
                                   std::to_string(loaded.diagnostics().size()) +
                                   " problem(s)); compare it with the caresim that wrote it (" + p.caresim_version +
                                   ", git " + p.git_revision + ")");
  }
  if (!hash_agrees("compare", path, p, loaded.scenario().hash_hex())) return std::nullopt;
  ReadRun out;
  const scenario::Scenario& s = loaded.scenario();
  out.run.path = path;
  out.run.scenario_name = s.get_string("scenario.name");
  out.run.scenario_name_ja = s.get_string("scenario.name_ja");
  out.run.seed = p.master_seed;
  out.model_version = p.model_version;
  out.start = s.get_date("simulation.start");
  out.warmup_years = s.get_int("simulation.warmup_years");
  out.years = s.get_int("simulation.years");
  out.window = care_scenario::to_parameters(s).run;
  out.municipalities = s.members("municipalities");
  if (p.replications.empty()) throw io::TraceError(path, "holds no replication; there is nothing to compare");
  std::vector<model::IndicatorTable> tables = io::read_indicators(path, p.replications);
  for (std::size_t i = 0; i < tables.size(); ++i) {
    runner::ReplicationResult r;
    r.id = p.replications[i];
    r.indicators = std::move(tables[i]);
    out.run.replications.push_back(std::move(r));
  }
  return out;
}

std::string list_of(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out.empty() ? "none" : out;
}

/** Nothing when `b` can be compared with the base `a`; else the refusal, naming both
 *  files and the values that differ. */
std::optional<std::string> refusal(const ReadRun& a, const ReadRun& b) {
  const std::string& fa = a.run.path;
  const std::string& fb = b.run.path;
  const auto differ = [&](const std::string& what, const std::string& in_a, const std::string& in_b,
                          const std::string& advice) {
    return "cannot compare " + quoted(fb) + " with " + quoted(fa) + ": their " + what + " differ (" + in_a + " in " +
           quoted(fa) + ", " + in_b + " in " + quoted(fb) + "); " + advice;
  };
  if (a.model_version != b.model_version) {
    return differ("model versions", std::to_string(a.model_version), std::to_string(b.model_version),
                  "compare only runs of one model version (caresim rerun FILE -o new.h5 runs a file again with this "
                  "caresim)");
  }
  if (a.start != b.start) {
    return differ("start dates (simulation.start)", a.start.to_string(), b.start.to_string(),
                  "compare only runs over the same fiscal years");
  }
  if (a.warmup_years != b.warmup_years || a.years != b.years || a.window.horizon_days != b.window.horizon_days) {
    const auto horizon = [](const ReadRun& r) {
      return std::to_string(r.warmup_years) + " warm-up + " + std::to_string(r.years) + " reported years";
    };
    return differ("horizons (simulation.warmup_years, simulation.years)", horizon(a), horizon(b),
                  "compare only runs over the same report window");
  }
  std::vector<std::string> ma = a.municipalities, mb = b.municipalities;
  std::sort(ma.begin(), ma.end());
  std::sort(mb.begin(), mb.end());
  if (ma != mb) {
    return differ("regions (municipalities)", list_of(a.municipalities), list_of(b.municipalities),
                  "compare only runs of the same region");
  }
  return std::nullopt;
}

/** The input that `target` is (the same file, by device and inode), or nothing. */
std::optional<std::string> input_at(const std::string& target, const std::vector<std::string>& inputs) {
  struct stat t;
  if (::stat(target.c_str(), &t) != 0) return std::nullopt;
  for (const std::string& input : inputs) {
    struct stat info;
    if (::stat(input.c_str(), &info) == 0 && info.st_dev == t.st_dev && info.st_ino == t.st_ino) return input;
  }
  return std::nullopt;
}

}  // namespace

int run_compare(const std::vector<std::string>& args) {
  po::options_description desc(
      "caresim compare BASE.h5 VARIANT.h5 [MORE.h5 ...] [options]\n\n"
      "Compares runs with the first (the base): every indicator's mean with its 95% interval\n"
      "per run, and each variant's difference from the base with its 95% interval, paired by\n"
      "replication when the runs share the seed and replication ids (common random numbers,\n"
      "docs/pairing.md), Welch's otherwise; the headline rows whose difference is clear after\n"
      "Holm's correction are marked. Layout of --json and --csv: docs/compare-json.md.\n\nOptions");
  std::string xlsx;
  std::vector<std::string> inputs;
  desc.add_options()("help,h", "show this help")("csv", "print CSV (UTF-8 with a byte-order mark) instead of text")(
      "json", "print JSON instead of text (docs/compare-json.md)")(
      "xlsx", po::value(&xlsx), "also write an Excel workbook, one sheet per view, Japanese headers")(
      "force", "replace an existing --xlsx file");
  ReportWords report_words;
  add_report_options(desc, report_words);
  po::variables_map vm;
  if (!parse_options("compare", args, desc, inputs, vm)) return kExitUsage;
  if (vm.count("help")) {
    std::cout << desc << '\n';
    return kExitOk;
  }
  if (inputs.size() < 2) {
    std::cerr << "caresim compare: name a base and at least one variant results file, e.g. caresim compare base.h5 "
                 "variant.h5 (got "
              << inputs.size() << ")\n";
    return kExitUsage;
  }
  if (vm.count("csv") && vm.count("json")) {
    std::cerr << "caresim compare: --csv and --json both print to standard output; choose one\n";
    return kExitUsage;
  }
  if (vm.count("xlsx") && xlsx.empty()) {
    std::cerr << "caresim compare: --xlsx needs a file name, e.g. --xlsx compare.xlsx\n";
    return kExitUsage;
  }
  const auto text_options = report_options("compare", report_words, vm);
  if (!text_options) return kExitUsage;
  if (!xlsx.empty()) {
    if (const auto input = input_at(xlsx, inputs)) {
      std::cerr << "caresim compare: --xlsx " << xlsx << " is also an input (" << quoted(*input)
                << "); write the workbook to a new path\n";
      return kExitProblem;
    }
  }
  try {
    std::vector<ReadRun> read;
    for (const std::string& input : inputs) {
      std::optional<ReadRun> run = read_run(input);
      if (!run) return kExitProblem;
      read.push_back(std::move(*run));
      if (const auto why = refusal(read.front(), read.back())) {
        std::cerr << "caresim compare: " << *why << '\n';
        return kExitProblem;
      }
    }
    std::vector<runner::ComparedRun> runs;
    for (ReadRun& r : read) runs.push_back(std::move(r.run));
    const runner::Comparison comparison = runner::compare_runs(runs, text_options->by_municipality);
    runner::CompareContext context;
    context.language = text_options->language;
    const model::RunParams& w = read.front().window;
    context.fiscal_years = runner::report_fiscal_years(w.start, w.warmup_days, w.horizon_days);
    if (!xlsx.empty()) write_compare_xlsx(xlsx, vm.count("force") > 0, comparison, runs, context.language);
    if (vm.count("json")) {
      std::cout << runner::compare_json(comparison, runs, context);
    } else if (vm.count("csv")) {
      std::cout << runner::compare_csv(comparison, runs, context.language);
    } else {
      std::cout << runner::compare_text(comparison, runs, context);
    }
    if (!xlsx.empty()) std::cerr << "caresim compare: wrote " << xlsx << '\n';
    return kExitOk;
  } catch (const io::TraceError& e) {
    std::cerr << "caresim compare: " << e.what() << '\n';
    return kExitProblem;
  } catch (...) {
    return report_failure("compare", std::current_exception());
  }
}

}  // namespace caresim::cli
