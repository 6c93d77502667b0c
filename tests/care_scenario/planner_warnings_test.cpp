// Planner warnings (care_scenario/planner_warnings.hpp): each is given by a scenario that
// has the problem and not by one that lacks it. The command-line side (stderr, file
// positions, exit status, results unchanged) is in tests/cli/planner_warnings_cli_test.cpp.
#include "care_scenario/planner_warnings.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "care_scenario/bundled.hpp"
#include "care_scenario/care_schema.hpp"
#include "care_scenario/to_parameters.hpp"
#include "models/facilities.hpp"
#include "scenario/loader.hpp"

using namespace caresim;
using care_scenario::planner_warnings;
using care_scenario::PlannerWarning;
using care_scenario::reference_region_parameters;

namespace {

std::vector<std::string> paths(const std::vector<PlannerWarning>& w) {
  std::vector<std::string> out;
  for (const PlannerWarning& x : w) out.push_back(x.path);
  return out;
}

bool has(const std::vector<PlannerWarning>& w, const std::string& path) {
  const auto p = paths(w);
  return std::find(p.begin(), p.end(), path) != p.end();
}

const PlannerWarning* find(const std::vector<PlannerWarning>& w, const std::string& path) {
  for (const PlannerWarning& x : w)
    if (x.path == path) return &x;
  return nullptr;
}

int index_of(const model::Parameters& p, const std::string& id) {
  for (std::size_t m = 0; m < p.municipalities.size(); ++m)
    if (p.municipalities[m].id == id) return static_cast<int>(m);
  FAIL("no municipality " << id);
  return -1;
}

// `p` without the roads touching municipality `id`.
void cut_off(model::Parameters& p, const std::string& id) {
  const int m = index_of(p, id);
  std::erase_if(p.travel, [m](const model::TravelEdge& e) { return e.a == m || e.b == m; });
}

}  // namespace

TEST_CASE("the bundled reference region gives no planner warning") {
  const auto w = planner_warnings(reference_region_parameters());
  for (const PlannerWarning& x : w) MESSAGE(x.path << ": " << x.message);
  CHECK(w.empty());
}

TEST_CASE("a municipality with residents that no road reaches is warned about with what to add") {
  model::Parameters p = reference_region_parameters();
  cut_off(p, "yamazato");
  const auto w = planner_warnings(p);
  REQUIRE(has(w, "municipalities.yamazato"));
  const std::string& m = find(w, "municipalities.yamazato")->message;
  CHECK(m.find("no road reaches yamazato (8000 residents)") != std::string::npos);
  CHECK(m.find("add a road under `roads` from yamazato") != std::string::npos);
  CHECK(!has(w, "municipalities.chuo"));
  CHECK(w.size() == 1);
}

TEST_CASE("a hospital that no road reaches is warned about and its empty municipality is not") {
  model::Parameters p = reference_region_parameters();
  cut_off(p, "outside");  // population 0: the hospital there is cut off, nobody lives there
  const auto w = planner_warnings(p);
  REQUIRE(has(w, "hospitals.hosp-outside.municipality"));
  CHECK(find(w, "hospitals.hosp-outside.municipality")->message.find("nobody there can be admitted to it") !=
        std::string::npos);
  CHECK(!has(w, "municipalities.outside"));
}

TEST_CASE("beds below the day-0 inpatients of the stay bands are warned about for the whole region") {
  model::Parameters p = reference_region_parameters();
  // Day-0 inpatients: per_100k x population, rounded per municipality and band.
  double stock = 0;
  for (const auto& mu : p.municipalities)
    for (const auto& band : p.population.initial_inpatients)
      stock += std::round(band.per_100k * mu.population / 100000.0);
  double beds = 0;
  for (const auto& h : p.hospitals) beds += h.beds.at(0) - h.outside_patients.at(0);
  REQUIRE(beds >= stock);
  CHECK(!has(planner_warnings(p), "hospitals"));
  // Exactly as many beds as inpatients: no warning; one fewer: a warning naming both counts.
  p.hospitals[0].beds = model::Phased::constant(p.hospitals[0].beds.at(0) - (beds - stock));
  CHECK(!has(planner_warnings(p), "hospitals"));
  p.hospitals[0].beds = model::Phased::constant(p.hospitals[0].beds.at(0) - 1);
  const auto w = planner_warnings(p);
  REQUIRE(has(w, "hospitals"));
  const std::string& m = find(w, "hospitals")->message;
  CHECK(m.find("have " + std::to_string(static_cast<int>(stock) - 1) + " general psychiatric beds") !=
        std::string::npos);
  CHECK(m.find("below the " + std::to_string(static_cast<int>(stock)) + " day-0 inpatients") != std::string::npos);
  CHECK(m.find("1 start in beds elsewhere") != std::string::npos);
}

TEST_CASE("a hub with no transition places or no coordinator after it opens is warned about") {
  model::Parameters p = reference_region_parameters();
  REQUIRE(p.hubs.size() == 2);
  const double horizon = p.run.horizon_days;
  SUBCASE("none over the run") {
    p.hubs[1].transition_places = model::Phased::constant(0);
    p.hubs[0].coordinators = model::Phased::constant(0);
    const auto w = planner_warnings(p);
    CHECK(has(w, "hubs.hub-kita.transition_places"));
    CHECK(has(w, "hubs.hub-joint.coordinators"));
    CHECK(!has(w, "hubs.hub-kita.coordinators"));
    CHECK(!has(w, "hubs.hub-joint.transition_places"));
    CHECK(find(w, "hubs.hub-joint.coordinators")->message.find("set coordinators above 0") != std::string::npos);
  }
  SUBCASE("some later in the run, or from the opening on") {
    p.hubs[1].transition_places = model::Phased::step(0, horizon - 10, 2);
    p.hubs[0].open_day = 400;
    p.hubs[0].coordinators = model::Phased::step(0, 400, 1);
    CHECK(planner_warnings(p).empty());
  }
  SUBCASE("only after the horizon") {
    p.hubs[1].transition_places = model::Phased::step(0, horizon + 10, 2);
    CHECK(paths(planner_warnings(p)) == std::vector<std::string>{"hubs.hub-kita.transition_places"});
  }
  SUBCASE("a hub that opens after the run ends") {
    p.hubs[1].open_day = horizon + 1;
    CHECK(paths(planner_warnings(p)) == std::vector<std::string>{"hubs.hub-kita.opens"});
  }
}

TEST_CASE("every facility's capacity key is a key of the resolved scenario") {
  const std::string file = std::string(CARESIM_SCENARIOS_DIR) + "/reference-region.yaml";
  const auto loaded = scenario::load_scenario(care_scenario::care_schema(), file);
  REQUIRE(loaded.ok());
  const model::Parameters p = care_scenario::to_parameters(loaded.scenario());
  const model::FacilityTable table(p);
  for (const model::Facility& f : table.rows()) {
    const std::string key = care_scenario::capacity_key(p, f);
    INFO(f.id << " -> " << key);
    CHECK(loaded.scenario().has(key));
  }
}
