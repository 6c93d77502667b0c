#pragma once
// The audit of a run: a recorder of the model's own record streams (movements, crises,
// snapshots, and every facility's ResourceRecords) that follows each person's place and each
// facility's occupancy and checks every record against that state as it arrives. Shared by
// the invariant tests of the reference region (care_model_test.cpp) and of random
// scenarios (random_scenarios_test.cpp).
#include <cstdint>
#include <map>
#include <utility>

#include "engine/observe/recorder.hpp"
#include "engine/resource/resource_record.hpp"
#include "model_test_support.hpp"
#include "models/care_model.hpp"
#include "models/facilities.hpp"
#include "models/records.hpp"

namespace caresim::model::testing {

/** Counts every broken invariant of the records it is given; all counts 0 on a sound run. */
struct Auditor : engine::Recorder<MovementRecord>, engine::Recorder<SnapshotRecord>, engine::Recorder<CrisisRecord> {
  std::map<std::uint64_t, Place> place;
  std::map<std::pair<int, int>, int> occupied;  // (place, facility) -> people
  std::map<std::pair<int, int>, double> capacity;
  std::map<std::uint32_t, std::int64_t> peak_capacity;  // facility row -> largest capacity it had
  std::uint64_t entered = 0, exited = 0, snapshots = 0, movements = 0, crises = 0, grants = 0;
  std::uint64_t new_people = 0;  ///< Enter records with Cause::NewPerson
  /** Crises that are neither a carer's loss nor the crisis through which a new person first
   *  becomes known (population.p_arrival_crisis, at the moment of arrival): the ones
   *  crisis.rate_home drives. */
  std::uint64_t crises_at_home = 0;
  std::map<std::uint64_t, double> arrived;  // new person -> the time they arrived
  /** A movement whose `from` is not where the person was (someone in two places). */
  int wrong_from = 0;
  /** A person placed in a facility beyond its capacity. */
  int over_capacity = 0;
  /** A resource that granted units beyond its capacity (places, caseloads, programmes). */
  int resource_over = 0;
  /** A grant by a resource whose capacity has been 0 from day 0 up to then. */
  int zero_capacity_grants = 0;
  /** A snapshot whose counts disagree with the movements (people not conserved). */
  int wrong_count = 0;
  /** A record earlier than one before it, over all streams (time going backwards). */
  int backwards = 0;
  double last_time = 0;

  /** Listens to `model`'s movements, snapshots and crises, and to every facility's resource. */
  void attach(CareModel& model) {
    facilities = &model.facilities();
    model.attach(static_cast<engine::Recorder<MovementRecord>*>(this));
    model.attach(static_cast<engine::Recorder<SnapshotRecord>*>(this));
    model.attach(static_cast<engine::Recorder<CrisisRecord>*>(this));
    resources.attach_all(model, [](const Facility&) { return true; });
  }

  void record(const MovementRecord& r) override {
    at(r.time);
    ++movements;
    const auto it = place.find(r.person);
    const Place before = it == place.end() ? Place::Outside : it->second;
    if (before != r.from) ++wrong_from;
    if (r.kind == MoveKind::Enter) ++entered;
    if (r.kind == MoveKind::Enter && r.cause == Cause::NewPerson) {
      ++new_people;
      arrived[r.person] = r.time;
    }
    if (r.kind == MoveKind::Exit) ++exited;
    if (r.from != Place::Home && r.from != Place::Outside) --occupied[{static_cast<int>(r.from), r.from_facility}];
    // Beds elsewhere (the prefectural emergency system, transfers) have no capacity in the model.
    if (r.to != Place::Home && r.to != Place::Outside && r.to != Place::HospitalElsewhere) {
      const std::pair<int, int> key{static_cast<int>(r.to), r.facility};
      if (++occupied[key] > capacity[key]) ++over_capacity;
    }
    place[r.person] = r.to;
  }
  void record(const SnapshotRecord& r) override {
    at(r.time);
    ++snapshots;
    std::uint64_t present = 0;
    for (const auto& [id, pl] : place) present += pl != Place::Outside ? 1 : 0;
    if (r.entered != entered || r.exited != exited || r.present != present || r.present != entered - exited)
      ++wrong_count;
  }
  void record(const CrisisRecord& r) override {
    at(r.time);
    ++crises;
    const auto it = arrived.find(r.person);
    const bool on_arrival = it != arrived.end() && it->second == r.time;
    if (!r.carer_loss && !on_arrival) ++crises_at_home;
  }

 private:
  void at(double time) {
    if (time < last_time) ++backwards;
    last_time = time;
  }
  void resource(FacilityId f, const engine::ResourceRecord& r) {
    at(r.time);
    const Facility& row = facilities->rows()[index(f)];
    std::int64_t& peak = peak_capacity[index(f)];
    peak = std::max(peak, r.capacity);
    if (row.place != Place::Outside)
      capacity[{static_cast<int>(row.place), row.local}] = static_cast<double>(r.capacity);
    if (r.event == engine::ResourceEvent::ImmediateGrant || r.event == engine::ResourceEvent::Grant) {
      ++grants;
      if (r.in_use > r.capacity) ++resource_over;
      if (peak == 0) ++zero_capacity_grants;
    }
  }

  const FacilityTable* facilities = nullptr;
  FacilityListener resources{[this](FacilityId f, const engine::ResourceRecord& r) { resource(f, r); }};
};

}  // namespace caresim::model::testing
