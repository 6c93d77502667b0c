// libFuzzer target: `--set` overrides on arbitrary bytes. Each line of the input is one
// override ("dotted.path=value", as given to --set), applied over the reference region as
// `caresim run scenarios/reference-region.yaml --set ...` would. A valid result is also
// translated into model parameters. Bad overrides must end in diagnostics or a
// BindingError; any other exception, a crash or a sanitizer report is a finding.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "care_scenario/bundled.hpp"
#include "care_scenario/care_schema.hpp"
#include "care_scenario/to_parameters.hpp"
#include "scenario/loader.hpp"

namespace {
// Longer inputs only slow the fuzzer: 5,000 overrides were measured fine by the review.
constexpr std::size_t kMaxOverrides = 64;

std::vector<std::string> split_lines(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> lines(1);
  for (std::size_t i = 0; i < size && lines.size() <= kMaxOverrides; ++i) {
    if (data[i] == '\n') {
      lines.emplace_back();
    } else {
      lines.back().push_back(static_cast<char>(data[i]));
    }
  }
  if (lines.size() > kMaxOverrides) lines.resize(kMaxOverrides);
  return lines;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto reference = caresim::care_scenario::bundled_scenarios_dir() / "reference-region.yaml";
  static const std::string reference_text = [] {
    std::ifstream in(reference, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }();
  const auto result = caresim::scenario::load_scenario_text(caresim::care_scenario::care_schema(), reference_text,
                                                            reference.string(), split_lines(data, size));
  if (!result.ok()) {
    (void)result.report();
    return 0;
  }
  try {
    (void)caresim::care_scenario::to_parameters(result.scenario());
  } catch (const caresim::care_scenario::BindingError&) {
  }
  return 0;
}
