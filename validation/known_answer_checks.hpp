#pragma once
// The table `caresim validate` prints: each engine model against its closed form.
#include <cstdint>
#include <string>
#include <vector>

namespace caresim::validation {

/** How a check decides pass or fail. */
enum class Criterion {
  /** Theory inside the 99% Student-t interval over replications, and that interval's
   *  half-width at most 10% of the theory value (so an imprecise run cannot pass). */
  TheoryInConfidenceInterval,
  /** |simulated - reference| / reference <= 1% (identities such as Little's law, which
   *  hold on every sample path up to edge effects). */
  WithinOnePercent,
};

/** One line of the table. */
struct Check {
  std::string model;      ///< e.g. "M/M/10, lambda=9, mu=1"
  std::string quantity;   ///< what is compared, with its unit
  double simulated = 0;   ///< mean over replications
  double half_width = 0;  ///< 95% Student-t half-width over replications
  double theory = 0;      ///< closed form, or the other side of an identity
  double relative_error = 0;
  Criterion criterion = Criterion::TheoryInConfidenceInterval;
  bool pass = false;
};

/** Size of the validation run. */
struct ValidationOptions {
  std::uint64_t seed = 1;
  std::uint32_t replications = 10;
  std::uint64_t arrivals = 300'000;  ///< per replication, warm-up included
  std::uint64_t warmup_arrivals = 20'000;
};

/** Runs every known-answer model and returns the checks in table order. */
std::vector<Check> run_known_answer_checks(const ValidationOptions& options);

/** The checks as an aligned text table with a closing "N passed, N failed" line. */
std::string format_checks(const std::vector<Check>& checks, const ValidationOptions& options);

}  // namespace caresim::validation
