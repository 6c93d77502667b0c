// Policy levers move the model the right way: group-home places and blocked discharges,
// crisis beds and crisis admissions (common random numbers across the two arms).
#include <doctest/doctest.h>

#include "model_test_support.hpp"

using namespace caresim::model;
using caresim::model::testing::short_reference;

TEST_CASE("discharges blocked for a place appear when group-home places are zero and vanish when they are unlimited") {
  Parameters none = short_reference(3);
  // With unlimited places nobody waits for one; the time to arrange a move is a wait of
  // its own (hospital.place_arrangement_days), so it is 0 here.
  none.hospital.place_arrangement_days = 0;
  Parameters unlimited = none;
  for (Housing& h : none.housing) {
    h.group_home_places = Phased{};
    h.supported_housing_places = Phased{};
  }
  for (std::size_t m = 0; m < unlimited.housing.size(); ++m) {
    if (!unlimited.municipalities[m].outside_region) unlimited.housing[m].group_home_places = Phased::constant(100000);
    unlimited.housing[m].group_home_initial_fill = 0;
  }
  CareModel a(none, 3, 0), b(unlimited, 3, 0);
  // Waiting for a place: the reasons group_home and no_home (a support wait or a missing
  // plan does not depend on places).
  const auto for_a_place = [](const IndicatorTable& t) {
    return t.map_value("blocked_bed_days_by_reason", "group_home") +
           t.map_value("blocked_bed_days_by_reason", "no_home");
  };
  const IndicatorTable ta = a.run(), tb = b.run();
  CHECK(for_a_place(ta) > 100);
  CHECK(for_a_place(tb) == 0);
  CHECK(tb.scalar("blocked_bed_days") < ta.scalar("blocked_bed_days"));
}

TEST_CASE("more crisis beds give fewer crisis admissions on average over replications") {
  Parameters few = short_reference(3);
  Parameters many = few;
  for (Hub& h : few.hubs)
    for (HubSite& s : h.sites) s.crisis_beds = Phased{};
  for (Hub& h : many.hubs)
    for (HubSite& s : h.sites) s.crisis_beds = Phased::constant(8);
  double admissions_few = 0, admissions_many = 0, short_many = 0;
  for (std::uint32_t r = 0; r < 5; ++r) {
    CareModel a(few, 99, r), b(many, 99, r);
    const IndicatorTable ta = a.run();
    const IndicatorTable tb = b.run();
    admissions_few += ta.map_value("crisis_outcomes", "admission");
    admissions_many += tb.map_value("crisis_outcomes", "admission");
    short_many += tb.map_value("crisis_outcomes", "short_stay");
    CHECK(ta.map_value("crisis_outcomes", "short_stay") == 0);
  }
  CHECK(short_many > 0);
  CHECK(admissions_many < admissions_few);
}

TEST_CASE("a scenario without a hub has no hub coverage and no short stays") {
  Parameters p = short_reference(2);
  p.hubs.clear();
  CareModel m(p, 4, 0);
  const IndicatorTable t = m.run();
  CHECK(t.scalar("hub_coverage") == 0);
  CHECK(t.scalar("coordinator_utilisation") == 0);
  CHECK(t.map_value("crisis_outcomes", "short_stay") == 0);
}
