#include "models/hazards.hpp"

#include <cmath>
#include <limits>

namespace caresim::model {

double post_discharge_delay(double rate, double k, double tau, double since, double e) {
  if (rate <= 0) return std::numeric_limits<double>::infinity();
  const double boost = k * std::exp(-since / tau);  // k e^{-since/tau}: the excess factor now
  if (boost < 1e-12) return e / rate;
  // H(d) = rate (d + boost tau (1 - e^{-d/tau})); H is concave, so Newton from a point left
  // of the root stays left of it and climbs monotonically.
  double d = e / (rate * (1 + boost));  // H(d) <= h(0) d = e: left of the root
  for (int i = 0; i < 100; ++i) {
    const double decay = std::exp(-d / tau);
    const double f = rate * (d + boost * tau * (1 - decay)) - e;
    const double slope = rate * (1 + boost * decay);
    const double step = f / slope;
    d -= step;
    if (std::fabs(step) <= 1e-12 * (1 + d)) break;
  }
  return d;
}

double piecewise_delay(const std::vector<std::pair<double, double>>& pieces, double factor, double from, double e) {
  double remaining = e;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    const double start = pieces[i].first;
    const double end = i + 1 < pieces.size() ? pieces[i + 1].first : std::numeric_limits<double>::infinity();
    if (end <= from) continue;
    const double lo = start > from ? start : from;
    const double rate = pieces[i].second * factor;
    if (rate > 0) {
      const double need = remaining / rate;
      if (lo + need < end) return lo + need - from;
      remaining -= rate * (end - lo);
    }
  }
  return std::numeric_limits<double>::infinity();
}

double piecewise_cumulative(const std::vector<std::pair<double, double>>& pieces, double factor, double a, double b) {
  double sum = 0;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    const double start = pieces[i].first;
    const double end = i + 1 < pieces.size() ? pieces[i + 1].first : std::numeric_limits<double>::infinity();
    const double lo = start > a ? start : a;
    const double hi = end < b ? end : b;
    if (hi > lo) sum += pieces[i].second * factor * (hi - lo);
  }
  return sum;
}

}  // namespace caresim::model
