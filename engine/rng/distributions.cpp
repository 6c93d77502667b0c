#include "engine/rng/distributions.hpp"

#include <boost/random/bernoulli_distribution.hpp>
#include <boost/random/gamma_distribution.hpp>
#include <boost/random/lognormal_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/piecewise_constant_distribution.hpp>
#include <boost/random/poisson_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <boost/random/weibull_distribution.hpp>
#include <cmath>
#include <string>

#include "engine/core/error.hpp"
#include "engine/rng/number_text.hpp"

namespace caresim::engine {

using detail::number_text;

namespace {

[[noreturn]] void reject(const std::string& where, const std::string& parameter, double value,
                         const std::string& valid) {
  throw UsageError(where + ": " + parameter + " = " + number_text(value) + " is invalid; it must be " + valid);
}

// The checks are written as !(x > 0) so that NaN, which compares false to everything, fails.
void require_positive(const char* where, const std::string& parameter, double value) {
  if (!(value > 0) || !std::isfinite(value)) reject(where, parameter, value, "a finite number > 0");
}

void require_non_negative(const char* where, const std::string& parameter, double value) {
  if (!(value >= 0) || !std::isfinite(value)) reject(where, parameter, value, "a finite number >= 0");
}

void require_finite(const char* where, const std::string& parameter, double value) {
  if (!std::isfinite(value)) reject(where, parameter, value, "a finite number");
}

std::string list_text(const std::vector<double>& values) {
  std::string s = "[";
  for (std::size_t i = 0; i < values.size(); ++i) s += (i ? ", " : "") + number_text(values[i]);
  return s + "]";
}

}  // namespace

struct Distribution::Empirical {
  std::vector<double> breaks;
  std::vector<double> weights;  // as given, for describe()
  boost::random::piecewise_constant_distribution<double> sampler;
  double mean;
  double variance;
};

Distribution Distribution::constant(double value) {
  require_finite("Distribution::constant", "value", value);
  return Distribution(Kind::Constant, value, 0);
}

Distribution Distribution::exponential(double mean) {
  require_positive("Distribution::exponential", "mean", mean);
  return Distribution(Kind::Exponential, mean, 1 / mean);
}

Distribution Distribution::gamma(double shape, double scale) {
  require_positive("Distribution::gamma", "shape", shape);
  require_positive("Distribution::gamma", "scale", scale);
  return Distribution(Kind::Gamma, shape, scale);
}

Distribution Distribution::lognormal(double mu, double sigma) {
  require_finite("Distribution::lognormal", "mu", mu);
  require_non_negative("Distribution::lognormal", "sigma", sigma);
  return Distribution(Kind::Lognormal, mu, sigma);
}

Distribution Distribution::lognormal_mean_sd(double mean, double sd) {
  const char* where = "Distribution::lognormal_mean_sd";
  require_positive(where, "mean", mean);
  require_non_negative(where, "sd", sd);
  // Moment matching: sigma^2 = log(1 + (sd/mean)^2), mu = log(mean) - sigma^2 / 2.
  const double cv = sd / mean;
  const double sigma2 = std::log1p(cv * cv);
  if (!std::isfinite(sigma2)) {
    reject(where, "sd", sd, "small enough relative to mean = " + number_text(mean) + " that (sd / mean)^2 is finite");
  }
  Distribution d(Kind::Lognormal, std::log(mean) - sigma2 / 2, std::sqrt(sigma2));
  d.given_[0] = mean;
  d.given_[1] = sd;
  d.by_moments_ = true;
  return d;
}

Distribution Distribution::weibull(double shape, double scale) {
  require_positive("Distribution::weibull", "shape", shape);
  require_positive("Distribution::weibull", "scale", scale);
  return Distribution(Kind::Weibull, shape, scale);
}

Distribution Distribution::uniform(double a, double b) {
  const char* where = "Distribution::uniform";
  require_finite(where, "a", a);
  require_finite(where, "b", b);
  // Boost's uniform_real_distribution loops forever when a == b, so equality is rejected.
  if (!(b > a)) reject(where, "b", b, "greater than a = " + number_text(a));
  if (!std::isfinite(b - a)) reject(where, "b", b, "within the largest finite double of a = " + number_text(a));
  return Distribution(Kind::Uniform, a, b);
}

Distribution Distribution::normal(double mean, double sd) {
  require_finite("Distribution::normal", "mean", mean);
  require_non_negative("Distribution::normal", "sd", sd);
  return Distribution(Kind::Normal, mean, sd);
}

Distribution Distribution::empirical(std::vector<double> breaks, std::vector<double> weights) {
  const char* where = "Distribution::empirical";
  if (weights.empty()) throw UsageError(std::string(where) + ": weights is empty; give at least one interval");
  if (breaks.size() != weights.size() + 1) {
    throw UsageError(std::string(where) + ": breaks has " + std::to_string(breaks.size()) + " values and weights " +
                     std::to_string(weights.size()) +
                     "; breaks must have exactly one more value than weights (the ends of the intervals)");
  }
  for (std::size_t i = 0; i < breaks.size(); ++i) {
    const std::string name = "breaks[" + std::to_string(i) + "]";
    require_finite(where, name, breaks[i]);
    if (i > 0 && !(breaks[i] > breaks[i - 1])) {
      reject(where, name, breaks[i],
             "greater than breaks[" + std::to_string(i - 1) + "] = " + number_text(breaks[i - 1]) +
                 " (breaks must be strictly increasing)");
    }
  }
  double total = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    require_non_negative(where, "weights[" + std::to_string(i) + "]", weights[i]);
    total += weights[i];
  }
  if (!(total > 0)) throw UsageError(std::string(where) + ": weights are all zero; at least one must be > 0");
  if (!std::isfinite(total)) {
    throw UsageError(std::string(where) + ": weights sum to inf; scale them down so their sum is finite");
  }

  double mean = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) mean += weights[i] / total * (breaks[i] + breaks[i + 1]) / 2;
  // Second moment about the mean, interval by interval, to avoid cancellation when the
  // breaks are far from zero: E[(X-m)^2 | interval] = (l^2 + l h + h^2) / 3 with l, h
  // the interval's ends measured from m.
  double variance = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const double lo = breaks[i] - mean;
    const double hi = breaks[i + 1] - mean;
    variance += weights[i] / total * (lo * lo + lo * hi + hi * hi) / 3;
  }
  boost::random::piecewise_constant_distribution<double> sampler(breaks.begin(), breaks.end(), weights.begin());
  Distribution d(Kind::Empirical, breaks.front(), breaks.back());
  d.empirical_ = std::make_shared<const Empirical>(
      Empirical{std::move(breaks), std::move(weights), std::move(sampler), mean, variance});
  return d;
}

double Distribution::sample_other(RandomStream& stream) const {
  switch (kind_) {
    case Kind::Constant:
      return a_;
    case Kind::Exponential:
      return boost::random::exponential_distribution<double>(b_)(stream);
    case Kind::Gamma:
      return boost::random::gamma_distribution<double>(a_, b_)(stream);
    case Kind::Lognormal:
      return boost::random::lognormal_distribution<double>(a_, b_)(stream);
    case Kind::Weibull:
      return boost::random::weibull_distribution<double>(a_, b_)(stream);
    case Kind::Uniform:
      return boost::random::uniform_real_distribution<double>(a_, b_)(stream);
    case Kind::Normal:
      return boost::random::normal_distribution<double>(a_, b_)(stream);
    case Kind::Empirical:
      return empirical_->sampler(stream);
  }
  return a_;  // unreachable: every Kind is handled above
}

double Distribution::mean() const {
  switch (kind_) {
    case Kind::Constant:
      return a_;
    case Kind::Exponential:
      return a_;
    case Kind::Gamma:
      return a_ * b_;
    case Kind::Lognormal:
      return std::exp(a_ + b_ * b_ / 2);
    case Kind::Weibull:
      return b_ * std::tgamma(1 + 1 / a_);
    case Kind::Uniform:
      return a_ / 2 + b_ / 2;  // halves first: a + b may overflow where the mean does not
    case Kind::Normal:
      return a_;
    case Kind::Empirical:
      return empirical_->mean;
  }
  return a_;
}

double Distribution::variance() const {
  switch (kind_) {
    case Kind::Constant:
      return 0;
    case Kind::Exponential:
      return a_ * a_;
    case Kind::Gamma:
      return a_ * b_ * b_;
    case Kind::Lognormal:
      return std::expm1(b_ * b_) * std::exp(2 * a_ + b_ * b_);
    case Kind::Weibull: {
      const double g1 = std::tgamma(1 + 1 / a_);
      return b_ * b_ * (std::tgamma(1 + 2 / a_) - g1 * g1);
    }
    case Kind::Uniform:
      return (b_ - a_) * (b_ - a_) / 12;
    case Kind::Normal:
      return b_ * b_;
    case Kind::Empirical:
      return empirical_->variance;
  }
  return 0;
}

std::string Distribution::describe() const {
  const std::string p0 = number_text(given_[0]);
  const std::string p1 = number_text(given_[1]);
  switch (kind_) {
    case Kind::Constant:
      return "constant(value=" + p0 + ")";
    case Kind::Exponential:
      return "exponential(mean=" + p0 + ")";
    case Kind::Gamma:
      return "gamma(shape=" + p0 + ", scale=" + p1 + ")";
    case Kind::Lognormal:
      return by_moments_ ? "lognormal(mean=" + p0 + ", sd=" + p1 + ")" : "lognormal(mu=" + p0 + ", sigma=" + p1 + ")";
    case Kind::Weibull:
      return "weibull(shape=" + p0 + ", scale=" + p1 + ")";
    case Kind::Uniform:
      return "uniform(a=" + p0 + ", b=" + p1 + ")";
    case Kind::Normal:
      return "normal(mean=" + p0 + ", sd=" + p1 + ")";
    case Kind::Empirical: {
      const Empirical& e = *empirical_;
      // Long histograms are summarised so a describe() stays one readable line.
      if (e.weights.size() > 10) {
        return "empirical(" + std::to_string(e.weights.size()) + " intervals on [" + number_text(e.breaks.front()) +
               ", " + number_text(e.breaks.back()) + "))";
      }
      return "empirical(breaks=" + list_text(e.breaks) + ", weights=" + list_text(e.weights) + ")";
    }
  }
  return "unknown";
}

bool bernoulli(RandomStream& stream, double p) {
  if (!(p >= 0 && p <= 1)) reject("bernoulli", "p", p, "a probability in [0, 1]");
  return boost::random::bernoulli_distribution<double>(p)(stream);
}

std::uint64_t poisson(RandomStream& stream, double mean) {
  // Above 2^53 a double no longer holds every integer, so counts would be rounded.
  if (!(mean >= 0 && mean <= 0x1.0p53)) reject("poisson", "mean", mean, "a finite number in [0, 2^53]");
  if (mean == 0) return 0;  // Boost requires mean > 0
  return static_cast<std::uint64_t>(boost::random::poisson_distribution<std::int64_t, double>(mean)(stream));
}

}  // namespace caresim::engine
