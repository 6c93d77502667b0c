#include "engine/stats/tally.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/core/error.hpp"

namespace caresim::engine {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

void Tally::add(double x) {
  if (std::isnan(x)) throw UsageError("Tally::add: the observation is NaN");
  if (n_ == 0) {
    min_ = max_ = x;
  } else {
    min_ = std::min(min_, x);
    max_ = std::max(max_, x);
  }
  ++n_;
  const double delta = x - mean_;
  mean_ += delta / static_cast<double>(n_);
  m2_ += delta * (x - mean_);
}

void Tally::merge(const Tally& other) {
  if (other.n_ == 0) return;
  if (n_ == 0) {
    *this = other;
    return;
  }
  const double na = static_cast<double>(n_);
  const double nb = static_cast<double>(other.n_);
  const double n = na + nb;
  const double delta = other.mean_ - mean_;
  // Chan et al.: the weighted mean, and the within-group sums of squares plus the
  // between-group term delta^2 * na * nb / n.
  mean_ += delta * (nb / n);
  m2_ += other.m2_ + delta * delta * (na * nb / n);
  n_ += other.n_;
  min_ = std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
}

double Tally::mean() const {
  return n_ == 0 ? kNaN : mean_;
}

double Tally::variance() const {
  return n_ < 2 ? kNaN : m2_ / static_cast<double>(n_ - 1);
}

double Tally::sd() const {
  return std::sqrt(variance());
}

double Tally::standard_error() const {
  return sd() / std::sqrt(static_cast<double>(n_));
}

double Tally::min() const {
  return n_ == 0 ? kNaN : min_;
}

double Tally::max() const {
  return n_ == 0 ? kNaN : max_;
}

}  // namespace caresim::engine
