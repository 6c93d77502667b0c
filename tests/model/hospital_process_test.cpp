// Hospital processes with effect (issue 14 §3): the planning conference starts the search
// for a place before readiness; reviews act only through their named steps; the renewal
// reviews of a 医療保護入院's legal period convert stays to 任意 or make a discharge plan;
// the community-care ward caps 180 days counted over the past year. Each effect is shown
// by a paired comparison (common random numbers, 30 replications) or on a constructed
// history. Run the slow ones with: caresim_tests -ts=slow -tc='*hospital process*' -s
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "care_scenario/bundled.hpp"
#include "models/care_model.hpp"
#include "models/community_ward.hpp"
#include "models/parameters.hpp"
#include "tests/model/model_test_support.hpp"
#include "tests/model/paired_comparison.hpp"

using namespace caresim::model;
using namespace caresim::model::testing;
using caresim::care_scenario::reference_region_parameters;

namespace {

constexpr std::uint64_t kSeed = 777;

// Every capacity of the facility table, at every phase step: the arms of a lever that acts
// through a process must hold the same capacities.
std::vector<double> capacities(const Parameters& p) {
  CareModel model(p, kSeed, 0);
  std::vector<double> out;
  const FacilityTable& table = model.facilities();
  for (std::size_t i = 0; i < table.size(); ++i) {
    const FacilityId f{static_cast<std::uint32_t>(i)};
    for (const auto& step : table[f].capacity.steps) {
      out.push_back(step.first);
      out.push_back(step.second);
    }
  }
  return out;
}

struct ServiceCounts : caresim::engine::Recorder<ServiceRecord> {
  void record(const ServiceRecord& r) override { ++kinds[static_cast<int>(r.kind)]; }
  std::uint64_t count(ServiceKind k) const {
    const auto it = kinds.find(static_cast<int>(k));
    return it == kinds.end() ? 0 : it->second;
  }
  std::map<int, std::uint64_t> kinds;
};

// The community-care ward stays of each person, from the movement records.
struct WardStays : caresim::engine::Recorder<MovementRecord> {
  void record(const MovementRecord& r) override {
    if (r.to == Place::CommunityWard) open[r.person] = r.time;
    if (r.from == Place::CommunityWard && r.to != Place::CommunityWard) {
      spells[r.person].push_back(WardSpell{open[r.person], r.time});
      if (r.cause == Cause::WardCap) ++capped;
    }
  }
  std::map<std::uint64_t, double> open;
  std::map<std::uint64_t, std::vector<WardSpell>> spells;
  std::uint64_t capped = 0;
};

}  // namespace

TEST_CASE("the community-care ward cap counts the ward days of the past year, across stays") {
  const double cap = 180, year = 365;
  // No earlier stay: the whole cap.
  CHECK(ward_cap_day({}, 0, cap, year) == doctest::Approx(180));
  // 80 ward days 100 to 20 days before: 100 days left, all used before any old day leaves.
  CHECK(ward_cap_day({{-100, -20}}, 0, cap, year) == doctest::Approx(100));
  // 170 ward days from 360 to 190 days before: 5 days are stayed, then for 170 days each
  // new day replaces an old one leaving the window, then 5 more: the stay lasts 180 days,
  // where a count fixed at admission would have allowed 10.
  CHECK(ward_cap_day({{-360, -190}}, 0, cap, year) == doctest::Approx(180));
  // Two short stays, 60 + 60 days within the year: 60 days left.
  CHECK(ward_cap_day({{-200, -140}, {-100, -40}}, 0, cap, year) == doctest::Approx(60));
  // The cap already used up: none left, the day of admission itself.
  CHECK(ward_cap_day({{-200, -10}}, 0, cap, year) == doctest::Approx(0));
  // A stay more than a year ago does not count.
  CHECK(ward_cap_day({{-500, -400}}, 0, cap, year) == doctest::Approx(180));
  // Days within a window: only the part of each spell inside it.
  CHECK(ward_days_within({{-400, -300}, {-50, -10}}, -365, 0) == doctest::Approx(65 + 40));
  // Spells older than the window are dropped when a new one is noted.
  std::vector<WardSpell> spells{{-500, -400}, {-100, -20}};
  note_ward_spell(spells, 10, 50, 50, year);
  REQUIRE(spells.size() == 2);
  CHECK(spells[0].begin == -100);
  CHECK(spells[1].end == 50);
}

TEST_CASE("nobody stays more than 180 days in the community-care ward within any year, and readmissions get fewer") {
  Parameters p = short_reference(6);
  // Ward beds added, and general beds enough for everyone capped to move to one at once.
  for (Hospital& h : p.hospitals) {
    h.community_ward_beds = Phased::constant(30);
    h.beds = Phased::constant(2 * h.beds.peak());
  }
  CareModel model(p, kSeed, 0);
  WardStays stays;
  model.attach(&stays);
  model.run();
  std::uint64_t shortened = 0;
  for (const auto& entry : stays.spells) {
    const std::uint64_t person = entry.first;  // not a structured binding: INFO captures it
    const std::vector<WardSpell>& list = entry.second;
    for (std::size_t i = 0; i < list.size(); ++i) {
      // The ward days within the year before each ward exit (the count grows only in the ward).
      const double t = list[i].end;
      std::vector<WardSpell> upto(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(i) + 1);
      std::string shown;
      for (const WardSpell& w : upto) shown += " [" + std::to_string(w.begin) + ", " + std::to_string(w.end) + ")";
      INFO("person " << person << " leaving the ward on day " << t << "; ward stays:" << shown);
      CHECK(ward_days_within(upto, t - 365, t) <= 180 + 1e-6);
      // A stay capped before 180 days of its own: days of an earlier stay counted.
      const double own = list[i].end - list[i].begin;
      if (i > 0 && own < 180 - 1e-6 && ward_days_within(upto, t - 365, t) >= 180 - 1e-6) ++shortened;
    }
  }
  CHECK(stays.capped > 0);
  CHECK(shortened > 0);  // the rule over the past year acted, not only the cap per stay
}

TEST_CASE("a 医療保護入院 has renewal reviews at 3 and 6 months and every 6 months, and conversions are counted") {
  Parameters p = short_reference(4);
  p.hospital.p_convert_at_renewal = 0.5;
  ServiceCounts counts;
  CareModel model(p, kSeed, 0);
  model.attach(&counts);
  const IndicatorTable t = model.run();
  CHECK(counts.count(ServiceKind::LegalConversion) > 0);
  CHECK(counts.count(ServiceKind::CommitteePlan) > 0);
  CHECK(t.scalar("legal_conversions") > 0);
  // No conversion at all: none counted.
  Parameters none = p;
  none.hospital.p_convert_at_renewal = 0;
  CareModel other(none, kSeed, 0);
  ServiceCounts c0;
  other.attach(&c0);
  CHECK(other.run().scalar("legal_conversions") == 0);
  CHECK(c0.count(ServiceKind::LegalConversion) == 0);
}

TEST_CASE("the 医療保護 renewal reviews fall on the legal dates of the stay") {
  // Renewal records of one run: every conversion or committee plan of a stay begun in the
  // run falls 3 months, 6 months or 6k months (calendar) after its admission day.
  Parameters p = short_reference(4);
  p.hospital.p_convert_at_renewal = 0.3;
  p.hospital.p_committee_plan_at_renewal = 0.5;
  struct Check : caresim::engine::Recorder<MovementRecord>, caresim::engine::Recorder<ServiceRecord> {
    explicit Check(Date s) : start(s) {}
    void record(const MovementRecord& r) override {
      if (r.kind == MoveKind::Admit) admitted[r.person] = r.time;
    }
    void record(const ServiceRecord& r) override {
      if (r.kind != ServiceKind::LegalConversion && r.kind != ServiceKind::CommitteePlan) return;
      const auto it = admitted.find(r.person);
      if (it == admitted.end()) return;  // a day-0 stay
      ++checked;
      const double whole = std::floor(it->second);
      const Date a = date_of_model_day(start, it->second);
      bool legal = false;
      for (int months = 3; months <= 120 && !legal; months = months < 6 ? 6 : months + 6) {
        std::chrono::year_month_day d = a.ymd() + std::chrono::months{months};
        if (!d.ok()) d = std::chrono::year_month_day_last{d.year(), std::chrono::month_day_last{d.month()}};
        legal = std::abs(model_day(start, Date(d)) + (it->second - whole) - r.time) < 1e-6;
      }
      INFO("person " << r.person << " admitted on day " << it->second << ", renewal review on day " << r.time);
      CHECK(legal);
    }
    Date start;
    std::map<std::uint64_t, double> admitted;
    std::uint64_t checked = 0;
  } check(p.run.start);
  CareModel model(p, kSeed, 0);
  model.attach(static_cast<caresim::engine::Recorder<MovementRecord>*>(&check));
  model.attach(static_cast<caresim::engine::Recorder<ServiceRecord>*>(&check));
  model.run();
  CHECK(check.checked > 0);
}

TEST_SUITE("slow") {
  TEST_CASE("hospital process: planning at day 7 lowers blocked bed-days against no early planning, same capacities") {
    Parameters base = reference_region_parameters();
    base.hospital.planning_day = 1e9;  // no stay reaches it: conditions are arranged only at readiness
    const Parameters planned = reference_region_parameters();
    CHECK(capacities(base) == capacities(planned));
    const auto r = paired(base, planned,
                          {scalar_outcome("blocked_bed_days"), map_outcome("blocked_bed_days_by_reason", "group_home"),
                           map_outcome("blocked_bed_days_by_reason", "no_home"),
                           map_outcome("blocked_bed_days_by_reason", "support"), long_stay_outcome()},
                          "planning day never -> 7");
    CHECK(r[0].significantly_favourable());
  }

  TEST_CASE("hospital process: where caseloads have room, the support applied for at the conference is ready sooner") {
    // With every support caseload ten times larger, a wait for support is its arrangements
    // (in the reference region the waits for a caseload place are most of it, and the
    // conference's earlier position only reorders inpatients among themselves).
    Parameters base = reference_region_parameters();
    for (Housing& h : base.housing)
      for (Phased* caseload : {&h.independent_living_caseload, &h.settlement_caseload, &h.home_nursing_caseload})
        for (auto& step : caseload->steps) step.second *= 10;
    const Parameters planned = base;
    base.hospital.planning_day = 1e9;
    CHECK(capacities(base) == capacities(planned));
    const auto r = paired(base, planned,
                          {map_outcome("blocked_bed_days_by_reason", "support"), scalar_outcome("blocked_bed_days")},
                          "planning day never -> 7, support caseloads x10");
    CHECK(r[0].significantly_favourable());
  }

  TEST_CASE("hospital process: the days to arrange support at home lengthen the stays of those waiting for it") {
    // Without the conference every application is made at readiness, so the arrangement
    // days are waited in hospital by everyone going home to a new 自立生活援助 or 地域定着支援.
    Parameters base = reference_region_parameters();
    base.hospital.planning_day = 1e9;
    base.support.arrangement_days = 0;
    Parameters slow = base;
    slow.support.arrangement_days = 30;
    CHECK(capacities(base) == capacities(slow));
    const auto r =
        paired(base, slow, {map_outcome("blocked_bed_days_by_reason", "support"), scalar_outcome("blocked_bed_days")},
               "support arrangement 0 -> 30 days, no conference");
    CHECK(r[0].significantly_above_zero());  // more blocked bed-days for support
  }

  TEST_CASE("hospital process: more frequent reviews lower the blocked bed-days of long stays without a plan") {
    Parameters base = reference_region_parameters();
    Parameters frequent = base;
    frequent.hospital.review_interval_days = 30;
    const auto r = paired(base, frequent,
                          {map_outcome("blocked_bed_days_by_reason", "no_plan"), scalar_outcome("blocked_bed_days")},
                          "review interval 90 -> 30 days");
    CHECK(r[0].significantly_favourable());
  }

  TEST_CASE("hospital process: conversion to 任意 at renewal reviews lowers the 医療保護 stock and long stays") {
    Parameters base = reference_region_parameters();
    base.hospital.p_convert_at_renewal = 0;
    Parameters converting = base;
    converting.hospital.p_convert_at_renewal = 0.5;
    const auto r =
        paired(base, converting,
               {map_outcome("stock_type_mix", "involuntary"), long_stay_outcome(), scalar_outcome("legal_conversions")},
               "conversion at renewal 0 -> 0.5");
    CHECK(r[0].significantly_favourable());
    CHECK(r[1].significantly_favourable());
    CHECK(r[2].significantly_above_zero());
  }

  TEST_CASE(
      "hospital process: the committee's discharge plan at renewal reviews lowers blocked bed-days without a plan") {
    Parameters base = reference_region_parameters();
    base.hospital.p_committee_plan_at_renewal = 0;
    Parameters committee = base;
    committee.hospital.p_committee_plan_at_renewal = 1;
    const auto r = paired(base, committee,
                          {map_outcome("blocked_bed_days_by_reason", "no_plan"), scalar_outcome("blocked_bed_days")},
                          "committee plan at renewal 0 -> 1");
    CHECK(r[0].significantly_favourable());
  }
}
