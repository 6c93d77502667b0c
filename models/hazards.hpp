#pragma once
// Sampling event times from time-varying hazards by inverting the cumulative hazard:
// draw E ~ Exp(1) and find the delay d with H(d) = E. Both hazards here have a closed-form
// cumulative, so one Exp(1) draw per sample keeps the per-person streams aligned (CRN).
#include <utility>
#include <vector>

namespace caresim::model {

/** Delay (days) until the cumulative of h(s) = rate * (1 + k exp(-(since + s) / tau))
 *  reaches `e` (> 0). `rate` per day (>= 0), k >= 0, tau > 0 days, `since` = days since the
 *  last discharge now (>= 0; use a large value for "long ago"). +infinity when rate is 0.
 *  Newton's method from the left on the concave cumulative converges monotonically. */
double post_discharge_delay(double rate, double k, double tau, double since, double e);

/** Delay (days) from stay day `from` until the cumulative of a piecewise-constant hazard
 *  reaches `e`. `pieces` are (start day, rate per day) in increasing start order, the first
 *  starting at 0; `factor` multiplies every rate. +infinity if the hazard runs out. */
double piecewise_delay(const std::vector<std::pair<double, double>>& pieces, double factor, double from, double e);

/** The cumulative of the piecewise hazard between stay days `a` and `b` (a <= b). */
double piecewise_cumulative(const std::vector<std::pair<double, double>>& pieces, double factor, double a, double b);

}  // namespace caresim::model
