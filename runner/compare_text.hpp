#pragma once
// The words and the terminal table of `caresim compare`: English or Japanese labels from
// the indicator dictionary, units, fiscal-year keys and yen as the run report prints them
// (runner/summary_text.hpp, runner/number_format.hpp), one table per view. The CSV and
// xlsx writers use the same words.
#include <string>
#include <vector>

#include "runner/language.hpp"
#include "runner/run_comparison.hpp"

namespace caresim::runner {

/** What the header of every compare output says besides the comparison itself. */
struct CompareContext {
  std::vector<int> fiscal_years;  ///< the report window the runs share (report_fiscal_years())
  Language language = Language::English;
};

/** The short name of a run in tables: its file name without folder and `.h5`. */
std::string run_label(const ComparedRun& run);

/** The label of indicator `name` in `language` from `dictionary` (its name when it has
 *  none), prefixed with ★ when it is a headline indicator and `star` is set. */
std::string indicator_label(const model::IndicatorDictionary& dictionary, const std::string& name, Language language,
                            bool star = false);

/** A row's key as a report shows it (key_label(): FY2027, 2027年度, 3か月目). */
std::string row_key_label(const ComparisonRow& row, Language language);

/** How `pairing` of variant `variant` with `base` was done, in words: "paired on 6
 *  common replications (seed 11)" or "Welch (independent runs: seeds 11 and 12)". */
std::string pairing_text(const VariantPairing& pairing, const ComparedRun& base, const ComparedRun& variant,
                         Language language);

/** Why a cost per long-stay inpatient avoided is not shown, in words (empty when shown). */
std::string cost_per_avoided_note(const CostPerAvoided& c, Language language);

/** The terminal report: the runs and their pairing, what a mark means, then per view a
 *  table (readable at 100 columns) with, per indicator number, one line per run: mean ±
 *  the half-width of its 95% interval, and for a variant the difference from the base
 *  with its 95% interval and, for a headline row, the mark of a clear difference; then
 *  the cost per long-stay inpatient avoided of each variant. */
std::string compare_text(const Comparison& comparison, const std::vector<ComparedRun>& runs,
                         const CompareContext& context);

}  // namespace caresim::runner
