#pragma once
// Time-weighted (sample-and-hold) accumulator: the value set by update() holds until the
// next update, as a queue length or the units in use do between events.
#include <cstdint>
#include <limits>

#include "engine/core/event.hpp"

namespace caresim::engine {

/** Time average of a piecewise-constant signal, with sample-and-hold interpolation.
 *
 *  The window starts at the construction time (or the last reset()) and ends at the time
 *  passed to integral() or mean(). Updates must come in non-decreasing time order; several
 *  updates at one time are allowed and only the last one holds (the earlier ones last zero
 *  days, but they still count for min() and max()).
 *
 *  The area is summed with Neumaier's compensated summation, so a long run of small
 *  increments does not lose the low-order digits that a plain sum of 10^7 terms would. */
class TimeWeighted {
 public:
  /** Starts the window at `start` (days) with the signal at `initial`. */
  explicit TimeWeighted(Time start = 0, double initial = 0);

  /** Sets the signal to `value` from time `t` (days) on.
   *  Throws UsageError if `t` is before the previous update or reset, or not finite. */
  void update(Time t, double value);

  /** Adds `delta` to the current value at time `t`; same rules as update(). */
  void add(Time t, double delta) { update(t, value_ + delta); }

  /** Area under the signal from the window start to `until` (value x days).
   *  Throws UsageError if `until` is before the last update. */
  double integral(Time until) const;

  /** integral(until) divided by the window length. For an empty window (until equal to
   *  the start) the current value is returned, the limit of the average. */
  double mean(Time until) const;

  /** Smallest value held in the window (including the current one). */
  double min() const { return min_; }

  /** Largest value held in the window (including the current one). */
  double max() const { return max_; }

  /** The value set by the last update. */
  double current() const { return value_; }

  /** Start of the window: construction time or the last reset(). */
  Time start_time() const { return start_; }

  /** Time of the last update or reset. */
  Time last_time() const { return last_; }

  /** Number of update() calls in the window. */
  std::uint64_t updates() const { return updates_; }

  /** Drops the history and starts a new window at `t`, keeping the current value (the
   *  warm-up cut-off: the signal goes on, only the averaging restarts).
   *  Throws UsageError if `t` is before the last update. */
  void reset(Time t);

 private:
  void check_time(const char* what, Time t) const {
    if (t >= last_ && t <= std::numeric_limits<Time>::max()) [[likely]]
      return;  // finite, not earlier
    fail_time(what, t);
  }
  [[noreturn]] void fail_time(const char* what, Time t) const;

  Time start_;
  Time last_;
  double value_;
  double min_;
  double max_;
  double area_ = 0;          // Neumaier sum of value * duration up to last_
  double compensation_ = 0;  // low-order part lost by area_
  std::uint64_t updates_ = 0;
};

}  // namespace caresim::engine
