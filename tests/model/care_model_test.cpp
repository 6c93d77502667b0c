// Invariants of the care model checked on its record streams: conservation of people,
// capacities never exceeded, one place per person and reproducibility. The pinned
// fingerprints are tests/regression/fingerprints.csv.
#include <doctest/doctest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "engine/observe/memory_recorder.hpp"
#include "model_audit.hpp"
#include "model_test_support.hpp"

using namespace caresim::model;
using caresim::model::testing::Auditor;
using caresim::model::testing::short_reference;

TEST_CASE("people are conserved and nobody is in two places and no capacity is exceeded") {
  const Parameters p = short_reference();
  CareModel model(p, 7, 0);
  Auditor audit;
  audit.attach(model);
  const IndicatorTable t = model.run();
  CHECK(audit.snapshots >= 36);
  CHECK(audit.wrong_count == 0);
  CHECK(audit.wrong_from == 0);
  CHECK(audit.over_capacity == 0);
  CHECK(audit.resource_over == 0);
  CHECK(audit.backwards == 0);
  CHECK(audit.entered > 4000);
  CHECK(audit.exited > 0);
  CHECK(t.scalar("people_present") == doctest::Approx(static_cast<double>(audit.entered - audit.exited)));
}

TEST_CASE("the same seed gives identical indicators and another seed different ones") {
  const Parameters p = short_reference(2);
  CareModel a(p, 11, 3), b(p, 11, 3), c(p, 11, 4);
  const std::string ja = a.run().to_json();
  CHECK(ja == b.run().to_json());
  CHECK(ja != c.run().to_json());
  CHECK(a.events() == b.events());
}

TEST_CASE("a model runs once and rejects inconsistent parameters") {
  CareModel model(short_reference(1), 1, 0);
  model.run();
  CHECK_THROWS_AS(model.run(), std::logic_error);
  Parameters bad = short_reference(1);
  bad.housing.pop_back();
  CHECK_THROWS_AS(CareModel(bad, 1, 0), std::invalid_argument);
  Parameters no_hazard = short_reference(1);
  no_hazard.hospital.readiness_hazard.clear();
  CHECK_THROWS_AS(CareModel(no_hazard, 1, 0), std::invalid_argument);
  Parameters late = short_reference(1);
  REQUIRE(late.run.horizon_days == 365);
  late.run.warmup_days = 366;
  CHECK_THROWS_WITH_AS(CareModel(late, 1, 0),
                       "Parameters: run.warmup_days = 366 must be from 0 to run.horizon_days = 365 (the indicators "
                       "are collected from the warm-up to the horizon)",
                       std::invalid_argument);
}

TEST_CASE("a recorder attaches to a facility's resource by row and a hub's coordinators have none") {
  CareModel model(short_reference(1), 1, 0);
  const FacilityTable& table = model.facilities();
  caresim::engine::MemoryRecorder<caresim::engine::ResourceRecord> beds;
  model.attach(table.beds(0), &beds);
  CHECK_THROWS_WITH_AS(model.attach(table.coordinators(0), &beds),
                       "CareModel::attach: facility hub-joint/coordinators is a hub's coordinators, which have no "
                       "Resource; their staff is in CoordinatorRecord",
                       std::invalid_argument);
  const std::string rows = std::to_string(table.size());
  const std::string out_of_range =
      "CareModel::attach: facility row " + rows + " is out of range; the facility table has " + rows + " rows";
  CHECK_THROWS_WITH_AS(model.attach(FacilityId{static_cast<std::uint32_t>(table.size())}, &beds), out_of_range.c_str(),
                       std::invalid_argument);
  model.run();
  // The stream opens with the day-0 capacity, and every record is of the first hospital's beds.
  REQUIRE(beds.size() > 1);
  const caresim::engine::ResourceRecord& first = beds.records().front();
  CHECK(first.time == 0);
  CHECK(first.event == caresim::engine::ResourceEvent::CapacityChange);
  CHECK(first.capacity > 0);
  for (const auto& r : beds.records()) CHECK(r.resource == beds.records().front().resource);
}

TEST_CASE("the indicator table prints every indicator in JSON and text and per municipality") {
  CareModel model(short_reference(2), 5, 0);
  const IndicatorTable t = model.run();
  CHECK(t.version == model_version);
  REQUIRE(t.by_municipality.size() == short_reference(2).municipalities.size());
  for (const char* name : {"discharge_rate_3m", "community_days_mean", "readmission_365d", "inpatients_per_100k",
                           "long_stay_share", "average_length_of_stay", "blocked_bed_days", "time_to_response",
                           "coordinator_utilisation", "hub_coverage", "coordinator_coverage"}) {
    CHECK(t.find(name) != nullptr);
    CHECK(t.by_municipality[0].table.find(name) != nullptr);
  }
  const auto json = nlohmann::ordered_json::parse(t.to_json());
  CHECK(json.at("model_version") == 8);
  CHECK(json.at("by_municipality").size() == t.by_municipality.size());
  CHECK(json.at("by_municipality").contains(t.by_municipality[0].id));
  CHECK(json.at("indicators").at("crisis_outcomes").begin().key() == "home");
  CHECK(t.to_text().find("[yamazato 山里町]") != std::string::npos);
  CHECK(t.map_value("occupancy", "hospitals") > 0.5);
  CHECK(t.map_value("occupancy", "hospitals") <= 1.0);
}
