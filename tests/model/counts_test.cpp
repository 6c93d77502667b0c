// Whole counts from real parameters: a value that does not fit is refused with the
// quantity and the value, never wrapped (models/counts.hpp), even for parameters built in
// code that the scenario table's bounds never saw.
#include "models/counts.hpp"

#include <doctest/doctest.h>

#include <limits>
#include <stdexcept>

#include "model_test_support.hpp"

using namespace caresim::model;
using caresim::model::testing::short_reference;

namespace {

/** The index of the municipality `id` in `p` (REQUIREs that there is one). */
std::size_t municipality(const Parameters& p, const std::string& id) {
  for (std::size_t m = 0; m < p.municipalities.size(); ++m)
    if (p.municipalities[m].id == id) return m;
  FAIL("no municipality " << id);
  return 0;
}

/** Builds and runs one replication of `p`. */
void build_and_run(const Parameters& p) {
  CareModel model(p, 1, 0);
  model.run();
}

}  // namespace

TEST_CASE("a whole count rounds halves away from zero as std::llround does") {
  CHECK(whole_count(2.5, "places", "chuo") == 3);
  CHECK(whole_count(2.4999, "places", "chuo") == 2);
  CHECK(whole_count(0.49, "places", "chuo") == 0);
  CHECK(whole_count(-0.4, "places", "chuo") == 0);
  CHECK(whole_count(kMaxCount, "places", "chuo") == kMaxCount);
  CHECK(whole_count(static_cast<double>(kMaxCount) + 0.49, "places", "chuo") == kMaxCount);
}

TEST_CASE("a whole count refuses NaN infinities negatives and values above the limit naming quantity and value") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  CHECK_THROWS_WITH_AS(whole_count(nan, "capacity", "beds:hosp-chuo"),
                       "capacity of beds:hosp-chuo: nan is not a whole count from 0 to 2147483647",
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(whole_count(inf, "capacity", "beds:hosp-chuo"),
                       "capacity of beds:hosp-chuo: inf is not a whole count from 0 to 2147483647",
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(whole_count(-inf, "capacity", ""), "capacity: -inf is not a whole count from 0 to 2147483647",
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(whole_count(-0.5, "capacity", ""), "capacity: -0.5 is not a whole count from 0 to 2147483647",
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(whole_count(static_cast<double>(kMaxCount) + 0.5, "capacity", ""),
                       "capacity: 2147483647.5 is not a whole count from 0 to 2147483647", std::invalid_argument);
  CHECK_THROWS_WITH_AS(whole_count(18446744073709551616.0, "capacity", ""),
                       "capacity: 18446744073709551616 is not a whole count from 0 to 2147483647",
                       std::invalid_argument);
}

TEST_CASE("a population built in code whose day-0 cohort would wrap modulo 2^32 is refused not shrunk") {
  // The reproducer of reliability-review.md section 5, built without the scenario table:
  // 1500 per 100,000 of 286,331,153,400 people is 4,294,967,301 = 2^32 + 5 people, which
  // the unchecked cast made 5.
  Parameters p = short_reference(1);
  p.municipalities[municipality(p, "chuo")].population = 286331153400;
  p.population.arrivals_per_100k_year = Phased::constant(0);
  for (StayBand& band : p.population.initial_inpatients) band.per_100k = 0;
  p.population.community_per_100k = 1500;  // the reproducer's rate, whatever the calibration says
  CHECK_THROWS_WITH_AS(build_and_run(p),
                       "day-0 community cohort of chuo: 4294967301 is not a whole count from 0 to 2147483647",
                       std::invalid_argument);
}

TEST_CASE("day-0 inpatients of a stay band built in code beyond the limit are refused with the municipality") {
  Parameters p = short_reference(1);
  p.population.community_per_100k = 0;
  p.population.initial_inpatients.front().per_100k = 1e300;
  CHECK_THROWS_WITH_AS(build_and_run(p),
                       "day-0 inpatients of a stay band of chuo: 1.5e+300 is not a whole count from 0 to 2147483647",
                       std::invalid_argument);
}

TEST_CASE("a capacity of 1e20 built in code is refused with the resource's name instead of read as negative") {
  // llround(1e20) is LLONG_MIN: the engine used to report "capacity -9223372036854775808 is negative".
  Parameters p = short_reference(1);
  p.hospitals.front().beds = Phased::constant(1e20);
  CHECK_THROWS_WITH_AS(build_and_run(p), "capacity of beds:hosp-chuo: 1e+20 is not a whole count from 0 to 2147483647",
                       std::invalid_argument);
}

TEST_CASE("a phased group-home step of 2^64 built in code is refused when its peak is announced") {
  Parameters p = short_reference(1);
  p.housing[municipality(p, "minami")].group_home_places = Phased::step(18, 200, 18446744073709551616.0);
  CHECK_THROWS_WITH_AS(build_and_run(p),
                       "capacity of group_home:minami: 18446744073709551616 is not a whole count from 0 to 2147483647",
                       std::invalid_argument);
}

TEST_CASE("a phased bed step that is not finite is refused on the day it takes effect") {
  Parameters p = short_reference(1);
  p.hospitals.front().beds = Phased::step(360, 100, std::numeric_limits<double>::infinity());
  CareModel model(p, 1, 0);
  CHECK_THROWS_WITH_AS(model.run(), "capacity of beds:hosp-chuo: inf is not a whole count from 0 to 2147483647",
                       std::invalid_argument);
}

TEST_CASE("coordinators built in code whose monthly add-on claims exceed the limit are refused with the hub") {
  Parameters p = short_reference(1);
  for (Hub& hub : p.hubs) hub.coordinators = Phased::constant(1e300);
  CHECK_THROWS_WITH_AS(build_and_run(p),
                       "monthly add-on claims of hub-joint: 1e+302 is not a whole count from 0 to 2147483647",
                       std::invalid_argument);
}

TEST_CASE("the capacity net of outside patients is none not an error when they outnumber the beds") {
  // beds - outside_patients < 0 is a valid scenario (every bed held from outside): no units.
  CHECK(capacity_units(-30, "beds:hosp-chuo") == 0);
  CHECK(capacity_units(0, "beds:hosp-chuo") == 0);
  CHECK(capacity_units(290.5, "beds:hosp-chuo") == 291);
  CHECK_THROWS_AS(capacity_units(std::numeric_limits<double>::quiet_NaN(), "beds:hosp-chuo"), std::invalid_argument);
}
