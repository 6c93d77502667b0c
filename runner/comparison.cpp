#include "runner/comparison.hpp"

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <cmath>
#include <numeric>

#include "engine/core/error.hpp"
#include "engine/stats/confidence_interval.hpp"

namespace caresim::runner {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<double> defined(const std::vector<double>& values) {
  std::vector<double> out;
  for (const double v : values)
    if (!std::isnan(v)) out.push_back(v);
  return out;
}

double mean_of(const std::vector<double>& v) {
  return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

// Sample variance (divisor n - 1) about `mean`.
double variance_of(const std::vector<double>& v, double mean) {
  double sum = 0;
  for (const double x : v) sum += (x - mean) * (x - mean);
  return sum / static_cast<double>(v.size() - 1);
}

// The interval and two-sided p-value of `d.mean` with `d.standard_error` on `d.dof`.
void finish(Difference& d) {
  const double t = engine::student_t_quantile(0.975, d.dof);
  d.ci_low = d.mean - t * d.standard_error;
  d.ci_high = d.mean + t * d.standard_error;
  if (d.standard_error == 0) {
    // Constant differences: no sampling error at all. Equal means are no difference, any
    // other mean is a certain one.
    d.p_value = d.mean == 0 ? 1.0 : 0.0;
    return;
  }
  const boost::math::students_t distribution(d.dof);
  d.p_value = 2 * boost::math::cdf(boost::math::complement(distribution, std::abs(d.mean / d.standard_error)));
}

}  // namespace

std::string_view pairing_name(Pairing pairing) {
  return pairing == Pairing::Paired ? "paired" : "welch";
}

Difference paired_difference(const std::vector<double>& base, const std::vector<double>& variant) {
  if (base.size() != variant.size()) {
    throw engine::UsageError("paired_difference: " + std::to_string(base.size()) + " base values and " +
                             std::to_string(variant.size()) + " variant values; a pair needs one of each");
  }
  std::vector<double> d;
  for (std::size_t i = 0; i < base.size(); ++i)
    if (!std::isnan(base[i]) && !std::isnan(variant[i])) d.push_back(variant[i] - base[i]);
  Difference out;
  out.pairing = Pairing::Paired;
  out.n = static_cast<std::int64_t>(d.size());
  if (d.size() < 2) return out;
  const double n = static_cast<double>(d.size());
  out.mean = mean_of(d);
  out.standard_error = std::sqrt(variance_of(d, out.mean) / n);
  out.dof = n - 1;
  finish(out);
  return out;
}

Difference welch_difference(const std::vector<double>& base, const std::vector<double>& variant) {
  const std::vector<double> a = defined(base), b = defined(variant);
  Difference out;
  out.pairing = Pairing::Welch;
  out.n = static_cast<std::int64_t>(a.size() + b.size());
  if (a.size() < 2 || b.size() < 2) return out;
  const double na = static_cast<double>(a.size()), nb = static_cast<double>(b.size());
  const double mean_a = mean_of(a), mean_b = mean_of(b);
  const double va = variance_of(a, mean_a) / na, vb = variance_of(b, mean_b) / nb;
  out.mean = mean_b - mean_a;
  out.standard_error = std::sqrt(va + vb);
  out.dof = out.standard_error == 0 ? na + nb - 2 : (va + vb) * (va + vb) / (va * va / (na - 1) + vb * vb / (nb - 1));
  finish(out);
  return out;
}

std::vector<double> holm_adjusted(const std::vector<double>& p) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < p.size(); ++i)
    if (!std::isnan(p[i])) order.push_back(i);
  // Stable, so tied p-values keep their order and the result never depends on the sort.
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p[a] < p[b]; });
  std::vector<double> adjusted(p.size(), kNaN);
  const double m = static_cast<double>(order.size());
  double running = 0;  // the step-down keeps adjusted p-values monotone
  for (std::size_t k = 0; k < order.size(); ++k) {
    running = std::max(running, std::min(1.0, (m - static_cast<double>(k)) * p[order[k]]));
    adjusted[order[k]] = running;
  }
  return adjusted;
}

RatioInterval paired_ratio_bootstrap(const std::vector<double>& numerator_base,
                                     const std::vector<double>& numerator_variant,
                                     const std::vector<double>& denominator_base,
                                     const std::vector<double>& denominator_variant, int resamples,
                                     std::uint64_t seed) {
  const std::size_t size = numerator_base.size();
  if (numerator_variant.size() != size || denominator_base.size() != size || denominator_variant.size() != size) {
    throw engine::UsageError("paired_ratio_bootstrap: the four vectors must hold one value per pair each");
  }
  if (resamples < 1) throw engine::UsageError("paired_ratio_bootstrap: resamples must be at least 1");
  std::vector<double> num, den;  // per pair: the numerator's and the denominator's difference
  for (std::size_t i = 0; i < size; ++i) {
    const double a = numerator_variant[i] - numerator_base[i], b = denominator_variant[i] - denominator_base[i];
    if (std::isnan(a) || std::isnan(b)) continue;
    num.push_back(a);
    den.push_back(b);
  }
  RatioInterval out;
  out.pairs = static_cast<std::int64_t>(num.size());
  out.resamples = resamples;
  out.seed = seed;
  if (num.empty()) return out;
  const auto ratio = [](double num_sum, double den_sum) { return num_sum / -den_sum; };  // sums: the n cancels
  out.estimate = ratio(std::accumulate(num.begin(), num.end(), 0.0), std::accumulate(den.begin(), den.end(), 0.0));
  boost::random::mt19937_64 engine(seed);
  boost::random::uniform_int_distribution<std::size_t> pick(0, num.size() - 1);
  std::vector<double> ratios(static_cast<std::size_t>(resamples));
  for (double& r : ratios) {
    double num_sum = 0, den_sum = 0;
    for (std::size_t i = 0; i < num.size(); ++i) {
      const std::size_t j = pick(engine);
      num_sum += num[j];
      den_sum += den[j];
    }
    r = ratio(num_sum, den_sum);
  }
  std::sort(ratios.begin(), ratios.end(),
            [](double a, double b) { return a < b || (std::isnan(b) && !std::isnan(a)); });
  // Percentiles interpolated linearly between order statistics at (B - 1) q, numpy's
  // default method: with B = 2000, between elements 49 and 50, and 1949 and 1950.
  const auto percentile = [&](double q) {
    const double at = q * static_cast<double>(ratios.size() - 1);
    const auto low = static_cast<std::size_t>(std::floor(at));
    const std::size_t high = std::min(low + 1, ratios.size() - 1);
    const double w = at - static_cast<double>(low);
    if (w == 0 || ratios[low] == ratios[high]) return ratios[low];
    return ratios[low] + w * (ratios[high] - ratios[low]);
  };
  out.ci_low = percentile(0.025);
  out.ci_high = percentile(0.975);
  return out;
}

}  // namespace caresim::runner
