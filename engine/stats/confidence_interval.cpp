#include "engine/stats/confidence_interval.hpp"

#include <algorithm>
#include <boost/math/distributions/binomial.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <sstream>
#include <string>

#include "engine/core/error.hpp"
#include "engine/stats/tally.hpp"

namespace caresim::engine {

double student_t_quantile(double p, double degrees_of_freedom) {
  if (!(p > 0 && p < 1) || !(degrees_of_freedom > 0)) {
    std::ostringstream msg;
    msg << "student_t_quantile(p=" << p << ", dof=" << degrees_of_freedom
        << "): need 0 < p < 1 and positive degrees of freedom";
    throw UsageError(msg.str());
  }
  const boost::math::students_t distribution(degrees_of_freedom);
  return boost::math::quantile(distribution, p);
}

ConfidenceInterval student_t_interval(double mean, double sd, std::int64_t n, double level) {
  if (n < 2) {
    throw UsageError("student_t_interval: " + std::to_string(n) +
                     " observation(s); an interval needs at least 2 to estimate the spread");
  }
  if (!(level > 0 && level < 1)) {
    std::ostringstream msg;
    msg << "student_t_interval: level " << level << " is not in (0, 1) (write 0.95, not 95)";
    throw UsageError(msg.str());
  }
  if (!std::isfinite(sd) || sd < 0) {
    std::ostringstream msg;
    msg << "student_t_interval: standard deviation " << sd << " is not a finite value >= 0";
    throw UsageError(msg.str());
  }
  const double t = student_t_quantile((1 + level) / 2, static_cast<double>(n - 1));
  ConfidenceInterval ci;
  ci.mean = mean;
  ci.half_width = t * sd / std::sqrt(static_cast<double>(n));
  ci.lower = mean - ci.half_width;
  ci.upper = mean + ci.half_width;
  ci.n = n;
  ci.level = level;
  return ci;
}

ConfidenceInterval student_t_interval(const Tally& tally, double level) {
  if (tally.count() < 2) return student_t_interval(tally.mean(), 0.0, tally.count(), level);
  return student_t_interval(tally.mean(), tally.sd(), tally.count(), level);
}

namespace {

/** Throws UsageError naming `caller` if an observation is NaN: sorting would be undefined. */
void check_no_nan(const std::vector<double>& observations, const char* caller) {
  for (const double x : observations) {
    if (std::isnan(x)) throw UsageError(std::string(caller) + ": an observation is NaN (not a number)");
  }
}

/** The median of sorted, non-empty observations. */
double sorted_median(const std::vector<double>& v) {
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

}  // namespace

double median(std::vector<double> observations) {
  if (observations.empty()) throw UsageError("median: no observations");
  check_no_nan(observations, "median");
  std::sort(observations.begin(), observations.end());
  return sorted_median(observations);
}

MedianInterval median_interval(std::vector<double> observations, double level) {
  if (!(level > 0 && level < 1)) {
    std::ostringstream msg;
    msg << "median_interval: level " << level << " is not in (0, 1) (write 0.95, not 95)";
    throw UsageError(msg.str());
  }
  const auto n = static_cast<std::int64_t>(observations.size());
  // x(j), x(n+1-j) miss the median only if fewer than j observations lie below it, or
  // fewer than j above: each with probability P(Binomial(n, 1/2) < j).
  const auto coverage = [n](std::int64_t j) {
    return 1 - 2 * boost::math::cdf(boost::math::binomial(static_cast<double>(n), 0.5), static_cast<double>(j - 1));
  };
  if (n < 2 || coverage(1) < level) {
    std::ostringstream msg;
    msg << "median_interval: " << n << " observation(s) are too few for a " << level
        << " interval of the median (the smallest and largest cover it with probability 1 - 2^(1-n))";
    throw UsageError(msg.str());
  }
  check_no_nan(observations, "median_interval");
  std::sort(observations.begin(), observations.end());
  std::int64_t j = 1;
  while (2 * (j + 1) <= n && coverage(j + 1) >= level) ++j;
  const auto at = [&](std::int64_t k) { return observations[static_cast<std::size_t>(k)]; };
  MedianInterval out;
  out.median = sorted_median(observations);
  out.lower = at(j - 1);
  out.upper = at(n - j);
  out.n = n;
  out.level = coverage(j);
  return out;
}

}  // namespace caresim::engine
