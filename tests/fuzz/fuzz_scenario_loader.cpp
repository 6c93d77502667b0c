// libFuzzer target: the scenario loader on arbitrary bytes, as `caresim check` reads a
// file. The text is named as a file in the bundled scenarios/ folder, so an `extends` of a
// bundled scenario resolves as it would beside them. A valid scenario is also translated
// into model parameters, the step every run takes next. Bad input must end in diagnostics
// or a BindingError; any other exception, a crash or a sanitizer report is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "care_scenario/bundled.hpp"
#include "care_scenario/care_schema.hpp"
#include "care_scenario/to_parameters.hpp"
#include "scenario/loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string name = (caresim::care_scenario::bundled_scenarios_dir() / "fuzz-input.yaml").string();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto result = caresim::scenario::load_scenario_text(caresim::care_scenario::care_schema(), text, name);
  if (!result.ok()) {
    (void)result.report();  // formatting the diagnostics is part of what a user sees
    return 0;
  }
  try {
    (void)caresim::care_scenario::to_parameters(result.scenario());
  } catch (const caresim::care_scenario::BindingError&) {
    // cross-key problems: reported to the user as such
  }
  return 0;
}
