// Checking values against their declarations: types, ranges, dates, words, shares.
#include "scenario/value_check.hpp"

#include <doctest/doctest.h>

#include "scenario_test_support.hpp"

using namespace caresim::scenario;
using namespace caresim::scenario::testing;

namespace {

/** kMinimal with `extra` appended. */
LoadResult load_with(const std::string& extra) {
  return load_text(std::string(kMinimal) + extra);
}

}  // namespace

TEST_SUITE("scenario") {
  TEST_CASE("a negative scenario bed count is out of range") {
    const LoadResult r = load_with("hubs:\n  north:\n    municipalities: [kita]\n    crisis_beds: -2\n");
    const Diagnostic d = single_diagnostic(r);
    CHECK(d.to_string() ==
          "inline.yaml:7:18: hubs.north.crisis_beds: expected a whole number >= 0, found \"-2\"\n"
          "  hint: valid range: >= 0 (beds)");
  }

  TEST_CASE("a scenario whole number rejects words fractions and quotes") {
    const LoadResult r = load_text(
        "simulation:\n  horizon_days: lots\nmunicipalities:\n  kita: {population: 2.5}\n  minami: {population: "
        "\"7\"}\n");
    REQUIRE(r.diagnostics().size() == 3);
    CHECK(has_diagnostic(r, "inline.yaml:2:17", "simulation.horizon_days",
                         "expected a whole number from 1 to 36500, found \"lots\""));
    CHECK(has_diagnostic(r, "inline.yaml:4:22", "municipalities.kita.population",
                         "expected a whole number >= 0, found \"2.5\""));
    CHECK(r.diagnostics()[1].hint == "write a whole number");
    CHECK(has_diagnostic(r, "inline.yaml:5:24", "municipalities.minami.population",
                         "expected a whole number >= 0, found \"7\""));
    CHECK(r.diagnostics()[2].hint == "quoted values are text; remove the quotes");
  }

  TEST_CASE("a scenario real with an exclusive minimum rejects the bound") {
    const LoadResult r = load_text("municipalities:\n  kita: {population: 1, incidence: 0}\n");
    const Diagnostic d = single_diagnostic(r);
    CHECK(d.where.to_string() == "inline.yaml:2:36");
    CHECK(d.path == "municipalities.kita.incidence");
    CHECK(d.message == "expected a number > 0, found \"0\"");
    CHECK(d.hint == "valid range: > 0 (per 1000 persons per year)");
  }

  TEST_CASE("a scenario real rejects infinity and text") {
    const LoadResult r = load_text(
        "municipalities:\n  kita: {population: 1, incidence: .inf}\n  minami: {population: 1, "
        "incidence: [1]}\n");
    CHECK(has_diagnostic(r, "inline.yaml:2:36", "municipalities.kita.incidence",
                         "expected a number > 0, found \".inf\""));
    CHECK(has_diagnostic(r, "inline.yaml:3:38", "municipalities.minami.incidence",
                         "expected a number > 0, found a list"));
  }

  TEST_CASE("a scenario boolean accepts only true or false") {
    const LoadResult r = load_with("simulation:\n  trace: yes\n");
    const Diagnostic d = single_diagnostic(r);
    CHECK(d.where.to_string() == "inline.yaml:5:10");
    CHECK(d.message == "expected true or false, found \"yes\"");
    CHECK(d.hint == "write true or false");
  }

  TEST_CASE("a scenario date must exist in the calendar") {
    const LoadResult r = load_with("simulation:\n  start: 2027-02-29\n");
    const Diagnostic d = single_diagnostic(r);
    CHECK(d.where.to_string() == "inline.yaml:5:10");
    CHECK(d.path == "simulation.start");
    CHECK(d.message == "expected a date YYYY-MM-DD, found \"2027-02-29\"");
    CHECK(d.hint == "2027-02 has 28 days");
    const LoadResult format = load_with("simulation:\n  start: 1 April 2027\n");
    CHECK(single_diagnostic(format).hint == "write dates as YYYY-MM-DD, e.g. 2027-04-01");
  }

  TEST_CASE("a scenario enumeration suggests the nearest word") {
    const LoadResult r = load_with("simulation:\n  calendar: fiskal\n");
    const Diagnostic d = single_diagnostic(r);
    CHECK(d.where.to_string() == "inline.yaml:5:13");
    CHECK(d.message == "expected one of fiscal, civil, found \"fiskal\"");
    CHECK(d.hint == "did you mean \"fiscal\"?");
  }

  TEST_CASE("scenario probability map shares must sum to one") {
    const LoadResult r =
        load_text("municipalities:\n  kita:\n    population: 1\n    age_mix: {child: 0.5, adult: 0.4}\n");
    const Diagnostic d = single_diagnostic(r);
    CHECK(d.where.to_string() == "inline.yaml:4:14");
    CHECK(d.path == "municipalities.kita.age_mix");
    CHECK(d.message == "shares must sum to 1, found a sum of 0.9");
    CHECK(d.hint == "the difference from 1 is -0.09999999999999998; the tolerance is 1e-9");
  }

  TEST_CASE("scenario probability map shares within 1e-9 of one are accepted") {
    const LoadResult r = load_text(
        "municipalities:\n  kita:\n    population: 1\n"
        "    age_mix: {child: 0.1, adult: 0.2, senior: 0.7000000001}\n");
    INFO(r.report());
    CHECK(r.ok());
  }

  TEST_CASE("scenario probability map keys and shares are checked one by one") {
    const LoadResult r = load_text(
        "municipalities:\n  kita:\n    population: 1\n"
        "    age_mix: {adlt: 0.5, child: 1.5, senior: -0.5}\n");
    REQUIRE(r.diagnostics().size() == 3);
    CHECK(has_diagnostic(r, "inline.yaml:4:15", "municipalities.kita.age_mix.adlt", "unknown share \"adlt\""));
    CHECK(r.diagnostics()[0].hint == "did you mean \"adult\"? valid names: child, adult, senior");
    CHECK(has_diagnostic(r, "inline.yaml:4:33", "municipalities.kita.age_mix.child",
                         "expected a share from 0 to 1, found \"1.5\""));
    CHECK(has_diagnostic(r, "inline.yaml:4:46", "municipalities.kita.age_mix.senior",
                         "expected a share from 0 to 1, found \"-0.5\""));
  }

  TEST_CASE("scenario real lists check every element") {
    const LoadResult r = load_text("municipalities:\n  kita:\n    population: 1\n    monthly_factor: [1, 7, x]\n");
    REQUIRE(r.diagnostics().size() == 2);
    CHECK(has_diagnostic(r, "inline.yaml:4:25", "municipalities.kita.monthly_factor[1]",
                         "expected a number from 0 to 5, found \"7\""));
    CHECK(has_diagnostic(r, "inline.yaml:4:28", "municipalities.kita.monthly_factor[2]",
                         "expected a number from 0 to 5, found \"x\""));
  }

  TEST_CASE("a scenario string rejects a map") {
    const LoadResult r = load_with("title: {a: 1}\n");
    CHECK(single_diagnostic(r).to_string() == "inline.yaml:4:8: title: expected a string, found a map");
  }

  TEST_CASE("a scenario reference list must be a list without repeats") {
    const LoadResult r = load_with("hubs:\n  north: {municipalities: kita}\n  south: {municipalities: [kita, kita]}\n");
    REQUIRE(r.diagnostics().size() == 2);
    CHECK(has_diagnostic(r, "inline.yaml:5:27", "hubs.north.municipalities",
                         "expected a list of names of members of municipalities, found \"kita\""));
    CHECK(r.diagnostics()[0].hint == "write a list, e.g. [kita]");
    CHECK(has_diagnostic(r, "inline.yaml:6:34", "hubs.south.municipalities[1]", "\"kita\" is listed twice"));
  }

  TEST_CASE("an empty scenario probability map and a non-name reference are rejected") {
    const LoadResult r = load_text(
        "municipalities:\n  kita: {population: 1, age_mix: {}}\n"
        "hubs:\n  north: {municipalities: [[kita]]}\n");
    REQUIRE(r.diagnostics().size() == 2);
    CHECK(has_diagnostic(r, "inline.yaml:2:34", "municipalities.kita.age_mix",
                         "expected a map of shares summing to 1 with names from child, adult, senior, found a map"));
    CHECK(r.diagnostics()[0].hint == "list at least one share");
    CHECK(has_diagnostic(r, "inline.yaml:4:28", "hubs.north.municipalities[0]", "expected a name, found a list"));
  }

}  // TEST_SUITE
