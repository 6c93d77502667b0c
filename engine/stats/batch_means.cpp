#include "engine/stats/batch_means.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <utility>

#include "engine/core/error.hpp"
#include "engine/stats/tally.hpp"
#include "engine/stats/time_weighted.hpp"

namespace caresim::engine {

BatchMeans::BatchMeans(std::vector<double> means, std::size_t batch_size, Time batch_length)
    : means_(std::move(means)), batch_size_(batch_size), batch_length_(batch_length) {}

BatchMeans BatchMeans::of_observations(std::span<const double> observations, std::size_t batches) {
  const std::size_t n = observations.size();
  if (batches < 2 || n < batches) {
    throw UsageError("BatchMeans::of_observations: " + std::to_string(n) + " observations in " +
                     std::to_string(batches) + " batches; need at least 2 batches of at least 1 observation");
  }
  const std::size_t m = n / batches;
  const std::size_t skip = n - m * batches;
  std::vector<double> means;
  means.reserve(batches);
  for (std::size_t b = 0; b < batches; ++b) {
    Tally batch;
    for (std::size_t i = 0; i < m; ++i) batch.add(observations[skip + b * m + i]);
    means.push_back(batch.mean());
  }
  return BatchMeans(std::move(means), m, 0);
}

BatchMeans BatchMeans::of_time_series(std::span<const TimePoint> series, Time from, Time to, std::size_t batches) {
  if (batches < 2 || !(to > from) || !std::isfinite(from) || !std::isfinite(to)) {
    std::ostringstream msg;
    msg.precision(17);
    msg << "BatchMeans::of_time_series: window [" << from << ", " << to << ") in " << batches
        << " batches; need from < to (finite) and at least 2 batches";
    throw UsageError(msg.str());
  }
  if (series.empty() || series.front().time > from) {
    throw UsageError("BatchMeans::of_time_series: the series must have a point at or before the window start");
  }
  for (std::size_t i = 1; i < series.size(); ++i) {
    if (series[i].time < series[i - 1].time) {
      throw UsageError("BatchMeans::of_time_series: point " + std::to_string(i) + " is earlier than the one before");
    }
  }
  const Time length = (to - from) / static_cast<double>(batches);
  std::vector<double> means;
  means.reserve(batches);
  // Walk the series once; `next` is the first point not yet applied.
  std::size_t next = 0;
  double value = series.front().value;
  while (next < series.size() && series[next].time <= from) value = series[next++].value;
  for (std::size_t b = 0; b < batches; ++b) {
    const Time start = from + static_cast<double>(b) * length;
    const Time end = b + 1 == batches ? to : from + static_cast<double>(b + 1) * length;
    TimeWeighted window(start, value);
    while (next < series.size() && series[next].time < end) {
      window.update(series[next].time, series[next].value);
      value = series[next++].value;
    }
    means.push_back(window.mean(end));
  }
  return BatchMeans(std::move(means), 0, length);
}

double BatchMeans::grand_mean() const {
  Tally t;
  for (double x : means_) t.add(x);
  return t.mean();
}

double BatchMeans::lag1_autocorrelation() const {
  const double mean = grand_mean();
  double numerator = 0, denominator = 0;
  for (std::size_t i = 0; i < means_.size(); ++i) {
    const double d = means_[i] - mean;
    denominator += d * d;
    if (i + 1 < means_.size()) numerator += d * (means_[i + 1] - mean);
  }
  return denominator > 0 ? numerator / denominator : 0.0;
}

ConfidenceInterval BatchMeans::interval(double level) const {
  Tally t;
  for (double x : means_) t.add(x);
  return student_t_interval(t, level);
}

}  // namespace caresim::engine
