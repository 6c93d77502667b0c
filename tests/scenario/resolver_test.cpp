// Walking the table over a file: unknown and missing keys, collections, references,
// several errors at once.
#include "scenario/resolver.hpp"

#include <doctest/doctest.h>

#include "scenario_test_support.hpp"

using namespace caresim::scenario;
using namespace caresim::scenario::testing;

TEST_SUITE("scenario") {
  TEST_CASE("an unknown scenario key suggests the nearest valid key") {
    const LoadResult r =
        load_text(std::string(kMinimal) + "hubs:\n  north:\n    municipalities: [kita]\n    crisis_bed: 4\n");
    const Diagnostic d = single_diagnostic(r);
    CHECK(d.where.to_string() == "inline.yaml:7:5");
    CHECK(d.path == "hubs.north.crisis_bed");
    CHECK(d.message == "unknown key \"crisis_bed\"");
    CHECK(d.hint ==
          "did you mean \"crisis_beds\"? valid keys here: municipalities, crisis_beds, admission_share, home, "
          "sites");
  }

  TEST_CASE("unknown scenario keys are rejected at the top and in sections") {
    const LoadResult r = load_text(std::string(kMinimal) + "simulaton: {}\nsimulation:\n  seed: 4\n");
    REQUIRE(r.diagnostics().size() == 2);
    CHECK(has_diagnostic(r, "inline.yaml:4:1", "simulaton", "unknown key \"simulaton\""));
    CHECK(r.diagnostics()[0].hint.starts_with("did you mean \"simulation\"?"));
    CHECK(has_diagnostic(r, "inline.yaml:6:3", "simulation.seed", "unknown key \"seed\""));
    CHECK(r.diagnostics()[1].hint == "valid keys here: start, horizon_days, calendar, trace");
  }

  TEST_CASE("a missing required scenario key is reported at its map") {
    const LoadResult r = load_text("municipalities:\n  kita:\n    incidence: 2\n");
    const Diagnostic d = single_diagnostic(r);
    CHECK(d.where.to_string() == "inline.yaml:3:5");
    CHECK(d.path == "municipalities.kita.population");
    CHECK(d.message == "required key \"population\" is missing");
    CHECK(d.hint == "expected a whole number >= 0 (persons): Residents");
    const LoadResult bare = load_text("municipalities:\n  kita:\n");
    CHECK(has_diagnostic(bare, "inline.yaml:2:3", "municipalities.kita.population",
                         "required key \"population\" is missing"));
  }

  TEST_CASE("a scenario collection below its minimum size is reported") {
    const LoadResult r = load_text("title: x\n");
    const Diagnostic d = single_diagnostic(r);
    CHECK(d.to_string() == "inline.yaml:1:1: municipalities: expected at least 1 municipality, found 0");
    const LoadResult empty = load_text("");
    CHECK(has_diagnostic(empty, "inline.yaml:1:1", "municipalities", "expected at least 1 municipality, found 0"));
  }

  TEST_CASE("a scenario collection must be a map of well-named members") {
    const LoadResult r = load_text(std::string(kMinimal) + "hubs: [north]\n");
    CHECK(single_diagnostic(r).to_string() ==
          "inline.yaml:4:7: hubs: expected a map of named hubs, found a list\n  hint: write hubs: {name: {...}, ...}");
    const LoadResult named = load_text(std::string(kMinimal) + "hubs:\n  \"north hub\": {municipalities: [kita]}\n");
    CHECK(has_diagnostic(named, "inline.yaml:5:3", "hubs.north hub", "invalid hub name \"north hub\""));
  }

  TEST_CASE("an undefined scenario reference suggests a declared member") {
    const LoadResult r = load_text(
        "municipalities:\n  kita: {population: 1}\n  minami: {population: 2}\n"
        "hubs:\n  north:\n    municipalities: [kita, minam]\n    home: nishi\n");
    REQUIRE(r.diagnostics().size() == 2);
    CHECK(has_diagnostic(r, "inline.yaml:6:28", "hubs.north.municipalities[1]", "undefined municipality \"minam\""));
    CHECK(r.diagnostics()[0].hint == "did you mean \"minami\"? declared municipalities: kita, minami");
    CHECK(has_diagnostic(r, "inline.yaml:7:11", "hubs.north.home", "undefined municipality \"nishi\""));
    CHECK(r.diagnostics()[1].hint == "declared municipalities: kita, minami");
  }

  TEST_CASE("a null scenario value means not set") {
    const LoadResult r = load_text(std::string(kMinimal) + "simulation:\n  horizon_days: ~\nhubs:\n");
    INFO(r.report());
    REQUIRE(r.ok());
    CHECK(r.scenario().get_int("simulation.horizon_days") == 365);
    CHECK(r.scenario().members("hubs").empty());
  }

  TEST_CASE("a scenario section given a scalar is rejected") {
    const LoadResult r = load_text(std::string(kMinimal) + "simulation: 365\n");
    const Diagnostic d = single_diagnostic(r);
    CHECK(d.to_string() ==
          "inline.yaml:4:13: simulation: expected a map of keys, found \"365\"\n"
          "  hint: valid keys here: start, horizon_days, calendar, trace");
  }

  TEST_CASE("a scenario whose top is not a map is rejected") {
    const LoadResult r = load_text("- a\n- b\n");
    const Diagnostic d = single_diagnostic(r);
    CHECK(d.where.to_string() == "inline.yaml:1:1");
    CHECK(d.message == "expected a map of keys at the top of the scenario, found a list");
  }

  TEST_CASE("several scenario errors are reported at once sorted by position") {
    const LoadResult r = load_text(
        "simulation:\n"
        "  horizon_days: 0\n"
        "  calender: civil\n"
        "municipalities:\n"
        "  kita: {population: -5, age_mix: {child: 0.5, adult: 0.6}}\n"
        "hubs:\n"
        "  north:\n"
        "    municipalities: [kita, kita2]\n"
        "    crisis_beds: [{from: 2027-04-01, value: 1}, {from: 2026-01-01, value: 2}]\n");
    REQUIRE_FALSE(r.ok());
    const std::string expected =
        "inline.yaml:2:17: simulation.horizon_days: expected a whole number from 1 to 36500, found \"0\"\n"
        "  hint: valid range: from 1 to 36500 (days)\n"
        "inline.yaml:3:3: simulation.calender: unknown key \"calender\"\n"
        "  hint: did you mean \"calendar\"? valid keys here: start, horizon_days, calendar, trace\n"
        "inline.yaml:5:22: municipalities.kita.population: expected a whole number >= 0, found \"-5\"\n"
        "  hint: valid range: >= 0 (persons)\n"
        "inline.yaml:5:35: municipalities.kita.age_mix: shares must sum to 1, found a sum of 1.1\n"
        "  hint: the difference from 1 is 0.10000000000000009; the tolerance is 1e-9\n"
        "inline.yaml:8:28: hubs.north.municipalities[1]: undefined municipality \"kita2\"\n"
        "  hint: did you mean \"kita\"? declared municipalities: kita\n"
        "inline.yaml:9:56: hubs.north.crisis_beds[1].from: step dates must strictly increase: 2026-01-01 is not "
        "after 2027-04-01\n"
        "  hint: the previous step starts at line 9\n";
    CHECK(r.report() == expected);
  }

}  // TEST_SUITE
