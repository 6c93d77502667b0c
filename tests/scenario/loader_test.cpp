// The entry points: loading files and text, and what a failed load returns.
#include "scenario/loader.hpp"

#include <doctest/doctest.h>

#include "scenario_test_support.hpp"

using namespace caresim::scenario;
using namespace caresim::scenario::testing;

TEST_SUITE("scenario") {
  TEST_CASE("an unreadable scenario file is reported without a position") {
    const LoadResult r = load_scenario(test_schema(), "no/such/scenario.yaml");
    REQUIRE_FALSE(r.ok());
    CHECK(r.report() == "no/such/scenario.yaml: cannot read file: No such file or directory\n");
    const LoadResult folder = load_scenario(test_schema(), data_dir());
    CHECK(single_diagnostic(folder).message == "cannot read file: is a directory");
  }

  TEST_CASE("a valid scenario file loads with no diagnostics") {
    const LoadResult r = load_scenario(test_schema(), data_dir() / "region.yaml");
    CHECK(r.ok());
    CHECK(r.diagnostics().empty());
    CHECK(r.report().empty());
  }

  TEST_CASE("an invalid scenario yields diagnostics and no scenario") {
    const LoadResult r = load_text("municipalities: {kita: {population: many}}\n");
    CHECK_FALSE(r.ok());
    CHECK(r.diagnostics().size() == 1);
  }

  TEST_CASE("scenario overrides apply to text loads as to file loads") {
    const LoadResult r = load_text(kMinimal, {"municipalities.kita.population=5"});
    INFO(r.report());
    REQUIRE(r.ok());
    CHECK(r.scenario().get_int("municipalities.kita.population") == 5);
  }

  TEST_CASE("a resolved scenario with extends and overrides reloads identically") {
    const LoadResult r = load_scenario(test_schema(), data_dir() / "nested" / "child.yaml", {"simulation.trace=true"});
    INFO(r.report());
    REQUIRE(r.ok());
    const LoadResult again = load_scenario_text(test_schema(), r.scenario().to_yaml(), "provenance.yaml");
    INFO(again.report());
    REQUIRE(again.ok());
    CHECK(again.scenario() == r.scenario());
    CHECK(again.scenario().hash_hex() == r.scenario().hash_hex());
  }

}  // TEST_SUITE
