#include "engine/stats/time_weighted.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "engine/core/error.hpp"

namespace caresim::engine {

TimeWeighted::TimeWeighted(Time start, double initial)
    : start_(start), last_(start), value_(initial), min_(initial), max_(initial) {
  if (!std::isfinite(start)) throw UsageError("TimeWeighted: the start time is not finite");
}

void TimeWeighted::fail_time(const char* what, Time t) const {
  std::ostringstream msg;
  msg.precision(17);
  msg << "TimeWeighted::" << what << "(t=" << t << "): ";
  if (!std::isfinite(t)) {
    msg << "the time is not finite";
  } else {
    msg << "time must be non-decreasing, but the last update was at t=" << last_;
  }
  throw UsageError(msg.str());
}

void TimeWeighted::update(Time t, double value) {
  check_time("update", t);
  const double term = value_ * (t - last_);
  // Neumaier: keep the part of `term` (or of area_) that the addition rounds away.
  const double sum = area_ + term;
  if (std::abs(area_) >= std::abs(term)) {
    compensation_ += (area_ - sum) + term;
  } else {
    compensation_ += (term - sum) + area_;
  }
  area_ = sum;
  last_ = t;
  value_ = value;
  min_ = std::min(min_, value);
  max_ = std::max(max_, value);
  ++updates_;
}

double TimeWeighted::integral(Time until) const {
  check_time("integral", until);
  return area_ + compensation_ + value_ * (until - last_);
}

double TimeWeighted::mean(Time until) const {
  const double area = integral(until);
  const Time length = until - start_;
  if (length <= 0) return value_;
  return area / length;
}

void TimeWeighted::reset(Time t) {
  check_time("reset", t);
  start_ = t;
  last_ = t;
  area_ = 0;
  compensation_ = 0;
  min_ = max_ = value_;
  updates_ = 0;
}

}  // namespace caresim::engine
