#pragma once
// Closed-form queueing results the engine is validated against.

namespace caresim::validation {

/** Erlang B: probability that an arrival to an M/M/c/c loss system finds all `servers`
 *  busy, for offered load `offered_load` = lambda / mu (erlangs). Uses the stable
 *  recursion B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)). */
double erlang_b(int servers, double offered_load);

/** Erlang C: probability that an arrival to an M/M/c queue has to wait, for
 *  offered_load < servers. */
double erlang_c(int servers, double offered_load);

/** Mean wait in line (before service) of an M/M/c queue, in the time unit of the rates:
 *  Wq = C(c, a) / (c mu - lambda). Requires lambda < c mu. */
double mmc_mean_wait(int servers, double arrival_rate, double service_rate);

}  // namespace caresim::validation
