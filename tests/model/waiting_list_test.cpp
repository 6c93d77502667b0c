// Waiting for a community place: a ready inpatient without a destination waits on every
// reachable group-home and supported-housing list at once, and the first place that frees
// anywhere in reach is theirs (docs/model.md, "Blocked discharges and waiting lists").
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <utility>
#include <vector>

#include "engine/observe/memory_recorder.hpp"
#include "model_test_support.hpp"
#include "models/region.hpp"

using namespace caresim::model;
using caresim::model::testing::short_reference;

namespace {

/** Replays the records and integrates, per municipality of residence, the blocked
 *  person-days and those of them during which a group-home or supported-housing place was
 *  free in some municipality within the travel limit. Places are held by whoever is in
 *  them, and kept through a crisis short stay (the model keeps the return place). */
struct FreePlaceAudit : caresim::engine::Recorder<MovementRecord>, caresim::engine::Recorder<ServiceRecord> {
  explicit FreePlaceAudit(const Parameters& p)
      : n(static_cast<int>(p.municipalities.size())),
        reach(static_cast<std::size_t>(n * n)),
        capacity{std::vector<double>(static_cast<std::size_t>(n)), std::vector<double>(static_cast<std::size_t>(n))},
        held{std::vector<double>(static_cast<std::size_t>(n)), std::vector<double>(static_cast<std::size_t>(n))},
        blocked_here(static_cast<std::size_t>(n)) {
    const TravelMatrix travel(n, p.travel);
    for (int a = 0; a < n; ++a) {
      for (int b = 0; b < n; ++b) reach[idx(a, b)] = travel.minutes(a, b) <= p.hospital.travel_limit_min;
    }
  }

  struct Holding {
    int kind = -1;  // 0 group home, 1 supported housing
    int municipality = -1;
  };

  int n;
  std::vector<bool> reach;
  std::array<std::vector<double>, 2> capacity, held;
  std::vector<int> blocked_here;  // blocked inpatients per municipality of residence
  std::vector<Holding> holding;   // per person
  std::vector<bool> blocked;      // per person
  double last = 0;
  double blocked_days = 0;
  double blocked_days_with_free_place = 0;

  std::size_t idx(int a, int b) const { return static_cast<std::size_t>(a * n + b); }

  void advance(double t) {
    if (t <= last) return;
    const double dt = t - last;
    last = t;
    for (int m = 0; m < n; ++m) {
      const int people = blocked_here[static_cast<std::size_t>(m)];
      if (people == 0) continue;
      bool free_place = false;
      for (int k = 0; k < 2 && !free_place; ++k) {
        for (int to = 0; to < n && !free_place; ++to) {
          const auto f = static_cast<std::size_t>(to);
          free_place =
              reach[idx(m, to)] && capacity[static_cast<std::size_t>(k)][f] - held[static_cast<std::size_t>(k)][f] >= 1;
        }
      }
      blocked_days += dt * people;
      if (free_place) blocked_days_with_free_place += dt * people;
    }
  }

  Holding& holding_of(std::uint64_t person) {
    if (holding.size() <= person) holding.resize(person + 1);
    return holding[person];
  }

  void record(const MovementRecord& r) override {
    advance(r.time);
    Holding& h = holding_of(r.person);
    if (r.to == Place::CrisisStay) return;  // the place at home stays held
    if (h.kind >= 0) held[static_cast<std::size_t>(h.kind)][static_cast<std::size_t>(h.municipality)] -= 1;
    h = Holding{};
    if (r.to == Place::GroupHome) h = Holding{0, r.facility};
    if (r.to == Place::SupportedHousing) h = Holding{1, r.facility};
    if (h.kind >= 0) held[static_cast<std::size_t>(h.kind)][static_cast<std::size_t>(h.municipality)] += 1;
  }

  /** The capacities of group homes (0) and supported housing (1), from their Resources. */
  caresim::model::testing::FacilityListener capacities{[this](FacilityId f, const caresim::engine::ResourceRecord& r) {
    advance(r.time);
    const Facility& row = facilities->rows()[index(f)];
    capacity[row.kind == CapacityKind::GroupHomePlaces ? 0 : 1][static_cast<std::size_t>(row.local)] =
        static_cast<double>(r.capacity);
  }};
  const FacilityTable* facilities = nullptr;

  void attach(CareModel& model) {
    facilities = &model.facilities();
    model.attach(static_cast<caresim::engine::Recorder<MovementRecord>*>(this));
    model.attach(static_cast<caresim::engine::Recorder<ServiceRecord>*>(this));
    capacities.attach_all(model, [](const Facility& row) {
      return row.kind == CapacityKind::GroupHomePlaces || row.kind == CapacityKind::SupportedHousing;
    });
  }

  void record(const ServiceRecord& r) override {
    advance(r.time);
    if (r.kind != ServiceKind::BlockedStart && r.kind != ServiceKind::BlockedEnd) return;
    // Only those waiting for a place wait on the lists (a support wait or a missing plan does not).
    const auto reason = static_cast<BlockReason>(r.detail);
    if (reason != BlockReason::GroupHome && reason != BlockReason::NoHome) return;
    if (blocked.size() <= r.person) blocked.resize(r.person + 1);
    const bool start = r.kind == ServiceKind::BlockedStart;
    REQUIRE(blocked[r.person] != start);
    blocked[r.person] = start;
    blocked_here[static_cast<std::size_t>(r.municipality)] += start ? 1 : -1;
  }
};

/** No arrangement time and no planning conference: an inpatient applies for a place when
 *  ready and moves in as soon as one is theirs. */
void without_arrangements(Parameters& p) {
  p.hospital.place_arrangement_days = 0;
  p.hospital.planning_day = 1e9;
}

}  // namespace

TEST_CASE("no blocked bed-day passes while a group-home or supported-housing place is free within reach") {
  // Half the group-home places: blocking becomes common. Before every reachable list was
  // joined (one group-home list only, supported housing retried at 90-day reviews) this
  // audit found 885.7 of 29,649.6 blocked person-days with a free place in reach (seed 11).
  Parameters p = short_reference(3);
  // The lists' own rules at readiness: places move in at once and applications are made
  // when ready (the arrangements and the conference's early application are shown in
  // hospital_process_test.cpp), so the order of joining is the order of applying.
  without_arrangements(p);
  for (Housing& h : p.housing) h.group_home_places = Phased::constant(std::floor(h.group_home_places.at(0) * 0.5));
  // The audit counts places from the movements: an admitted resident's kept place (the
  // hold) moves with nobody, so the hold is off here.
  p.community.group_home_hold_days = 0;
  CareModel model(p, 11, 0);
  FreePlaceAudit audit(p);
  audit.attach(model);
  model.run();
  audit.advance(p.run.horizon_days);
  MESSAGE("blocked person-days ", audit.blocked_days, ", of them with a free place in reach ",
          audit.blocked_days_with_free_place);
  CHECK(audit.blocked_days > 1000);  // the audit has something to look at
  CHECK(audit.blocked_days_with_free_place == 0.0);
}

namespace {

/** One person's request on one list, from the Join / Leave service records. */
struct ListEntry {
  std::uint64_t person = 0;
  double since = 0;
  bool inpatient = false;
  double applied = 0;  ///< the day the application was made (the Join record's value)
};

/** True if `a` comes before `b` on a list: blocked inpatients before community applicants,
 *  inpatients by the day of their application, then the longest wait. */
bool ahead_of(const ListEntry& a, const ListEntry& b) {
  if (a.inpatient != b.inpatient) return a.inpatient;
  if (a.inpatient && std::floor(a.applied) != std::floor(b.applied))
    return std::floor(a.applied) < std::floor(b.applied);
  return a.since < b.since;
}

bool is_join(ServiceKind k) {
  return k == ServiceKind::GroupHomeListJoin || k == ServiceKind::SupportedHousingListJoin;
}
bool is_leave(ServiceKind k) {
  return k == ServiceKind::GroupHomeListLeave || k == ServiceKind::SupportedHousingListLeave;
}

}  // namespace

TEST_CASE("a ready inpatient on two group-home lists gets the first place that frees at either") {
  // Group homes in chuo and kita only (25 minutes apart), full at day 0, no supported
  // housing: every blocked inpatient of chuo or kita waits on both lists.
  Parameters p = short_reference(3);
  // The lists' own rules at readiness: places move in at once and applications are made
  // when ready (the arrangements and the conference's early application are shown in
  // hospital_process_test.cpp), so the order of joining is the order of applying.
  without_arrangements(p);
  REQUIRE(p.community.waiting_rule == WaitingRule::HospitalFirst);
  const std::size_t chuo = 0, kita = 1;
  REQUIRE(p.municipalities[chuo].id == "chuo");
  REQUIRE(p.municipalities[kita].id == "kita");
  for (std::size_t m = 0; m < p.housing.size(); ++m) {
    p.housing[m].group_home_places = Phased::constant(m == chuo || m == kita ? 12 : 0);
    p.housing[m].group_home_initial_fill = 1.0;
    p.housing[m].supported_housing_places = Phased::constant(0);
  }
  CareModel model(p, 21, 0);
  caresim::engine::MemoryRecorder<ServiceRecord> services;
  caresim::engine::MemoryRecorder<MovementRecord> movements;
  model.attach(&services);
  model.attach(&movements);
  model.run();

  // The lists are rebuilt from the records. A wait ends in one group of Leave records (same
  // time, same person): at a grant, one granted and the other request withdrawn.
  struct Ending {
    int lists = 0, granted = 0, withdrawn = 0, granted_at = -1;
    bool inpatient = false;
  };
  std::array<std::vector<ListEntry>, 2> waiting;  // chuo's and kita's group-home lists
  std::map<std::uint64_t, int> lists_of;          // person -> lists waited on now
  std::map<std::pair<double, std::uint64_t>, Ending> endings;
  int joined_both = 0, wrong_order = 0;
  for (const ServiceRecord& r : services.records()) {
    if (!is_join(r.kind) && !is_leave(r.kind)) continue;
    REQUIRE(r.kind == (is_join(r.kind) ? ServiceKind::GroupHomeListJoin : ServiceKind::GroupHomeListLeave));
    REQUIRE((r.facility == 0 || r.facility == 1));
    auto& line = waiting[static_cast<std::size_t>(r.facility)];
    if (is_join(r.kind)) {
      line.push_back(ListEntry{r.person, r.time, r.flag, r.value});
      if (++lists_of[r.person] == 2) ++joined_both;
      continue;
    }
    const auto me = std::find_if(line.begin(), line.end(), [&](const ListEntry& e) { return e.person == r.person; });
    REQUIRE(me != line.end());
    Ending& end = endings[{r.time, r.person}];
    if (end.granted + end.withdrawn == 0) end.lists = lists_of[r.person];
    if (r.flag) {
      // Nobody ahead of the one granted may still wait.
      for (const ListEntry& e : line) {
        if (e.person == r.person) continue;
        if (ahead_of(e, *me)) ++wrong_order;
      }
      ++end.granted;
      end.granted_at = r.facility;
      end.inpatient = me->inpatient;
    } else {
      ++end.withdrawn;
    }
    line.erase(me);
    --lists_of[r.person];
  }
  std::array<int, 2> grants_from_both{};  // grants to people waiting on both lists, by list
  int bad_endings = 0, inpatient_grants = 0, moved_in = 0;
  for (const auto& [key, end] : endings) {
    if (end.granted == 0) continue;
    bad_endings += end.granted == 1 && end.withdrawn == end.lists - 1 ? 0 : 1;
    if (end.lists == 2) ++grants_from_both[static_cast<std::size_t>(end.granted_at)];
    if (!end.inpatient) continue;
    ++inpatient_grants;
    for (const MovementRecord& m : movements.records()) {
      moved_in += m.time == key.first && m.person == key.second && m.kind == MoveKind::Discharge &&
                          m.to == Place::GroupHome && m.facility == end.granted_at
                      ? 1
                      : 0;
    }
  }
  MESSAGE("on both lists ", joined_both, "; grants to them at chuo ", grants_from_both[0], ", at kita ",
          grants_from_both[1], "; inpatients discharged by a grant ", moved_in, " of ", inpatient_grants);
  CHECK(joined_both > 20);
  CHECK(grants_from_both[0] > 0);
  CHECK(grants_from_both[1] > 0);
  CHECK(bad_endings == 0);
  CHECK(wrong_order == 0);
  CHECK(inpatient_grants > 0);
  CHECK(moved_in == inpatient_grants);
}

TEST_CASE("a supported-housing place that frees goes at once to a blocked inpatient waiting for it") {
  // Few group-home places and supported housing from day 0: blocked inpatients wait for
  // both, and supported-housing tenants leave (admission, death) now and then.
  Parameters p = short_reference(3);
  // The lists' own rules at readiness: places move in at once and applications are made
  // when ready (the arrangements and the conference's early application are shown in
  // hospital_process_test.cpp), so the order of joining is the order of applying.
  without_arrangements(p);
  for (std::size_t k = 0; k < p.housing.size(); ++k) {
    Housing& h = p.housing[k];
    h.group_home_places = Phased::constant(std::floor(h.group_home_places.at(0) * 0.5));
    h.supported_housing_places = Phased::constant(p.municipalities[k].outside_region ? 0 : 4);
  }
  CareModel model(p, 31, 0);
  caresim::engine::MemoryRecorder<ServiceRecord> services;
  caresim::engine::MemoryRecorder<MovementRecord> movements;
  // The supported-housing capacities, (time, municipality, capacity) from the Resources.
  struct Capacity {
    double time;
    int municipality;
    double capacity;
  };
  std::vector<Capacity> capacities;
  caresim::model::testing::FacilityListener listener([&](FacilityId f, const caresim::engine::ResourceRecord& r) {
    capacities.push_back({r.time, model.facilities()[f].local, static_cast<double>(r.capacity)});
  });
  model.attach(&services);
  model.attach(&movements);
  listener.attach_all(model, [](const Facility& row) { return row.kind == CapacityKind::SupportedHousing; });
  model.run();

  // Merge the three streams by time (each is in time order; within one time, which comes
  // first does not matter: the check looks only at the state between two times).
  const std::size_t n = p.municipalities.size();
  std::vector<double> capacity(n), tenants(n), freed_at(n, -1);
  std::vector<int> waiting(n);
  int waited_with_free_place = 0, granted_when_freed = 0, granted = 0;
  std::size_t s = 0, m = 0, c = 0;
  double now = 0;
  auto check_between_times = [&] {
    for (std::size_t k = 0; k < n; ++k) waited_with_free_place += waiting[k] > 0 && capacity[k] - tenants[k] >= 1;
  };
  const double inf = std::numeric_limits<double>::infinity();
  while (true) {
    const double ts = s < services.size() ? services.records()[s].time : inf;
    const double tm = m < movements.size() ? movements.records()[m].time : inf;
    const double tc = c < capacities.size() ? capacities[c].time : inf;
    const double t = std::min({ts, tm, tc});
    if (t == inf) break;
    if (t > now) {
      check_between_times();
      now = t;
    }
    if (tc == t) {
      const Capacity& r = capacities[c++];
      capacity[static_cast<std::size_t>(r.municipality)] = r.capacity;
    } else if (tm == t) {
      const MovementRecord& r = movements.records()[m++];
      // Tenants keep their place through a crisis short stay.
      if (r.from == Place::SupportedHousing && r.to != Place::CrisisStay) {
        tenants[static_cast<std::size_t>(r.from_facility)] -= 1;
        freed_at[static_cast<std::size_t>(r.from_facility)] = r.time;
      }
      if (r.to == Place::SupportedHousing && r.from != Place::CrisisStay) {
        tenants[static_cast<std::size_t>(r.facility)] += 1;
      }
    } else {
      const ServiceRecord& r = services.records()[s++];
      const auto k = static_cast<std::size_t>(r.facility);
      if (r.kind == ServiceKind::SupportedHousingListJoin) ++waiting[k];
      if (r.kind == ServiceKind::SupportedHousingListLeave) {
        --waiting[k];
        granted += r.flag ? 1 : 0;
        granted_when_freed += r.flag && freed_at[k] == r.time ? 1 : 0;
      }
    }
  }
  MESSAGE("supported-housing grants ", granted, ", of them the same day a tenant left ", granted_when_freed);
  CHECK(granted_when_freed > 0);
  CHECK(waited_with_free_place == 0);
}

TEST_CASE("blocked_bed_days is the sum of blocked_bed_days_by_reason in the region and every municipality") {
  Parameters p = short_reference(3);
  for (Housing& h : p.housing) h.group_home_places = Phased::constant(std::floor(h.group_home_places.at(0) * 0.5));
  CareModel model(p, 41, 0);
  const IndicatorTable t = model.run();
  double sum = 0;
  for (const char* reason : {"group_home", "no_home", "support", "no_plan"}) {
    const double days = t.map_value("blocked_bed_days_by_reason", reason);
    MESSAGE("blocked bed-days per year, ", reason, ": ", days);
    CHECK(days > 0);
    sum += days;
  }
  CHECK(t.scalar("blocked_bed_days") == doctest::Approx(sum).epsilon(1e-12));
  REQUIRE(t.by_municipality.size() == p.municipalities.size());
  for (const MunicipalityIndicators& mi : t.by_municipality) {
    CAPTURE(mi.id);
    const IndicatorValue* map = mi.table.find("blocked_bed_days_by_reason");
    REQUIRE(map != nullptr);
    REQUIRE(map->map.size() == 4);
    double by_reason = 0;
    for (const auto& [reason, days] : map->map) by_reason += days;
    CHECK(mi.table.scalar("blocked_bed_days") == doctest::Approx(by_reason).epsilon(1e-12));
    if (mi.table.scalar("blocked_bed_days") > 0) CHECK(mi.table.scalar("blocked_share") > 0);
  }
}
