#pragma once
// The engine's one convention for discarding the warm-up period: statistics accumulate
// from the start, and a single event at the warm-up time resets them all.
//
// Why reset-by-event rather than statistics that ignore early updates: a time-weighted
// statistic must know the signal's value at the cut-off, which it only has if it kept
// following the signal during the warm-up; a reset keeps the current value and drops the
// history (TimeWeighted::reset). One event also gives one well-defined instant at which
// every statistic of the run is cut, instead of each object comparing times on its own.
//
// An observer that has no Simulator (a recorder of a model's records) drives the same cut
// with its observations: it calls observe(t) before each one, and the resets run at the
// first observation at or after the warm-up time. No event is added to the run, so a
// recorder can cut its statistics without changing the run it watches (not even its count
// of events fired).
#include <functional>
#include <vector>

#include "engine/core/simulator.hpp"

namespace caresim::engine {

/** The warm-up cut-off: runs registered resets once, at the warm-up time.
 *
 *  Made with a Simulator, the cut-off is an event: it fires at `at` with
 *  Priority::Observe, i.e. after the releases, capacity changes, acquisitions and arrivals
 *  at that time: observations made at exactly `at` by those events belong to the warm-up
 *  and are dropped. Resets run in registration order. The object must outlive the cut-off
 *  event (its handler refers to it).
 *
 *  Made without one, it is driven by observe(t), called before each observation at time t:
 *  the resets run, with the warm-up time, at the first observation at or after it, so
 *  observations made at exactly that time belong to the measured period (a time-weighted
 *  statistic is unaffected: a value set at the cut-off holds for zero days before it). */
class WarmupCutoff {
 public:
  /** A reset action; it receives the cut-off time (e.g. to call TimeWeighted::reset). */
  using Reset = std::function<void(Time cutoff)>;

  /** Schedules the cut-off at `at` days. Throws UsageError if `at` is before sim.now()
   *  or not finite. A cut-off at the current time still fires as an event, so resets
   *  registered right after construction are run. */
  WarmupCutoff(Simulator& sim, Time at);

  /** A cut-off at `at` days driven by observe() instead of an event. Throws UsageError if
   *  `at` is negative or not finite. */
  explicit WarmupCutoff(Time at);

  WarmupCutoff(const WarmupCutoff&) = delete;
  WarmupCutoff& operator=(const WarmupCutoff&) = delete;

  /** Registers a reset to run at the cut-off. Throws UsageError if the cut-off has
   *  already passed (a statistic registered late would silently keep its warm-up). */
  void on_cutoff(Reset reset);

  /** Runs the resets, once, if `now` (days) has reached the warm-up time; call it before
   *  taking each observation made at `now`, in non-decreasing time order. Throws
   *  UsageError for a cut-off made with a Simulator (its event is the cut; a second clock
   *  could cut at another instant). */
  void observe(Time now) {
    if (scheduled_) fail_observe(now);
    if (!passed_ && now >= at_) [[unlikely]]
      fire();
  }

  /** The warm-up time in days. */
  Time time() const { return at_; }

  /** True once the resets have run. */
  bool passed() const { return passed_; }

 private:
  void fire();
  [[noreturn]] void fail_observe(Time now) const;

  Time at_;
  bool scheduled_ = false;  // made with a Simulator: the cut-off is its event
  bool passed_ = false;
  std::vector<Reset> resets_;
};

}  // namespace caresim::engine
