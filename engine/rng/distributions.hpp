#pragma once
// Continuous distributions a model holds as configured parameters (a length of stay, an
// inter-arrival time), and the discrete draws models need (Bernoulli, Poisson, categorical).
//
// Every kind is sampled by Boost.Random with a RandomStream as its engine, never by std::
// distributions: the standard leaves their algorithms to each library, so the same seed
// would give other numbers under libstdc++ and libc++. docs/engine-rng.md lists which Boost
// distribution backs each kind.
#include <boost/random/exponential_distribution.hpp>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/rng/alias_table.hpp"
#include "engine/rng/random_stream.hpp"

namespace caresim::engine {

/** A configured continuous distribution, a small value type (copies share an immutable
 *  table for the empirical kind). Units are those of the parameters (days for durations).
 *  Build one with a factory; invalid parameters throw UsageError naming the distribution,
 *  the parameter, its value and what is valid. */
class Distribution {
 public:
  /** Which family a Distribution belongs to. */
  enum class Kind { Constant, Exponential, Gamma, Lognormal, Weibull, Uniform, Normal, Empirical };

  /** Always `value` (finite); draws nothing. For switching a process off in a scenario. */
  static Distribution constant(double value);
  /** Exponential with the given mean (finite, > 0); rate = 1 / mean. */
  static Distribution exponential(double mean);
  /** Gamma with shape k > 0 and scale theta > 0 (both finite): mean k theta. */
  static Distribution gamma(double shape, double scale);
  /** Lognormal whose logarithm is normal(mu, sigma); mu finite, sigma finite and >= 0. */
  static Distribution lognormal(double mu, double sigma);
  /** Lognormal with the given mean (finite, > 0) and standard deviation (finite, >= 0) of
   *  the variable itself, the form in which lengths of stay are usually reported. */
  static Distribution lognormal_mean_sd(double mean, double sd);
  /** Weibull with shape k > 0 and scale lambda > 0 (both finite): P(X > x) = exp(-(x/lambda)^k). */
  static Distribution weibull(double shape, double scale);
  /** Uniform on [a, b); a and b finite with a < b. */
  static Distribution uniform(double a, double b);
  /** Normal with the given mean (finite) and standard deviation (finite, >= 0). Can be
   *  negative: do not use it for durations without thinking about truncation. */
  static Distribution normal(double mean, double sd);
  /** Piecewise-constant density: interval i is [breaks[i], breaks[i+1]) and receives
   *  probability proportional to weights[i]; uniform within an interval. Needs
   *  breaks.size() == weights.size() + 1 >= 2, breaks finite and strictly increasing,
   *  weights finite, >= 0 and not all zero. For histograms of observed durations. */
  static Distribution empirical(std::vector<double> breaks, std::vector<double> weights);

  /** One draw. The exponential kind is inlined here because it is the hot path of the
   *  event-loop benchmark; Boost's ziggurat needs one stream word almost always. */
  double sample(RandomStream& stream) const {
    if (kind_ == Kind::Exponential) return boost::random::exponential_distribution<double>(b_)(stream);
    return sample_other(stream);
  }

  /** The theoretical mean, in the parameters' units. */
  double mean() const;
  /** The theoretical variance, in squared units. */
  double variance() const;
  /** Human-readable form with the parameters as given, e.g. "gamma(shape=2, scale=1.5)". */
  std::string describe() const;
  /** The family. */
  Kind kind() const { return kind_; }

 private:
  struct Empirical;
  Distribution(Kind kind, double a, double b) : kind_(kind), a_(a), b_(b), given_{a, b} {}
  double sample_other(RandomStream& stream) const;

  Kind kind_;
  // The family's two parameters in the form sampling needs:
  //   constant (value, -), exponential (mean, rate), gamma (shape, scale),
  //   lognormal (mu, sigma), weibull (shape, scale), uniform (a, b), normal (mean, sd).
  double a_;
  double b_;
  // The parameters as the factory received them, so describe() and error reports echo what
  // the scenario said (lognormal_mean_sd's mean and sd, not the derived mu and sigma).
  double given_[2];
  bool by_moments_ = false;  // built by lognormal_mean_sd
  // Only for the empirical kind: the normalised table and Boost's sampler, shared by copies.
  std::shared_ptr<const Empirical> empirical_;
};

/** True with probability p (0 <= p <= 1, else UsageError). Uses one draw when 0 < p;
 *  none when p == 0. */
bool bernoulli(RandomStream& stream, double p);

/** A Poisson count with the given mean (finite, 0 <= mean <= 2^53, else UsageError).
 *  mean == 0 returns 0 without drawing. */
std::uint64_t poisson(RandomStream& stream, double mean);

}  // namespace caresim::engine
