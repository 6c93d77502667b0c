#pragma once
// The scenarios bundled in the repository's scenarios/ folder, for tests and benchmarks:
// the reference region's parameters are declared once, in scenarios/reference-region.yaml
// and the parameter table, and every program that needs them loads that file.
#include <filesystem>
#include <string>
#include <vector>

#include "models/parameters.hpp"

namespace caresim::care_scenario {

/** The source tree's scenarios/ folder (compiled in; for tests and benchmarks). */
std::filesystem::path bundled_scenarios_dir();

/** Loads `file` (relative to bundled_scenarios_dir() unless absolute) with `overrides`
 *  and translates it. Throws std::runtime_error with every diagnostic if it is invalid. */
model::Parameters load_parameters(const std::filesystem::path& file, const std::vector<std::string>& overrides = {});

/** scenarios/reference-region.yaml: the calibrated reference region. */
model::Parameters reference_region_parameters();

}  // namespace caresim::care_scenario
