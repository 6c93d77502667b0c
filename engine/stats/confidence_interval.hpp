#pragma once
// Student-t confidence intervals for a mean: across replications, or across batch means
// within one long run (see batch_means.hpp); and a distribution-free interval for a median.
#include <cstdint>
#include <vector>

namespace caresim::engine {

class Tally;

/** A two-sided confidence interval for a mean: mean +- half_width. */
struct ConfidenceInterval {
  double mean = 0;        ///< point estimate (the sample mean)
  double half_width = 0;  ///< t quantile times the standard error
  double lower = 0;       ///< mean - half_width
  double upper = 0;       ///< mean + half_width
  std::int64_t n = 0;     ///< number of (assumed independent) observations behind it
  double level = 0;       ///< coverage, e.g. 0.95

  /** True if `x` lies in [lower, upper]. */
  bool contains(double x) const { return lower <= x && x <= upper; }
};

/** The quantile t_{p, dof} of Student's t distribution (Boost.Math), e.g.
 *  student_t_quantile(0.975, 9) = 2.2622. Throws UsageError unless 0 < p < 1 and dof > 0. */
double student_t_quantile(double p, double degrees_of_freedom);

/** Interval mean +- t_{(1+level)/2, n-1} * sd / sqrt(n) from summary statistics.
 *  Assumes the n observations are independent and roughly normal (or n large).
 *  Throws UsageError if n < 2, sd is negative or not finite, or level is not in (0, 1). */
ConfidenceInterval student_t_interval(double mean, double sd, std::int64_t n, double level = 0.95);

/** Student-t interval for the mean of the observations in `tally` (see above). */
ConfidenceInterval student_t_interval(const Tally& tally, double level = 0.95);

/** The sample median: the middle observation, or the mean of the middle two. Throws
 *  UsageError if there is none or one is NaN (not a number). */
double median(std::vector<double> observations);

/** A distribution-free interval for a median: two order statistics of the sample. */
struct MedianInterval {
  double median = 0;  ///< the sample median
  double lower = 0;   ///< the j-th smallest observation
  double upper = 0;   ///< the j-th largest observation
  std::int64_t n = 0;
  double level = 0;  ///< the exact coverage, 1 - 2 P(Binomial(n, 1/2) < j): at least the level asked
};

/** The interval [x(j), x(n+1-j)] of the sorted observations with the largest j whose
 *  coverage of the population median, 1 - 2 P(Binomial(n, 1/2) < j), is at least `level`,
 *  for any continuous distribution of independent observations (Boost.Math's binomial).
 *  Throws UsageError if an observation is NaN, level is not in (0, 1) or n is too small
 *  for it (x(1), x(n) cover with 1 - 2^(1-n): 6 observations at least for 0.95). */
MedianInterval median_interval(std::vector<double> observations, double level = 0.95);

}  // namespace caresim::engine
