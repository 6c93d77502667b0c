#pragma once
// Locating and loading the bundled scenarios in tests.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "care_scenario/care_schema.hpp"
#include "care_scenario/to_parameters.hpp"
#include "scenario/loader.hpp"

namespace caresim::test {

/** The repository's scenarios/ folder. */
inline std::filesystem::path scenarios_dir() {
  return std::filesystem::path(__FILE__).parent_path().parent_path().parent_path() / "scenarios";
}

/** Loads a bundled scenario (REQUIREs that it is valid) with optional --set overrides. */
inline scenario::Scenario load_bundled(const std::string& file, const std::vector<std::string>& overrides = {}) {
  const auto result = scenario::load_scenario(care_scenario::care_schema(), scenarios_dir() / file, overrides);
  INFO(result.report());
  REQUIRE(result.ok());
  return result.scenario();
}

/** Loads YAML text against the care schema (for error tests). */
inline scenario::LoadResult load_text(const std::string& yaml, const std::vector<std::string>& overrides = {}) {
  return scenario::load_scenario_text(care_scenario::care_schema(), yaml, "test.yaml", overrides);
}

}  // namespace caresim::test
