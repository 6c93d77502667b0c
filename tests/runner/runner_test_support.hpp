#pragma once
// Helpers shared by the runner tests: a short run of the reference region.
#include "care_scenario/bundled.hpp"
#include "models/parameters.hpp"

namespace caresim::runner::testing {

/** The reference region over `years` years (fractions allowed), with no warm-up. */
inline model::Parameters one_year_region(double years = 1) {
  model::Parameters p = care_scenario::reference_region_parameters();
  p.run.horizon_days = 365.0 * years;
  p.run.warmup_days = 0;
  return p;
}

}  // namespace caresim::runner::testing
