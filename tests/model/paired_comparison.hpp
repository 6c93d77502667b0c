#pragma once
// Paired comparisons of two parameter sets with common random numbers: both arms run the
// same seed and the same replication indices, so every person draws the same random
// numbers in both (docs/model.md, Randomness). The paired difference of an outcome is the
// mean over replications of (variant - base), with a 95% Student-t interval
// (engine::student_t_interval, Boost.Math) on the per-replication differences.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "models/indicator_table.hpp"
#include "models/parameters.hpp"

namespace caresim::model::testing {

/** Which direction of an outcome is good for the people the region serves. */
enum class Better { Lower, Higher };

/** One outcome read from a replication's indicator table. */
struct Outcome {
  std::string name;  ///< how the log names it, e.g. "crisis admissions + far placements"
  /** The value of one replication. */
  std::function<double(const IndicatorTable&)> extract;
  Better better = Better::Lower;  ///< the favourable direction
  /** True for a stock or cost that a capacity cut caps by definition (inpatients, hospital
   *  cost), for a count of the need found so far (blocked bed-days) and for figures
   *  reported beside them (waits, far placements): printed, not checked for a favourable
   *  move. */
  bool exempt = false;
};

/** The outcomes of the "no free lunch" tests (issue 11 §6), checked ones first:
 *  community_days_mean (higher is better), readmission_365d, crisis admissions plus far
 *  placements, long-stay inpatients per 100,000 (under 65 plus 65+, the report window's
 *  mean: long_stay_outcome()), long_or_blocked_bed_days, deaths (all
 *  lower is better); then the exempt ones: blocked_bed_days (a readiness a cut withholds
 *  lowers it), inpatients, cost_yen.hospital,
 *  wait_days_hospital (over the replications where both arms waited), hospital_waits,
 *  inpatients_elsewhere, transfers_out_of_region, far_placements. */
const std::vector<Outcome>& no_free_lunch_outcomes();

/** crisis_outcomes.admission alone (lower is better, not exempt). */
const Outcome& crisis_admissions_outcome();

/** The outcome values of one arm: values[i][r] is outcome i of replication r. */
struct ArmRun {
  std::vector<std::vector<double>> values;
  double seconds = 0;  ///< wall-clock time of the arm's replications
};

/** Runs `params` under `seed` for replications 0 .. replications-1 (one CareModel each, on
 *  this thread) and extracts every outcome. Precondition: replications >= 2. */
ArmRun run_arm(const Parameters& params, std::uint64_t seed, std::uint32_t replications,
               const std::vector<Outcome>& outcomes);

/** The paired comparison of one outcome. */
struct PairedResult {
  std::string name;
  Better better = Better::Lower;
  bool exempt = false;
  double base_mean = 0;     ///< mean of the base arm over replications
  double variant_mean = 0;  ///< mean of the variant arm
  double difference = 0;    ///< mean of (variant - base) over replications
  double half_width = 0;    ///< Student-t half-width of `difference` at `level`
  double level = 0.95;      ///< confidence level of the interval
  std::int64_t n = 0;       ///< replications

  /** The interval lies entirely on the favourable side of 0 (a strict inequality, so an
   *  outcome that never moves is never favourable). */
  bool significantly_favourable() const;
  /** The interval lies entirely above 0. */
  bool significantly_above_zero() const;
  /** One line for the test log: name, both means, difference +- half-width, the
   *  favourable direction, and "exempt" where it applies. */
  std::string line() const;
};

/** Outcome by outcome, variant minus base, replication r against replication r, with
 *  intervals at confidence `level` (0.95; a family of k checks uses 1 - 0.05 / k). Throws
 *  std::invalid_argument unless both arms hold the same outcomes and the same number (at
 *  least 2) of replications. */
std::vector<PairedResult> compare(const ArmRun& base, const ArmRun& variant, const std::vector<Outcome>& outcomes,
                                  double level = 0.95);

/** The seed and replications of the lever tests: the model review's seed, 30 replications. */
inline constexpr std::uint64_t kLeverSeed = 777;
inline constexpr std::uint32_t kLeverReplications = 30;

/** A scalar indicator as an outcome. */
Outcome scalar_outcome(const std::string& name, Better better = Better::Lower);
/** Key `key` of map indicator `name` as an outcome, named "name.key". */
Outcome map_outcome(const std::string& name, const std::string& key, Better better = Better::Lower);
/** Long-stay inpatients per 100,000 residents, under 65 plus 65+ (lower is better). */
Outcome long_stay_outcome();

/** Runs `base` and `variant` under kLeverSeed for `replications`, compares every outcome
 *  (variant - base) and prints each result to the test log, prefixed by `what`. */
std::vector<PairedResult> paired(const Parameters& base, const Parameters& variant, const std::vector<Outcome>& o,
                                 const std::string& what, std::uint32_t replications = kLeverReplications);

}  // namespace caresim::model::testing
