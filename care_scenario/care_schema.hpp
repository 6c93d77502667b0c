#pragma once
// The care model's parameter table: every scenario key, declared once with its type,
// default, unit, range, description and source, and bound to the model field it fills
// (care_scenario/binding.hpp). It drives parsing and validation of scenario files,
// `caresim run --help`, docs/scenario-format.md, `caresim schema` and to_parameters().
#include "care_scenario/binding.hpp"
#include "scenario/schema.hpp"

namespace caresim::care_scenario {

/** The table (built once, on first use, with care_bindings()). */
const scenario::Schema& care_schema();

// The table's parts, one per file; care_schema() calls them in this order.
void declare_run(Table& table);     ///< schema_run.cpp: scenario, simulation
void declare_region(Table& table);  ///< schema_region.cpp: places and capacities
void declare_people(Table& table);  ///< schema_people.cpp: population, crises
void declare_care(Table& table);    ///< schema_care.cpp: hospital, transition, costs
void declare_payers(Table& table);  ///< schema_payers.cpp: costs, who pays

/** Source text for values taken from shared/calibration/public-indicators.md. */
inline constexpr const char* kCalibrated =
    "calibrated by scripts/calibrate to public-indicators.md (discharge rates FY2020, 地域平均生活日数 FY2022, "
    "readmission 31.1%, admission and stock type mix, hospital occupancy 0.85-0.90)";

}  // namespace caresim::care_scenario
