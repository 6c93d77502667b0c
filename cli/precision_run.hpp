#pragma once
// `caresim run --precision R [--indicators a,b] [--max-replications M] [--batch N]`: the
// options, their checks, and the run in batches (runner/precision.hpp) with progress and
// an optional results file.
#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/traced_run.hpp"
#include "runner/precision.hpp"
#include "runner/progress.hpp"

namespace caresim::cli {

/** The precision options as given on the command line. */
struct PrecisionOptions {
  double relative = 0;
  std::string indicators;  ///< comma-separated, as given
  long long max_replications = 1000;
  long long batch = 10;
};

/** Adds --precision, --indicators, --max-replications and --batch to `desc`, stored in `o`. */
void add_precision_options(boost::program_options::options_description& desc, PrecisionOptions& o);

/** The precision target of the parsed options, or nothing when --precision is not given.
 *  Sets `usage_error` (after saying why on stderr, prefixed "caresim <command>: ") when an
 *  option is out of range, names an unknown indicator, is given without --precision, or
 *  --precision is given with -r/--replications. */
std::optional<runner::PrecisionTarget> precision_target(const char* command,
                                                        const boost::program_options::variables_map& vm,
                                                        const PrecisionOptions& o, bool& usage_error);

/** Runs `target` on `threads` threads: batches without a file (progress on `mode`, a line
 *  per batch), then, if `trace.path` is set, the replications used once more to write the
 *  results file (the file's header lists its replications before the first is written,
 *  and a precision run learns them only at its end), checked to give the same indicators.
 *  Prints the verdict (runner::precision_verdict) on stderr, even when quiet. Throws as
 *  run_traced(). */
std::vector<runner::ReplicationResult> run_precision(const LoadedScenario& loaded, const std::string& scenario_path,
                                                     std::uint64_t seed, const runner::PrecisionTarget& target,
                                                     unsigned threads, const TraceRequest& trace,
                                                     runner::CapacityWatch* watch, runner::ProgressMode mode);

}  // namespace caresim::cli
