#pragma once
// Replications until the indicators are known well enough (`caresim run --precision R`):
// whole batches in replication-id order, and after each batch a stop when the 95%
// half-width of every named indicator is within R of its mean (or within an absolute floor
// when the mean is near zero), or when the maximum is reached. The decision reads only the
// results of whole batches, which never depend on the thread count, so neither does the
// number of replications used.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "models/indicator_dictionary.hpp"
#include "runner/indicator_summary.hpp"
#include "runner/replications.hpp"

namespace caresim::runner {

/** What a precision run asks for. */
struct PrecisionTarget {
  /** The 95% half-width must be at most this share of |mean| (0.05: 5%); in (0, 1). */
  double relative = 0.05;
  /** Indicator names: a dictionary name (a map's `total` key if it has one, else every key
   *  of a map, every element of an array) or one declared key of a map
   *  (`crisis_outcomes.admission`). Empty: the dictionary's
   *  headline indicators. */
  std::vector<std::string> indicators;
  /** Replications per batch (>= 2): the first batch is the smallest sample judged. */
  std::uint32_t batch = 10;
  /** At most this many replications (>= 1); the last batch is cut to fit. */
  std::uint32_t max_replications = 1000;
  /** The id of the first replication; batches take the ids after it in order. */
  std::uint32_t first_id = 0;
};

/** The absolute floor of the half-width for an indicator in `unit` (a dictionary unit
 *  string): a resolution below which a difference means nothing to a reader, so that an
 *  indicator whose mean is near zero (a rare event, a cost the scenario hardly incurs) can
 *  meet the target. 0.001 for a fraction (a tenth of a percentage point), 0.1 for days or
 *  hours, 0.5 for people or counts (per year), 0.05 per 100,000 residents, 1 bed-day or
 *  hour per year, 10,000 yen (1万円) per year, 1,000 welfare units per year; 0 for a unit
 *  not listed (the relative test alone). */
double precision_floor(std::string_view unit);

/** The summary rows a precision run judges, by flattened name ("readmission_365d",
 *  "crisis_outcomes.admission", "discharge_curve_monthly[3]"): for each of `names` (empty:
 *  the headline indicators of `dictionary`), the indicator's own row, the `total` key of a
 *  map that has one (its other keys are parts of it), every row of the keys or elements of
 *  another map or array, or the one key named. Throws std::invalid_argument naming the first
 *  name that is neither a declared indicator nor a declared key of a map, with the list of
 *  valid indicator names. */
struct PrecisionSelection {
  /** Selects the rows of `names`; throws as said above. */
  PrecisionSelection(const model::IndicatorDictionary& dictionary, const std::vector<std::string>& names);
  /** True if the summary row called `row` is judged. */
  bool selects(std::string_view row) const;
  /** The unit of the row called `row` (of its indicator), or "" for a row not selected. */
  std::string_view unit_of(std::string_view row) const;

 private:
  struct Named {
    std::string name;   ///< an indicator, or an indicator.key
    bool whole = true;  ///< an indicator with all its keys, not one key
    std::string unit;
  };
  const Named* match(std::string_view row) const;
  std::vector<Named> named_;
};

/** One summary row judged after a batch. */
struct PrecisionCheck {
  std::string name;       ///< flattened row name
  std::size_t n = 0;      ///< replications in which it is defined (not NaN)
  double mean = 0;        ///< over those
  double half_width = 0;  ///< 95% Student-t; infinite with fewer than two defined
  double limit = 0;       ///< max(relative × |mean|, floor of its unit)
  bool defined = true;    ///< false when NaN in every replication so far: nothing to estimate, met
  bool met = false;       ///< half_width <= limit, or not defined
};

/** Judges every selected row of the region's summary against `relative`: a scalar by its
 *  name, a map's keys as `name.key`, an array's elements as `name[i]` (from 1). */
std::vector<PrecisionCheck> check_precision(const RunSummary& summary, const PrecisionSelection& selection,
                                            double relative);

/** The result of a precision run. */
struct PrecisionOutcome {
  std::vector<ReplicationResult> results;  ///< every replication run, in id order
  std::vector<PrecisionCheck> checks;      ///< after the last batch
  std::size_t batches = 0;
  bool met = false;  ///< every check met; false: stopped at the maximum
};

/** Runs the replications of the ids it is given, in their order (run_replications, or a
 *  run that also writes them somewhere). */
using RunBatch = std::function<std::vector<ReplicationResult>(const std::vector<std::uint32_t>& ids)>;

/** Called after each batch with the outcome so far (for progress lines). */
using AfterBatch = std::function<void(const PrecisionOutcome& so_far)>;

/** Runs batches of `target.batch` ids from `target.first_id` through `run_batch` until every
 *  row selected by `selection` meets the target or `target.max_replications` are run.
 *  Throws std::invalid_argument when the target is out of range (relative not in (0, 1),
 *  batch below 2, maximum below 1) and whatever `run_batch` throws. */
PrecisionOutcome run_to_precision(const PrecisionTarget& target, const PrecisionSelection& selection,
                                  const RunBatch& run_batch, const AfterBatch& after_batch = {});

/** The rows of `checks` furthest from their limit first (half-width / limit, largest first),
 *  at most `count` of them. */
std::vector<PrecisionCheck> widest(const std::vector<PrecisionCheck>& checks, std::size_t count);

/** One line (ending in a newline) saying how many replications the run used and why it
 *  stopped: "precision: 30 replications (3 batches of 10): every judged indicator has a 95%
 *  half-width within 5% of its mean (or its floor)"; or, at the maximum, that it stopped
 *  there and which rows missed, with their half-width as a share of the mean (and, for a row
 *  NaN in some replications, in how many it is defined). */
std::string precision_verdict(const PrecisionOutcome& outcome, const PrecisionTarget& target);

}  // namespace caresim::runner
