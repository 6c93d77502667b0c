// Phased capacities take effect on their dates and coordinator claims respect the cap of
// 100 per coordinator per month, one claim per person and month; a hub with fewer than one
// coordinator answers nothing and has no claims.
#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <set>
#include <tuple>
#include <utility>
#include <vector>

#include "engine/observe/memory_recorder.hpp"
#include "model_test_support.hpp"
#include "models/calendar.hpp"

using namespace caresim::model;
using namespace std::chrono_literals;
using caresim::model::testing::short_reference;

TEST_CASE("phased steps open a hub and add a coordinator on their dates") {
  // The steps of the region's plan (the reference region itself has none), up to FY2027.
  Parameters p = caresim::care_scenario::load_parameters("phased-plan.yaml");
  p.run.horizon_days = model_day(p.run.start, Date{2027y / 6 / 1});
  p.run.warmup_days = 0;
  CareModel model(p, 1, 0);
  caresim::engine::MemoryRecorder<CoordinatorRecord> hubs;
  model.attach(&hubs);
  // The crisis beds of hub site 2 (hub-kita's), from their Resource.
  std::vector<std::pair<double, std::int64_t>> site_beds;
  caresim::model::testing::FacilityListener beds(
      [&](FacilityId, const caresim::engine::ResourceRecord& r) { site_beds.emplace_back(r.time, r.capacity); });
  beds.attach(model, model.facilities().crisis_beds(2));
  model.run();
  const double kita_opens = model_day(p.run.start, Date{2026y / 10 / 1});
  const double third_coordinator = model_day(p.run.start, Date{2027y / 4 / 1});
  // Both steps fall on a month start, where each hub's CoordinatorRecord gives its staff.
  double kita_first_staffed = -1, joint_first_three = -1;
  for (const CoordinatorRecord& r : hubs.records()) {
    if (r.hub == 1 && r.coordinators > 0 && kita_first_staffed < 0) kita_first_staffed = r.time;
    if (r.hub == 1 && r.time < kita_opens) CHECK(r.coordinators == 0);
    if (r.hub == 0 && r.coordinators == 3 && joint_first_three < 0) joint_first_three = r.time;
  }
  CHECK(kita_first_staffed == kita_opens);
  CHECK(joint_first_three == third_coordinator);
  REQUIRE(!site_beds.empty());
  bool opened = false;
  for (const auto& [time, capacity] : site_beds) {
    if (time < kita_opens) CHECK(capacity == 0);
    opened = opened || (time == kita_opens && capacity > 0);
  }
  CHECK(opened);
}

TEST_CASE("coordinator claims never exceed 100 per coordinator per month and count a person once a month") {
  Parameters p = short_reference(3);
  // 0.2 coordinators: no claims at all (fewer than one answers nothing); then one, 100 a month.
  for (Hub& h : p.hubs) h.coordinators = Phased::constant(0.2);
  for (Hub& h : p.hubs)
    h.coordinators.steps.emplace_back(model_day(p.run.start, Date{std::chrono::year{p.run.start.year() + 1} / 5 / 1}),
                                      1.0);
  CareModel model(p, 2, 0);
  caresim::engine::MemoryRecorder<ServiceRecord> services;
  caresim::engine::MemoryRecorder<CoordinatorRecord> hubs;
  model.attach(&services);
  model.attach(&hubs);
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
  std::map<std::pair<int, std::size_t>, int> available;
  for (const CoordinatorRecord& r : hubs.records()) {
    if (static_cast<std::size_t>(r.month) < months.size())
      available[{r.hub, static_cast<std::size_t>(r.month)}] = r.claims_available;
  }
  for (const auto& [key, claims] : per_hub_month) {
    const double staff = p.hubs[static_cast<std::size_t>(key.first)].coordinators.at(months[key.second].begin);
    CHECK(staff >= 1.0);
    CHECK(claims <= available.at(key));
    CHECK(available.at(key) == std::floor(100.0 * staff));
  }
  CHECK(t.scalar("coordinator_utilisation") <= 1.0);
  CHECK(t.scalar("coordinator_utilisation") > 0.0);
}

TEST_CASE("a hub with 0.99 coordinators has 0 claims available and makes 0 claims") {
  Parameters p = short_reference(3);
  REQUIRE(p.hubs.size() == 2);
  p.hubs[1].coordinators = Phased::constant(0.99);  // hub-kita; hub-joint keeps its 2
  CareModel model(p, 2, 0);
  caresim::engine::MemoryRecorder<ServiceRecord> services;
  caresim::engine::MemoryRecorder<CoordinatorRecord> hubs;
  model.attach(&services);
  model.attach(&hubs);
  const IndicatorTable t = model.run();
  int kita_months = 0, joint_available = 0;
  for (const CoordinatorRecord& r : hubs.records()) {
    if (r.hub == 1) {
      ++kita_months;
      CHECK_FALSE(r.answers);
      CHECK(r.claims_available == 0);
    } else {
      joint_available += r.claims_available;
    }
  }
  CHECK(kita_months > 0);
  CHECK(joint_available > 0);
  int kita_claims = 0, joint_claims = 0;
  for (const ServiceRecord& r : services.records()) {
    if (r.kind == ServiceKind::Claim) ++(r.facility == 1 ? kita_claims : joint_claims);
  }
  CHECK(kita_claims == 0);
  CHECK(joint_claims > 0);
  CHECK(t.scalar("coordinator_utilisation") <= 1.0);
}
