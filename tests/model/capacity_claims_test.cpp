// Phased capacities take effect on their dates and coordinator claims respect the cap of
// 100 per coordinator per month, one claim per person and month.
#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "engine/observe/memory_recorder.hpp"
#include "model_test_support.hpp"
#include "models/calendar.hpp"

using namespace caresim::model;
using caresim::model::testing::short_reference;

TEST_CASE("phased steps open a hub and add a coordinator on their dates") {
  // The steps of the region's plan (the reference region itself has none), up to FY2027.
  Parameters p = caresim::care_scenario::load_parameters("phased-plan.yaml");
  p.run.horizon_days = model_day(p.run.start, CivilDate{2027, 6, 1});
  p.run.warmup_days = 0;
  CareModel model(p, 1, 0);
  caresim::engine::MemoryRecorder<CapacityRecord> caps;
  model.attach(&caps);
  model.run();
  const double kita_opens = model_day(p.run.start, CivilDate{2026, 10, 1});
  const double third_coordinator = model_day(p.run.start, CivilDate{2027, 4, 1});
  bool opened = false, added = false;
  for (const CapacityRecord& r : caps.records()) {
    if (r.kind == CapacityKind::HubOpen && r.facility == 1 && r.capacity == 1) opened = r.time == kita_opens;
    if (r.kind == CapacityKind::Coordinators && r.facility == 0 && r.capacity == 3) added = r.time == third_coordinator;
    if (r.kind == CapacityKind::CrisisBeds && r.facility == 2 && r.time < kita_opens) CHECK(r.capacity == 0);
  }
  CHECK(opened);
  CHECK(added);
}

TEST_CASE("coordinator claims never exceed 100 per coordinator per month and count a person once a month") {
  Parameters p = short_reference(3);
  for (Hub& h : p.hubs) h.coordinators = Phased::constant(0.2);  // 20 claims a month: the cap binds
  for (Hub& h : p.hubs)
    h.coordinators.steps.emplace_back(model_day(p.run.start, CivilDate{p.run.start.year + 1, 5, 1}), 1.0);
  CareModel model(p, 2, 0);
  caresim::engine::MemoryRecorder<ServiceRecord> services;
  model.attach(&services);
  const IndicatorTable t = model.run();
  const auto months = months_of_run(p.run.start, p.run.horizon_days);
  auto month_of = [&](double time) {
    std::size_t m = 0;
    while (m + 1 < months.size() && months[m + 1].begin <= time) ++m;
    return m;
  };
  std::map<std::pair<int, std::size_t>, int> per_hub_month;
  std::set<std::tuple<std::uint64_t, int, std::size_t>> seen;
  int duplicates = 0;
  for (const ServiceRecord& r : services.records()) {
    if (r.kind != ServiceKind::Claim) continue;
    const std::size_t m = month_of(r.time);
    ++per_hub_month[{r.facility, m}];
    if (!seen.insert({r.person, r.facility, m}).second) ++duplicates;
  }
  CHECK(duplicates == 0);
  REQUIRE(!per_hub_month.empty());
  for (const auto& [key, claims] : per_hub_month) {
    const double cap =
        std::floor(100.0 * p.hubs[static_cast<std::size_t>(key.first)].coordinators.at(months[key.second].begin));
    CHECK(claims <= cap);
  }
  CHECK(t.scalar("coordinator_utilisation") <= 1.0);
  CHECK(t.scalar("coordinator_utilisation") > 0.0);
}
