#pragma once
// Runs replications of one parameter set, on several threads if asked. Each replication
// is independent (its own Simulator and streams keyed by its id), and results are kept
// by replication id, so the output is bit-identical whatever the thread count.
#include <cstdint>
#include <exception>
#include <functional>
#include <stdexcept>
#include <vector>

#include "models/care_model.hpp"
#include "models/indicator_table.hpp"
#include "models/parameters.hpp"

namespace caresim::runner {

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

/** A replication failed. what() is "replication <id>: <the cause's what()>"; the cause
 *  itself (an io::TraceError, say) is kept so callers can tell what kind it was. */
class ReplicationError : public std::runtime_error {
 public:
  ReplicationError(std::uint32_t id, std::exception_ptr cause);
  std::uint32_t id() const { return id_; }
  const std::exception_ptr& cause() const { return cause_; }
  /** Throws the cause again. */
  [[noreturn]] void rethrow_cause() const { std::rethrow_exception(cause_); }

 private:
  std::uint32_t id_;
  std::exception_ptr cause_;
};

/** Runs replications `ids` of `params` under `seed` on `threads` threads (>= 1; fewer if
 *  the system refuses to start more, with the same results). The result is in the order
 *  of `ids`.
 *
 *  If replications fail, the one earliest in `ids` is reported, as a ReplicationError,
 *  whatever the thread count: once one fails no later one starts, and every earlier one is
 *  run to its end (it may fail first). */
std::vector<ReplicationResult> run_replications(const model::Parameters& params, std::uint64_t seed,
                                                const std::vector<std::uint32_t>& ids, unsigned threads,
                                                const BeforeRun& before_run = {}, const AfterRun& after_run = {});

}  // namespace caresim::runner
