#pragma once
// Indicators over replications: every number of every indicator (a scalar, each key of a
// map, each element of an array), for the region and for each municipality, summarised as
// n, mean, sd, the 95% Student-t interval, min and max; and the --json document of them
// (layout pinned: docs/results-json.md, docs/results.schema.json).
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "models/indicator_dictionary.hpp"
#include "runner/replications.hpp"

namespace caresim::runner {

/** One number over replications. Undefined statistics are NaN: everything but n with no
 *  value, sd and the interval with fewer than two. */
struct Summary {
  std::int64_t n = 0;  ///< replications whose value is a number (NaN values are not counted)
  double mean = std::numeric_limits<double>::quiet_NaN();
  double sd = std::numeric_limits<double>::quiet_NaN();          ///< sample standard deviation (divisor n - 1)
  double half_width = std::numeric_limits<double>::quiet_NaN();  ///< of the 95% Student-t interval
  double ci_low = std::numeric_limits<double>::quiet_NaN();      ///< mean - half_width
  double ci_high = std::numeric_limits<double>::quiet_NaN();     ///< mean + half_width
  double min = std::numeric_limits<double>::quiet_NaN();
  double max = std::numeric_limits<double>::quiet_NaN();
};

/** The summary of `values` (one per replication; NaN values are left out). Throws
 *  engine::UsageError when a value is infinite and there are two or more (the interval
 *  of an infinite spread is undefined, and the indicator table never holds one). */
Summary summarise_values(const std::vector<double>& values);

/** One indicator over replications, in the shape of its values. */
struct IndicatorSummary {
  std::string name;
  model::IndicatorShape shape = model::IndicatorShape::Scalar;
  /** A scalar: one entry with an empty key. A map: one per key, in the order the keys first
   *  appear over the replications. An array: one per element, key empty, element i of every
   *  replication whose array is that long. */
  std::vector<std::pair<std::string, Summary>> entries;
};

/** The indicators of one scope (the region, or one municipality) over replications. */
struct ScopeSummary {
  std::string id;                            ///< municipality id; empty for the region
  std::string name;                          ///< municipality name (Japanese); empty for the region
  std::vector<IndicatorSummary> indicators;  ///< in table order

  /** The indicator called `name`, or nullptr. */
  const IndicatorSummary* find(const std::string& name) const;
};

/** A run's indicators over its replications. */
struct RunSummary {
  ScopeSummary region;
  std::vector<ScopeSummary> municipalities;  ///< in the order they first appear in the tables
  /** The dictionary of the first replication's table (labels, units), or the model's when
   *  there is none. It outlives the summary (dictionaries are kept for the process). */
  const model::IndicatorDictionary* dictionary = &model::indicator_dictionary();
};

/** The summaries of `results` (in replication order): indicators in the order they first
 *  appear, municipalities matched by id. */
RunSummary summarise(const std::vector<ReplicationResult>& results);

/** The JSON document of --json, indented by two spaces and ending in a newline; the layout
 *  is docs/results-json.md: model_version, scenario, scenario_hash, seed, replications,
 *  summary (indicator: a leaf {mean, sd, ci_low, ci_high, n, min, max}, an object of leaves
 *  by key for a map, an array of leaves for an array), summary_by_municipality (id:
 *  indicator: the same) and by_replication (per replication: replication, events,
 *  indicators, by_municipality, and table, the layout before, kept as an alias for one
 *  release). NaN, infinities and undefined statistics are written as null; numbers read
 *  back as exactly the same doubles; bytes of strings that are not valid UTF-8 are written
 *  as U+FFFD, so the text is always valid JSON. */
std::string summary_json(const RunSummary& summary, const std::vector<ReplicationResult>& results,
                         const std::string& scenario_name, const std::string& scenario_hash, unsigned long long seed);

}  // namespace caresim::runner
