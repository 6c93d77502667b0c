#pragma once
// Capacities and rates that councils phase in: a step function of model days.
#include <utility>
#include <vector>

namespace caresim::model {

/** A step function of time: `steps` are (day, value) pairs in increasing day order; the
 *  value of a step holds from its day until the next step. Before the first step the value
 *  is 0 (a facility that opens later has no capacity before). The model applies every step
 *  after day 0 as a scheduled event of CapacityChange priority: a capacity_step for
 *  capacities, a rate_step for rates and probabilities (which redraws the pending event
 *  times that rate governs). */
struct Phased {
  std::vector<std::pair<double /*day*/, double>> steps;

  /** The value at model day `day`. */
  double at(double day) const {
    double v = 0;
    for (const auto& [d, value] : steps) {
      if (d > day) break;
      v = value;
    }
    return v;
  }

  /** The largest value ever taken (0 if there is no step). */
  double peak() const {
    double v = 0;
    for (const auto& s : steps) v = s.second > v ? s.second : v;
    return v;
  }

  /** A constant from day 0. */
  static Phased constant(double value) { return Phased{{{0.0, value}}}; }

  /** `before` from day 0 and `after` from `day` on (e.g. coordinators 2 -> 3). */
  static Phased step(double before, double day, double after) { return Phased{{{0.0, before}, {day, after}}}; }
};

}  // namespace caresim::model
