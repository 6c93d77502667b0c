// No free lunch (issue 11 §6): cutting a capacity by about a fifth must not move any outcome
// significantly in the favourable direction. Paired comparisons with common random numbers
// on the reference region as shipped (its own window), 30 replications a case; every figure
// is printed (MESSAGE). The reference arm runs once per process and is shared by the cases.
// Run them with: caresim_tests -ts=slow -tc='*fewer*' (and '*hubs*', '*common random*').
//
// docs/model.md names no mechanism sourced as "assumption" by which a capacity cut could
// legitimately improve an outcome, so no case sets a parameter to a neutral value. One
// assumption keeps an indicator's own definition from rewarding a cut: a wait for a
// group-home place ends at home after hospital.group_home_wait_before_home_days for those
// who have one; the last group-home case shows what happens when it never does.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "care_scenario/bundled.hpp"
#include "models/parameters.hpp"
#include "tests/model/paired_comparison.hpp"

using namespace caresim::model;
using namespace caresim::model::testing;
using caresim::care_scenario::load_parameters;
using caresim::care_scenario::reference_region_parameters;

namespace {

constexpr std::uint64_t kSeed = 777;  // the seed of the model review's paired comparisons
constexpr std::uint32_t kReplications = 30;
constexpr std::uint64_t kConfirmSeed = 778;  // the independent run that confirms a favourable move

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

const Parameters& reference() {
  static const Parameters p = reference_region_parameters();
  return p;
}

// The outcomes every arm collects: the checked and reported ones, then crisis admissions
// alone (last), which the hub and common-random-number cases compare.
const std::vector<Outcome>& all_outcomes() {
  static const std::vector<Outcome> outcomes = [] {
    std::vector<Outcome> o = no_free_lunch_outcomes();
    o.push_back(crisis_admissions_outcome());
    return o;
  }();
  return outcomes;
}

// The reference arm, computed once per process and shared by the cases.
const ArmRun& reference_arm() {
  static const ArmRun arm = [] {
    ArmRun a = run_arm(reference(), kSeed, kReplications, all_outcomes());
    MESSAGE("reference arm: " << kReplications << " replications in " << a.seconds << " s");
    return a;
  }();
  return arm;
}

// Prints every outcome and checks that no checked one is significantly favourable, except
// the outcomes named in `known`: an open defect, checked by its own expected-failure case.
void check_no_favourable_move(const Parameters& variant, const std::string& what,
                              const std::vector<std::string>& known = {}) {
  const auto start = std::chrono::steady_clock::now();
  const ArmRun& base = reference_arm();
  const ArmRun arm = run_arm(variant, kSeed, kReplications, all_outcomes());
  MESSAGE(what << ": variant arm in " << arm.seconds << " s");
  // 95% intervals, outcome by outcome, as the issue asks. A cut with no effect at all shows
  // some checked outcome "significantly favourable" by chance in about one seed of six
  // (docs/testing.md); a failure is then read against that, never hidden by a wider interval.
  const double level = 0.95;
  const std::vector<PairedResult> results = compare(base, arm, all_outcomes(), level);
  // Crisis admissions alone are not checked here: a cut may turn admissions into far
  // placements, so the checked outcome is their sum.
  std::vector<Outcome> to_confirm;
  for (std::size_t i = 0; i < no_free_lunch_outcomes().size(); ++i) {
    const PairedResult& r = results[i];
    MESSAGE(what << ": " << r.line());
    if (r.exempt || std::find(known.begin(), known.end(), r.name) != known.end()) continue;
    if (r.significantly_favourable()) to_confirm.push_back(no_free_lunch_outcomes()[i]);
  }
  // A favourable move is confirmed on an independent run, both arms under kConfirmSeed: with
  // six checks at 95% a cut with no effect shows one by chance in about one seed of six, a
  // real effect shows under both seeds (docs/testing.md).
  if (to_confirm.empty()) return;
  const ArmRun base2 = run_arm(reference(), kConfirmSeed, kReplications, to_confirm);
  const ArmRun arm2 = run_arm(variant, kConfirmSeed, kReplications, to_confirm);
  for (const PairedResult& r : compare(base2, arm2, to_confirm, level)) {
    MESSAGE(what << ": confirmation under seed " << kConfirmSeed << ": " << r.line());
    INFO(what << ": favourable under seed " << kSeed << " and again under seed " << kConfirmSeed << ": " << r.line());
    CHECK_FALSE(r.significantly_favourable());
  }
  MESSAGE(what << ": test case took " << seconds_since(start) << " s");
}

double total_group_home_places(const Parameters& p, double day) {
  double total = 0;
  for (const Housing& h : p.housing) total += h.group_home_places.at(day);
  return total;
}

double total_crisis_beds(const Parameters& p) {
  double total = 0;
  for (const Hub& h : p.hubs)
    for (const HubSite& s : h.sites) total += s.crisis_beds.peak();
  return total;
}

// Every municipality's group-home places x 0.8, rounded, from day 1.
Parameters fewer_group_homes() {
  // Day-0 residents are group_home_initial_fill x the places of day 0 and are people
  // created for them: cutting the places on day 0 would remove 45 of the 218 from the
  // region and so lower crises and deaths for no reason. Both arms therefore open with the
  // reference's places (and residents); the cut applies from day 1, and the surplus
  // residents leave by turnover, nobody is evicted (engine Resource::set_capacity).
  Parameters fewer = reference();
  for (std::size_t m = 0; m < fewer.housing.size(); ++m) {
    const Phased& places = reference().housing[m].group_home_places;
    Phased cut;
    cut.steps.push_back({0.0, places.at(0)});
    for (const auto& [day, value] : places.steps) cut.steps.push_back({std::max(day, 1.0), std::round(0.8 * value)});
    fewer.housing[m].group_home_places = cut;
  }
  const double before = total_group_home_places(reference(), 1);
  const double after = total_group_home_places(fewer, 1);
  MESSAGE("group-home places in the region from day 1: " << before << " -> " << after);
  REQUIRE(after <= 0.82 * before);
  REQUIRE(after >= 0.78 * before);
  return fewer;
}

// Every municipality's support caseloads (自立生活援助, 地域定着支援, home nursing) x 0.8,
// rounded, from day 1 (both arms open with the reference's users, as for group homes).
Parameters fewer_support_places() {
  Parameters fewer = reference();
  double before = 0, after = 0;
  for (std::size_t m = 0; m < fewer.housing.size(); ++m) {
    for (Phased Housing::*field :
         {&Housing::independent_living_caseload, &Housing::settlement_caseload, &Housing::home_nursing_caseload}) {
      const Phased& places = reference().housing[m].*field;
      Phased cut;
      cut.steps.push_back({0.0, places.at(0)});
      for (const auto& [day, value] : places.steps) cut.steps.push_back({std::max(day, 1.0), std::round(0.8 * value)});
      fewer.housing[m].*field = cut;
      before += places.at(1);
      after += cut.at(1);
    }
  }
  MESSAGE("support caseload places in the region from day 1: " << before << " -> " << after);
  REQUIRE(after <= 0.82 * before);
  REQUIRE(after >= 0.78 * before);
  return fewer;
}

}  // namespace

TEST_CASE("the fewer-beds scenario has a fifth fewer beds at every hospital and keeps the outside patients") {
  const Parameters& base = reference();
  const Parameters fewer = load_parameters("fewer-beds.yaml");
  REQUIRE(fewer.hospitals.size() == base.hospitals.size());
  for (std::size_t h = 0; h < base.hospitals.size(); ++h) {
    INFO(base.hospitals[h].id);
    CHECK(fewer.hospitals[h].id == base.hospitals[h].id);
    CHECK(fewer.hospitals[h].beds.steps.size() == 1);
    CHECK(fewer.hospitals[h].beds.at(0) == std::round(0.8 * base.hospitals[h].beds.at(0)));
    CHECK(fewer.hospitals[h].outside_patients.steps == base.hospitals[h].outside_patients.steps);
  }
}

TEST_SUITE("slow") {
  TEST_CASE("twenty percent fewer hospital beds improve no outcome significantly") {
    check_no_favourable_move(load_parameters("fewer-beds.yaml"), "fewer hospital beds");
  }

  TEST_CASE("twenty percent fewer group-home places improve no outcome significantly") {
    check_no_favourable_move(fewer_group_homes(), "fewer group-home places");
  }

  // The assumption hospital.group_home_wait_before_home_days at work, and what the
  // no-free-lunch result for readmission depends on. Waiting for ever (1e9 days), fewer
  // places keep people planned for a group home in hospital beyond a year; revolving-door
  // people, discharged several times a year, are the ones most often planned for one, and a
  // stay of over a year leaves readmission_365d's denominator (the national cohort counts
  // discharges within a year of admission). The cut then lowers readmission_365d: the
  // indicator's definition, not better care. With the wait ending at home (the default, 180
  // days), blocked bed-days are far fewer and the cut no longer lowers readmission (case above).
  TEST_CASE("a group-home wait that ends at home: fewer blocked bed-days, and without it a cut lowers readmission") {
    Parameters never = reference();
    never.hospital.group_home_wait_before_home_days = 1e9;
    Parameters fewer_never = fewer_group_homes();
    fewer_never.hospital.group_home_wait_before_home_days = 1e9;
    const ArmRun fewer = run_arm(fewer_group_homes(), kSeed, kReplications, all_outcomes());
    const ArmRun base_never = run_arm(never, kSeed, kReplications, all_outcomes());
    const ArmRun arm_never = run_arm(fewer_never, kSeed, kReplications, all_outcomes());
    const auto find = [](const std::vector<PairedResult>& results, const std::string& name) {
      const auto it =
          std::find_if(results.begin(), results.end(), [&](const PairedResult& r) { return r.name == name; });
      REQUIRE(it != results.end());
      return *it;
    };
    // The lever: the same cut region, with the wait ending at home (the default) against never.
    const PairedResult blocked = find(compare(arm_never, fewer, all_outcomes()), "blocked_bed_days");
    MESSAGE("fewer group-home places, wait ends at home vs never: " << blocked.line());
    CHECK(blocked.significantly_favourable());
    // Waiting for ever, the cut lowers readmission_365d significantly (the indicator's
    // denominator): the dependence docs/model.md states.
    const PairedResult readmission = find(compare(base_never, arm_never, all_outcomes()), "readmission_365d");
    MESSAGE("fewer group-home places, waiting for ever: " << readmission.line());
    CHECK(readmission.significantly_favourable());
  }

  TEST_CASE("twenty percent fewer support caseload places improve no outcome significantly") {
    check_no_favourable_move(fewer_support_places(), "fewer support caseload places");
  }

  TEST_CASE("a quarter fewer crisis beds improve no outcome significantly") {
    // Scaling each site's 2 / 1 / 1 beds by 0.8 rounds back to the same beds, so whole beds
    // are removed, one at a time from the site with the most, until the region has at most
    // 80% of its beds: in the reference one of the two beds of the joint hub's chuo site
    // goes, 4 -> 3 (25%).
    Parameters fewer = reference();
    const double before = total_crisis_beds(fewer);
    REQUIRE(before >= 2);
    while (total_crisis_beds(fewer) > 0.8 * before) {
      HubSite* largest = nullptr;
      for (Hub& h : fewer.hubs)
        for (HubSite& s : h.sites)
          if (largest == nullptr || s.crisis_beds.peak() > largest->crisis_beds.peak()) largest = &s;
      for (auto& step : largest->crisis_beds.steps) step.second = std::max(0.0, step.second - 1);
    }
    for (std::size_t h = 0; h < fewer.hubs.size(); ++h)
      for (std::size_t s = 0; s < fewer.hubs[h].sites.size(); ++s)
        MESSAGE("crisis beds of " << fewer.hubs[h].id << " site " << s << " ("
                                  << fewer.municipalities[fewer.hubs[h].sites[s].municipality].id
                                  << "): " << reference().hubs[h].sites[s].crisis_beds.peak() << " -> "
                                  << fewer.hubs[h].sites[s].crisis_beds.peak());
    const double after = total_crisis_beds(fewer);
    MESSAGE("crisis beds in the region: " << before << " -> " << after);
    REQUIRE(after < before);
    check_no_favourable_move(fewer, "fewer crisis beds");
  }

  TEST_CASE("twenty percent fewer coordinator hours improve no outcome significantly") {
    // Coordinators are full-time equivalents: 2 -> 1.6 and 1 -> 0.8, from day 1.
    Parameters fewer = reference();
    for (std::size_t h = 0; h < fewer.hubs.size(); ++h) {
      const Phased& staff = reference().hubs[h].coordinators;
      Phased cut;
      cut.steps.push_back({0.0, staff.at(0)});
      for (const auto& [day, value] : staff.steps) cut.steps.push_back({std::max(day, 1.0), 0.8 * value});
      fewer.hubs[h].coordinators = cut;
      MESSAGE("coordinators of " << fewer.hubs[h].id << ": " << staff.at(1) << " -> " << cut.at(1));
    }
    check_no_favourable_move(fewer, "fewer coordinator hours");
  }

  TEST_CASE("a half-time coordinator at hub-kita (the bundled part-time variant) improves no outcome significantly") {
    // part-time-coordinator.yaml: hub-kita's one coordinator becomes a 0.5 post. Fewer hours
    // of 動機付け支援 mean fewer wishes, programmes and graduates waiting blocked: blocked
    // bed-days fall while long stay rises (docs/model.md), so the check is on the sum.
    const Parameters variant = load_parameters("part-time-coordinator.yaml");
    REQUIRE(variant.hubs.size() == reference().hubs.size());
    bool fewer = false;
    for (std::size_t h = 0; h < variant.hubs.size(); ++h)
      fewer = fewer ||
              variant.hubs[h].coordinators.steps.back().second < reference().hubs[h].coordinators.steps.back().second;
    REQUIRE(fewer);  // the variant still cuts a coordinator post
    for (std::size_t h = 0; h < variant.hubs.size(); ++h)
      MESSAGE("coordinators of " << variant.hubs[h].id
                                 << " at the last step: " << reference().hubs[h].coordinators.steps.back().second
                                 << " -> " << variant.hubs[h].coordinators.steps.back().second);
    check_no_favourable_move(variant, "part-time coordinator");
  }

  TEST_CASE("twenty percent fewer transition programme places improve no outcome significantly") {
    // Whole places removed one at a time from the provider with the most (hub offices and
    // consultation offices outside hubs alike) until at most 80% remain, from day 1.
    Parameters fewer = reference();
    std::vector<Phased*> providers;
    for (Hub& h : fewer.hubs) providers.push_back(&h.transition_places);
    for (Housing& h : fewer.housing) providers.push_back(&h.transition_caseload);
    auto total = [&] {
      double t = 0;
      for (const Phased* f : providers) t += f->at(1);
      return t;
    };
    const double before = total();
    REQUIRE(before >= 5);
    while (total() > 0.8 * before) {
      Phased* largest = *std::max_element(providers.begin(), providers.end(),
                                          [](const Phased* a, const Phased* b) { return a->at(1) < b->at(1); });
      const double value = largest->at(1) - 1;
      Phased cut;
      cut.steps.push_back({0.0, largest->at(0)});
      cut.steps.push_back({1.0, value});
      *largest = cut;
    }
    MESSAGE("transition programme places in the region from day 1: " << before << " -> " << total());
    check_no_favourable_move(fewer, "fewer transition programme places");
  }

  TEST_CASE("removing both hubs raises crisis admissions significantly") {
    const auto start = std::chrono::steady_clock::now();
    const ArmRun arm = run_arm(load_parameters("no-hub.yaml"), kSeed, kReplications, all_outcomes());
    const std::vector<PairedResult> results = compare(reference_arm(), arm, all_outcomes());
    for (const PairedResult& r : results) MESSAGE("no hub: " << r.line());
    const PairedResult& admissions = results.back();
    REQUIRE(admissions.name == crisis_admissions_outcome().name);
    CHECK(admissions.significantly_above_zero());
    MESSAGE("no hub: test case took " << seconds_since(start) << " s");
  }

  TEST_CASE("common random numbers narrow the paired interval of more crisis beds at least twofold") {
    // Four more crisis beds at every site; the independent arm runs the variant under
    // another seed, so its differences carry both arms' noise.
    const auto start = std::chrono::steady_clock::now();
    Parameters more = reference();
    for (Hub& h : more.hubs)
      for (HubSite& s : h.sites)
        for (auto& step : s.crisis_beds.steps) step.second += 4;
    const ArmRun& base = reference_arm();
    const PairedResult common =
        compare(base, run_arm(more, kSeed, kReplications, all_outcomes()), all_outcomes()).back();
    const PairedResult independent =
        compare(base, run_arm(more, kSeed + 1, kReplications, all_outcomes()), all_outcomes()).back();
    REQUIRE(common.name == crisis_admissions_outcome().name);
    MESSAGE("more crisis beds, common random numbers: " << common.line());
    MESSAGE("more crisis beds, independent seeds: " << independent.line());
    CHECK(common.half_width > 0);
    CHECK(2 * common.half_width <= independent.half_width);
    MESSAGE("common random numbers: test case took " << seconds_since(start) << " s");
  }
}
