// The cost indicators (docs/model.md, "Costs"): each cost is its unit price times the days
// or months counted, and cost_yen.total is the sum of its parts, with the coordinators'
// add-on shown inside their salaries and never added again. First a hand-built record
// stream whose days and months are counted by hand, then a run of the reference region
// whose days and months are counted from its own records.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/observe/memory_recorder.hpp"
#include "models/care_model.hpp"
#include "models/facilities.hpp"
#include "models/indicator_collector.hpp"
#include "tests/model/model_test_support.hpp"

using namespace caresim::model;
using caresim::care_scenario::reference_region_parameters;
using caresim::engine::MemoryRecorder;
using caresim::model::testing::short_reference;

namespace {

// Keys of cost_yen whose sum is `welfare` and of cost_units whose sum is `total`.
const std::vector<std::string> kWelfareKeys = {"transition",     "independent_living", "community_settlement",
                                               "emergency_days", "group_home",         "group_home_trial",
                                               "short_stay",     "care_planning",      "care_monitoring"};
const std::vector<std::string> kHospitalKeys = {"inpatient_general", "inpatient_community_ward", "inpatient_elsewhere"};

double sum_of(const IndicatorTable& t, const std::string& name, const std::vector<std::string>& keys) {
  double sum = 0;
  for (const std::string& k : keys) sum += t.map_value(name, k);
  return sum;
}

// cost_yen's welfare, hospital and total are the sums of their parts; the add-on is not in any.
void check_cost_sums(const IndicatorTable& t, const CostParams& k) {
  const double welfare = t.map_value("cost_yen", "welfare");
  CHECK(welfare == doctest::Approx(sum_of(t, "cost_yen", kWelfareKeys)).epsilon(1e-12));
  CHECK(t.map_value("cost_units", "total") == doctest::Approx(sum_of(t, "cost_units", kWelfareKeys)).epsilon(1e-12));
  CHECK(welfare == doctest::Approx(t.map_value("cost_units", "total") * k.yen_per_unit).epsilon(1e-12));
  const double hospital = t.map_value("cost_yen", "hospital");
  CHECK(hospital == doctest::Approx(sum_of(t, "cost_yen", kHospitalKeys)).epsilon(1e-12));
  const double total =
      welfare + hospital + t.map_value("cost_yen", "home_nursing") + t.map_value("cost_yen", "coordinator_salaries");
  CHECK(t.map_value("cost_yen", "total") == doctest::Approx(total).epsilon(1e-12));
  CHECK(t.map_value("cost_yen", "coordinator_addon_funding") ==
        doctest::Approx(t.map_value("cost_units", "coordinator_addon") * k.yen_per_unit).epsilon(1e-12));
}

MovementRecord move(double time, std::uint64_t person, MoveKind kind, Place from, Place to, int municipality,
                    double admitted = 0) {
  MovementRecord r;
  r.time = time;
  r.person = person;
  r.kind = kind;
  r.from = from;
  r.to = to;
  r.facility = to == Place::Home || to == Place::HospitalElsewhere ? -1 : 0;
  r.municipality = municipality;
  r.birth = -40 * 365.25;
  r.admitted = admitted;
  return r;
}

ServiceRecord service(double time, std::uint64_t person, ServiceKind kind, int municipality, double value = 0,
                      bool flag = false) {
  ServiceRecord r;
  r.time = time;
  r.person = person;
  r.kind = kind;
  r.municipality = municipality;
  r.value = value;
  r.flag = flag;
  return r;
}

}  // namespace

TEST_CASE("every cost is its unit price times the days and months counted by hand in a hand-built record stream") {
  // April to September 2025 (month starts at days 0, 30, 61, 91, 122 and 153; the horizon
  // at day 183), with a warm-up to May 1 (day 30): 153 days reported.
  Parameters p = reference_region_parameters();
  p.run.start = Date{std::chrono::year{2025} / std::chrono::April / 1};
  p.run.warmup_days = 30;
  p.run.horizon_days = 183;
  REQUIRE(p.hubs.size() >= 1);
  for (Hub& h : p.hubs) h.coordinators = Phased::constant(0);
  p.hubs[0].open_day = 0;
  p.hubs[0].coordinators = Phased::step(1, 100, 2.5);  // 1 until day 100, then 2.5
  const int other = 1;                                 // a second municipality
  REQUIRE(p.municipalities.size() >= 2);
  const FacilityTable table(p);
  IndicatorCollector c(p, table);
  auto snapshot = [&](double t, int month) {
    SnapshotRecord s;
    s.time = t;
    s.month = month;
    c.record(s);
  };
  // Person 0: in hospital from day 10, to the community-care ward on day 40, to a group home
  // on day 50 until the end. Person 1 at home: 自立生活援助 billed at days 0, 30, 61 and 91,
  // not at 122, again at 153; a short stay on days 50-55; home nursing at days 30 and 61; two
  // coordinator claims; a group-home trial of 10 nights from day 180 and a hub trial (not a
  // group-home one). Person 2 (another municipality): in a bed outside the region from day 20.
  c.record(move(0, 0, MoveKind::Enter, Place::Outside, Place::Home, 0));
  c.record(move(0, 1, MoveKind::Enter, Place::Outside, Place::Home, 0));
  c.record(move(0, 2, MoveKind::Enter, Place::Outside, Place::Home, other));
  c.record(service(0, 1, ServiceKind::IndependentLivingMonth, 0));
  snapshot(0, 0);
  c.record(move(10, 0, MoveKind::Admit, Place::Home, Place::Hospital, 0, 10));
  c.record(move(20, 2, MoveKind::Admit, Place::Home, Place::HospitalElsewhere, other, 20));
  c.record(service(30, 1, ServiceKind::IndependentLivingMonth, 0));
  c.record(service(30, 1, ServiceKind::HomeNursingMonth, 0));
  snapshot(30, 1);
  c.record(move(40, 0, MoveKind::WardChange, Place::Hospital, Place::CommunityWard, 0, 10));
  c.record(service(40, 1, ServiceKind::Claim, 0));
  c.record(service(40, 1, ServiceKind::Claim, 0));
  c.record(move(50, 0, MoveKind::Discharge, Place::CommunityWard, Place::GroupHome, 0, 10));
  c.record(move(50, 1, MoveKind::ShortStay, Place::Home, Place::CrisisStay, 0));
  c.record(move(55, 1, MoveKind::StayEnd, Place::CrisisStay, Place::Home, 0));
  c.record(service(61, 1, ServiceKind::IndependentLivingMonth, 0));
  c.record(service(61, 1, ServiceKind::HomeNursingMonth, 0));
  snapshot(61, 2);
  c.record(service(91, 1, ServiceKind::IndependentLivingMonth, 0));
  snapshot(91, 3);
  snapshot(122, 4);
  c.record(service(153, 1, ServiceKind::IndependentLivingMonth, 0));
  snapshot(153, 5);
  c.record(service(170, 1, ServiceKind::TrialStay, 0, 10, false));
  c.record(service(180, 1, ServiceKind::TrialStay, 0, 10, true));
  snapshot(183, 6);
  const IndicatorTable t = c.table();
  const CostParams& k = p.cost;
  const double years = 153 / 365.25;
  const double y = k.yen_per_unit;
  // Days counted in the window [30, 183].
  CHECK(t.map_value("cost_yen", "inpatient_general") == doctest::Approx(10 * k.general_bed_day_yen() / years));
  CHECK(t.map_value("cost_yen", "inpatient_community_ward") ==
        doctest::Approx(10 * k.community_ward_day_yen() / years));
  CHECK(t.map_value("cost_yen", "inpatient_elsewhere") == doctest::Approx(153 * k.general_bed_day_yen() / years));
  CHECK(t.map_value("cost_units", "group_home") == doctest::Approx(133 * k.units_group_home_day / years));
  CHECK(t.map_value("cost_yen", "group_home") == doctest::Approx(133 * k.units_group_home_day * y / years));
  CHECK(t.map_value("cost_units", "short_stay") == doctest::Approx(5 * k.units_short_stay_day / years));
  CHECK(t.map_value("cost_units", "group_home_trial") == doctest::Approx(3 * k.units_group_home_trial_day / years));
  // Months: 自立生活援助 4 (30, 61, 91, 153); home nursing 2 at 8 visits: 8 × ¥5,550 + ¥7,670 +
  // 7 × ¥2,500 = ¥69,570 a month with the default prices.
  CHECK(t.map_value("cost_units", "independent_living") == doctest::Approx(4 * k.units_independent_living / years));
  CHECK(k.home_nursing_month_yen() ==
        doctest::Approx(k.home_nursing_visits_per_month * k.home_nursing_visit_yen + k.home_nursing_first_day_yen +
                        (k.home_nursing_visits_per_month - 1) * k.home_nursing_other_day_yen));
  CHECK(t.map_value("cost_yen", "home_nursing") == doctest::Approx(2 * k.home_nursing_month_yen() / years));
  // 計画相談支援 with monthly monitoring for 自立生活援助 and every 3 months for a group home:
  // person 1 planned at day 0 (warm-up), monitored at 30, 61 and 91, planned again at 153
  // after the gap; person 0 planned at 61 (in the group home), monitored at 153.
  REQUIRE(k.monitoring_months_community == 1);
  REQUIRE(k.monitoring_months_group_home == 3);
  CHECK(t.map_value("cost_units", "care_planning") == doctest::Approx(2 * k.units_plan / years));
  CHECK(t.map_value("cost_units", "care_monitoring") == doctest::Approx(4 * k.units_monitoring / years));
  // Coordinators: 1 full-time post for days 30-100 and 2.5 for days 100-183.
  const double fte_days = 1 * 70 + 2.5 * 83;
  CHECK(t.map_value("cost_yen", "coordinator_salaries") ==
        doctest::Approx(fte_days / 365.25 * k.coordinator_salary_yen_per_year / years));
  CHECK(t.map_value("cost_units", "coordinator_addon") == doctest::Approx(2 * k.units_coordinator_claim / years));
  check_cost_sums(t, k);
  // The municipalities' shares add up to the region's: person 2's bed-days are the other
  // municipality's, and each hub's salaries are split by population.
  double salaries = 0, elsewhere = 0;
  for (const MunicipalityIndicators& m : t.by_municipality) {
    salaries += m.table.map_value("cost_yen", "coordinator_salaries");
    elsewhere += m.table.map_value("cost_yen", "inpatient_elsewhere");
    check_cost_sums(m.table, k);
  }
  CHECK(salaries == doctest::Approx(t.map_value("cost_yen", "coordinator_salaries")));
  CHECK(elsewhere == doctest::Approx(t.map_value("cost_yen", "inpatient_elsewhere")));
  CHECK(t.by_municipality[other].table.map_value("cost_yen", "inpatient_elsewhere") == doctest::Approx(elsewhere));
}

TEST_CASE("the reference region's costs are its unit prices times the days and months its own records count") {
  const Parameters p = short_reference(3);
  const double warmup = p.run.warmup_days, horizon = p.run.horizon_days;
  CareModel model(p, 11, 0);
  MemoryRecorder<MovementRecord> moves;
  MemoryRecorder<ServiceRecord> services;
  model.attach(&moves);
  model.attach(&services);
  const IndicatorTable t = model.run();
  // Days at each place within [warmup, horizon], by plain summation over each person's moves.
  std::vector<double> since;
  std::vector<Place> at;
  std::array<long double, 8> days{};
  auto credit = [&](Place place, double from, double to) {
    const double lo = std::max(from, warmup), hi = std::min(to, horizon);
    if (hi > lo) days[static_cast<std::size_t>(place)] += hi - lo;
  };
  for (const MovementRecord& r : moves.records()) {
    if (r.person >= at.size()) {
      at.resize(r.person + 1, Place::Outside);
      since.resize(r.person + 1, 0);
    }
    credit(at[r.person], since[r.person], r.time);
    at[r.person] = r.to;
    since[r.person] = r.time;
  }
  for (std::size_t i = 0; i < at.size(); ++i) credit(at[i], since[i], horizon);
  double nursing_months = 0, trial_days = 0, claims = 0;
  for (const ServiceRecord& r : services.records()) {
    if (r.kind == ServiceKind::HomeNursingMonth && r.time >= warmup) nursing_months += 1;
    if (r.kind == ServiceKind::Claim && r.time >= warmup) claims += 1;
    if (r.kind == ServiceKind::TrialStay && r.flag)
      trial_days += std::max(0.0, std::min(r.time + r.value, horizon) - std::max(r.time, warmup));
  }
  const CostParams& k = p.cost;
  const double years = (horizon - warmup) / 365.25;
  auto d = [&](Place place) { return static_cast<double>(days[static_cast<std::size_t>(place)]); };
  CHECK(d(Place::GroupHome) > 0);
  CHECK(d(Place::CrisisStay) > 0);
  CHECK(nursing_months > 0);
  CHECK(claims > 0);
  CHECK(t.map_value("cost_yen", "inpatient_general") ==
        doctest::Approx(d(Place::Hospital) * k.general_bed_day_yen() / years).epsilon(1e-9));
  CHECK(t.map_value("cost_yen", "inpatient_community_ward") ==
        doctest::Approx(d(Place::CommunityWard) * k.community_ward_day_yen() / years).epsilon(1e-9));
  CHECK(t.map_value("cost_yen", "inpatient_elsewhere") ==
        doctest::Approx(d(Place::HospitalElsewhere) * k.general_bed_day_yen() / years).epsilon(1e-9));
  CHECK(t.map_value("cost_units", "group_home") ==
        doctest::Approx(d(Place::GroupHome) * k.units_group_home_day / years).epsilon(1e-9));
  CHECK(t.map_value("cost_units", "short_stay") ==
        doctest::Approx(d(Place::CrisisStay) * k.units_short_stay_day / years).epsilon(1e-9));
  CHECK(t.map_value("cost_units", "group_home_trial") ==
        doctest::Approx(trial_days * k.units_group_home_trial_day / years).epsilon(1e-9));
  CHECK(t.map_value("cost_yen", "home_nursing") ==
        doctest::Approx(nursing_months * k.home_nursing_month_yen() / years).epsilon(1e-9));
  CHECK(t.map_value("cost_units", "coordinator_addon") ==
        doctest::Approx(claims * k.units_coordinator_claim / years).epsilon(1e-9));
  CHECK(t.map_value("cost_units", "care_planning") > 0);
  CHECK(t.map_value("cost_units", "care_monitoring") > 0);
  // The add-on is real money in this run, and still not in the total: the salaries are the cost.
  CHECK(t.map_value("cost_yen", "coordinator_addon_funding") > 0);
  CHECK(t.map_value("cost_yen", "coordinator_salaries") > 0);
  check_cost_sums(t, k);
}
