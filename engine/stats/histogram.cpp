#include "engine/stats/histogram.hpp"

#include <cmath>
#include <limits>
#include <sstream>

#include "engine/core/error.hpp"

namespace caresim::engine {

Histogram::Histogram(double lo, double hi, std::size_t bins) : lo_(lo), hi_(hi), width_(0), counts_(bins, 0) {
  if (!std::isfinite(lo) || !std::isfinite(hi) || !(lo < hi) || bins == 0) {
    std::ostringstream msg;
    msg.precision(17);
    msg << "Histogram(lo=" << lo << ", hi=" << hi << ", bins=" << bins << "): need finite lo < hi and at least one bin";
    throw UsageError(msg.str());
  }
  width_ = (hi - lo) / static_cast<double>(bins);
}

void Histogram::add(double x) {
  if (std::isnan(x)) throw UsageError("Histogram::add: the observation is NaN");
  ++total_;
  if (x < lo_) {
    ++underflow_;
    return;
  }
  if (x >= hi_) {
    ++overflow_;
    return;
  }
  auto i = static_cast<std::size_t>((x - lo_) / width_);
  if (i >= counts_.size()) i = counts_.size() - 1;
  ++counts_[i];
}

void Histogram::merge(const Histogram& other) {
  if (other.lo_ != lo_ || other.hi_ != hi_ || other.counts_.size() != counts_.size()) {
    throw UsageError("Histogram::merge: the histograms have different ranges or bin counts");
  }
  for (std::size_t i = 0; i < counts_.size(); ++i) counts_[i] += other.counts_[i];
  underflow_ += other.underflow_;
  overflow_ += other.overflow_;
  total_ += other.total_;
}

void Histogram::clear() {
  counts_.assign(counts_.size(), 0);
  underflow_ = overflow_ = total_ = 0;
}

double Histogram::bin_lower(std::size_t i) const {
  if (i > counts_.size()) {
    throw UsageError("Histogram::bin_lower(" + std::to_string(i) + "): there are only " +
                     std::to_string(counts_.size()) + " bins");
  }
  if (i == counts_.size()) return hi_;
  return lo_ + static_cast<double>(i) * width_;
}

double Histogram::quantile(double p) const {
  if (!(p >= 0 && p <= 1)) {
    std::ostringstream msg;
    msg << "Histogram::quantile(" << p << "): p must be in [0, 1]";
    throw UsageError(msg.str());
  }
  if (total_ == 0) return std::numeric_limits<double>::quiet_NaN();
  const double target = p * static_cast<double>(total_);
  double below = static_cast<double>(underflow_);
  if (underflow_ > 0 && target <= below) return lo_;
  for (std::size_t i = 0; i < counts_.size(); ++i) {
    const auto c = static_cast<double>(counts_[i]);
    if (counts_[i] > 0 && target <= below + c) {
      const double fraction = target > below ? (target - below) / c : 0.0;
      return bin_lower(i) + fraction * width_;
    }
    below += c;
  }
  return hi_;
}

}  // namespace caresim::engine
