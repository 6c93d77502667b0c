// The example service at work (docs/architecture.md, "Adding a service"): its keys come
// from a scenario (each key reaches its field, a bad value or an unknown key is reported
// where it stands, the plain care table refuses them, an omitted key takes its default);
// more day-care places lower crises among people discharged home, paired with common
// random numbers; no places at all is the built-in model, record for record; and the
// facility table refuses a service row that would pass for a built-in one.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include "day_care.hpp"

#include <doctest/doctest.h>

#include <bit>
#include <chrono>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "care_scenario/bundled.hpp"
#include "care_scenario/service_keys.hpp"
#include "care_scenario/to_parameters.hpp"
#include "engine/observe/recorder.hpp"
#include "models/care_model.hpp"
#include "models/facilities.hpp"
#include "scenario/loader.hpp"
#include "tests/model/model_test_support.hpp"
#include "tests/model/paired_comparison.hpp"

namespace caresim::example {
namespace {

using model::Parameters;
using model::testing::short_reference;

constexpr std::uint64_t kSeed = 777;
constexpr std::uint32_t kReplications = 20;

/** The care table with the day-care keys. */
const scenario::Schema& day_care_schema() {
  static const scenario::Schema schema = care_scenario::care_schema_with(day_care_keys());
  return schema;
}

/** The name the test scenarios go by: a file beside the reference region, which they extend. */
std::string file_name() {
  return (care_scenario::bundled_scenarios_dir() / "day-care-example.yaml").string();
}

/** `body` after "extends: reference-region.yaml" (line 1; the body starts on line 2),
 *  loaded against `schema`. */
scenario::LoadResult load(const std::string& body, const scenario::Schema& schema = day_care_schema()) {
  return scenario::load_scenario_text(schema, "extends: reference-region.yaml\n" + body, file_name());
}

/** A scenario loaded against the day-care table, and what it fills. */
struct Loaded {
  Parameters model;
  DayCareParams day_care;
  std::vector<std::string> municipalities;  ///< member names by index
};

Loaded loaded(const std::string& body) {
  const scenario::LoadResult result = load(body);
  INFO(result.report());
  REQUIRE(result.ok());
  const scenario::Scenario& s = result.scenario();
  return {care_scenario::to_parameters(s), day_care_keys().fill(s), s.members("municipalities")};
}

/** The index of municipality `name` in `l`. */
std::size_t index_of(const Loaded& l, const std::string& name) {
  for (std::size_t i = 0; i < l.municipalities.size(); ++i)
    if (l.municipalities[i] == name) return i;
  FAIL("no municipality " << name);
  return 0;
}

/** The reference region over `years` report years after one warm-up year (the window of
 *  short_reference(years + 1)), with `places` day-care places in each of its five
 *  municipalities (the outside_region entry keeps the default, none). */
std::string with_places(const std::string& places, int years) {
  std::string text = "simulation: {warmup_years: 1, years: " + std::to_string(years) +
                     "}\n"
                     "services:\n"
                     "  day_care: {share_in_need: 0.5, episode_days: 180, crisis_factor: 0.5}\n"
                     "municipalities:\n";
  for (const char* m : {"chuo", "kita", "higashi", "yamazato", "minami"})
    text += std::string("  ") + m + ": {day_care: {places: " + places + "}}\n";
  return text;
}

model::Services services_of(const DayCareParams& params) {
  model::Services s;
  s.push_back(std::make_unique<DayCare>(params));
  return s;
}

TEST_CASE("every day-care key set in a scenario reaches its field") {
  const Loaded l = loaded(R"(simulation: {warmup_years: 1, years: 2}
services:
  day_care:
    share_in_need: 0.25
    episode_days: 120
    crisis_factor: 0.75
municipalities:
  chuo:
    day_care:
      places: [{from: 2017-04-01, value: 12}, {from: 2018-04-01, value: 30}]
  kita: {day_care: {places: 7}}
)");
  CHECK(l.day_care.share_in_need == 0.25);
  CHECK(l.day_care.episode_days == 120);
  CHECK(l.day_care.crisis_factor == 0.75);
  REQUIRE(l.day_care.places.size() == l.model.municipalities.size());
  using Steps = std::vector<std::pair<double, double>>;
  CHECK(l.day_care.places[index_of(l, "chuo")].steps == Steps{{0, 12}, {365, 30}});  // phased: model days
  CHECK(l.day_care.places[index_of(l, "kita")].steps == Steps{{0, 7}});
  CHECK(l.day_care.places[index_of(l, "higashi")].steps == Steps{{0, 0}});  // not given: the default
  CHECK(l.model.municipalities[index_of(l, "kita")].id == "kita");          // the model's index
}

TEST_CASE("a day-care key left out of a scenario takes its row's default") {
  const Loaded l = loaded("simulation: {warmup_years: 1, years: 2}\n");
  const auto default_of = [](const char* path) {
    const scenario::Param* row = day_care_schema().find_fixed_param(path);
    REQUIRE(row != nullptr);
    return std::get<double>(*row->default_val());
  };
  CHECK(l.day_care.share_in_need == default_of("services.day_care.share_in_need"));
  CHECK(l.day_care.episode_days == default_of("services.day_care.episode_days"));
  CHECK(l.day_care.crisis_factor == default_of("services.day_care.crisis_factor"));
  CHECK(l.day_care.share_in_need == 0.5);  // not DayCareParams{}'s zeros
  CHECK(l.day_care.episode_days == 180);
  CHECK(l.day_care.crisis_factor == 0.5);
  REQUIRE(l.day_care.places.size() == l.model.municipalities.size());
  for (const model::Phased& places : l.day_care.places) CHECK(places.steps == model::Phased::constant(0).steps);
}

TEST_CASE("a day-care value out of range is reported at its file line and column with what is valid") {
  const scenario::LoadResult result = load(R"(services:
  day_care:
    crisis_factor: 1.5
municipalities:
  kita: {day_care: {places: -3}}
)");
  REQUIRE_FALSE(result.ok());
  CHECK(result.report() == file_name() +
                               ":4:20: services.day_care.crisis_factor: expected a number from 0 to 1, found \"1.5\"\n"
                               "  hint: valid range: from 0 to 1 (factor)\n" +
                               file_name() +
                               ":6:29: municipalities.kita.day_care.places: expected a number from 0 to 1e+05, found "
                               "\"-3\"\n"
                               "  hint: valid range: from 0 to 1e+05 (places)\n");
}

TEST_CASE("an unknown day-care key is reported with the key it resembles") {
  const scenario::LoadResult result = load(R"(services:
  day_care:
    crisis_facter: 0.4
municipalities:
  kita: {day_care: {plcaes: 3}}
)");
  REQUIRE_FALSE(result.ok());
  CHECK(result.report() == file_name() +
                               ":4:5: services.day_care.crisis_facter: unknown key \"crisis_facter\"\n"
                               "  hint: did you mean \"crisis_factor\"? valid keys here: share_in_need, episode_days, "
                               "crisis_factor\n" +
                               file_name() +
                               ":6:21: municipalities.kita.day_care.plcaes: unknown key \"plcaes\"\n"
                               "  hint: did you mean \"places\"? valid keys here: places\n");
}

TEST_CASE("the plain care table refuses the day-care keys as unknown") {
  const scenario::LoadResult result = load(R"(services:
  day_care: {crisis_factor: 0.4}
municipalities:
  kita: {day_care: {places: 3}}
)",
                                           care_scenario::care_schema());
  REQUIRE_FALSE(result.ok());
  // The hints list the built-in keys, which grow with the model: their start is checked.
  const std::vector<scenario::Diagnostic>& d = result.diagnostics();
  REQUIRE(d.size() == 2);
  CHECK(d[0].where.to_string() == file_name() + ":2:1");
  CHECK(d[0].path == "services");
  CHECK(d[0].message == "unknown key \"services\"");
  CHECK(d[0].hint.starts_with("valid keys here: scenario, simulation, municipalities,"));
  CHECK(d[1].where.to_string() == file_name() + ":5:10");
  CHECK(d[1].path == "municipalities.kita.day_care");
  CHECK(d[1].message == "unknown key \"day_care\"");
  CHECK(d[1].hint.starts_with("valid keys here: name_ja, population,"));
  CHECK(care_scenario::care_schema().find("services").group == nullptr);  // extending copied the table
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

/** One arm: the scenario `l` with its day-care service, replication by replication. */
model::testing::ArmRun arm(const Loaded& l, const std::vector<model::testing::Outcome>& outcomes) {
  model::testing::ArmRun run;
  run.values.resize(outcomes.size());
  const auto t0 = std::chrono::steady_clock::now();
  for (std::uint32_t r = 0; r < kReplications; ++r) {
    model::CareModel m(l.model, kSeed, r, services_of(l.day_care));
    const model::IndicatorTable t = m.run();
    for (std::size_t i = 0; i < outcomes.size(); ++i) run.values[i].push_back(outcomes[i].extract(t));
  }
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return run;
}

TEST_CASE("more day-care places set in a scenario lower crises among people discharged home") {
  const Loaded few = loaded(with_places("2", 3));
  const Loaded many = loaded(with_places("40", 3));
  REQUIRE(many.day_care.places[index_of(many, "chuo")].at(0) == 40);
  const std::vector<model::testing::Outcome> outcomes = {
      {"crises within 365 days of a discharge home",
       [](const model::IndicatorTable& t) { return t.scalar("day_care_crises_after_discharge"); },
       model::testing::Better::Lower, false},
      {"people who needed day care and went without",
       [](const model::IndicatorTable& t) { return t.scalar("day_care_went_without"); }, model::testing::Better::Lower,
       false},
  };
  const auto result = model::testing::compare(arm(few, outcomes), arm(many, outcomes), outcomes);
  for (const auto& r : result) MESSAGE(r.line());
  CHECK(result[0].significantly_favourable());  // the whole 95% interval below zero
  CHECK(result[1].significantly_favourable());
}

TEST_CASE("day care with zero places set in a scenario is the model without the service") {
  const Loaded l = loaded(with_places("0", 2));
  for (const model::Phased& places : l.day_care.places) REQUIRE(places.peak() == 0);
  for (std::uint32_t r = 0; r < 2; ++r) {
    Hash plain_hash, zero_hash;
    model::CareModel plain(l.model, kSeed, r);
    plain.attach(static_cast<engine::Recorder<model::MovementRecord>*>(&plain_hash));
    plain.attach(static_cast<engine::Recorder<model::CrisisRecord>*>(&plain_hash));
    model::CareModel zero(l.model, kSeed, r, services_of(l.day_care));
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
  model::Services s = services_of(DayCareParams{});
  const model::IndicatorDictionary* d = model::service_indicator_dictionary(s);
  REQUIRE(d != nullptr);
  const std::size_t built_in = model::indicator_dictionary().rows().size();
  REQUIRE(d->rows().size() == built_in + 3);
  CHECK(d->rows()[built_in].name == "day_care_crises_after_discharge");
  CHECK(d == model::service_indicator_dictionary(
                 services_of(DayCareParams{{model::Phased::constant(7)}})));  // one per list of rows
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
