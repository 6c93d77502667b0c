#pragma once
// The engine's one convention for discarding the warm-up period: statistics accumulate
// from the start, and a single event at the warm-up time resets them all.
//
// Why reset-by-event rather than statistics that ignore early updates: a time-weighted
// statistic must know the signal's value at the cut-off, which it only has if it kept
// following the signal during the warm-up; a reset keeps the current value and drops the
// history (TimeWeighted::reset). One event also gives one well-defined instant at which
// every statistic of the run is cut, instead of each object comparing times on its own.
#include <functional>
#include <vector>

#include "engine/core/simulator.hpp"

namespace caresim::engine {

/** Schedules the warm-up cut-off on a Simulator and runs registered resets there.
 *
 *  The cut-off fires at `at` with Priority::Observe, i.e. after the releases, capacity
 *  changes, acquisitions and arrivals at that time: observations made at exactly `at` by
 *  those events belong to the warm-up and are dropped. Resets run in registration order.
 *  The object must outlive the cut-off event (its handler refers to it). */
class WarmupCutoff {
 public:
  /** A reset action; it receives the cut-off time (e.g. to call TimeWeighted::reset). */
  using Reset = std::function<void(Time cutoff)>;

  /** Schedules the cut-off at `at` days. Throws UsageError if `at` is before sim.now()
   *  or not finite. A cut-off at the current time still fires as an event, so resets
   *  registered right after construction are run. */
  WarmupCutoff(Simulator& sim, Time at);

  WarmupCutoff(const WarmupCutoff&) = delete;
  WarmupCutoff& operator=(const WarmupCutoff&) = delete;

  /** Registers a reset to run at the cut-off. Throws UsageError if the cut-off has
   *  already passed (a statistic registered late would silently keep its warm-up). */
  void on_cutoff(Reset reset);

  /** The warm-up time in days. */
  Time time() const { return at_; }

  /** True once the cut-off event has fired. */
  bool passed() const { return passed_; }

 private:
  void fire(Time now);

  Time at_;
  bool passed_ = false;
  std::vector<Reset> resets_;
};

}  // namespace caresim::engine
