#pragma once
// The --json document of `caresim compare`: layout in docs/compare-json.md, JSON Schema in
// docs/compare.schema.json.
#include <string>
#include <vector>

#include "runner/compare_text.hpp"

namespace caresim::runner {

/** The document, indented by two spaces and ending in a newline: format, model_version,
 *  report_fiscal_years, alpha, bootstrap, runs, variants and views (each view's rows with
 *  every run's summary and every variant's difference, and its cost per long-stay
 *  inpatient avoided). NaN is null; numbers read back as the same doubles; invalid UTF-8
 *  in names becomes U+FFFD. */
std::string compare_json(const Comparison& comparison, const std::vector<ComparedRun>& runs,
                         const CompareContext& context);

}  // namespace caresim::runner
