#pragma once
// Translates a validated scenario into the model's plain parameter structs.
#include <stdexcept>
#include <string>
#include <vector>

#include "models/parameters.hpp"
#include "scenario/scenario.hpp"

namespace caresim::care_scenario {

/** Raised for problems that involve several keys at once (which the per-key validation
 *  cannot see): lists of unequal length, a multi-function hub with two sites... Each
 *  entry of problems() is "key.path: what is wrong; what would be valid". */
class BindingError : public std::runtime_error {
 public:
  explicit BindingError(std::vector<std::string> problems);
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  std::vector<std::string> problems_;
};

/** The model parameters of `scenario` (loaded against care_schema()). Dates become model
 *  days since simulation.start; phased values become step functions of the model day.
 *  Throws BindingError listing every cross-key problem found. */
model::Parameters to_parameters(const scenario::Scenario& scenario);

/** The run's horizon and warm-up in model days (calendar years from the start date). */
struct RunWindow {
  double warmup_days = 0;
  double horizon_days = 0;
};
RunWindow run_window(const scenario::Scenario& scenario);

}  // namespace caresim::care_scenario
