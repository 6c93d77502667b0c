#include "cli/precision_run.hpp"

#include <cmath>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include "models/indicator_dictionary.hpp"

namespace po = boost::program_options;

namespace caresim::cli {

namespace {

std::vector<std::string> split_names(const std::string& list) {
  std::vector<std::string> names;
  std::size_t from = 0;
  for (;;) {
    const std::size_t comma = list.find(',', from);
    std::string name = list.substr(from, comma == std::string::npos ? std::string::npos : comma - from);
    const auto first = name.find_first_not_of(' ');
    const auto last = name.find_last_not_of(' ');
    names.push_back(first == std::string::npos ? std::string() : name.substr(first, last - first + 1));
    if (comma == std::string::npos) return names;
    from = comma + 1;
  }
}

// The batch's verdict as a progress line: how far the widest judged row still is.
std::string batch_line(const runner::PrecisionOutcome& so_far, double relative) {
  std::size_t missed = 0;
  for (const auto& c : so_far.checks) missed += c.met ? 0 : 1;
  std::string line = "precision: batch " + std::to_string(so_far.batches) + ", " +
                     std::to_string(so_far.results.size()) + " replications: " + std::to_string(missed) + " of " +
                     std::to_string(so_far.checks.size()) + " judged rows not yet within the target";
  const auto w = runner::widest(so_far.checks, 1);
  if (!w.empty() && !w.front().met && w.front().mean != 0 && std::isfinite(w.front().half_width)) {
    char text[64];
    std::snprintf(text, sizeof text, "%.3g%% (target %.3g%%)", 100 * w.front().half_width / std::fabs(w.front().mean),
                  100 * relative);
    line += ", widest " + w.front().name + " at +-" + text;
  }
  return line + "\n";
}

}  // namespace

void add_precision_options(po::options_description& desc, PrecisionOptions& o) {
  desc.add_options()("precision", po::value(&o.relative),
                     "run replications in batches until the 95% half-width of every judged indicator is within this "
                     "share of its mean (0.05: 5%), or within its unit's floor (docs/replications.md)")(
      "indicators", po::value(&o.indicators),
      "with --precision: the indicators judged, comma-separated (a map's key as crisis_outcomes.admission; "
      "default: the headline indicators, caresim indicators)")(
      "max-replications", po::value(&o.max_replications)->default_value(o.max_replications),
      "with --precision: stop after this many replications, met or not")(
      "batch", po::value(&o.batch)->default_value(o.batch),
      "with --precision: replications per batch (the decision comes after whole batches)");
}

std::optional<runner::PrecisionTarget> precision_target(const char* command, const po::variables_map& vm,
                                                        const PrecisionOptions& o, bool& usage_error) {
  usage_error = false;
  const auto fail = [&](const std::string& message) {
    std::cerr << "caresim " << command << ": " << message << '\n';
    usage_error = true;
    return std::nullopt;
  };
  if (!vm.count("precision")) {
    if (vm.count("indicators") || !vm["max-replications"].defaulted() || !vm["batch"].defaulted())
      return fail("--indicators, --max-replications and --batch apply to --precision only");
    return std::nullopt;
  }
  if (vm.count("replications"))
    return fail("--precision chooses the number of replications: give --max-replications M instead of -r");
  if (!(o.relative > 0 && o.relative < 1)) {
    std::ostringstream given;
    given << o.relative;
    return fail("--precision must be a share between 0 and 1 (0.05: a 95% half-width within 5% of the mean), found " +
                given.str());
  }
  if (o.max_replications < 1 || o.max_replications > 1'000'000)
    return fail("--max-replications must be between 1 and 1000000, found " + std::to_string(o.max_replications));
  if (o.batch < 2 || o.batch > 1'000'000)
    return fail("--batch must be between 2 and 1000000 (a batch of one has no spread), found " +
                std::to_string(o.batch));
  runner::PrecisionTarget target;
  target.relative = o.relative;
  target.max_replications = static_cast<std::uint32_t>(o.max_replications);
  target.batch = static_cast<std::uint32_t>(o.batch);
  if (vm.count("indicators")) {
    target.indicators = split_names(o.indicators);
    for (const std::string& n : target.indicators)
      if (n.empty()) return fail("--indicators: an empty name in \"" + o.indicators + "\" (names are comma-separated)");
    try {
      const runner::PrecisionSelection check(model::indicator_dictionary(), target.indicators);
    } catch (const std::invalid_argument& e) {
      return fail(std::string("--indicators: ") + e.what());
    }
  }
  return target;
}

std::vector<runner::ReplicationResult> run_precision(const LoadedScenario& loaded, const std::string& scenario_path,
                                                     std::uint64_t seed, const runner::PrecisionTarget& target,
                                                     unsigned threads, const TraceRequest& trace,
                                                     runner::CapacityWatch* watch, runner::ProgressMode mode) {
  const runner::PrecisionSelection selection(model::indicator_dictionary(), target.indicators);
  runner::PrecisionOutcome outcome;
  {
    runner::Progress progress(mode, target.max_replications, std::cerr, "replication", true);
    const TraceRequest no_file{"", trace.level, false, trace.command_line};
    outcome = runner::run_to_precision(
        target, selection,
        [&](const std::vector<std::uint32_t>& ids) {
          return run_traced(loaded, scenario_path, seed, ids, threads, no_file, watch, &progress);
        },
        [&](const runner::PrecisionOutcome& so_far) { progress.note(batch_line(so_far, target.relative)); });
  }
  std::cerr << runner::precision_verdict(outcome, target);
  if (trace.path.empty()) return std::move(outcome.results);

  std::vector<std::uint32_t> ids;
  for (const auto& r : outcome.results) ids.push_back(r.id);
  runner::Progress progress(mode, ids.size(), std::cerr, "writing the results file: replication");
  auto written = run_traced(loaded, scenario_path, seed, ids, threads, trace, nullptr, &progress);
  for (std::size_t i = 0; i < written.size(); ++i) {
    // Replications depend only on (parameters, seed, id): a difference is a bug, not noise.
    if (written[i].indicators.to_json() != outcome.results[i].indicators.to_json())
      throw std::logic_error("replication " + std::to_string(ids[i]) +
                             " gave other indicators when run again for the results file");
  }
  return written;
}

}  // namespace caresim::cli
