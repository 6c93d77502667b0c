#include "engine/stats/confidence_interval.hpp"

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <sstream>

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

}  // namespace caresim::engine
