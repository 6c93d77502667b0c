#pragma once
// Fiscal years in reports: which fiscal years a run's report window closes (the keys of
// the long-stay series, `FY2027`), and their labels in English or Japanese.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/date.hpp"
#include "runner/language.hpp"

namespace caresim::runner {

/** The fiscal years whose end falls in the report window of a run from `start`: every
 *  fiscal year whose closing 1 April is at a model day after `warmup_days` and at or
 *  before `horizon_days`, in order. These are the keys the model gives its fiscal-year
 *  series (models/indicator_collector.cpp, the April-1 snapshots): from 2017-04-01 with 8
 *  warm-up and 10 reported years, 2025 ... 2034. */
std::vector<int> report_fiscal_years(engine::Date start, double warmup_days, double horizon_days);

/** The fiscal year of a label `FY2027` (engine::fiscal_year_label), or nothing when `key`
 *  is not one. */
std::optional<int> fiscal_year_of_label(std::string_view key);

/** Fiscal year `year` in `language`: "FY2027", or "2027年度". */
std::string fiscal_year_text(int year, Language language);

/** The fiscal years `years` as a span: "FY2025–FY2034" ("2025年度–2034年度"), one label when
 *  there is one year, empty when none. */
std::string fiscal_years_text(const std::vector<int>& years, Language language);

}  // namespace caresim::runner
