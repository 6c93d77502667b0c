// The example service at work (docs/architecture.md, "Adding a service"): more day-care
// places lower crises among people discharged home, paired with common random numbers;
// no places at all is the built-in model, record for record; and the facility table
// refuses a service row that would pass for a built-in one.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include "day_care.hpp"

#include <doctest/doctest.h>

#include <bit>
#include <chrono>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "care_scenario/bundled.hpp"
#include "engine/observe/recorder.hpp"
#include "models/care_model.hpp"
#include "models/facilities.hpp"
#include "tests/model/model_test_support.hpp"
#include "tests/model/paired_comparison.hpp"

namespace caresim::example {
namespace {

using model::Parameters;
using model::testing::short_reference;

constexpr std::uint64_t kSeed = 777;
constexpr std::uint32_t kReplications = 20;

DayCareParams with_places(const Parameters& p, double places) {
  DayCareParams h;
  h.places.assign(p.municipalities.size(), model::Phased::constant(places));
  return h;
}

model::Services services_with(const Parameters& p, double places) {
  model::Services s;
  s.push_back(std::make_unique<DayCare>(with_places(p, places)));
  return s;
}

/** FNV-1a over every movement and crisis record, in emission order. */
struct Hash final : engine::Recorder<model::MovementRecord>, engine::Recorder<model::CrisisRecord> {
  std::uint64_t h = 1469598103934665603ULL;
  void mix(double x) {
    const auto bits = std::bit_cast<std::uint64_t>(x);
    for (int i = 0; i < 8; ++i) h = (h ^ ((bits >> (8 * i)) & 0xff)) * 1099511628211ULL;
  }
  void record(const model::MovementRecord& r) override {
    mix(r.time), mix(static_cast<double>(r.person)), mix(static_cast<double>(r.kind)), mix(static_cast<double>(r.to)),
        mix(r.facility);
  }
  void record(const model::CrisisRecord& r) override {
    mix(r.time), mix(static_cast<double>(r.person)), mix(static_cast<double>(r.outcome));
  }
};

/** One arm: the service with `places` per municipality, replication by replication. */
model::testing::ArmRun arm(const Parameters& p, double places, const std::vector<model::testing::Outcome>& outcomes) {
  model::testing::ArmRun run;
  run.values.resize(outcomes.size());
  const auto t0 = std::chrono::steady_clock::now();
  for (std::uint32_t r = 0; r < kReplications; ++r) {
    model::CareModel m(p, kSeed, r, services_with(p, places));
    const model::IndicatorTable t = m.run();
    for (std::size_t i = 0; i < outcomes.size(); ++i) run.values[i].push_back(outcomes[i].extract(t));
  }
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return run;
}

TEST_CASE("more day-care places lower crises among people discharged home") {
  const Parameters p = short_reference(4);
  const std::vector<model::testing::Outcome> outcomes = {
      {"crises within 365 days of a discharge home",
       [](const model::IndicatorTable& t) { return t.scalar("day_care_crises_after_discharge"); },
       model::testing::Better::Lower, false},
      {"people who needed day care and went without",
       [](const model::IndicatorTable& t) { return t.scalar("day_care_went_without"); }, model::testing::Better::Lower,
       false},
  };
  const auto few = arm(p, 2, outcomes);
  const auto many = arm(p, 40, outcomes);
  const auto result = model::testing::compare(few, many, outcomes);
  for (const auto& r : result) MESSAGE(r.line());
  CHECK(result[0].significantly_favourable());  // the whole 95% interval below zero
  CHECK(result[1].significantly_favourable());
}

TEST_CASE("day care with zero places is the model without the service") {
  const Parameters p = short_reference(3);
  for (std::uint32_t r = 0; r < 2; ++r) {
    Hash plain_hash, zero_hash;
    model::CareModel plain(p, kSeed, r);
    plain.attach(static_cast<engine::Recorder<model::MovementRecord>*>(&plain_hash));
    plain.attach(static_cast<engine::Recorder<model::CrisisRecord>*>(&plain_hash));
    model::CareModel zero(p, kSeed, r, services_with(p, 0));
    zero.attach(static_cast<engine::Recorder<model::MovementRecord>*>(&zero_hash));
    zero.attach(static_cast<engine::Recorder<model::CrisisRecord>*>(&zero_hash));
    const model::IndicatorTable a = plain.run();
    model::IndicatorTable b = zero.run();
    CHECK(plain_hash.h == zero_hash.h);
    CHECK(plain.events() == zero.events());
    REQUIRE(b.entries.size() == a.entries.size() + 3);
    CHECK(b.scalar("day_care_episodes") == 0);
    CHECK(b.scalar("day_care_went_without") > 0);  // the need was there
    b.entries.resize(a.entries.size());
    CHECK(b.to_json() == a.to_json());
  }
}

TEST_CASE("the facility table refuses a service row of a built-in kind or a taken id") {
  const Parameters p = short_reference(1);
  model::FacilityTable table(p);
  model::Facility row;
  row.kind = model::CapacityKind::GroupHomePlaces;
  row.id = "chuo/day-care";
  CHECK_THROWS_WITH_AS(table.add(row),
                       "facility table: row 'chuo/day-care' added by a service: its kind must be "
                       "CapacityKind::Registered with a kind_name",
                       std::invalid_argument);
  row.kind = model::CapacityKind::Registered;
  row.kind_name = "day_care";
  row.place = model::Place::Home;
  CHECK_THROWS_WITH_AS(table.add(row),
                       "facility table: row 'chuo/day-care' added by a service: it must host no place and "
                       "count in no occupancy group",
                       std::invalid_argument);
  row.place = model::Place::Outside;
  row.id = table.rows().front().id;
  CHECK_THROWS_WITH_AS(
      table.add(row),
      ("facility table: row '" + row.id + "' added by a service: the id is taken; ids must be unique").c_str(),
      std::invalid_argument);
  const std::size_t before = table.size();
  row.id = "chuo/day-care";
  const model::FacilityId f = table.add(row);
  CHECK(model::index(f) == before);
  CHECK(table[f].kind_name == "day_care");
}

/** A service that declares one row called `name` and adds nothing. */
struct Declares final : model::Service {
  explicit Declares(std::string n) : name(std::move(n)) {}
  void declare(model::FacilityTable& /*table*/) override {}
  void declare_indicators(std::vector<model::IndicatorRow>& rows) const override {
    model::IndicatorRow r;
    r.name = name;
    rows.push_back(std::move(r));
  }
  std::string name;
};

TEST_CASE("the service's indicators extend the built-in dictionary, and a taken name is refused") {
  const Parameters p = short_reference(1);
  model::Services s = services_with(p, 1);
  const model::IndicatorDictionary* d = model::service_indicator_dictionary(s);
  REQUIRE(d != nullptr);
  const std::size_t built_in = model::indicator_dictionary().rows().size();
  REQUIRE(d->rows().size() == built_in + 3);
  CHECK(d->rows()[built_in].name == "day_care_crises_after_discharge");
  CHECK(d == model::service_indicator_dictionary(services_with(p, 7)));  // one per list of rows
  CHECK(model::service_indicator_dictionary(model::Services{}) == nullptr);
  CHECK(model::indicator_dictionary().find("day_care_episodes") == nullptr);  // the central list is untouched

  model::Services taken;
  taken.push_back(std::make_unique<Declares>(model::indicator_dictionary().rows().front().name));
  CHECK_THROWS_WITH_AS(
      model::service_indicator_dictionary(taken),
      ("indicator dictionary: two indicators named " + model::indicator_dictionary().rows().front().name).c_str(),
      std::invalid_argument);
}

}  // namespace
}  // namespace caresim::example
