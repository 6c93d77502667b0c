// The community-care ward's 180-day cap and the region-wide bed queue.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "engine/observe/memory_recorder.hpp"
#include "model_test_support.hpp"

using namespace caresim::model;
using caresim::model::testing::short_reference;

namespace {
struct WardAudit : caresim::engine::Recorder<MovementRecord>, caresim::engine::Recorder<ServiceRecord> {
  std::map<std::uint64_t, double> entered_ward;
  std::set<std::uint64_t> blocked;
  int ward_changes = 0, over_cap = 0, ward_admissions = 0;
  void record(const MovementRecord& r) override {
    if (r.to == Place::CommunityWard) {
      entered_ward[r.person] = r.time;
      ++ward_admissions;
    }
    if (r.kind == MoveKind::WardChange) ++ward_changes;
    if (r.from == Place::CommunityWard && r.time - entered_ward[r.person] > 180.0 + 1e-9 && !blocked.count(r.person)) {
      ++over_cap;
    }
  }
  void record(const ServiceRecord& r) override {
    if (r.kind == ServiceKind::BlockedStart) blocked.insert(r.person);
  }
};
}  // namespace

TEST_CASE("nobody stays in a community-care ward beyond 180 days unless blocked") {
  Parameters p = short_reference(3);
  for (Hospital& h : p.hospitals) h.community_ward_beds = Phased::constant(20);
  CareModel model(p, 8, 0);
  WardAudit audit;
  model.attach(static_cast<caresim::engine::Recorder<MovementRecord>*>(&audit));
  model.attach(static_cast<caresim::engine::Recorder<ServiceRecord>*>(&audit));
  model.run();
  CHECK(audit.ward_admissions > 50);
  CHECK(audit.ward_changes > 0);
  CHECK(audit.over_cap == 0);
}

TEST_CASE("without far placement and with too few beds people wait at home and are admitted later") {
  Parameters p = short_reference(2);
  p.hospital.allow_far_placement = false;
  p.hospital.travel_limit_min = 20;  // only the hospital in one's own municipality
  for (Hospital& h : p.hospitals) h.outside_patients = Phased::constant(h.beds.at(0) * 0.45);
  CareModel model(p, 9, 0);
  caresim::engine::MemoryRecorder<ServiceRecord> services;
  model.attach(&services);
  const IndicatorTable t = model.run();
  int joined = 0, admitted = 0;
  for (const ServiceRecord& r : services.records()) {
    joined += r.kind == ServiceKind::HospitalQueueJoin ? 1 : 0;
    admitted += r.kind == ServiceKind::HospitalQueueLeave && r.flag ? 1 : 0;
  }
  CHECK(joined > 0);
  CHECK(admitted > 0);
  CHECK(t.scalar("wait_days_hospital") > 0);
}
