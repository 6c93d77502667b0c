#pragma once
// Runs replications of one parameter set, on several threads if asked. Each replication
// is independent (its own Simulator and streams keyed by its id), and results are kept
// by replication id, so the output is bit-identical whatever the thread count.
#include <cstdint>
#include <functional>
#include <vector>

#include "models/care_model.hpp"
#include "models/indicator_table.hpp"
#include "models/parameters.hpp"

namespace caresim::cli {

/** One finished replication. */
struct ReplicationResult {
  std::uint32_t id = 0;
  model::IndicatorTable indicators;
  std::uint64_t events = 0;
  double seconds = 0;  ///< wall time of this replication alone
};

/** Called on the worker thread before a replication runs (to attach recorders). */
using BeforeRun = std::function<void(std::uint32_t id, model::CareModel& model)>;

/** Called on the worker thread after a replication ran, with its indicators (to finish
 *  recorders, e.g. a replication's trace). */
using AfterRun = std::function<void(std::uint32_t id, model::CareModel& model, const model::IndicatorTable& table)>;

/** Runs replications `ids` of `params` under `seed` on `threads` threads (>= 1). The
 *  result is in the order of `ids`. An exception in any replication is rethrown. */
std::vector<ReplicationResult> run_replications(const model::Parameters& params, std::uint64_t seed,
                                                const std::vector<std::uint32_t>& ids, unsigned threads,
                                                const BeforeRun& before_run = {}, const AfterRun& after_run = {});

}  // namespace caresim::cli
