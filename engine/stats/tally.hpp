#pragma once
// Running count, mean, variance, min and max of a stream of observations (waiting times,
// durations, replication results) without storing them.
#include <cstdint>

namespace caresim::engine {

/** Welford's one-pass accumulator of independent observations.
 *
 *  Why Welford rather than sums of x and x^2: the textbook formula subtracts two large,
 *  nearly equal numbers and loses every digit when the mean is large next to the spread
 *  (times in days late in a long run). Welford updates the mean and the sum of squared
 *  deviations directly. merge() combines two tallies exactly as one pass over both
 *  streams would (Chan, Golub & LeVeque 1979), so replications or threads can be tallied
 *  apart and joined.
 *
 *  Undefined statistics are NaN: mean() of no observation, variance() of fewer than two. */
class Tally {
 public:
  /** An empty tally. */
  Tally() = default;

  /** Adds one observation. NaN is rejected with UsageError (it would poison every
   *  statistic silently); infinities are the caller's business. */
  void add(double x);

  /** Adds the observations tallied in `other`, as if they had been added here. */
  void merge(const Tally& other);

  /** Forgets every observation (the warm-up cut-off for a tally). */
  void clear() { *this = Tally(); }

  /** Number of observations. */
  std::int64_t count() const { return n_; }

  /** Arithmetic mean; NaN when empty. */
  double mean() const;

  /** Unbiased sample variance (divisor n - 1); NaN with fewer than two observations. */
  double variance() const;

  /** Sample standard deviation, sqrt(variance()). */
  double sd() const;

  /** Standard error of the mean, sd() / sqrt(count()). */
  double standard_error() const;

  /** Sum of the observations (mean() * count()). */
  double sum() const { return n_ == 0 ? 0.0 : mean_ * static_cast<double>(n_); }

  /** Smallest observation; NaN when empty. */
  double min() const;

  /** Largest observation; NaN when empty. */
  double max() const;

 private:
  std::int64_t n_ = 0;
  double mean_ = 0;
  double m2_ = 0;  // sum of squared deviations from the running mean
  double min_ = 0;
  double max_ = 0;
};

}  // namespace caresim::engine
