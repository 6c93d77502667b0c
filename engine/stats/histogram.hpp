#pragma once
// Fixed equal-width histogram: constant memory however many observations, and a quantile
// estimate good to about one bin width.
#include <cstdint>
#include <vector>

namespace caresim::engine {

/** Counts of observations in `bins` equal-width bins over [lo, hi), plus an underflow
 *  count (x < lo) and an overflow count (x >= hi).
 *
 *  Bin i covers [lo + i*w, lo + (i+1)*w) with w = (hi - lo) / bins. An observation that
 *  rounding would file at index `bins` although x < hi goes to the last bin, so every
 *  x in [lo, hi) lands in a bin. */
class Histogram {
 public:
  /** A histogram over [lo, hi) with `bins` bins. Throws UsageError unless lo < hi, both
   *  finite, and bins >= 1. */
  Histogram(double lo, double hi, std::size_t bins);

  /** Files one observation. NaN is rejected with UsageError. */
  void add(double x);

  /** Adds the counts of `other`, which must have the same lo, hi and bins (UsageError
   *  otherwise). */
  void merge(const Histogram& other);

  /** Forgets every observation, keeping the bins. */
  void clear();

  /** Number of bins between lo and hi. */
  std::size_t bins() const { return counts_.size(); }

  /** Observations in bin i (0 <= i < bins()). */
  std::int64_t count(std::size_t i) const { return counts_.at(i); }

  /** Observations below lo. */
  std::int64_t underflow() const { return underflow_; }

  /** Observations at or above hi. */
  std::int64_t overflow() const { return overflow_; }

  /** Every observation, including under- and overflow. */
  std::int64_t total() const { return total_; }

  /** Lower edge of bin i (i may be bins(), giving hi). */
  double bin_lower(std::size_t i) const;

  /** Width of every bin. */
  double bin_width() const { return width_; }

  /** Lower end of the binned range. */
  double lo() const { return lo_; }

  /** Upper end (exclusive) of the binned range. */
  double hi() const { return hi_; }

  /** Estimated p-quantile (0 <= p <= 1, else UsageError), interpolating linearly within
   *  the bin where the cumulative count reaches p * total(). A quantile that falls among
   *  the underflow is reported as lo, one among the overflow as hi: the histogram knows
   *  nothing finer there. NaN when the histogram is empty. */
  double quantile(double p) const;

 private:
  double lo_;
  double hi_;
  double width_;
  std::vector<std::int64_t> counts_;
  std::int64_t underflow_ = 0;
  std::int64_t overflow_ = 0;
  std::int64_t total_ = 0;
};

}  // namespace caresim::engine
