#pragma once
// The work a run will do, estimated from its parameters before it starts: people, events,
// peak memory and the results file's size, and the limits above which `caresim run`
// refuses to start unless told to (--force-large). The constants are calibrated against
// measured runs (docs/reliability.md, "Work and memory estimates", gives the measured
// error); the estimate is for refusing absurd runs, not for planning to the minute.
#include <cstddef>
#include <optional>
#include <string>

#include "models/parameters.hpp"

namespace caresim::runner {

/** What the run writes: no results file, or one at a trace level (io::TraceLevel). */
enum class ResultsFile { None, Indicators, Summary, Events };

/** The estimated work of a whole run. */
struct WorkEstimate {
  double people = 0;        ///< people who enter one replication (day 0 and arrivals)
  double events = 0;        ///< events of all replications together
  double memory_bytes = 0;  ///< peak resident memory: the program and the replications running at once
  double file_bytes = 0;    ///< the results file (0 without one)
  double cpu_seconds = 0;   ///< one thread's time for every event, at the calibrated rate
};

/** Above any of these a run is refused unless forced. */
struct WorkLimits {
  /** About two hours of one core at the measured 0.15 million events a second. */
  double events = 1e9;
  /** 4 GiB: a run past it is likely to meet the out-of-memory killer on a laptop. */
  double memory_bytes = 4.0 * 1024 * 1024 * 1024;
  /** 10 GB of results file. */
  double file_bytes = 10e9;
};

/** The estimate for `replications` replications of `p` on `threads` worker threads (each
 *  running replication holds its own model), writing `file`. */
WorkEstimate estimate_work(const model::Parameters& p, std::size_t replications, unsigned threads, ResultsFile file);

/** The estimate in words: "about 1.4 million events (10 s of one core), 25 MB of memory,
 *  a 7.1 MB results file". */
std::string describe(const WorkEstimate& estimate);

/** The decision to start: nothing when the run may start (`estimate` within `limits`, or
 *  `forced`); otherwise the refusal to print: each estimate above its limit, with the
 *  limit, and the option that runs it anyway (`force_option`). */
std::optional<std::string> refusal(const WorkEstimate& estimate, const WorkLimits& limits, bool forced,
                                   const std::string& force_option);

}  // namespace caresim::runner
