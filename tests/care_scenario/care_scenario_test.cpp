// The care parameter table, the bundled scenarios and their translation into model
// parameters.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "care_scenario_test_support.hpp"
#include "scenario/render.hpp"

using namespace caresim;
using caresim::test::load_bundled;
using caresim::test::load_text;

TEST_CASE("the care parameter table has no problems and every default cites a source") {
  const auto& schema = care_scenario::care_schema();
  CHECK(schema.problems().empty());
  scenario::for_each_param(schema, [](const scenario::ParamSite& site) {
    if (site.param.default_val()) {
      INFO(site.doc_path);
      CHECK_FALSE(site.param.source_text().empty());
    }
  });
}

TEST_CASE("every bundled scenario loads and translates into model parameters") {
  for (const char* file : {"reference-region.yaml", "hub-multifunction.yaml", "hub-network.yaml", "no-hub.yaml",
                           "more-coordinators.yaml", "more-group-homes.yaml", "more-supported-housing.yaml",
                           "more-support-caseload.yaml", "phased-plan.yaml", "fewer-beds.yaml"}) {
    INFO(file);
    const auto s = load_bundled(file);
    CHECK_NOTHROW(care_scenario::to_parameters(s));
  }
}

TEST_CASE("the reference region has about 300000 residents in five municipalities with one small town") {
  const auto p = care_scenario::to_parameters(load_bundled("reference-region.yaml"));
  double residents = 0;
  int towns = 0, small = 0, outside = 0;
  for (const auto& m : p.municipalities) {
    if (m.outside_region) {
      ++outside;
      continue;
    }
    residents += m.population;
    ++towns;
    if (m.population < 10000) ++small;
  }
  CHECK(residents == doctest::Approx(300000).epsilon(0.05));
  CHECK(towns >= 4);
  CHECK(towns <= 6);
  CHECK(small >= 1);
  CHECK(outside == 1);
  bool hospital_outside = false;
  for (const auto& h : p.hospitals) hospital_outside |= p.municipalities[h.municipality].outside_region;
  CHECK(hospital_outside);
}

TEST_CASE("the network and multi-function variants have the same resources and differ in sites only") {
  const auto multi = care_scenario::to_parameters(load_bundled("hub-multifunction.yaml"));
  const auto network = care_scenario::to_parameters(load_bundled("hub-network.yaml"));
  REQUIRE(multi.hubs.size() == 1);
  REQUIRE(network.hubs.size() == 1);
  const auto& a = multi.hubs[0];
  const auto& b = network.hubs[0];
  CHECK(a.type == model::HubType::MultiFunction);
  CHECK(b.type == model::HubType::Network);
  CHECK(a.sites.size() == 1);
  CHECK(b.sites.size() > 1);
  auto total = [](const model::Hub& h, auto field) {
    double sum = 0;
    for (const auto& site : h.sites) sum += (site.*field).at(0);
    return sum;
  };
  CHECK(total(a, &model::HubSite::crisis_beds) == total(b, &model::HubSite::crisis_beds));
  CHECK(total(a, &model::HubSite::trial_slots) == total(b, &model::HubSite::trial_slots));
  CHECK(a.coordinators.at(5000) == b.coordinators.at(5000));
  CHECK(a.transition_places.at(0) == b.transition_places.at(0));
  CHECK(a.municipalities == b.municipalities);
  CHECK(a.hours == b.hours);
}

TEST_CASE("a null in an extending file removes the inherited hub") {
  const auto p = care_scenario::to_parameters(load_bundled("no-hub.yaml"));
  CHECK(p.hubs.empty());
}

TEST_CASE("phased coordinators become a step function of the model day") {
  const auto p = care_scenario::to_parameters(load_bundled("more-coordinators.yaml"));
  REQUIRE(p.hubs.size() == 2);
  const auto& joint = p.hubs[0];
  CHECK(joint.id == "hub-joint");
  CHECK(joint.coordinators.at(0) == 2);
  CHECK(joint.coordinators.at(3652) == 5);  // 2027-04-01 is day 3652 after 2017-04-01
  CHECK(joint.coordinators.at(3651.5) == 2);
}

TEST_CASE("a hub opening date becomes its opening model day") {
  const auto p = care_scenario::to_parameters(load_bundled("phased-plan.yaml"));
  REQUIRE(p.hubs.size() == 2);
  CHECK(p.hubs[0].id == "hub-joint");
  CHECK(p.hubs[0].open_day == 0);
  CHECK(p.hubs[1].id == "hub-kita");
  CHECK(p.hubs[1].open_day == 3470);  // 2026-10-01, from 2017-04-01
}

TEST_CASE("the run window counts warm-up and reported years in calendar years") {
  const auto s = load_bundled("reference-region.yaml", {"simulation.warmup_years=1", "simulation.years=2"});
  const auto w = care_scenario::run_window(s);
  CHECK(w.warmup_days == 365);
  CHECK(w.horizon_days == 365 + 365 + 366);  // FY2019 contains 29 February 2020
}

TEST_CASE("a multi-function hub with two sites is a cross-key error naming the hub") {
  const auto s = load_bundled("hub-network.yaml", {"hubs.hub-joint.type=multi_function"});
  CHECK_THROWS_WITH_AS(care_scenario::to_parameters(s),
                       doctest::Contains("hubs.hub-joint.sites: a multi_function hub has exactly one site (found 4)"),
                       care_scenario::BindingError);
}

TEST_CASE("readiness hazard lists of unequal length are a cross-key error") {
  const auto s = load_bundled("reference-region.yaml", {"hospital.readiness_hazard_per_day=[0.01, 0.005]"});
  CHECK_THROWS_WITH_AS(care_scenario::to_parameters(s),
                       doctest::Contains("needs one value per entry of readiness_hazard_from_days (6), found 2"),
                       care_scenario::BindingError);
}

TEST_CASE("an outside-region municipality with residents and a short response list are both reported") {
  const auto s = load_bundled("reference-region.yaml",
                              {"municipalities.outside.population=100", "response.response_hours=[1, 2]"});
  try {
    care_scenario::to_parameters(s);
    FAIL("expected a BindingError");
  } catch (const care_scenario::BindingError& e) {
    REQUIRE(e.problems().size() == 2);
    CHECK(e.problems()[0].find("municipalities.outside.population") != std::string::npos);
    CHECK(e.problems()[1].find("response.response_hours: needs 4 values") != std::string::npos);
  }
}

TEST_CASE("a scenario without municipalities or hospitals is rejected before anything runs") {
  const auto r = load_text("simulation: {years: 3}\n");
  REQUIRE_FALSE(r.ok());
  CHECK(r.report().find("municipalities") != std::string::npos);
  CHECK(r.report().find("hospitals") != std::string::npos);
}

TEST_CASE("the generated parameter reference in docs is up to date") {
  const auto path = test::scenarios_dir().parent_path() / "docs" / "scenario-format.md";
  std::ifstream in(path);
  REQUIRE_MESSAGE(in.good(),
                  "missing " << path.string() << ": run caresim schema --markdown > docs/scenario-format.md");
  std::stringstream text;
  text << in.rdbuf();
  CHECK_MESSAGE(text.str() == scenario::render_markdown(care_scenario::care_schema()),
                "docs/scenario-format.md is stale: run build/cli/caresim schema --markdown > docs/scenario-format.md");
}
