// The resolved scenario: typed accessors, defaults, member order, YAML round trip, hash.
#include "scenario/scenario.hpp"

#include <doctest/doctest.h>

#include "scenario_test_support.hpp"

using namespace caresim::scenario;
using namespace caresim::scenario::testing;

namespace {

Scenario load_region() {
  const LoadResult result = load_scenario(test_schema(), data_dir() / "region.yaml");
  INFO(result.report());
  REQUIRE(result.ok());
  return result.scenario();
}

}  // namespace

TEST_SUITE("scenario") {
  TEST_CASE("a loaded scenario answers typed accessors by dotted path") {
    const Scenario s = load_region();
    CHECK(s.get_int("simulation.horizon_days") == 730);
    CHECK(s.get_date("simulation.start") == *Date::from_ymd(2027, 4, 1));
    CHECK(s.get_string("title") == "Test region");
    CHECK(s.get_int("municipalities.kita.population") == 120000);
    CHECK(s.get_real("municipalities.minami.incidence") == 3.1);
    CHECK(s.get_names("hubs.north.municipalities") == std::vector<std::string>{"kita", "minami"});
    CHECK(s.get_string("hubs.south.home") == "minami");
    CHECK(s.get_int("hubs.north.sites.home_b.beds") == 6);
    CHECK(s.get_string("hubs.north.sites.home_b.kind") == "group_home");
  }

  TEST_CASE("a scenario fills in every default the file leaves out") {
    const Scenario s = load_region();
    CHECK(s.get_string("simulation.calendar") == "fiscal");
    CHECK_FALSE(s.get_bool("simulation.trace"));
    CHECK(s.get_real("municipalities.kita.incidence") == 2.5);
    CHECK(s.get_shares("municipalities.minami.age_mix") ==
          ProbabilityMap{{"child", 0.2}, {"adult", 0.6}, {"senior", 0.2}});
    CHECK(s.get_reals("municipalities.kita.monthly_factor") == std::vector<double>{1.0, 1.0});
    CHECK(s.get_phased<std::int64_t>("hubs.south.crisis_beds").is_constant());
    CHECK(s.get_int("hubs.north.sites.ward_a.beds") == 20);
    CHECK(s.get_string("hubs.north.sites.ward_a.kind") == "ward");
    CHECK_FALSE(s.has("hubs.north.home"));
  }

  TEST_CASE("scenario collection members are listed in file order") {
    const Scenario s = load_region();
    CHECK(s.members("municipalities") == std::vector<std::string>{"kita", "minami"});
    CHECK(s.members("hubs") == std::vector<std::string>{"north", "south"});
    CHECK(s.members("hubs.north.sites") == std::vector<std::string>{"ward_a", "home_b"});
    CHECK(s.members("hubs.south.sites").empty());
  }

  TEST_CASE("a phased scenario value is a step function of the date") {
    const Scenario s = load_region();
    const StepFunction<std::int64_t> beds = s.get_phased<std::int64_t>("hubs.north.crisis_beds");
    REQUIRE(beds.steps().size() == 2);
    CHECK(beds.at(*Date::from_ymd(2027, 4, 1)) == 3);
    CHECK(beds.at(*Date::from_ymd(2028, 3, 31)) == 3);
    CHECK(beds.at(*Date::from_ymd(2028, 4, 1)) == 5);
    CHECK(s.get_phased<double>("hubs.north.admission_share").at(*Date::from_ymd(2030, 1, 1)) == 0.1);
    CHECK(s.get_phased<std::int64_t>("simulation.horizon_days").is_constant());
  }

  TEST_CASE("reading a scenario key with the wrong accessor throws an access error") {
    const Scenario s = load_region();
    CHECK_THROWS_AS((void)s.get_real("simulation.horizon_days"), AccessError);
    CHECK_THROWS_AS((void)s.get_int("hubs.north.crisis_beds"), AccessError);
    CHECK_THROWS_AS((void)s.get_phased<double>("hubs.north.crisis_beds"), AccessError);
    CHECK_THROWS_WITH_AS(
        (void)s.get_int("simulation.horizon_day"),
        "scenario has no parameter \"simulation.horizon_day\"; did you mean \"simulation.horizon_days\"?", AccessError);
    CHECK_THROWS_AS((void)s.members("hub"), AccessError);
  }

  TEST_CASE("the resolved scenario YAML lists defaults in table order") {
    const Scenario s = load_region();
    const std::string yaml = s.to_yaml();
    CHECK(
        yaml.starts_with("title: \"Test region\"\nsimulation:\n  start: 2027-04-01\n  horizon_days: 730\n"
                         "  calendar: fiscal\n  trace: false\nmunicipalities:\n  kita:\n    population: 120000\n"
                         "    incidence: 2.5\n"));
    CHECK(yaml.find("    crisis_beds:\n      - {from: 2027-04-01, value: 3}\n      - {from: 2028-04-01, value: 5}\n") !=
          std::string::npos);
    CHECK(yaml.find("      home_b:\n        beds: 6\n        kind: group_home\n") != std::string::npos);
    CHECK(yaml.find("    sites: {}\n") != std::string::npos);
  }

  TEST_CASE("reloading the resolved scenario YAML gives an identical scenario") {
    const Scenario s = load_region();
    const LoadResult again = load_scenario_text(test_schema(), s.to_yaml(), "resolved.yaml");
    INFO(again.report());
    REQUIRE(again.ok());
    CHECK(again.scenario() == s);
    CHECK(again.scenario().to_yaml() == s.to_yaml());
    CHECK(again.scenario().hash() == s.hash());
  }

  TEST_CASE("the scenario hash is FNV-1a 64 of the resolved YAML") {
    CHECK(fnv1a64("") == 14695981039346656037ull);
    CHECK(fnv1a64("a") == 0xaf63dc4c8601ec8cull);
    const Scenario s = load_region();
    CHECK(s.hash() == fnv1a64(s.to_yaml()));
    CHECK(s.hash_hex().size() == 16);
    const LoadResult changed = load_scenario(test_schema(), data_dir() / "region.yaml", {"hubs.south.crisis_beds=1"});
    REQUIRE(changed.ok());
    CHECK(changed.scenario().hash() != s.hash());
  }

}  // TEST_SUITE
