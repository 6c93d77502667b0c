// Phased values: a scalar or dated steps, checked like any other value.
#include <doctest/doctest.h>

#include "scenario_test_support.hpp"

using namespace caresim::scenario;
using namespace caresim::scenario::testing;

namespace {

/** A hub "north" whose crisis_beds are `beds` (YAML text after "crisis_beds:"). */
LoadResult load_beds(const std::string& beds) {
  return load_text(std::string(kMinimal) + "hubs:\n  north:\n    municipalities: [kita]\n    crisis_beds:" + beds);
}

}  // namespace

TEST_SUITE("scenario") {
  TEST_CASE("a phased scenario value accepts a scalar or increasing dated steps") {
    const LoadResult scalar = load_beds(" 4\n");
    REQUIRE(scalar.ok());
    CHECK(scalar.scenario().get_phased<std::int64_t>("hubs.north.crisis_beds").at(*Date::parse("2030-01-01")) == 4);
    const LoadResult steps =
        load_beds("\n      - {from: 2026-01-01, value: 2}\n      - {from: \"2027-10-01\", value: 6}\n");
    INFO(steps.report());
    REQUIRE(steps.ok());
    const auto beds = steps.scenario().get_phased<std::int64_t>("hubs.north.crisis_beds");
    CHECK(beds.at(*Date::parse("2027-04-01")) == 2);
    CHECK(beds.at(*Date::parse("2027-10-01")) == 6);
  }

  TEST_CASE("a one-step phased scenario value equals the same scalar") {
    const LoadResult one = load_beds(" [{from: 2027-04-01, value: 4}]\n");
    const LoadResult scalar = load_beds(" 4\n");
    REQUIRE(one.ok());
    REQUIRE(scalar.ok());
    CHECK(one.scenario() == scalar.scenario());
  }

  TEST_CASE("phased scenario step dates must strictly increase") {
    const LoadResult r = load_beds("\n      - {from: 2027-04-01, value: 2}\n      - {from: 2027-04-01, value: 3}\n");
    const Diagnostic d = single_diagnostic(r);
    CHECK(d.where.to_string() == "inline.yaml:9:16");
    CHECK(d.path == "hubs.north.crisis_beds[1].from");
    CHECK(d.message == "step dates must strictly increase: 2027-04-01 is not after 2027-04-01");
    CHECK(d.hint == "the previous step starts at line 8");
  }

  TEST_CASE("phased scenario step values are type and range checked") {
    const LoadResult r = load_beds("\n      - {from: 2027-04-01, value: 2}\n      - {from: 2028-04-01, value: -1}\n");
    const Diagnostic d = single_diagnostic(r);
    CHECK(d.to_string() ==
          "inline.yaml:9:35: hubs.north.crisis_beds[1].value: expected a whole number >= 0, found "
          "\"-1\"\n  hint: valid range: >= 0 (beds)");
  }

  TEST_CASE("the first phased scenario step may not start after the scenario start") {
    const LoadResult r = load_beds(" [{from: 2027-05-01, value: 4}, {from: 2028-01-01, value: 5}]\n");
    const Diagnostic d = single_diagnostic(r);
    CHECK(d.where.to_string() == "inline.yaml:7:26");
    CHECK(d.path == "hubs.north.crisis_beds[0].from");
    CHECK(d.message == "first step starts on 2027-05-01, after the scenario start 2027-04-01");
  }

  TEST_CASE("phased scenario steps need exactly from and value") {
    const LoadResult r = load_beds(
        "\n      - {frm: 2027-04-01, value: 2}\n      - {from: 2028-04-01}\n      - {from: 2029-02-30, value: 1}\n     "
        " - 7\n");
    CHECK(has_diagnostic(r, "inline.yaml:8:10", "hubs.north.crisis_beds[0].frm", "unknown key \"frm\" in a step"));
    CHECK(has_diagnostic(r, "inline.yaml:8:9", "hubs.north.crisis_beds[0].from", "step has no \"from\""));
    CHECK(has_diagnostic(r, "inline.yaml:9:9", "hubs.north.crisis_beds[1].value", "step has no \"value\""));
    CHECK(has_diagnostic(r, "inline.yaml:10:16", "hubs.north.crisis_beds[2].from",
                         "expected a date YYYY-MM-DD, found \"2029-02-30\""));
    CHECK(has_diagnostic(r, "inline.yaml:11:9", "hubs.north.crisis_beds[3]",
                         "expected a step {from: YYYY-MM-DD, value: ...}, found \"7\""));
    REQUIRE(r.diagnostics().size() == 5);
    CHECK(r.diagnostics()[1].hint == "did you mean \"from\"? valid keys here: from, value");
  }

  TEST_CASE("an empty list is not a phased scenario value") {
    const LoadResult r = load_beds(" []\n");
    CHECK(single_diagnostic(r).message == "expected a value or at least one dated step, found an empty list");
  }

}  // TEST_SUITE
