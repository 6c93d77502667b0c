#pragma once
// The entry point: load a scenario file against a parameter table. Either every check
// passes and a resolved Scenario comes back, or nothing runs and the caller gets every
// problem found, sorted by file and position.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/diagnostic.hpp"
#include "scenario/scenario.hpp"
#include "scenario/schema.hpp"

namespace caresim::scenario {

/** Outcome of a load: a scenario, or the diagnostics explaining why there is none. */
class LoadResult {
 public:
  /** A successful load. */
  explicit LoadResult(Scenario scenario) : scenario_(std::move(scenario)) {}
  /** A failed load; `diagnostics` is non-empty and sorted. */
  explicit LoadResult(std::vector<Diagnostic> diagnostics) : diagnostics_(std::move(diagnostics)) {}

  /** True when the scenario is valid. */
  bool ok() const { return scenario_.has_value(); }
  /** The scenario. Precondition: ok(). */
  const Scenario& scenario() const { return *scenario_; }
  /** The problems found (empty when ok()). */
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  /** All diagnostics as text, one per line, as printed to the user. */
  std::string report() const { return format_diagnostics(diagnostics_); }

 private:
  std::optional<Scenario> scenario_;
  std::vector<Diagnostic> diagnostics_;
};

/** Loads `file` (following `extends`), applies `overrides` ("path=value", as given to
 *  --set), and validates the result against `schema`. Throws SchemaError if the schema
 *  itself has problems(); every problem with the input is returned as diagnostics. */
LoadResult load_scenario(const Schema& schema, const std::filesystem::path& file,
                         const std::vector<std::string>& overrides = {});

/** As load_scenario() for YAML text in memory (tests, or the resolved YAML stored in an
 *  output file). `name` is the file name used in diagnostics and the base for a
 *  relative `extends`. */
LoadResult load_scenario_text(const Schema& schema, std::string_view yaml, const std::string& name,
                              const std::vector<std::string>& overrides = {});

/** As load_scenario_text() for a resolved scenario stored in a results file: it names no
 *  other file, so an `extends` in it is reported, never followed (a changed file may not
 *  steer `rerun` or `inspect` to /etc/passwd or /dev/zero). */
LoadResult load_resolved_text(const Schema& schema, std::string_view yaml, const std::string& name);

}  // namespace caresim::scenario
