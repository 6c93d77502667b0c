// The lever table of docs/model.md ("Levers: mechanism and indicator"), the levers not
// tested beside their mechanism: crisis beds, a 24-hour line and community-care ward beds,
// each in its documented direction (paired, common random numbers, 30 replications, 95%).
// The others: coordination_test.cpp (coordinators, the half-time post, trial slots,
// transition places), social_admission_test.cpp (group homes, supported housing, support
// caseload), no_free_lunch_test.cpp (every cut by a fifth). Run with:
// caresim_tests -ts=slow -tc='lever:*' -s
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "care_scenario/bundled.hpp"
#include "models/parameters.hpp"
#include "tests/model/paired_comparison.hpp"

using namespace caresim::model;
using namespace caresim::model::testing;
using caresim::care_scenario::reference_region_parameters;

TEST_SUITE("slow") {
  TEST_CASE("lever: crisis beds turn crisis admissions into short stays") {
    Parameters none = reference_region_parameters();
    for (Hub& h : none.hubs)
      for (HubSite& s : h.sites) s.crisis_beds = Phased::constant(0);
    const auto r = paired(
        none, reference_region_parameters(),
        {map_outcome("crisis_outcomes", "admission"), map_outcome("crisis_outcomes", "short_stay", Better::Higher)},
        "crisis beds 0 -> reference");
    CHECK(r[0].significantly_favourable());
    CHECK(r[1].significantly_favourable());
  }

  TEST_CASE("lever: a 24-hour line answers crises out of office hours: fewer crisis admissions") {
    const Parameters base = reference_region_parameters();
    Parameters always = base;
    for (Hub& h : always.hubs) h.hours = HubHours::Always;  // kita's office-hours hub
    const auto r = paired(base, always, {map_outcome("crisis_outcomes", "admission")}, "kita hub: office -> 24 h");
    CHECK(r[0].significantly_favourable());
  }

  TEST_CASE("lever: community-care ward beds (net beds kept) discharge sooner") {
    const Parameters base = reference_region_parameters();
    Parameters ward = base;
    // 20 of each hospital's general beds become community-care ward beds.
    for (std::size_t h = 0; h + 1 < ward.hospitals.size(); ++h) {
      Hospital& hospital = ward.hospitals[h];
      for (auto& step : hospital.beds.steps) step.second -= 20;
      hospital.community_ward_beds = Phased::constant(20);
    }
    const auto r = paired(base, ward, {scalar_outcome("discharge_rate_3m", Better::Higher)},
                          "community-care ward 0 -> 20 beds at each regional hospital");
    CHECK(r[0].significantly_favourable());
  }
}
