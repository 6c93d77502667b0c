#pragma once
// Runs compared with a base (`caresim compare`, docs/compare-json.md): for every number of
// every indicator (a scalar, each key of a map, each element of an array), for the region
// and for each municipality, each run's mean with its 95% interval and its difference from
// the base, paired or Welch (runner/comparison.hpp); Holm's correction across the headline
// rows of each view and variant; and the cost per long-stay inpatient avoided. The
// statistics only: formatting is in runner/compare_text.* and runner/compare_json.*.
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "models/indicator_dictionary.hpp"
#include "runner/comparison.hpp"
#include "runner/indicator_summary.hpp"
#include "runner/replications.hpp"

namespace caresim::runner {

/** One run to compare, as read from its results file. */
struct ComparedRun {
  std::string path;                             ///< the results file as named on the command line
  std::string scenario_name;                    ///< scenario.name
  std::string scenario_name_ja;                 ///< scenario.name_ja (may be empty)
  std::uint64_t seed = 0;                       ///< master seed
  std::vector<ReplicationResult> replications;  ///< distinct ids, in any order
};

/** How a variant is compared with the base: paired when both runs have the same seed and
 *  at least two replication ids in common (then on those common ids), else Welch. */
struct VariantPairing {
  Pairing pairing = Pairing::Welch;
  std::vector<std::uint32_t> common_ids;  ///< the pairs (paired), ascending; empty for Welch
};

/** The pairing of `variant` with `base` as VariantPairing says. */
VariantPairing pairing_of(const ComparedRun& base, const ComparedRun& variant);

/** One run's number and, for a variant, its difference from the base. */
struct ScenarioCell {
  Summary summary;        ///< over all of this run's replications
  Difference difference;  ///< variant minus base; undefined (n 0) for the base itself
  /** Holm-adjusted p-value across the headline rows of the view; NaN for the base and
   *  for a row not in the family. */
  double holm_p = std::numeric_limits<double>::quiet_NaN();
  bool clear = false;  ///< a headline row whose holm_p < kFamilyAlpha
};

/** The family-wise error rate of the "clear difference" marks. */
inline constexpr double kFamilyAlpha = 0.05;

/** One number of one indicator, over the runs. */
struct ComparisonRow {
  std::string indicator;
  model::IndicatorShape shape = model::IndicatorShape::Scalar;
  /** A map's key; an array element's label (the dictionary's, else its 1-based index); empty
   *  for a scalar. */
  std::string key;
  std::string unit;                 ///< from the dictionary; empty for an indicator it does not declare
  bool headline = false;            ///< in the Holm family (headline_rows())
  std::vector<ScenarioCell> cells;  ///< one per run, the base first
};

/** Yen per long-stay inpatient avoided, a variant against the base in one view. */
struct CostPerAvoided {
  /** Why it is or is not shown. */
  enum class Status {
    Shown,       ///< the long-stay difference is a clear fall and the runs are paired
    NotClear,    ///< the long-stay difference is not clear
    NoFall,      ///< the long-stay difference is clear but a rise: nobody is avoided
    NotPaired,   ///< Welch runs: there are no replication pairs to resample
    TooFew,      ///< a run has fewer than two replications (no interval)
    Unavailable  ///< a file lacks cost_yen.total or a long-stay indicator
  };
  Status status = Status::Unavailable;
  Difference long_stay;  ///< of long_stay_under65 + long_stay_65plus (people)
  double long_stay_bonferroni_p = std::numeric_limits<double>::quiet_NaN();  ///< its p × family size, at most 1
  Difference cost;                                                           ///< of cost_yen.total (yen per year)
  RatioInterval ratio;  ///< yen per year per inpatient avoided (Shown only)
};

/** The names the cost per long-stay inpatient avoided is computed from. */
inline constexpr const char* kCostIndicator = "cost_yen";
inline constexpr const char* kCostKey = "total";
inline constexpr const char* kLongStayIndicators[] = {"long_stay_under65", "long_stay_65plus"};

/** The region or one municipality. */
struct ComparisonView {
  std::string id;    ///< municipality id; empty for the region
  std::string name;  ///< municipality name (Japanese); empty for the region
  std::vector<ComparisonRow> rows;
  std::vector<CostPerAvoided> cost_per_avoided;  ///< one per variant (runs 1, 2, ...)
  std::size_t family_size = 0;                   ///< headline rows (Holm's m) of this view
};

/** The comparison of `runs` (the base first, at least two). */
struct Comparison {
  std::vector<VariantPairing> pairings;  ///< one per variant (runs 1, 2, ...)
  std::vector<ComparisonView> views;     ///< the region, then each municipality if asked
  const model::IndicatorDictionary* dictionary = &model::indicator_dictionary();
};

/** True when the row `indicator` / `key` of `dictionary` is in the Holm family: a headline
 *  scalar; the `total` of a headline map that has one (its other keys are parts of it);
 *  every key of another headline map and every element of a headline array. The rule of
 *  --precision (docs/replications.md, runner::PrecisionSelection). */
bool headline_row(const model::IndicatorDictionary& dictionary, const std::string& indicator, const std::string& key);

/** Compares `runs[1..]` with `runs[0]`, for the region and, if `by_municipality`, every
 *  municipality of the base's tables (their ids must be the same in every run: the caller
 *  checks). Rows in the order of the base's first replication's table, map keys in the order
 *  they first appear over the runs. Throws engine::UsageError with fewer than two runs or a
 *  run without replications. */
Comparison compare_runs(const std::vector<ComparedRun>& runs, bool by_municipality);

}  // namespace caresim::runner
