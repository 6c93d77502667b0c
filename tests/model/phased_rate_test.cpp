// Phased rates and probabilities take effect on their dates: each run is compared with the
// unphased reference run of the same seed, whose records it must repeat exactly up to the
// step day (the per-person streams are common random numbers) and leave afterwards.
#include <doctest/doctest.h>

#include <cstddef>
#include <vector>

#include "engine/observe/memory_recorder.hpp"
#include "model_test_support.hpp"
#include "models/calendar.hpp"

using namespace caresim::model;
using caresim::model::testing::Fingerprint;
using caresim::model::testing::short_reference;

namespace {

constexpr std::uint64_t kSeed = 2025;

/** The records of one three-year run of `p`. */
struct Records {
  std::vector<MovementRecord> movements;
  std::vector<CrisisRecord> crises;
};

Records run(const Parameters& p) {
  CareModel model(p, kSeed, 0);
  caresim::engine::MemoryRecorder<MovementRecord> movements;
  caresim::engine::MemoryRecorder<CrisisRecord> crises;
  model.attach(&movements);
  model.attach(&crises);
  model.run();
  return {movements.records(), crises.records()};
}

bool same(const MovementRecord& a, const MovementRecord& b) {
  return a.time == b.time && a.person == b.person && a.kind == b.kind && a.from == b.from && a.to == b.to &&
         a.facility == b.facility && a.cause == b.cause && a.admission == b.admission;
}

bool same(const CrisisRecord& a, const CrisisRecord& b) {
  return a.time == b.time && a.person == b.person && a.hub == b.hub && a.outcome == b.outcome &&
         a.carer_loss == b.carer_loss;
}

/** Number of leading records before model day `day` in `a`, checking that `b` has exactly
 *  the same ones (and no other record before `day`). */
template <class Record>
std::size_t same_before(const std::vector<Record>& a, const std::vector<Record>& b, double day) {
  std::size_t n = 0;
  while (n < a.size() && a[n].time < day) ++n;
  std::size_t agree = 0;
  while (agree < n && agree < b.size() && same(a[agree], b[agree])) ++agree;
  INFO("the first differing record is number " << agree << " of " << n << " before day " << day);
  CHECK(agree == n);
  CHECK((b.size() == n || b[n].time >= day));
  return n;
}

template <class Record, class Pred>
std::size_t count_if(const std::vector<Record>& records, Pred pred) {
  std::size_t n = 0;
  for (const Record& r : records) n += pred(r) ? 1 : 0;
  return n;
}

/** 1 January of the run's second fiscal year: a day of no capacity step. */
double step_day(const Parameters& p) {
  return model_day(p.run.start, Date{std::chrono::year{p.run.start.year() + 2} / 1 / 1});
}

}  // namespace

TEST_CASE("a crisis rate that doubles at a date leaves every record before it unchanged and raises crises after it") {
  const Parameters base = short_reference(3);
  Parameters phased = base;
  const double day = step_day(base);
  const double rate = base.crisis.rate_home.at(0);
  phased.crisis.rate_home = Phased::step(rate, day, 2 * rate);
  const Records a = run(base), b = run(phased);
  const std::size_t crises_before = same_before(a.crises, b.crises, day);
  same_before(a.movements, b.movements, day);
  CHECK(crises_before > 500);
  const double after_base = static_cast<double>(a.crises.size() - crises_before);
  const double after_phased = static_cast<double>(b.crises.size() - crises_before);
  MESSAGE("crises after the step: " << after_base << " unphased, " << after_phased << " phased");
  CHECK(after_phased > 1.4 * after_base);
}

TEST_CASE("a response probability that steps to one at a date sends every hub crisis home from that date") {
  const Parameters base = short_reference(3);
  Parameters phased = base;
  const double day = step_day(base);
  phased.response.p_home_with_hub = Phased::step(base.response.p_home_with_hub.at(0), day, 1.0);
  const Records a = run(base), b = run(phased);
  same_before(a.crises, b.crises, day);
  same_before(a.movements, b.movements, day);
  auto hub_not_home = [](double from, double to) {
    return [from, to](const CrisisRecord& r) {
      return r.time >= from && r.time < to && r.hub >= 0 && r.outcome != CrisisOutcome::Home;
    };
  };
  CHECK(count_if(b.crises, hub_not_home(0, day)) > 0);
  CHECK(count_if(a.crises, hub_not_home(day, base.run.horizon_days)) > 0);
  CHECK(count_if(b.crises, hub_not_home(day, base.run.horizon_days)) == 0);
  CHECK(count_if(b.crises, [day](const CrisisRecord& r) { return r.time >= day && r.hub >= 0; }) > 100);
}

TEST_CASE("a phased rate whose value does not change gives the same movements as a plain number") {
  const Parameters base = short_reference(3);
  Parameters listed = base;
  const double day = step_day(base);
  listed.crisis.rate_home = Phased::step(base.crisis.rate_home.at(0), day, base.crisis.rate_home.at(0));
  listed.community.death_rate_65plus =
      Phased::step(base.community.death_rate_65plus.at(0), day, base.community.death_rate_65plus.at(0));
  Fingerprint fa, fb;
  CareModel a(base, kSeed, 0), b(listed, kSeed, 0);
  a.attach(&fa);
  b.attach(&fb);
  a.run();
  b.run();
  CHECK(fa.count == fb.count);
  CHECK(fa.hash == fb.hash);
  CHECK(b.events() == a.events() + 1);  // the rate_step itself, which redraws nothing
}

TEST_CASE("arrivals that stop at a date bring no new person after it") {
  const Parameters base = short_reference(3);
  Parameters phased = base;
  const double day = step_day(base);
  phased.population.arrivals_per_100k_year = Phased::step(base.population.arrivals_per_100k_year.at(0), day, 0.0);
  const Records a = run(base), b = run(phased);
  same_before(a.movements, b.movements, day);
  auto arrival_after = [day](const MovementRecord& r) { return r.cause == Cause::NewPerson && r.time >= day; };
  CHECK(count_if(a.movements, arrival_after) > 100);
  CHECK(count_if(b.movements, arrival_after) == 0);
}

TEST_CASE("a community death rate that rises at a date redraws the deaths drawn before it") {
  const Parameters base = short_reference(3);
  Parameters phased = base;
  const double day = step_day(base);
  // Nearly everyone under 65 in the community dies within months of the step: only a
  // redraw of the exits drawn ahead (years away for most) can make that happen.
  phased.community.death_rate_under65 = Phased::step(base.community.death_rate_under65.at(0), day, 12.0);
  const Records a = run(base), b = run(phased);
  same_before(a.movements, b.movements, day);
  auto deaths_in_month = [day](const MovementRecord& r) {
    return r.cause == Cause::Death && !in_hospital(r.from) && r.time >= day && r.time < day + 30;
  };
  const std::size_t base_deaths = count_if(a.movements, deaths_in_month);
  const std::size_t phased_deaths = count_if(b.movements, deaths_in_month);
  MESSAGE("community deaths in the month after the step: " << base_deaths << " unphased, " << phased_deaths
                                                           << " phased");
  CHECK(phased_deaths > 20 * (base_deaths + 1));
}
