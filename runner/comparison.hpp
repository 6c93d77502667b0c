#pragma once
// The statistics of `caresim compare` (docs/compare-json.md): the difference of a variant
// from the base as a 95% Student-t interval, paired by replication under common random
// numbers or Welch's for independent runs (docs/pairing.md; the same as
// analysis/caresim_analysis/compare.py), Holm's step-down adjustment of p-values across a
// family of tests, and a paired percentile bootstrap of a ratio of mean differences.
// Numbers only: no indicator, no file, no text.
#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

namespace caresim::runner {

/** How a difference was estimated. */
enum class Pairing {
  Paired,  ///< replication by replication (same seed, common replication ids)
  Welch,   ///< independent runs: Welch's unequal-variance interval
};

/** `paired` or `welch`, as --json and --csv spell it. */
std::string_view pairing_name(Pairing pairing);

/** A difference of means, variant minus base, in the indicator's unit. Undefined values
 *  are NaN (fewer than two values on a side). */
struct Difference {
  Pairing pairing = Pairing::Paired;
  double mean = std::numeric_limits<double>::quiet_NaN();
  double standard_error = std::numeric_limits<double>::quiet_NaN();
  double dof = std::numeric_limits<double>::quiet_NaN();  ///< of the t quantile (Welch: fractional)
  double ci_low = std::numeric_limits<double>::quiet_NaN();
  double ci_high = std::numeric_limits<double>::quiet_NaN();
  /** Two-sided p-value of "no difference" (t test); 1 when both sides are constant and
   *  equal, 0 when both are constant and differ. */
  double p_value = std::numeric_limits<double>::quiet_NaN();
  std::int64_t n = 0;  ///< pairs (paired) or the values of both runs (Welch)
};

/** The 95% interval of the mean of variant[i] - base[i] on n - 1 degrees of freedom. The
 *  two vectors are the same replications in the same order (precondition: equal sizes;
 *  throws engine::UsageError otherwise); a pair with a NaN on either side is left out. */
Difference paired_difference(const std::vector<double>& base, const std::vector<double>& variant);

/** Welch's 95% interval of mean(variant) - mean(base) with the Welch–Satterthwaite degrees
 *  of freedom (n_base + n_variant - 2 when both are constant); NaN values are left out. */
Difference welch_difference(const std::vector<double>& base, const std::vector<double>& variant);

/** Holm's step-down adjusted p-values, in the order of `p`: sorted ascending, the k-th
 *  smallest (k from 0) becomes max over j <= k of min(1, (m - j) p_(j)). A NaN p-value is
 *  not a test: it stays NaN and does not count in m. A test is rejected at family-wise
 *  level alpha when its adjusted p-value is below alpha. */
std::vector<double> holm_adjusted(const std::vector<double>& p);

/** A ratio of two mean differences with a percentile bootstrap interval. */
struct RatioInterval {
  double estimate = std::numeric_limits<double>::quiet_NaN();  ///< from all pairs
  double ci_low = std::numeric_limits<double>::quiet_NaN();    ///< 2.5th percentile of the resamples
  double ci_high = std::numeric_limits<double>::quiet_NaN();   ///< 97.5th percentile
  std::int64_t pairs = 0;
  int resamples = 0;
  std::uint64_t seed = 0;
};

/** The resamples and seed of the bootstrap compare uses, stated in its output. */
inline constexpr int kBootstrapResamples = 2000;
inline constexpr std::uint64_t kBootstrapSeed = 20250401;

/** mean(numerator_variant - numerator_base) / -mean(denominator_variant - denominator_base)
 *  (e.g. yen spent per long-stay inpatient avoided), with a 95% percentile interval from
 *  `resamples` resamples of the replication pairs drawn with replacement (Boost.Random's
 *  mt19937_64 seeded with `seed`: the same inputs give the same interval). The four vectors
 *  are one value per pair, in the same order; a pair with a NaN is left out. A resample
 *  whose denominator difference is zero gives an infinite ratio and sorts to an end.
 *  Throws engine::UsageError for vectors of different sizes or resamples < 1. */
RatioInterval paired_ratio_bootstrap(const std::vector<double>& numerator_base,
                                     const std::vector<double>& numerator_variant,
                                     const std::vector<double>& denominator_base,
                                     const std::vector<double>& denominator_variant,
                                     int resamples = kBootstrapResamples, std::uint64_t seed = kBootstrapSeed);

}  // namespace caresim::runner
