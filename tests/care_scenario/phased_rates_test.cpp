// Phased rates and probabilities in scenario files and --set: the same syntax as phased
// capacities, checked step by step, and step functions of the model day in the parameters.
#include <doctest/doctest.h>

#include <string>

#include "care_scenario_test_support.hpp"

using namespace caresim;
using caresim::test::load_bundled;
using caresim::test::load_text;

namespace {

/** A small valid scenario followed by `extra` (YAML text at the top level). */
std::string region_with(const std::string& extra) {
  return "municipalities:\n"
         "  kita: {population: 1000}\n"
         "hospitals:\n"
         "  hosp: {municipality: kita, beds: 10}\n"
         "population:\n"
         "  initial_inpatients:\n"
         "    all: {min_days: 0, max_days: 365, per_100k: 100, share_65plus: 0.5}\n" +
         extra;
}

/** The only diagnostic of `r` as text (file:line:col: path: message). */
std::string only_problem(const scenario::LoadResult& r) {
  INFO(r.report());
  REQUIRE(r.diagnostics().size() == 1);
  return r.diagnostics().front().to_string();
}

}  // namespace

TEST_CASE("phased rates in a scenario become step functions of the model day") {
  const auto p = care_scenario::to_parameters(load_bundled("phased-plan.yaml"));
  // 2027-04-01 is day 3652 and 2028-04-01 day 4018 after 2017-04-01.
  CHECK(p.response.p_home_with_hub.at(3651.5) == 0.35);
  CHECK(p.response.p_home_with_hub.at(3652) == 0.45);
  CHECK(p.transition.p_success.at(4017.5) == 0.5);
  CHECK(p.transition.p_success.at(4018) == 0.6);
  CHECK(p.hubs[0].coordinators.at(4018) == 4);
  CHECK(p.crisis.rate_home.steps.size() == 1);  // a plain number is one step from day 0
}

TEST_CASE("a phased rate with step dates out of order is reported at its file line and column") {
  const auto r =
      load_text(region_with("crisis:\n"
                            "  rate_home:\n"
                            "    - {from: 2025-04-01, value: 0.15}\n"
                            "    - {from: 2028-04-01, value: 0.3}\n"
                            "    - {from: 2027-04-01, value: 0.2}\n"));
  CHECK(only_problem(r) ==
        "test.yaml:12:14: crisis.rate_home[2].from: step dates must strictly increase: 2027-04-01 is not after "
        "2028-04-01\n  hint: the previous step starts at line 11");
}

TEST_CASE("a phased rate with a repeated step date is reported at its file line and column") {
  const auto r = load_text(
      region_with("crisis:\n  carer_loss_rate: [{from: 2025-04-01, value: 0.02}, {from: 2025-04-01, value: 0.03}]\n"));
  CHECK(only_problem(r) ==
        "test.yaml:9:61: crisis.carer_loss_rate[1].from: step dates must strictly increase: 2025-04-01 is not after "
        "2025-04-01\n  hint: the previous step starts at line 9");
}

TEST_CASE("a phased probability with a step above one is reported at its file line and column") {
  const auto r = load_text(
      region_with("response:\n  p_home_with_hub: [{from: 2025-04-01, value: 0.35}, {from: 2027-04-01, value: 1.2}]\n"));
  CHECK(only_problem(r) ==
        "test.yaml:9:80: response.p_home_with_hub[1].value: expected a number from 0 to 1, found \"1.2\"\n"
        "  hint: valid range: from 0 to 1 (probability)");
}

TEST_CASE("a phased rate whose first step starts after the scenario start is reported") {
  const auto r = load_text(region_with("transition:\n  p_success: [{from: 2027-04-01, value: 0.6}]\n"));
  CHECK(only_problem(r) ==
        "test.yaml:9:22: transition.p_success[0].from: first step starts on 2027-04-01, after the scenario start "
        "2025-04-01\n  hint: the first step must be at or before simulation.start (2025-04-01) so that the value is "
        "defined from the start");
}

TEST_CASE("a phased rate can be given with --set") {
  const auto s = load_bundled("reference-region.yaml",
                              {"crisis.rate_home=[{from: 2017-04-01, value: 0.15}, {from: 2019-04-01, value: 0.3}]"});
  const auto p = care_scenario::to_parameters(s);
  CHECK(p.crisis.rate_home.at(729.5) == 0.15);
  CHECK(p.crisis.rate_home.at(730) == 0.3);
}

TEST_CASE("a phased rate out of range in --set names the override and its column") {
  const auto r =
      scenario::load_scenario(care_scenario::care_schema(), test::scenarios_dir() / "reference-region.yaml",
                              {"crisis.rate_home=[{from: 2017-04-01, value: 0.15}, {from: 2019-04-01, value: -1}]"});
  CHECK(only_problem(r) ==
        "--set:1:78: crisis.rate_home[1].value: expected a number >= 0, found \"-1\"\n"
        "  hint: valid range: >= 0 (per person-year)");
}
