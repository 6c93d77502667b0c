#pragma once
// A small parameter table and helpers shared by the scenario loader tests.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <string_view>

#include "scenario/loader.hpp"
#include "scenario/schema.hpp"

namespace caresim::scenario::testing {

/** Folder of the test YAML files (tests/data/scenario). */
inline std::filesystem::path data_dir() {
  return std::filesystem::path(__FILE__).parent_path().parent_path() / "data" / "scenario";
}

/** A table with every type, a nested collection and phased values. */
inline Schema test_schema() {
  Schema s("Test region parameters");
  s.start_date("simulation.start");
  s.add(Param::string("title").optional().describe("Name of the scenario"));
  s.add(
      Param::date("simulation.start").default_value("2027-04-01").describe("First day simulated").source("assumption"));
  s.add(Param::integer("simulation.horizon_days")
            .range(1, 36500)
            .default_value(365)
            .unit("days")
            .describe("Days simulated")
            .source("assumption"));
  s.add(Param::enumeration("simulation.calendar", {"fiscal", "civil"})
            .default_value("fiscal")
            .describe("How results are grouped by year")
            .source("assumption"));
  s.add(Param::boolean("simulation.trace").default_value(false).describe("Write an event trace").source("assumption"));
  Group& towns = s.collection("municipalities", "municipality").min_members(1).describe("Municipalities of the region");
  towns.add(Param::integer("population").at_least(0).unit("persons").describe("Residents"));
  towns.add(Param::real("incidence")
                .greater_than(0)
                .default_value(2.5)
                .unit("per 1000 persons per year")
                .describe("New cases")
                .source("Example survey 2020, table 3"));
  towns.add(Param::probability_map("age_mix")
                .keys({"child", "adult", "senior"})
                .default_shares({{"child", 0.2}, {"adult", 0.6}, {"senior", 0.2}})
                .describe("Age groups of cases")
                .source("Census 2020"));
  towns.add(Param::real_list("monthly_factor")
                .range(0, 5)
                .default_reals({1.0, 1.0})
                .describe("Seasonality")
                .source("assumption"));
  Group& hubs = s.collection("hubs", "hub").describe("Crisis hubs");
  hubs.add(Param::reference_list("municipalities", "municipalities").describe("Municipalities served"));
  hubs.add(Param::integer("crisis_beds")
               .at_least(0)
               .default_value(0)
               .phased()
               .unit("beds")
               .describe("Crisis beds")
               .source("assumption"));
  hubs.add(Param::real("admission_share")
               .range(0, 1)
               .default_value(0.1)
               .phased()
               .describe("Share of crises admitted")
               .source("assumption"));
  hubs.add(Param::reference("home", "municipalities").optional().describe("Where the hub sits"));
  Group& sites = hubs.collection("sites", "site").describe("Sites of a hub");
  sites.add(Param::integer("beds").at_least(0).default_value(10).unit("beds").describe("Beds").source("assumption"));
  sites.add(Param::enumeration("kind", {"ward", "group_home"})
                .default_value("ward")
                .describe("Kind of site")
                .source("assumption"));
  return s;
}

/** The smallest valid file for test_schema(), for tests to extend. */
inline constexpr std::string_view kMinimal = "municipalities:\n  kita:\n    population: 100\n";

/** Loads YAML text named "inline.yaml" against test_schema(). */
inline LoadResult load_text(std::string_view yaml, const std::vector<std::string>& overrides = {}) {
  return load_scenario_text(test_schema(), yaml, "inline.yaml", overrides);
}

/** True when some diagnostic has exactly this location text, path and message. */
inline bool has_diagnostic(const LoadResult& result, std::string_view where, std::string_view path,
                           std::string_view message) {
  for (const Diagnostic& d : result.diagnostics()) {
    if (d.where.to_string() == where && d.path == path && d.message == message) return true;
  }
  MESSAGE("no such diagnostic; there were:\n" << result.report());
  return false;
}

/** The only diagnostic of a failed load (fails the test when there is not exactly one). */
inline Diagnostic single_diagnostic(const LoadResult& result) {
  INFO(result.report());
  REQUIRE(result.diagnostics().size() == 1);
  return result.diagnostics().front();
}

}  // namespace caresim::scenario::testing
