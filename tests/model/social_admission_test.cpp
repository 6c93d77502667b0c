// Social admission (issue 13): clinical readiness is not the ability to leave. A ready
// inpatient leaves only when the conditions are met: a plan for a long stay, a home that
// takes the person back, the support they need there, or a place. These tests show each
// condition acting through its mechanism, and the levers on them (paired comparisons with
// common random numbers, 30 replications, the bundled variant files).
// Run the slow ones with: caresim_tests -ts=slow -tc='*social*' -s
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "care_scenario/bundled.hpp"
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

Outcome blocked_reason(const std::string& reason) {
  return Outcome{"blocked_bed_days_by_reason." + reason,
                 [reason](const IndicatorTable& t) { return t.map_value("blocked_bed_days_by_reason", reason); },
                 Better::Lower, false};
}

// Long-stay inpatients per 100,000 residents, under 65 plus 65+, mean over the report window.

// The paired difference (variant - base) of each outcome, printed.

struct Counts : caresim::engine::Recorder<ServiceRecord> {
  void record(const ServiceRecord& r) override {
    if (r.kind == ServiceKind::SupportPlace && r.flag) ++support_places;
    if (r.kind == ServiceKind::HomeNursingMonth) ++home_nursing_months;
    if (r.kind == ServiceKind::BlockedStart) ++blocked[r.detail];
  }
  std::uint64_t support_places = 0, home_nursing_months = 0;
  std::uint64_t blocked[static_cast<std::size_t>(BlockReason::Count)] = {};
};

// Movements fingerprint and service counts of one replication.
std::pair<Fingerprint, Counts> run_counted(const Parameters& p, std::uint32_t replication = 0) {
  CareModel model(p, kSeed, replication);
  Fingerprint f;
  Counts c;
  model.attach(&f);
  model.attach(&c);
  model.run();
  return {f, c};
}

void set_caseloads(Parameters& p, double independent_living, double settlement, double home_nursing) {
  for (Housing& h : p.housing) {
    h.independent_living_caseload = Phased::constant(independent_living);
    h.settlement_caseload = Phased::constant(settlement);
    h.home_nursing_caseload = Phased::constant(home_nursing);
  }
}

}  // namespace

TEST_CASE("every reason for a blocked discharge occurs in the reference region") {
  const auto [f, c] = run_counted(short_reference(4));
  for (std::size_t r = 0; r < static_cast<std::size_t>(BlockReason::Count); ++r) {
    INFO("reason " << block_reason_key(static_cast<BlockReason>(r)));
    CHECK(c.blocked[r] > 0);
  }
  CHECK(c.support_places > 0);
  CHECK(c.home_nursing_months > 0);
}

TEST_CASE(
    "a support caseload of zero is no service: nobody holds or waits for it, and its effect size changes nothing") {
  Parameters none = short_reference(4);
  set_caseloads(none, 0, 0, 0);
  const auto [f0, c0] = run_counted(none);
  CHECK(c0.support_places == 0);
  CHECK(c0.home_nursing_months == 0);
  CHECK(c0.blocked[static_cast<std::size_t>(BlockReason::Support)] == 0);
  // With nobody holding a place, the services' factors on the crisis rate and the on-call
  // response cannot act: the movements are bit-identical whatever they are.
  Parameters other = none;
  other.crisis.mult_home_nursing = Phased::constant(0.1);
  other.crisis.mult_independent_living = Phased::constant(0.1);
  other.crisis.mult_settlement = Phased::constant(0.1);
  other.response.p_settlement_home = Phased::constant(1.0);
  const auto [f1, c1] = run_counted(other);
  CHECK(f1.hash == f0.hash);
  CHECK(f1.count == f0.count);
  // And with the caseloads of the reference the same factors do act.
  Parameters with = short_reference(4);
  Parameters with_other = with;
  with_other.crisis.mult_home_nursing = Phased::constant(0.1);
  CHECK(run_counted(with).first.hash != run_counted(with_other).first.hash);
}

TEST_CASE("without a plan a long-stay inpatient waits: no hospital planning and no programmes leave them blocked") {
  Parameters p = short_reference(4);
  p.hospital.p_plan_at_review = Phased::constant(0);
  for (Hub& h : p.hubs) h.transition_places = Phased::constant(0);
  for (Housing& h : p.housing) h.transition_caseload = Phased::constant(0);
  p.transition.p_wish_month = Phased::constant(0);  // no wish, so no plan from one either
  p.coordination.p_wish_motivated = 0;
  const auto [f, c] = run_counted(p);
  const auto no_plan = c.blocked[static_cast<std::size_t>(BlockReason::NoPlan)];
  CHECK(no_plan > 0);
  // Nobody blocked for want of a plan ever leaves that block: with planning, some do.
  Parameters planned = p;
  planned.hospital.p_plan_at_review = Phased::constant(1);
  const auto [g, d] = run_counted(planned);
  CHECK(d.blocked[static_cast<std::size_t>(BlockReason::NoPlan)] == 0);
}

TEST_SUITE("slow") {
  TEST_CASE("social admission: a family's acceptance eroding during the stay adds blocked bed-days without a home") {
    Parameters base = reference_region_parameters();
    base.hospital.family_refusal_rate = Phased::constant(0);
    Parameters eroding = base;
    eroding.hospital.family_refusal_rate = Phased::constant(0.3);
    const auto r = paired(base, eroding, {blocked_reason("no_home"), long_stay_outcome()}, "family refusal 0 -> 0.3");
    CHECK(r[0].significantly_above_zero());
    CHECK(r[1].significantly_above_zero());
  }

  TEST_CASE("social admission: a carer's death during the stay (親亡き後) takes the home") {
    Parameters base = reference_region_parameters();
    base.hospital.family_refusal_rate = Phased::constant(0);
    base.crisis.carer_loss_rate = Phased::constant(0);
    base.crisis.carer_loss_rate_65plus = Phased::constant(0);
    Parameters losing = base;
    losing.crisis.carer_loss_rate = Phased::constant(0.2);
    losing.crisis.carer_loss_rate_65plus = Phased::constant(0.2);
    const auto r = paired(base, losing, {blocked_reason("no_home")}, "carer loss 0 -> 0.2 a year");
    CHECK(r[0].significantly_above_zero());
  }

  TEST_CASE("social admission: more group homes lower blocked bed-days and long-stay inpatients") {
    const auto r = paired(reference_region_parameters(), load_parameters("more-group-homes.yaml"),
                          {scalar_outcome("blocked_bed_days"), long_stay_outcome()}, "more-group-homes.yaml");
    CHECK(r[0].significantly_favourable());
    CHECK(r[1].significantly_favourable());
  }

  TEST_CASE("social admission: more supported housing lowers blocked bed-days") {
    const auto r = paired(reference_region_parameters(), load_parameters("more-supported-housing.yaml"),
                          {scalar_outcome("blocked_bed_days")}, "more-supported-housing.yaml");
    CHECK(r[0].significantly_favourable());
  }

  // "A capacity of zero behaves as no service": with no caseload anywhere nobody waits for
  // support, so blocked bed-days for it vanish, and every outcome of care is worse.
  TEST_CASE("social admission: a region without support services has no support waits and worse outcomes") {
    Parameters none = reference_region_parameters();
    set_caseloads(none, 0, 0, 0);
    const Outcome community_days{"community_days_mean",
                                 [](const IndicatorTable& t) { return t.scalar("community_days_mean"); },
                                 Better::Higher, false};
    const auto r =
        paired(reference_region_parameters(), none,
               {blocked_reason("support"), scalar_outcome("readmission_365d"), community_days, long_stay_outcome()},
               "no support caseload anywhere");
    CHECK(r[0].significantly_favourable());
    CHECK(r[1].significantly_above_zero());
    CHECK(r[2].difference + r[2].half_width < 0);
    CHECK(r[3].significantly_above_zero());
  }

  TEST_CASE("social admission: more support caseload lowers blocked bed-days") {
    const auto r =
        paired(reference_region_parameters(), load_parameters("more-support-caseload.yaml"),
               {scalar_outcome("blocked_bed_days"), blocked_reason("support")}, "more-support-caseload.yaml");
    CHECK(r[0].significantly_favourable());
    CHECK(r[1].significantly_favourable());
  }
}
