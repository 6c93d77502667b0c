// Coordinators as staff hours spent on named people, and 地域移行支援 as a service (issue 14
// §1-§2): each task acts only on the person who received it; a half-time post works; the
// hub's triage does not depend on its coordinators; a wish leads to a referral, or to the
// hospital's planning where no provider serves; a trial stay raises that person's success.
// The levers are paired comparisons with common random numbers, 30 replications, on the
// bundled variant files. Run the slow ones with: caresim_tests -ts=slow -tc='*coordinat*' -s
#include <doctest/doctest.h>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "care_scenario/bundled.hpp"
#include "engine/observe/memory_recorder.hpp"
#include "models/calendar.hpp"
#include "models/care_model.hpp"
#include "models/parameters.hpp"
#include "tests/model/model_test_support.hpp"
#include "tests/model/paired_comparison.hpp"

using namespace caresim::model;
using namespace caresim::model::testing;
using caresim::care_scenario::load_parameters;
using caresim::care_scenario::reference_region_parameters;

namespace {

constexpr std::uint64_t kSeed = 777;

struct Run {
  std::vector<ServiceRecord> services;
  std::vector<CrisisRecord> crises;
  std::vector<MovementRecord> movements;
  IndicatorTable table;
};

Run run_recorded(const Parameters& p, std::uint32_t replication = 0) {
  CareModel model(p, kSeed, replication);
  caresim::engine::MemoryRecorder<ServiceRecord> services;
  caresim::engine::MemoryRecorder<CrisisRecord> crises;
  caresim::engine::MemoryRecorder<MovementRecord> movements;
  model.attach(&services);
  model.attach(&crises);
  model.attach(&movements);
  Run r;
  r.table = model.run();
  r.services = services.records();
  r.crises = crises.records();
  r.movements = movements.records();
  return r;
}

int count(const Run& r, ServiceKind kind, int facility = -2) {
  int n = 0;
  for (const ServiceRecord& s : r.services) n += s.kind == kind && (facility == -2 || s.facility == facility) ? 1 : 0;
  return n;
}

void set_transition_capacity(Parameters& p, double hub_places, double caseload) {
  for (Hub& h : p.hubs) h.transition_places = Phased::constant(hub_places);
  for (Housing& h : p.housing) h.transition_caseload = Phased::constant(caseload);
}

}  // namespace

TEST_CASE("a coordinator's motivation support acts only on the inpatient who received it that month") {
  const Parameters p = short_reference(4);
  const Run r = run_recorded(p);
  const auto months = months_of_run(p.run.start, p.run.horizon_days);
  auto month_of = [&](double time) {
    std::size_t m = 0;
    while (m + 1 < months.size() && months[m + 1].begin <= time) ++m;
    return m;
  };
  std::set<std::pair<std::uint64_t, std::size_t>> supported;
  for (const ServiceRecord& s : r.services)
    if (s.kind == ServiceKind::Motivation) supported.insert({s.person, month_of(s.time)});
  int after_support = 0, unsupported = 0;
  for (const ServiceRecord& s : r.services) {
    if (s.kind != ServiceKind::WishStated) continue;
    const bool had = supported.count({s.person, month_of(s.time)}) > 0;
    CHECK(s.flag == had);  // the raised chance only for the person supported that month
    (s.flag ? after_support : unsupported) += 1;
  }
  CHECK(after_support > 0);
  CHECK(unsupported > 0);
}

TEST_CASE("a half-time coordinator spends half the hours, and a hub with no coordinator still triages crises") {
  Parameters half = short_reference(3);
  half.hubs[1].coordinators = Phased::constant(0.5);  // hub-kita
  const Run h = run_recorded(half);
  double kita_hours = 0;
  for (const ServiceRecord& s : h.services)
    if (s.facility == 1 &&
        (s.kind == ServiceKind::Motivation || s.kind == ServiceKind::Backup || s.kind == ServiceKind::Registration))
      kita_hours += s.value;
  CHECK(kita_hours > 0);
  const double months = half.run.horizon_days / 30.4;
  CHECK(kita_hours <= 0.5 * half.coordination.hours_per_fte_month * (months + 1));

  Parameters none = short_reference(3);
  for (Hub& hub : none.hubs) hub.coordinators = Phased::constant(0);
  const Run n = run_recorded(none);
  CHECK(count(n, ServiceKind::Motivation) == 0);
  CHECK(count(n, ServiceKind::Backup) == 0);
  CHECK(count(n, ServiceKind::Registration) == 0);
  int triaged = 0;
  for (const CrisisRecord& c : n.crises) triaged += c.hub >= 0 ? 1 : 0;
  CHECK(triaged > 0);  // the hub's offices answer; the coordinators add their tasks
  CHECK(n.table.scalar("coordinator_utilisation") == 0);
}

TEST_CASE("a registered household's crisis is met faster than the same response unregistered") {
  const Parameters p = short_reference(4);
  const Run r = run_recorded(p);
  REQUIRE(count(r, ServiceKind::Registration) > 0);
  // Registered until: the last registration of each person.
  std::map<std::uint64_t, double> until;
  for (const ServiceRecord& s : r.services)
    if (s.kind == ServiceKind::Registration) until[s.person] = s.time + p.coordination.registration_days;
  int faster = 0;
  for (const CrisisRecord& c : r.crises) {
    if (c.hub < 0 || c.outcome != CrisisOutcome::Home) continue;
    const auto it = until.find(c.person);
    const bool registered =
        it != until.end() && it->second > c.time && it->second - p.coordination.registration_days < c.time;
    const double base = p.response.response_hours[0];
    if (registered) {
      CHECK(c.response_hours == doctest::Approx(base * p.coordination.registration_hours_factor));
      ++faster;
    }
  }
  CHECK(faster > 0);
}

TEST_CASE("without a 地域移行支援 provider a wish goes to the hospital's discharge planning and no programme starts") {
  Parameters p = short_reference(4);
  set_transition_capacity(p, 0, 0);
  const Run r = run_recorded(p);
  CHECK(count(r, ServiceKind::WishStated) > 0);
  CHECK(count(r, ServiceKind::ProgrammeStart) == 0);
  for (const ServiceRecord& s : r.services)
    if (s.kind == ServiceKind::Referral) CHECK_FALSE(s.flag);
  CHECK(r.table.map_value("transition_flow", "hospital_planning") > 0);
}

TEST_CASE("a trial stay is what raises a programme's success: with certain success only after a trial") {
  Parameters p = short_reference(5);
  p.transition.p_success = Phased::constant(0);
  p.transition.p_success_with_trial = Phased::constant(1);
  const Run r = run_recorded(p);
  int successes = 0, failures = 0;
  // Replay in order: a programme succeeds exactly when it had a trial.
  std::map<std::uint64_t, bool> trial_in_programme;
  for (const ServiceRecord& s : r.services) {
    if (s.kind == ServiceKind::ProgrammeStart) trial_in_programme[s.person] = false;
    if (s.kind == ServiceKind::TrialStay) trial_in_programme[s.person] = true;
    if (s.kind == ServiceKind::ProgrammeEnd) {
      if (s.flag) {
        CHECK(trial_in_programme[s.person]);
        ++successes;
      } else {
        ++failures;
      }
    }
  }
  CHECK(successes > 0);
  CHECK(failures > 0);  // the programmes without a trial
  // The indicator counts the same trial stays, those begun in the report window, per year.
  double in_window = 0;
  for (const ServiceRecord& s : r.services)
    in_window += s.kind == ServiceKind::TrialStay && s.time >= p.run.warmup_days ? 1 : 0;
  const double years = (p.run.horizon_days - p.run.warmup_days) / 365.25;
  CHECK(in_window > 0);
  CHECK(r.table.map_value("transition_flow", "trial_stays") == doctest::Approx(in_window / years));
}

TEST_SUITE("slow") {
  TEST_CASE(
      "coordinators: more-coordinators.yaml raises referrals and successes and lowers long stay and crisis "
      "admissions") {
    const auto r = paired(
        reference_region_parameters(), load_parameters("more-coordinators.yaml"),
        {scalar_outcome("transition_referrals", Better::Higher), scalar_outcome("transition_successes", Better::Higher),
         long_stay_outcome(), map_outcome("crisis_outcomes", "admission")},
        "more-coordinators.yaml");
    CHECK(r[0].significantly_favourable());
    CHECK(r[1].significantly_favourable());
    CHECK(r[2].significantly_favourable());
    CHECK(r[3].significantly_favourable());
  }

  TEST_CASE("coordinators: a half-time post lies between no coordinator and one, equal to neither") {
    const Parameters full = reference_region_parameters();
    const Parameters half = load_parameters("part-time-coordinator.yaml");
    Parameters zero = half;
    for (auto& step : zero.hubs[1].coordinators.steps)
      if (step.first > 0) step.second = 0;
    const std::vector<Outcome> o = {map_outcome("transition_flow", "wishes_after_support", Better::Higher),
                                    map_outcome("crisis_outcomes", "admission")};
    const auto full_to_half = paired(full, half, o, "kita 1 -> 0.5 coordinators");
    const auto zero_to_half = paired(zero, half, o, "kita 0 -> 0.5 coordinators");
    CHECK(full_to_half[0].difference + full_to_half[0].half_width < 0);  // fewer than with one
    CHECK(zero_to_half[0].significantly_favourable());
  }

  TEST_CASE("transition: trial slots raise successful programmes") {
    const Parameters base = reference_region_parameters();
    Parameters none = base;
    for (Hub& h : none.hubs)
      for (HubSite& s : h.sites) s.trial_slots = Phased::constant(0);
    for (Housing& h : none.housing) h.group_home_trial_slots = Phased::constant(0);
    const auto r = paired(none, base, {scalar_outcome("transition_successes", Better::Higher), long_stay_outcome()},
                          "trial slots 0 -> reference");
    CHECK(r[0].significantly_favourable());
  }

  TEST_CASE("transition: programme places turn referrals into programmes and lower long stay") {
    const Parameters base = reference_region_parameters();
    Parameters none = base;
    set_transition_capacity(none, 0, 0);
    const auto r = paired(none, base, {scalar_outcome("transition_successes", Better::Higher), long_stay_outcome()},
                          "transition places 0 -> reference");
    CHECK(r[0].significantly_favourable());
    CHECK(r[1].significantly_favourable());
  }
}
