// Admission by need (docs/model.md, "Admission by need"): triage decides, a free bed never
// does; waiting at home has consequences; 措置-level crises go to hospital; transfers keep
// people in hospital.
#include <doctest/doctest.h>

#include <cmath>
#include <map>

#include "engine/observe/memory_recorder.hpp"
#include "model_test_support.hpp"
#include "paired_comparison.hpp"

using namespace caresim::model;
using caresim::model::testing::short_reference;

namespace {
/** The reference region with every bed of the scenario's hospitals taken by outside patients. */
Parameters without_beds(double years) {
  Parameters p = short_reference(years);
  for (Hospital& h : p.hospitals) h.outside_patients = h.beds;
  return p;
}
}  // namespace

TEST_CASE("with no free bed in the region crises are still admitted, elsewhere, and readmissions still count") {
  const Parameters p = without_beds(3);
  CareModel model(p, 11, 0);
  caresim::engine::MemoryRecorder<MovementRecord> moves;
  model.attach(&moves);
  const IndicatorTable t = model.run();
  int elsewhere = 0, by_deterioration = 0, to_scenario_beds = 0;
  for (const MovementRecord& r : moves.records()) {
    if (r.kind != MoveKind::Admit) continue;
    elsewhere += r.to == Place::HospitalElsewhere ? 1 : 0;
    by_deterioration += r.cause == Cause::Deterioration ? 1 : 0;
    to_scenario_beds += r.to == Place::Hospital || r.to == Place::CommunityWard ? 1 : 0;
  }
  CHECK(to_scenario_beds == 0);
  CHECK(elsewhere > 100);
  CHECK(by_deterioration > 0);
  // Before admission by need, these people waited at home for ever with no crisis hazard:
  // readmission fell to 0 and every waiting day counted as community life.
  CHECK(t.scalar("readmission_365d") > 0.1);
  CHECK(t.scalar("hospital_waits") > 0);
  CHECK(t.scalar("wait_days_hospital") > 0);
  CHECK(t.scalar("far_placements") == doctest::Approx(t.scalar("out_of_region_placements")));
  CHECK(t.scalar("out_of_region_placements") > 0);
}

TEST_CASE("days waiting at home for a bed are not community days") {
  Parameters slow = without_beds(3);
  slow.hospital.wait_deterioration_per_day = 0.01;  // long waits
  Parameters fast = slow;
  fast.hospital.wait_deterioration_per_day = 10;  // the prefecture finds a bed within hours
  double slow_days = 0, fast_days = 0, slow_wait = 0, fast_wait = 0;
  for (std::uint32_t r = 0; r < 4; ++r) {
    const IndicatorTable a = CareModel(slow, 12, r).run();
    const IndicatorTable b = CareModel(fast, 12, r).run();
    slow_days += a.scalar("community_days_mean");
    fast_days += b.scalar("community_days_mean");
    slow_wait += a.scalar("wait_days_hospital");
    fast_wait += b.scalar("wait_days_hospital");
  }
  MESSAGE("community days " << slow_days / 4 << " (long waits) vs " << fast_days / 4 << " (short waits); waits "
                            << slow_wait / 4 << " vs " << fast_wait / 4 << " days");
  CHECK(slow_wait > 10 * fast_wait);
  CHECK(slow_days < fast_days);
}

TEST_CASE("a region where nobody waits reports the wait as not-a-number, not as zero days") {
  Parameters p = short_reference(2);
  for (Hospital& h : p.hospitals) h.beds = Phased::constant(h.beds.at(0) * 3);  // beds to spare
  const IndicatorTable t = CareModel(p, 13, 0).run();
  CHECK(t.scalar("hospital_waits") == 0);
  CHECK(std::isnan(t.scalar("wait_days_hospital")));
  const IndicatorTable none = CareModel(without_beds(2), 13, 0).run();
  CHECK(none.scalar("hospital_waits") > 0);
  CHECK(none.scalar("wait_days_hospital") > 0);
}

TEST_CASE("措置-level crises always go to hospital") {
  Parameters p = short_reference(2);
  p.crisis.severity_mix = {0, 0, 1};
  const IndicatorTable t = CareModel(p, 14, 0).run();
  CHECK(t.map_value("crisis_outcomes", "admission") > 100);
  CHECK(t.map_value("crisis_outcomes", "home") == 0);
  CHECK(t.map_value("crisis_outcomes", "short_stay") == 0);
  CHECK(t.map_value("crisis_outcomes", "outpatient") == 0);
  CHECK(t.map_value("admission_type_mix", "administrative") == doctest::Approx(1.0));
}

TEST_CASE("with no free bed a 措置-level crisis is admitted elsewhere at once and never waits") {
  Parameters p = without_beds(2);
  p.crisis.severity_mix = {0, 0, 1};
  const IndicatorTable t = CareModel(p, 14, 0).run();
  CHECK(t.scalar("hospital_waits") == 0);
  CHECK(t.scalar("out_of_region_placements") == doctest::Approx(t.map_value("crisis_outcomes", "admission")));
  CHECK(t.scalar("out_of_region_placements") > 100);
}

TEST_CASE("a transfer keeps the person in hospital and counts as a transfer, not an exit") {
  Parameters p = short_reference(3);
  p.hospital.destination_mix = {0.5, 0.05, 0.05, 0.3, 0.1};  // many transfers
  CareModel model(p, 15, 0);
  caresim::engine::MemoryRecorder<MovementRecord> moves;
  model.attach(&moves);
  const IndicatorTable t = model.run();
  int transfers = 0, elsewhere = 0, exits_by_transfer = 0, stay_restarted = 0, same_hospital = 0;
  std::map<std::uint64_t, double> admitted;  // per person: the day the current stay began
  for (const MovementRecord& r : moves.records()) {
    if (r.cause == Cause::TransferOut && r.kind != MoveKind::Transfer) ++exits_by_transfer;
    if (!in_hospital(r.from) && in_hospital(r.to)) admitted[r.person] = r.admitted;
    if (r.kind != MoveKind::Transfer) continue;
    ++transfers;
    elsewhere += r.to == Place::HospitalElsewhere ? 1 : 0;
    REQUIRE(in_hospital(r.from));
    REQUIRE(in_hospital(r.to));
    stay_restarted += r.admitted == admitted.at(r.person) ? 0 : 1;  // the stay and its length go on
    same_hospital += r.to == Place::Hospital && r.from == Place::Hospital && r.facility == r.from_facility ? 1 : 0;
  }
  CHECK(transfers > 50);
  CHECK(exits_by_transfer == 0);
  CHECK(stay_restarted == 0);
  CHECK(same_hospital == 0);
  CHECK(t.map_value("discharge_destinations", "transfer") > 0);
  CHECK(t.scalar("transfers_out_of_region") <= t.map_value("discharge_destinations", "transfer"));
  MESSAGE("transfers " << transfers << ", to a bed elsewhere " << elsewhere);
}

TEST_SUITE("slow") {
  TEST_CASE("a hub adds crisis options: for 地域定着支援 users, removing the hubs raises crisis admissions") {
    // The review measured the opposite before crisis paths were ordered: with a hub, the
    // 地域定着支援 and outpatient paths disappeared, so removing both hubs lowered admissions.
    Parameters with_hubs = short_reference(3);
    with_hubs.population.share_settlement = 1.0;
    Parameters without_hubs = with_hubs;
    without_hubs.hubs.clear();
    const std::vector<caresim::model::testing::Outcome> outcomes = {
        caresim::model::testing::crisis_admissions_outcome()};
    const auto base = caresim::model::testing::run_arm(with_hubs, 16, 20, outcomes);
    const auto variant = caresim::model::testing::run_arm(without_hubs, 16, 20, outcomes);
    const caresim::model::testing::PairedResult r = caresim::model::testing::compare(base, variant, outcomes).front();
    MESSAGE("everyone on 地域定着支援, no hub minus hubs: " << r.line());
    CHECK(r.significantly_above_zero());
  }
}
