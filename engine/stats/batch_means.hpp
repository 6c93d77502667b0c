#pragma once
// The method of batch means: a confidence interval for a steady-state mean from one long
// run, by cutting the (autocorrelated) output into k contiguous batches whose means are
// treated as roughly independent.
#include <cstdint>
#include <span>
#include <vector>

#include "engine/core/event.hpp"
#include "engine/stats/confidence_interval.hpp"

namespace caresim::engine {

/** One step of a piecewise-constant time series: `value` holds from `time` (days) until
 *  the next point's time. */
struct TimePoint {
  Time time = 0;
  double value = 0;
};

/** k batch means of one run, and a Student-t interval on k - 1 degrees of freedom.
 *
 *  Batches are meant to be long compared with the output's correlation time; the lag-1
 *  autocorrelation of the batch means is offered as a check (values near 0 are what the
 *  interval assumes; clearly positive values mean the batches are too short). Warm-up is
 *  the caller's job: pass only the observations after the cut-off. */
class BatchMeans {
 public:
  /** Batch means of a sequence of observations: batch size m = n / k (integer division);
   *  the first n - k*m observations are dropped, as they are the ones nearest the
   *  transient start. Throws UsageError if k < 2 or n < k. */
  static BatchMeans of_observations(std::span<const double> observations, std::size_t batches);

  /** Time averages of a sample-and-hold series over k equal windows of [from, to).
   *  Points must be in non-decreasing time order and the first must be at or before
   *  `from` (so the value at `from` is known). Throws UsageError otherwise, or if k < 2 or
   *  to <= from. */
  static BatchMeans of_time_series(std::span<const TimePoint> series, Time from, Time to, std::size_t batches);

  /** The batch means, in time order. */
  const std::vector<double>& means() const { return means_; }

  /** Observations per batch (of_observations), or 0 for a time series. */
  std::size_t batch_size() const { return batch_size_; }

  /** Length of each window in days (of_time_series), or 0 for observations. */
  Time batch_length() const { return batch_length_; }

  /** Mean of the batch means: the point estimate of the steady-state mean. */
  double grand_mean() const;

  /** Lag-1 autocorrelation of the batch means (a diagnostic, see the class comment). */
  double lag1_autocorrelation() const;

  /** Student-t interval from the k batch means at coverage `level`. */
  ConfidenceInterval interval(double level = 0.95) const;

 private:
  BatchMeans(std::vector<double> means, std::size_t batch_size, Time batch_length);

  std::vector<double> means_;
  std::size_t batch_size_;
  Time batch_length_;
};

}  // namespace caresim::engine
