#pragma once
// The text report of a run's indicators over replications: one table per scope (the
// region, then each municipality with --by municipality), labels and units from the
// indicator dictionary in English or Japanese, readable numbers, fiscal-year labels.
#include <string>

#include "runner/indicator_summary.hpp"
#include "runner/language.hpp"

namespace caresim::runner {

/** What the text report shows. */
struct TextOptions {
  Language language = Language::English;
  /** One table per municipality after the region's, each under a heading. */
  bool by_municipality = false;
};

/** The valid values of --by, as a usage message lists them: "region, municipality". */
inline constexpr std::string_view kByValues = "region, municipality";

/** Aligned columns (display widths, so Japanese labels line up): indicator label, unit,
 *  mean, the half-width of the 95% interval, min, max and n (the replications with a value).
 *  A map or an array is a row with its label and unit, then one indented row per key or
 *  element (fiscal-year keys as FY2027 or 2027年度, array elements by the dictionary's
 *  labels). Yen are 円, 万円 or 億円 by size; an undefined number is "n/a". */
std::string summary_text(const RunSummary& summary, const TextOptions& options);

/** The label of a map key or array element `key` in `language`: a fiscal year `FY2027` as
 *  fiscal_year_text(), in Japanese `month 3` as `3か月目`; any other key as it is. */
std::string key_label(const std::string& key, Language language);

}  // namespace caresim::runner
