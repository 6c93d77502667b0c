// The parameter table: declaration rules checked before any file is read.
#include "scenario/schema.hpp"

#include <doctest/doctest.h>

#include <algorithm>

#include "scenario_test_support.hpp"

using namespace caresim::scenario;
using namespace caresim::scenario::testing;

namespace {

bool mentions(const std::vector<std::string>& problems, std::string_view text) {
  return std::any_of(problems.begin(), problems.end(), [&](const std::string& p) { return p == text; });
}

}  // namespace

TEST_SUITE("scenario") {
  TEST_CASE("the scenario test table has no problems") {
    const auto problems = test_schema().problems();
    INFO(problems.size());
    CHECK(problems.empty());
  }

  TEST_CASE("dotted names in a scenario table create sections") {
    Schema s;
    s.add(Param::integer("run.horizon_days").default_value(1).source("assumption"));
    s.add(Param::integer("run.replications").default_value(1).source("assumption"));
    REQUIRE(s.keys() == std::vector<std::string>{"run"});
    const Group::Item run = s.find("run");
    REQUIRE(run.group);
    CHECK(run.group->kind() == Group::Kind::Section);
    CHECK(run.group->keys() == std::vector<std::string>{"horizon_days", "replications"});
    CHECK(s.find_fixed_param("run.replications"));
  }

  TEST_CASE("a scenario table requires a source for every defaulted parameter") {
    Schema s;
    s.add(Param::integer("beds").default_value(3));
    s.add(Param::integer("staff"));  // required: no default, so no source needed
    CHECK(s.problems() == std::vector<std::string>{
                              "beds: has a default but no source (cite the public figure, or write \"assumption\")"});
  }

  TEST_CASE("a scenario table rejects defaults of the wrong type or out of range") {
    Schema s;
    s.add(Param::integer("beds").at_least(0).default_value(-1).source("assumption"));
    s.add(Param::integer("staff").default_value(2.5).source("assumption"));
    s.add(Param::date("start").default_value("2027-02-30").source("assumption"));
    s.add(Param::probability_map("mix").default_shares({{"a", 0.5}}).source("assumption"));
    s.add(Param::reference_list("served", "towns").default_reals({1.0}).source("assumption"));
    s.collection("towns", "town");
    const auto problems = s.problems();
    CHECK(mentions(problems, "beds: default -1 is invalid: expected a whole number >= 0, found \"-1\""));
    CHECK(mentions(problems, "staff: default 2.5 is invalid: expected a whole number, found \"2.5\""));
    CHECK(mentions(problems,
                   "start: default \"2027-02-30\" is invalid: expected a date YYYY-MM-DD, found \"2027-02-30\""));
    CHECK(mentions(problems, "mix: default {a: 0.5} is invalid: shares must sum to 1, found a sum of 0.5"));
    CHECK(mentions(problems, "served: default [1.0] is invalid: it is not a reference list"));
    CHECK(problems.size() == 5);
  }

  TEST_CASE("a scenario table rejects bad names references and phasing") {
    Schema s;
    s.add(Param::integer("Beds").default_value(1).source("assumption"));
    s.add(Param::integer("extends").optional());
    s.add(Param::reference("home", "nowhere").optional());
    s.add(Param::real_list("factors").phased().optional());
    s.add(Param::enumeration("kind", {}).optional());
    s.add(Param::integer("kind").optional());
    s.start_date("home");
    const auto problems = s.problems();
    CHECK(mentions(problems, "Beds: key names use a-z, 0-9 and '_', starting with a letter"));
    CHECK(mentions(problems, "extends: reserved for including another scenario file"));
    CHECK(mentions(problems, "home: refers to \"nowhere\", which is not a collection outside other collections"));
    CHECK(mentions(problems, "factors: a real list cannot be phased"));
    CHECK(mentions(problems, "kind: needs a non-empty list of distinct words"));
    CHECK(mentions(problems, "kind: declared twice"));
    CHECK(mentions(problems, "start_date: \"home\" is not a required or defaulted date outside collections"));
  }

  TEST_CASE("loading against a scenario table with problems throws a schema error") {
    Schema s;
    s.add(Param::integer("beds").default_value(3));
    CHECK_THROWS_AS(load_scenario_text(s, "beds: 1\n", "inline.yaml"), SchemaError);
  }

  TEST_CASE("scenario table visitors give documentation paths with member labels") {
    std::vector<std::string> paths;
    for_each_param(test_schema(), [&](const ParamSite& site) { paths.push_back(site.doc_path); });
    CHECK(std::find(paths.begin(), paths.end(), "hubs.<hub>.sites.<site>.beds") != paths.end());
    CHECK(std::find(paths.begin(), paths.end(), "simulation.start") != paths.end());
    std::vector<std::string> groups;
    for_each_group(test_schema(), [&](const Group&, const std::string& path) { groups.push_back(path); });
    CHECK(groups == std::vector<std::string>{"simulation", "municipalities", "hubs", "hubs.<hub>.sites"});
  }

  TEST_CASE("a scenario table rejects assumed ranges that are inverted, leave the allowed values or miss the default") {
    Schema s;
    s.add(Param::real("rate").at_least(0).default_value(0.1).source("assumption").assumption_range(0.3, 0.2));
    s.add(Param::real("share").range(0, 1).default_value(0.5).source("assumption").assumption_range(0.4, 1.5));
    s.add(Param::real("factor").default_value(2).source("assumption").assumption_range(0.5, 1.5));
    s.add(Param::real_list("hours").default_reals({1, 9}).source("assumption").assumption_range(0, 8));
    s.add(Param::boolean("far").default_value(true).source("assumption").assumption_range(0, 1));
    const auto problems = s.problems();
    CHECK(mentions(problems, "rate: the assumed range's low is above its high"));
    CHECK(mentions(problems, "share: the assumed range 0.4 to 1.5 leaves the allowed values (from 0 to 1)"));
    CHECK(mentions(problems, "factor: the default 2 lies outside its assumed range 0.5 to 1.5"));
    CHECK(mentions(problems, "hours: the default 9 lies outside its assumed range 0 to 8"));
    CHECK(mentions(problems, "far: an assumed range needs an integer, real or real list, not a boolean"));
    CHECK(problems.size() == 6);  // rate's default 0.1 is outside 0.3 to 0.2 as well
  }

}  // TEST_SUITE
