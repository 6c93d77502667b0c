#pragma once
// Helpers shared by the model tests: a short reference run, and the movement fingerprint
// (tests/regression/movement_fingerprint.hpp).
#include "care_scenario/bundled.hpp"
#include "models/care_model.hpp"
#include "models/parameters.hpp"
#include "models/records.hpp"
#include "tests/regression/movement_fingerprint.hpp"

namespace caresim::model::testing {

/** The reference region over `years` simulated years with a one-year warm-up. */
inline Parameters short_reference(double years = 3) {
  Parameters p = care_scenario::reference_region_parameters();
  p.run.horizon_days = model_day(p.run.start, Date{std::chrono::year{p.run.start.year() + static_cast<int>(years)} /
                                                   p.run.start.ymd().month() / 1});
  p.run.warmup_days = 365;
  return p;
}

}  // namespace caresim::model::testing
