// The occupancy indicator is the facilities' own account: place-days their Resources held
// over place-days offered after the warm-up. Checked here against integrals computed
// independently, by plain summation, from the movement records and from the Resources'
// records (docs/indicators.md, occupancy).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "engine/observe/memory_recorder.hpp"
#include "model_test_support.hpp"

using namespace caresim::model;
using caresim::engine::ResourceEvent;
using caresim::engine::ResourceRecord;
using caresim::model::testing::FacilityListener;
using caresim::model::testing::short_reference;

namespace {

/** A count that holds between changes, integrated over [from, until] by plain summation
 *  in long double (independent of engine::TimeWeighted). */
struct Area {
  double from = 0;
  double value = 0, last = 0;
  long double area = 0;
  void set(double t, double v) {
    const double lo = std::max(last, from);
    if (t > lo) area += static_cast<long double>(value) * (t - lo);
    value = v;
    last = t;
  }
  long double until(double t) const {
    const double lo = std::max(last, from);
    return area + (t > lo ? static_cast<long double>(value) * (t - lo) : 0.0L);
  }
};

/** Place-days held and offered, per municipality and for the region (key -1), integrated
 *  from the ResourceRecords of the facilities it listens to. */
struct ResourceAreas {
  explicit ResourceAreas(double warmup) : warmup(warmup) {}
  double warmup;
  std::map<std::uint32_t, std::pair<Area, Area>> by_facility;  // (in use, capacity)
  FacilityListener listener{[this](FacilityId f, const ResourceRecord& r) {
    auto [it, fresh] = by_facility.try_emplace(static_cast<std::uint32_t>(f));
    if (fresh) it->second.first.from = it->second.second.from = warmup;
    it->second.first.set(r.time, static_cast<double>(r.in_use));
    it->second.second.set(r.time, static_cast<double>(r.capacity));
  }};
  /** (held, offered) until `t` over the facilities standing in `municipality` (-1: all). */
  std::pair<long double, long double> sum(const FacilityTable& table, int municipality, double t) const {
    long double held = 0, offered = 0;
    for (const auto& [row, areas] : by_facility) {
      if (municipality >= 0 && table.rows()[row].municipality != municipality) continue;
      held += areas.first.until(t);
      offered += areas.second.until(t);
    }
    return {held, offered};
  }
};

}  // namespace

TEST_CASE(
    "hospital and crisis-bed occupancy is the time average of the Resources' in-use and agrees with the movements") {
  const Parameters p = short_reference(3);
  const double warmup = p.run.warmup_days, horizon = p.run.horizon_days;
  CareModel model(p, 5, 0);
  ResourceAreas hospitals(warmup), crisis_beds(warmup);
  hospitals.listener.attach_all(model, [](const Facility& row) { return row.group == kHospitalGroup; });
  crisis_beds.listener.attach_all(model, [](const Facility& row) { return row.group == kCrisisBedGroup; });
  // From the movements: people in the region's psychiatric beds (not in beds elsewhere) and
  // in crisis beds, per municipality the facility stands in.
  const FacilityTable& table = model.facilities();
  const std::size_t n = p.municipalities.size();
  std::vector<Area> in_beds(n + 1, Area{warmup}), in_crisis_beds(n + 1, Area{warmup});
  struct Moves : caresim::engine::Recorder<MovementRecord> {
    const FacilityTable* table = nullptr;
    std::vector<Area>* beds = nullptr;
    std::vector<Area>* crisis = nullptr;
    void add(Place place, int local, double t, double delta) {
      FacilityId f{};
      if (!table->hosts(place, local, f)) return;
      const Facility& row = (*table)[f];
      std::vector<Area>* areas = row.group == kHospitalGroup ? beds : row.group == kCrisisBedGroup ? crisis : nullptr;
      if (areas == nullptr) return;
      for (Area* a : {&(*areas)[static_cast<std::size_t>(row.municipality)], &areas->back()})
        a->set(t, a->value + delta);
    }
    void record(const MovementRecord& r) override {
      add(r.from, r.from_facility, r.time, -1);
      add(r.to, r.facility, r.time, +1);
    }
  } moves;
  moves.table = &table;
  moves.beds = &in_beds;
  moves.crisis = &in_crisis_beds;
  model.attach(&moves);
  const IndicatorTable t = model.run();

  for (int m = -1; m < static_cast<int>(n); ++m) {
    CAPTURE(m);
    const std::size_t k = m < 0 ? n : static_cast<std::size_t>(m);
    const IndicatorTable& scope = m < 0 ? t : t.by_municipality[k].table;
    const auto [held, offered] = hospitals.sum(table, m, horizon);
    const auto [crisis_held, crisis_offered] = crisis_beds.sum(table, m, horizon);
    // The Resources held exactly the beds that people were in.
    CHECK(static_cast<double>(held) == doctest::Approx(static_cast<double>(in_beds[k].until(horizon))).epsilon(1e-12));
    CHECK(static_cast<double>(crisis_held) ==
          doctest::Approx(static_cast<double>(in_crisis_beds[k].until(horizon))).epsilon(1e-12));
    const double hospital_occupancy = offered > 0 ? static_cast<double>(held / offered) : 0.0;
    const double crisis_occupancy = crisis_offered > 0 ? static_cast<double>(crisis_held / crisis_offered) : 0.0;
    CHECK(scope.map_value("occupancy", "hospitals") == doctest::Approx(hospital_occupancy).epsilon(1e-12));
    CHECK(scope.map_value("occupancy", "crisis_beds") == doctest::Approx(crisis_occupancy).epsilon(1e-12));
  }
  // Something to compare: the region's beds are mostly full, and crisis beds are used.
  CHECK(t.map_value("occupancy", "hospitals") > 0.5);
  CHECK(t.map_value("occupancy", "crisis_beds") > 0.0);
}

TEST_CASE("a group-home resident on a crisis short stay keeps the place and counts in group-home occupancy") {
  Parameters p = short_reference(3);
  p.community.group_home_hold_days = 0;
  const double warmup = p.run.warmup_days, horizon = p.run.horizon_days;
  CareModel model(p, 5, 0);
  ResourceAreas homes(warmup);
  homes.listener.attach_all(model, [](const Facility& row) { return row.group == kGroupHomeGroup; });
  // Releases of group-home places, by (time, person). (An admitted resident's kept place is
  // counted too, so the hold is off in this case: see the next.)
  caresim::engine::MemoryRecorder<ResourceRecord> releases;
  FacilityListener release_listener([&](FacilityId, const ResourceRecord& r) {
    if (r.event == ResourceEvent::Release) releases.record(r);
  });
  release_listener.attach_all(model, [](const Facility& row) { return row.group == kGroupHomeGroup; });
  // From the movements: residents at home in a group home, and those on a short stay from one.
  struct Moves : caresim::engine::Recorder<MovementRecord> {
    explicit Moves(double warmup) : at_home{warmup}, on_short_stay{warmup} {}
    Area at_home, on_short_stay;
    std::vector<std::pair<double, std::uint64_t>> short_stays;  // (time, person) of stays from a group home
    void record(const MovementRecord& r) override {
      if (r.from == Place::GroupHome) at_home.set(r.time, at_home.value - 1);
      if (r.to == Place::GroupHome) at_home.set(r.time, at_home.value + 1);
      if (r.kind == MoveKind::ShortStay && r.from == Place::GroupHome) {
        short_stays.emplace_back(r.time, r.person);
        on_short_stay.set(r.time, on_short_stay.value + 1);
      }
      // The stay ends: back to the group home, to hospital (the place is given up) or out.
      if (r.from == Place::CrisisStay && away_from_home.erase(r.person) > 0)
        on_short_stay.set(r.time, on_short_stay.value - 1);
      if (r.kind == MoveKind::ShortStay && r.from == Place::GroupHome) away_from_home.insert(r.person);
    }
    std::set<std::uint64_t> away_from_home;  // on a short stay from a group home
  } moves(warmup);
  model.attach(&moves);
  const IndicatorTable t = model.run();

  REQUIRE(moves.short_stays.size() > 10);
  REQUIRE(moves.on_short_stay.until(horizon) > 0);  // short-stay days after the warm-up
  // Going on a short stay gives no group-home place back.
  int released_on_leaving = 0;
  for (const auto& [time, person] : moves.short_stays) {
    for (const ResourceRecord& r : releases.records()) released_on_leaving += r.time == time && r.client == person;
  }
  CHECK(released_on_leaving == 0);
  // The places held are the residents at home plus those on a short stay from home.
  const auto [held, offered] = homes.sum(model.facilities(), -1, horizon);
  REQUIRE(offered > 0);
  const long double at_home = moves.at_home.until(horizon), away = moves.on_short_stay.until(horizon);
  CHECK(static_cast<double>(held) == doctest::Approx(static_cast<double>(at_home + away)).epsilon(1e-12));
  const double occupancy = t.map_value("occupancy", "group_homes");
  CHECK(occupancy == doctest::Approx(static_cast<double>((at_home + away) / offered)).epsilon(1e-12));
  CHECK(occupancy > static_cast<double>(at_home / offered));  // more than the residents at home alone
}

TEST_CASE("a group home keeps an admitted resident's place, who goes back to it when discharged within the hold") {
  const Parameters p = short_reference(4);
  const double hold = p.community.group_home_hold_days;
  REQUIRE(hold > 0);
  CareModel model(p, 5, 0);
  // From the movements: each admission from a group home (directly or from a short stay
  // taken from one), and where the stay's first discharge to the community goes.
  struct Moves : caresim::engine::Recorder<MovementRecord> {
    std::map<std::uint64_t, int> home_of;                      // person -> group home (municipality) they live in
    std::map<std::uint64_t, std::pair<double, int>> admitted;  // person -> (admission time, kept group home)
    int back = 0, elsewhere_within_hold = 0, after_hold = 0;
    void record(const MovementRecord& r) override {
      if (r.to == Place::GroupHome) home_of[r.person] = r.facility;
      if (r.to != Place::GroupHome && r.to != Place::CrisisStay && !in_hospital(r.to)) home_of.erase(r.person);
      if (r.kind == MoveKind::Admit && (r.from == Place::GroupHome || r.from == Place::CrisisStay)) {
        const auto it = home_of.find(r.person);
        if (it != home_of.end()) admitted[r.person] = {r.time, it->second};
      }
      if (r.kind == MoveKind::Exit) admitted.erase(r.person);
      if (r.kind != MoveKind::Discharge) return;
      const auto it = admitted.find(r.person);
      if (it == admitted.end()) return;
      const auto [when, kept] = it->second;
      admitted.erase(it);
      if (r.time - when > kHold) {
        ++after_hold;
      } else if (r.to == Place::GroupHome && r.facility == kept) {
        ++back;
      } else {
        ++elsewhere_within_hold;
      }
    }
    double kHold = 0;
  } moves;
  moves.kHold = hold;
  model.attach(&moves);
  model.run();
  MESSAGE("discharges of admitted group-home residents: back to the kept place "
          << moves.back << ", elsewhere within the hold " << moves.elsewhere_within_hold << ", after the hold "
          << moves.after_hold);
  CHECK(moves.back > 10);
  CHECK(moves.elsewhere_within_hold == 0);
  CHECK(moves.after_hold > 0);
}
