#pragma once
// Indicators over replications: every scalar, map entry and array element as one row
// with its mean, 95% Student-t interval, min and max.
#include <string>
#include <vector>

#include "runner/replications.hpp"

namespace caresim::runner {

/** One flattened indicator over replications. */
struct SummaryRow {
  std::string name;            ///< "discharge_rate_3m", "crisis_outcomes.short_stay", "discharge_curve_monthly[3]"
  std::vector<double> values;  ///< one per replication, in replication order
  double mean = 0;
  double half_width = 0;  ///< 95% Student-t; 0 with one replication
  double min = 0;
  double max = 0;
};

/** Rows of the region-wide indicators, in table order. */
std::vector<SummaryRow> summarise(const std::vector<ReplicationResult>& results);

/** Aligned text: name, mean +- half-width, min..max. */
std::string summary_text(const std::vector<SummaryRow>& rows, std::size_t replications);

/** The JSON document of --json (layout pinned, README "The --json summary"): model_version,
 *  scenario, scenario_hash, seed, replications, summary (per row: mean, ci95_half_width,
 *  min, max) and by_replication (per replication: replication, events, table), indented
 *  by two spaces and ending in a newline. NaN and infinities are written as null; numbers
 *  read back as exactly the same doubles; bytes of strings that are not valid UTF-8 are
 *  written as U+FFFD, so the text is always valid JSON. */
std::string summary_json(const std::vector<SummaryRow>& rows, const std::vector<ReplicationResult>& results,
                         const std::string& scenario_name, const std::string& scenario_hash, unsigned long long seed);

}  // namespace caresim::runner
