// Costs by payer (docs/model.md, "Costs by payer"; models/payers.hpp): the split arithmetic
// on a hand example, the funding of bed-days in a hand-built record stream (措置 first, then
// 医療扶助, then the insurers), and runs of the reference region whose split adds up to
// cost_yen.total, whose public-assistance draw moves no other draw, and whose shares set by
// --set move cost between payers but not the total.
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "care_scenario/bundled.hpp"
#include "care_scenario/care_schema.hpp"
#include "engine/observe/memory_recorder.hpp"
#include "models/care_model.hpp"
#include "models/facilities.hpp"
#include "models/indicator_collector.hpp"
#include "models/payers.hpp"
#include "scenario/loader.hpp"
#include "tests/model/model_test_support.hpp"

using namespace caresim::model;
using caresim::care_scenario::load_parameters;
using caresim::care_scenario::reference_region_parameters;
using caresim::engine::MemoryRecorder;
using caresim::model::testing::Fingerprint;
using caresim::model::testing::short_reference;

namespace {

const std::vector<std::string> kPayers = {"national", "prefecture", "municipality", "insurers"};

double payer_sum(const IndicatorTable& t) {
  double sum = 0;
  for (const std::string& k : kPayers) sum += t.map_value("cost_yen_by_payer", k);
  return sum;
}

// The split adds up to the cost: its total is the payers' sum and cost_yen.total; the
// bed-days by funding add up to their total; the funding lines are cost_yen's regrouped,
// and each payer pays their `shares` (the costs section).
void check_split_sums(const IndicatorTable& t, const CostParams& shares) {
  const double total = t.map_value("cost_yen", "total");
  CHECK(t.map_value("cost_yen_by_payer", "total") == doctest::Approx(payer_sum(t)).epsilon(1e-12));
  CHECK(t.map_value("cost_yen_by_payer", "total") == doctest::Approx(total).epsilon(1e-9));
  const double days = t.map_value("bed_days_by_funding", "administrative") +
                      t.map_value("bed_days_by_funding", "public_assistance") +
                      t.map_value("bed_days_by_funding", "insured");
  CHECK(t.map_value("bed_days_by_funding", "total") == doctest::Approx(days).epsilon(1e-12));
  // The funding lines add up to the cost, and each payer's part is the shares times them.
  auto line = [&](const char* key) { return t.map_value("cost_yen_by_funding", key); };
  CHECK(line("welfare") == t.map_value("cost_yen", "welfare"));
  CHECK(line("coordinator_addon") == t.map_value("cost_yen", "coordinator_addon_funding"));
  CHECK(line("coordinator_rest") + line("coordinator_addon") ==
        doctest::Approx(t.map_value("cost_yen", "coordinator_salaries")).epsilon(1e-12));
  const double medical = line("administrative") + line("public_assistance") + line("insured");
  CHECK(medical ==
        doctest::Approx(t.map_value("cost_yen", "hospital") + t.map_value("cost_yen", "home_nursing")).epsilon(1e-9));
  CHECK(line("total") == doctest::Approx(total).epsilon(1e-9));
  const CostParams& k = shares;
  const double w = line("welfare") + line("coordinator_addon");
  CHECK(t.map_value("cost_yen_by_payer", "national") ==
        doctest::Approx(k.welfare_payers[0] * w + k.administrative_payers[0] * line("administrative") +
                        k.public_assistance_payers[0] * line("public_assistance"))
            .epsilon(1e-12));
  CHECK(t.map_value("cost_yen_by_payer", "prefecture") ==
        doctest::Approx(k.welfare_payers[1] * w + k.administrative_payers[1] * line("administrative") +
                        k.public_assistance_payers[1] * line("public_assistance"))
            .epsilon(1e-12));
  CHECK(t.map_value("cost_yen_by_payer", "municipality") ==
        doctest::Approx(k.welfare_payers[2] * w + line("coordinator_rest") +
                        k.administrative_payers[2] * line("administrative") +
                        k.public_assistance_payers[2] * line("public_assistance"))
            .epsilon(1e-12));
  CHECK(t.map_value("cost_yen_by_payer", "insurers") == line("insured"));
}

MovementRecord move(double time, std::uint64_t person, MoveKind kind, Place from, Place to, AdmissionType type,
                    bool assisted) {
  MovementRecord r;
  r.time = time;
  r.person = person;
  r.kind = kind;
  r.from = from;
  r.to = to;
  r.facility = to == Place::Home || to == Place::HospitalElsewhere ? -1 : 0;
  r.admission = type;
  r.birth = -40 * 365.25;
  r.admitted = in_hospital(to) ? time : 0;
  r.public_assistance = assisted;
  return r;
}

ServiceRecord service(double time, std::uint64_t person, ServiceKind kind) {
  ServiceRecord r;
  r.time = time;
  r.person = person;
  r.kind = kind;
  return r;
}

// A run of `p` with seed 2025: its indicators and the fingerprint of its movements.
struct Run {
  IndicatorTable table;
  CostParams cost;  ///< the prices and shares it ran with
  std::uint64_t fingerprint = 0;
  std::uint64_t movements = 0;
};
Run run(const Parameters& p) {
  CareModel model(p, 2025, 0);
  Fingerprint f;
  model.attach(&f);
  Run r;
  r.table = model.run();
  r.cost = p.cost;
  r.fingerprint = f.hash;
  r.movements = f.count;
  return r;
}

// The reference region over three years with `overrides` set.
Parameters reference_with(const std::vector<std::string>& overrides) {
  Parameters p = load_parameters("reference-region.yaml", overrides);
  const Parameters shorter = short_reference(3);
  p.run = shorter.run;
  return p;
}

}  // namespace

TEST_CASE("the payer rules split a hand example of each cost line by its legal shares") {
  const CostParams k = reference_region_parameters().cost;
  // The table's defaults are the laws' shares (national, prefecture, municipality).
  CHECK(k.welfare_payers == Mix3{0.5, 0.25, 0.25});
  CHECK(k.administrative_payers == Mix3{0.75, 0.25, 0});
  CHECK(k.public_assistance_payers == Mix3{0.75, 0, 0.25});
  PayableCosts c;
  c.welfare = 1000;
  c.coordinator_salaries = 400;
  c.coordinator_addon = 100;
  c.medical = {800, 200, 300};  // 措置, 医療扶助, insured
  const PayerCosts s = split_by_payer(c, k);
  // welfare ½ ¼ ¼; the add-on ½ ¼ ¼ and the rest of the salary the municipality's;
  // 措置 ¾ ¼ to the nation and the prefecture; 医療扶助 ¾ to the nation, ¼ the municipality's.
  CHECK(s.national == doctest::Approx(500 + 50 + 600 + 150));
  CHECK(s.prefecture == doctest::Approx(250 + 25 + 200));
  CHECK(s.municipality == doctest::Approx(250 + 300 + 25 + 50));
  CHECK(s.insurers == doctest::Approx(300));
  CHECK(s.total() == doctest::Approx(1000 + 400 + 800 + 200 + 300));
  // An add-on billing more than the salaries: the municipality's part of them is negative,
  // the total still the salaries.
  PayableCosts rich;
  rich.coordinator_salaries = 100;
  rich.coordinator_addon = 200;
  const PayerCosts r = split_by_payer(rich, k);
  CHECK(r.municipality == doctest::Approx(100 - 200 + 50));
  CHECK(r.total() == doctest::Approx(100));
}

TEST_CASE("a 措置入院 day is a 措置 day for a person on public assistance too and other days go by the person") {
  // April to September 2025, warm-up to day 30, horizon at day 183: 153 days reported.
  Parameters p = reference_region_parameters();
  p.run.start = Date{std::chrono::year{2025} / std::chrono::April / 1};
  p.run.warmup_days = 30;
  p.run.horizon_days = 183;
  const FacilityTable table(p);
  IndicatorCollector c(p, table);
  auto snapshot = [&](double t, int month) {
    SnapshotRecord s;
    s.time = t;
    s.month = month;
    c.record(s);
  };
  const auto V = AdmissionType::Voluntary, I = AdmissionType::Involuntary, A = AdmissionType::Administrative;
  // Person 0, on public assistance: 措置 from day 40, the community-care ward from day 60,
  // home on day 80. Person 1, on public assistance: 任意 on days 40-50. Person 2, insured:
  // 医療保護 from day 40 to the end, 任意 after a review at day 100. Person 3, on public
  // assistance, and person 4, insured: a month of home nursing each.
  for (std::uint64_t id = 0; id < 5; ++id)
    c.record(move(0, id, MoveKind::Enter, Place::Outside, Place::Home, V, id != 2 && id != 4));
  snapshot(0, 0);
  snapshot(30, 1);
  c.record(move(40, 0, MoveKind::Admit, Place::Home, Place::Hospital, A, true));
  c.record(move(40, 1, MoveKind::Admit, Place::Home, Place::Hospital, V, true));
  c.record(move(40, 2, MoveKind::Admit, Place::Home, Place::Hospital, I, false));
  c.record(move(50, 1, MoveKind::Discharge, Place::Hospital, Place::Home, V, true));
  c.record(move(60, 0, MoveKind::WardChange, Place::Hospital, Place::CommunityWard, A, true));
  c.record(service(61, 3, ServiceKind::HomeNursingMonth));
  c.record(service(61, 4, ServiceKind::HomeNursingMonth));
  snapshot(61, 2);
  c.record(move(80, 0, MoveKind::Discharge, Place::CommunityWard, Place::Home, A, true));
  snapshot(91, 3);
  ServiceRecord review = service(100, 2, ServiceKind::LegalConversion);
  c.record(review);
  snapshot(122, 4);
  snapshot(153, 5);
  snapshot(183, 6);
  const IndicatorTable t = c.table();
  const double years = 153 / 365.25;
  CHECK(t.map_value("bed_days_by_funding", "administrative") == doctest::Approx(40 / years));
  CHECK(t.map_value("bed_days_by_funding", "public_assistance") == doctest::Approx(10 / years));
  CHECK(t.map_value("bed_days_by_funding", "insured") == doctest::Approx(143 / years));
  const CostParams& k = p.cost;
  const double general = k.general_bed_day_yen(), ward = k.community_ward_day_yen(),
               nursing = k.home_nursing_month_yen();
  const double administrative = (20 * general + 20 * ward) / years;  // 20 days in each bed
  const double assisted = (10 * general + nursing) / years;
  const double insured = (143 * general + nursing) / years;
  CHECK(t.map_value("cost_yen_by_payer", "insurers") == doctest::Approx(insured));
  const double welfare = t.map_value("cost_yen", "welfare");
  const double salaries = t.map_value("cost_yen", "coordinator_salaries");
  const double addon = t.map_value("cost_yen", "coordinator_addon_funding");
  CHECK(t.map_value("cost_yen_by_payer", "national") ==
        doctest::Approx(0.5 * (welfare + addon) + 0.75 * administrative + 0.75 * assisted));
  CHECK(t.map_value("cost_yen_by_payer", "prefecture") ==
        doctest::Approx(0.25 * (welfare + addon) + 0.25 * administrative));
  CHECK(t.map_value("cost_yen_by_payer", "municipality") ==
        doctest::Approx(0.25 * (welfare + addon) + salaries - addon + 0.25 * assisted));
  check_split_sums(t, p.cost);
  for (const MunicipalityIndicators& m : t.by_municipality) check_split_sums(m.table, p.cost);
}

TEST_CASE("the reference region's costs by payer add up to cost_yen.total for the region and each municipality") {
  const Parameters p = short_reference(3);
  CareModel model(p, 11, 0);
  MemoryRecorder<MovementRecord> moves;
  model.attach(&moves);
  const IndicatorTable t = model.run();
  check_split_sums(t, p.cost);
  for (const std::string& k : kPayers) CHECK(t.map_value("cost_yen_by_payer", k) > 0);
  CHECK(t.map_value("bed_days_by_funding", "administrative") > 0);
  CHECK(t.map_value("bed_days_by_funding", "public_assistance") > 0);
  // Every municipality's split adds up, and the municipalities' parts to the region's.
  REQUIRE(t.by_municipality.size() >= 2);
  std::vector<double> sums(kPayers.size(), 0.0);
  for (const MunicipalityIndicators& m : t.by_municipality) {
    INFO(m.id);
    check_split_sums(m.table, p.cost);
    for (std::size_t i = 0; i < kPayers.size(); ++i) sums[i] += m.table.map_value("cost_yen_by_payer", kPayers[i]);
  }
  for (std::size_t i = 0; i < kPayers.size(); ++i) {
    INFO(kPayers[i]);
    CHECK(sums[i] == doctest::Approx(t.map_value("cost_yen_by_payer", kPayers[i])).epsilon(1e-9));
  }
  // The attribute is drawn at the share of the table (0.17 by default): among the thousands
  // who entered, within a few points of it.
  double entered = 0, assisted = 0;
  for (const MovementRecord& r : moves.records()) {
    if (r.kind != MoveKind::Enter) continue;
    entered += 1;
    assisted += r.public_assistance ? 1 : 0;
  }
  REQUIRE(entered > 2000);
  // Binomial: with more than 2,000 people the share's standard error is below 0.009.
  CHECK(std::abs(assisted / entered - p.population.share_public_assistance) < 0.03);
}

TEST_CASE("with no one on public assistance no bed-day is 医療扶助 and no other draw moves") {
  const Run none = run(reference_with({"population.share_public_assistance=0"}));
  const Run all = run(reference_with({"population.share_public_assistance=1"}));
  const Run reference = run(reference_with({}));
  CHECK(none.table.map_value("bed_days_by_funding", "public_assistance") == 0);
  CHECK(none.table.map_value("bed_days_by_funding", "insured") > 0);
  // Everyone on public assistance: only 措置 days are not 医療扶助, and nothing is insured.
  CHECK(all.table.map_value("bed_days_by_funding", "insured") == 0);
  CHECK(all.table.map_value("cost_yen_by_payer", "insurers") == 0);
  CHECK(all.table.map_value("bed_days_by_funding", "administrative") ==
        none.table.map_value("bed_days_by_funding", "administrative"));
  for (const Run* r : {&none, &all, &reference}) check_split_sums(r->table, r->cost);
  // The draw has a stream of its own and changes nobody's path.
  CHECK(none.fingerprint == reference.fingerprint);
  CHECK(all.fingerprint == reference.fingerprint);
  CHECK(none.movements == reference.movements);
  CHECK(none.table.map_value("cost_yen", "total") == reference.table.map_value("cost_yen", "total"));
  CHECK(none.table.map_value("bed_days_by_funding", "total") ==
        doctest::Approx(reference.table.map_value("bed_days_by_funding", "total")).epsilon(1e-12));
}

TEST_CASE("payer shares changed by --set move cost between payers but not the total") {
  const Run reference = run(reference_with({}));
  // The welfare services the nation's alone: it gains the other half of them (and of the
  // add-on), the prefecture and the municipalities lose their quarters.
  const Run welfare = run(reference_with({"costs.welfare_payers={national: 1, prefecture: 0, municipality: 0}"}));
  // 措置 days the prefecture's alone, 医療扶助 a quarter the prefecture's and the rest local.
  const Run medical = run(reference_with({"costs.administrative_payers={national: 0, prefecture: 1, municipality: 0}",
                                          "costs.public_assistance_payers={national: 0, prefecture: 0.25, "
                                          "municipality: 0.75}"}));
  const IndicatorTable& a = reference.table;
  auto payer = [](const Run& r, const char* key) { return r.table.map_value("cost_yen_by_payer", key); };
  auto moved = [&](const Run& r, const char* key) { return payer(r, key) - payer(reference, key); };
  const double total = a.map_value("cost_yen", "total");
  const double w = a.map_value("cost_yen", "welfare") + a.map_value("cost_yen", "coordinator_addon_funding");
  REQUIRE(w > 0);
  for (const Run* r : {&welfare, &medical}) {
    CHECK(r->fingerprint == reference.fingerprint);
    CHECK(r->table.map_value("cost_yen", "total") == total);
    CHECK(payer(*r, "total") == doctest::Approx(payer(reference, "total")).epsilon(1e-12));
    CHECK(payer(*r, "insurers") == payer(reference, "insurers"));
    check_split_sums(r->table, r->cost);
  }
  CHECK(moved(welfare, "national") == doctest::Approx(0.5 * w).epsilon(1e-9));
  CHECK(moved(welfare, "prefecture") == doctest::Approx(-0.25 * w).epsilon(1e-9));
  CHECK(moved(welfare, "municipality") == doctest::Approx(-0.25 * w).epsilon(1e-9));
  CHECK(moved(medical, "national") < 0);
  CHECK(moved(medical, "prefecture") > 0);
  CHECK(moved(medical, "municipality") > 0);
  CHECK(moved(medical, "national") + moved(medical, "prefecture") + moved(medical, "municipality") ==
        doctest::Approx(0).scale(total).epsilon(1e-9));
}

TEST_CASE("payer shares that do not sum to 1 are refused at their key") {
  const auto result = caresim::scenario::load_scenario(
      caresim::care_scenario::care_schema(), caresim::care_scenario::bundled_scenarios_dir() / "reference-region.yaml",
      {"costs.welfare_payers.national=0.6"});
  INFO(result.report());
  CHECK_FALSE(result.ok());
  CHECK(result.report().find("costs.welfare_payers: shares must sum to 1, found a sum of 0.6") != std::string::npos);
}
