// Upper bounds on every size in the care parameter table (populations, rates per 100,000,
// capacities), and lower bounds on the durations that time arithmetic divides by: absurd
// values are refused by the loader, at their file, line and column, before anything runs.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>

#include "care_scenario_test_support.hpp"
#include "models/counts.hpp"

using namespace caresim;
using caresim::test::load_bundled;
using caresim::test::scenarios_dir;

namespace {

/** Loads `yaml` as if it were the file `name` in scenarios/ (so `extends:` finds the
 *  bundled scenarios). The file itself is never written. */
scenario::LoadResult load_beside_bundled(const std::string& yaml, const std::string& name) {
  return scenario::load_scenario_text(care_scenario::care_schema(), yaml, (scenarios_dir() / name).string());
}

/** The only diagnostic of `r` (REQUIREs that there is exactly one). */
scenario::Diagnostic only_problem(const scenario::LoadResult& r) {
  INFO(r.report());
  REQUIRE(r.diagnostics().size() == 1);
  return r.diagnostics().front();
}

/** The parameters of the care table by documentation path ("hubs.<hub>.coordinators"). */
std::map<std::string, const scenario::Param*> table() {
  std::map<std::string, const scenario::Param*> out;
  scenario::for_each_param(care_scenario::care_schema(),
                           [&](const scenario::ParamSite& site) { out[site.doc_path] = &site.param; });
  return out;
}

/** The upper bound of the parameter at `doc_path` (REQUIREs that it has one). */
double upper_bound(const std::string& doc_path) {
  const auto params = table();
  const auto found = params.find(doc_path);
  REQUIRE_MESSAGE(found != params.end(), doc_path);
  REQUIRE_MESSAGE(found->second->max().has_value(), doc_path);
  return *found->second->max();
}

}  // namespace

TEST_CASE("a population that would wrap the day-0 cohort is refused at its line and column with the valid range") {
  // The reproducer of reliability-review.md section 5: 1500 per 100,000 of 286,331,153,400
  // people is 2^32 + 5, which the unchecked conversion turned into 5 community cases.
  const auto r = load_beside_bundled(
      "extends: reference-region.yaml\n"
      "municipalities: {chuo: {population: 286331153400}}\n"
      "population:\n"
      "  arrivals_per_100k_year: 0\n"
      "  initial_inpatients: {under-3m: {per_100k: 0}, 3m-1y: {per_100k: 0}, 1y-5y: {per_100k: 0},\n"
      "                       5y-10y: {per_100k: 0}, 10y-20y: {per_100k: 0}, over-20y: {per_100k: 0}}\n",
      "huge-population.yaml");
  const auto d = only_problem(r);
  CHECK(d.where.file == (scenarios_dir() / "huge-population.yaml").string());
  CHECK(d.where.line == 2);
  CHECK(d.where.column == 37);
  CHECK(d.path == "municipalities.chuo.population");
  CHECK(d.message == "expected a number from 0 to 4e+06, found \"286331153400\"");
  CHECK(d.hint == "valid range: from 0 to 4e+06 (people)");
}

TEST_CASE("group-home places of 1e20 in a phased step are refused at the step's value with the valid range") {
  // The fuzzer's reproducer: llround(1e20) is LLONG_MIN, reported as a negative capacity.
  const auto r = load_beside_bundled(
      "extends: more-group-homes.yaml\n"
      "municipalities:\n"
      "  minami: {group_home_places: [{from: 2017-04-01, value: 18}, {from: 2027-04-01, value: 1e20}]}\n",
      "huge-group-homes.yaml");
  const auto d = only_problem(r);
  CHECK(d.where.line == 3);
  CHECK(d.where.column == 89);
  CHECK(d.path == "municipalities.minami.group_home_places[1].value");
  CHECK(d.message == "expected a number from 0 to 2e+05, found \"1e20\"");
  CHECK(d.hint == "valid range: from 0 to 2e+05 (places)");
}

TEST_CASE("hospital beds, crisis beds, coordinators and rates per 100000 beyond their bounds are each refused") {
  const auto r = load_beside_bundled(
      "extends: reference-region.yaml\n"
      "hospitals: {hosp-chuo: {beds: 1e20}}\n"
      "hubs: {hub-kita: {coordinators: 1e9, sites: {kita: {crisis_beds: 1e12}}}}\n"
      "population:\n"
      "  community_per_100k: 1e7\n"
      "  arrivals_per_100k_year: 1e12\n"
      "  initial_inpatients: {under-3m: {per_100k: 1e9}}\n",
      "huge-sizes.yaml");
  INFO(r.report());
  std::map<std::string, std::string> messages;
  for (const auto& d : r.diagnostics()) messages[d.path] = d.message;
  CHECK(messages.size() == r.diagnostics().size());
  CHECK(messages["hospitals.hosp-chuo.beds"] == "expected a number from 0 to 4e+05, found \"1e20\"");
  CHECK(messages["hubs.hub-kita.coordinators"] == "expected a number from 0 to 1000, found \"1e9\"");
  CHECK(messages["hubs.hub-kita.sites.kita.crisis_beds"] == "expected a number from 0 to 10000, found \"1e12\"");
  CHECK(messages["population.community_per_100k"] == "expected a number from 0 to 10000, found \"1e7\"");
  CHECK(messages["population.arrivals_per_100k_year"] == "expected a number from 0 to 1000, found \"1e12\"");
  CHECK(messages["population.initial_inpatients.under-3m.per_100k"] ==
        "expected a number from 0 to 1000, found \"1e9\"");
  CHECK(r.diagnostics().size() == 6);
}

TEST_CASE("every size in the care parameter table has an upper bound") {
  // A size is anything counted in people, places, beds, coordinators or programmes: a new
  // one without a bound fails here.
  const std::set<std::string> size_units = {"people",
                                            "places",
                                            "beds",
                                            "coordinators",
                                            "full-time equivalents",
                                            "programmes",
                                            "people per 100,000",
                                            "inpatients per 100,000",
                                            "people per 100,000 per year"};
  int sizes = 0;
  for (const auto& entry : table()) {  // not a structured binding: INFO captures it (clang 14)
    const scenario::Param& param = *entry.second;
    if (!size_units.count(param.unit_text())) continue;
    INFO(entry.first);
    ++sizes;
    CHECK(param.max().has_value());
  }
  CHECK(sizes == 14);
}

TEST_CASE("the bounds keep every count the model makes from a scenario within an int") {
  // population x per_100k / 100,000 people on day 0 (the translation need not check the
  // product), group-home residents, capacities and the claims of every coordinator.
  const double population = upper_bound("municipalities.<municipality>.population");
  for (const char* rate : {"population.community_per_100k", "population.initial_inpatients.<band>.per_100k"}) {
    INFO(rate);
    CHECK(population * upper_bound(rate) / 100000.0 <= model::kMaxCount);
  }
  for (const char* capacity :
       {"municipalities.<municipality>.group_home_places", "municipalities.<municipality>.group_home_trial_slots",
        "municipalities.<municipality>.supported_housing_places", "hospitals.<hospital>.beds",
        "hospitals.<hospital>.community_ward_beds", "hubs.<hub>.transition_places",
        "hubs.<hub>.sites.<site>.crisis_beds", "hubs.<hub>.sites.<site>.trial_slots"}) {
    INFO(capacity);
    CHECK(upper_bound(capacity) <= model::kMaxCount);
  }
  CHECK(upper_bound("hubs.<hub>.coordinators") * upper_bound("response.claims_per_coordinator") <= model::kMaxCount);
}

TEST_CASE("a review interval of 1e-300 days is refused at its line and column instead of failing in the run") {
  const auto r = load_beside_bundled("extends: reference-region.yaml\nhospital: {review_interval_days: 1e-300}\n",
                                     "tiny-review.yaml");
  const auto d = only_problem(r);
  CHECK(d.where.line == 2);
  CHECK(d.where.column == 34);
  CHECK(d.path == "hospital.review_interval_days");
  CHECK(d.message == "expected a number >= 1, found \"1e-300\"");
  CHECK(d.hint == "valid range: >= 1 (days)");
}

TEST_CASE("programme lengths whose gamma shape would underflow or overflow are refused at their position") {
  // (mean / sd)^2 was 0 for a mean of 1e-300 days and infinite for a mean of 1e300.
  for (const char* mean : {"1e-300", "1e300"}) {
    INFO(mean);
    const auto r = load_beside_bundled(
        "extends: reference-region.yaml\ntransition: {programme_mean_days: " + std::string(mean) + "}\n",
        "odd-programme.yaml");
    const auto d = only_problem(r);
    CHECK(d.where.line == 2);
    CHECK(d.path == "transition.programme_mean_days");
    CHECK(d.message == "expected a number from 1 to 3650, found \"" + std::string(mean) + "\"");
  }
  const auto r = load_beside_bundled("extends: reference-region.yaml\ntransition: {programme_sd_days: 1e300}\n",
                                     "odd-programme.yaml");
  CHECK(only_problem(r).message == "expected a number from 0 to 3650, found \"1e300\"");
}

TEST_CASE("a programme length spread too small to draw is a translation error naming the key and the valid values") {
  const auto s = load_bundled("reference-region.yaml", {"transition.programme_sd_days=1e-300"});
  CHECK_THROWS_WITH_AS(care_scenario::to_parameters(s),
                       "the scenario's keys do not fit together:\n  transition.programme_sd_days: 1e-300 days is too "
                       "small a spread to draw; write 0 for programmes of fixed length, or at least 0.001",
                       care_scenario::BindingError);
  CHECK_NOTHROW(
      care_scenario::to_parameters(load_bundled("reference-region.yaml", {"transition.programme_sd_days=0"})));
  CHECK_NOTHROW(
      care_scenario::to_parameters(load_bundled("reference-region.yaml", {"transition.programme_sd_days=0.001"})));
}
