#include "care_scenario/bundled.hpp"

#include <stdexcept>

#include "care_scenario/care_schema.hpp"
#include "care_scenario/to_parameters.hpp"
#include "scenario/loader.hpp"

namespace caresim::care_scenario {

std::filesystem::path bundled_scenarios_dir() {
  return CARESIM_SCENARIOS_DIR;
}

model::Parameters load_parameters(const std::filesystem::path& file, const std::vector<std::string>& overrides) {
  const auto path = file.is_absolute() ? file : bundled_scenarios_dir() / file;
  const auto result = scenario::load_scenario(care_schema(), path, overrides);
  if (!result.ok()) throw std::runtime_error(path.string() + " is not a valid scenario:\n" + result.report());
  return to_parameters(result.scenario());
}

model::Parameters reference_region_parameters() {
  return load_parameters("reference-region.yaml");
}

}  // namespace caresim::care_scenario
