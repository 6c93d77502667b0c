// Phased capacities take effect on their dates; coordinators' hours bound what they spend,
// the planned tasks leave the emergency reserve; the 機能強化加算 respects its cap of 100
// user-months per full-time coordinator a month, one per person and month, and needs a
// full-time coordinator.
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

TEST_CASE("coordinator hours spent never exceed the month's hours and planned tasks leave the emergency reserve") {
  Parameters p = short_reference(3);
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
  std::map<std::pair<int, std::size_t>, double> planned, spent;
  int backups = 0;
  for (const ServiceRecord& r : services.records()) {
    const bool plan = r.kind == ServiceKind::Motivation || r.kind == ServiceKind::Registration;
    if (!plan && r.kind != ServiceKind::Backup) continue;
    const std::pair<int, std::size_t> key{r.facility, month_of(r.time)};
    if (plan) planned[key] += r.value;
    spent[key] += r.value;
    backups += r.kind == ServiceKind::Backup ? 1 : 0;
  }
  REQUIRE(!spent.empty());
  CHECK(backups > 0);
  std::map<std::pair<int, std::size_t>, double> hours;
  for (const CoordinatorRecord& r : hubs.records()) {
    if (static_cast<std::size_t>(r.month) < months.size()) hours[{r.hub, static_cast<std::size_t>(r.month)}] = r.hours;
  }
  for (const auto& [key, h] : spent) {
    const double fte = p.hubs[static_cast<std::size_t>(key.first)].coordinators.at(months[key.second].begin);
    CHECK(hours.at(key) == doctest::Approx(fte * p.coordination.hours_per_fte_month));
    CHECK(h <= hours.at(key) + 1e-9);
    CHECK(planned[key] <= hours.at(key) * (1.0 - p.coordination.emergency_reserve_share) + 1e-9);
  }
  CHECK(t.scalar("coordinator_utilisation") <= 1.0);
  CHECK(t.scalar("coordinator_utilisation") > 0.0);
}

TEST_CASE("add-on claims never exceed 100 per full-time coordinator a month and count a person once a month") {
  Parameters p = short_reference(3);
  REQUIRE(p.hubs.size() == 2);
  for (Hub& h : p.hubs) h.add_on_funded = true;
  p.hubs[1].coordinators = Phased::constant(0.99);  // hub-kita: below one full-time, no add-on
  CareModel model(p, 2, 0);
  caresim::engine::MemoryRecorder<ServiceRecord> services;
  caresim::engine::MemoryRecorder<CoordinatorRecord> hubs;
  model.attach(&services);
  model.attach(&hubs);
  model.run();
  const auto months = months_of_run(p.run.start, p.run.horizon_days);
  auto month_of = [&](double time) {
    std::size_t m = 0;
    while (m + 1 < months.size() && months[m + 1].begin <= time) ++m;
    return m;
  };
  std::map<std::pair<int, std::size_t>, int> per_hub_month;
  std::set<std::tuple<std::uint64_t, int, std::size_t>> seen;
  int duplicates = 0, kita_claims = 0;
  double kita_hours_spent = 0;
  for (const ServiceRecord& r : services.records()) {
    if (r.facility == 1 &&
        (r.kind == ServiceKind::Motivation || r.kind == ServiceKind::Backup || r.kind == ServiceKind::Registration))
      kita_hours_spent += r.value;
    if (r.kind != ServiceKind::Claim) continue;
    const std::size_t m = month_of(r.time);
    ++per_hub_month[{r.facility, m}];
    kita_claims += r.facility == 1 ? 1 : 0;
    if (!seen.insert({r.person, r.facility, m}).second) ++duplicates;
  }
  CHECK(duplicates == 0);
  REQUIRE(!per_hub_month.empty());
  // A 0.99 post bills nothing (常勤で1以上) but works: its hours reach people.
  CHECK(kita_claims == 0);
  CHECK(kita_hours_spent > 0);
  std::map<std::pair<int, std::size_t>, int> available;
  for (const CoordinatorRecord& r : hubs.records()) {
    if (static_cast<std::size_t>(r.month) < months.size())
      available[{r.hub, static_cast<std::size_t>(r.month)}] = r.claims_available;
    if (r.hub == 1) CHECK(r.claims_available == 0);
  }
  for (const auto& [key, claims] : per_hub_month) {
    const double staff = p.hubs[static_cast<std::size_t>(key.first)].coordinators.at(months[key.second].begin);
    CHECK(claims <= available.at(key));
    CHECK(available.at(key) == std::floor(100.0 * staff));
  }
}

TEST_CASE("a hub whose host office does not bill the add-on makes no claims") {
  Parameters p = short_reference(2);
  for (Hub& h : p.hubs) h.add_on_funded = false;
  CareModel model(p, 2, 0);
  caresim::engine::MemoryRecorder<ServiceRecord> services;
  model.attach(&services);
  model.run();
  int claims = 0;
  for (const ServiceRecord& r : services.records()) claims += r.kind == ServiceKind::Claim ? 1 : 0;
  CHECK(claims == 0);
}
