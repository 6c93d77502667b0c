// Schema rows bound to model fields: every row filled by one loop, every phased rate of a
// section reached by the model's visitor, every assumed number given a range.
#include "care_scenario/binding.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>

#include "care_scenario_test_support.hpp"

using namespace caresim;
using caresim::test::load_bundled;

namespace {

bool is_number(scenario::Type type) {
  return type == scenario::Type::Integer || type == scenario::Type::Real || type == scenario::Type::RealList;
}

}  // namespace

TEST_CASE("every row of the care parameter table is bound to a field or says who reads it") {
  std::size_t rows = 0;
  scenario::for_each_param(care_scenario::care_schema(), [&](const scenario::ParamSite&) { ++rows; });
  CHECK(care_scenario::care_bindings().size() == rows);
  std::set<std::string> keys;
  for (const auto& b : care_scenario::care_bindings().scalars) CHECK_MESSAGE(keys.insert(b.key).second, b.key);
}

TEST_CASE("every phased rate of a section is visited by for_each_phased_rate exactly once") {
  // Each phased binding fills its own field alone in an empty Parameters; the visitor must
  // then reach exactly one field with steps. A phased key bound to a field the visitor
  // skips gives 0 (its steps would never redraw the events it drives).
  const scenario::Scenario s = load_bundled("reference-region.yaml");
  const care_scenario::Reader reader(s);
  std::size_t phased = 0;
  for (const auto& b : care_scenario::care_bindings().scalars) {
    if (!s.is_phased(b.key)) continue;
    ++phased;
    model::Parameters p{};
    b.fill(reader, b.key, p);
    int reached = 0;
    model::for_each_phased_rate(p, [&](const model::Phased& rate) { reached += rate.steps.empty() ? 0 : 1; });
    CHECK_MESSAGE(reached == 1, b.key);
  }
  std::size_t visited = 0;
  model::Parameters p{};
  model::for_each_phased_rate(p, [&](model::Phased&) { ++visited; });
  CHECK(visited == phased);
  CHECK(phased == 38);
}

TEST_CASE("every number of the care parameter table resting on an assumption has an assumed range") {
  scenario::for_each_param(care_scenario::care_schema(), [](const scenario::ParamSite& site) {
    if (!site.param.is_assumption() || !is_number(site.param.type())) return;
    CHECK_MESSAGE(site.param.assumed_range().has_value(), site.doc_path << " rests on an assumption without a range");
  });
}

TEST_CASE("the age bands, the minimum admission age and the claims per coordinator are table rows with sources") {
  const auto p = care_scenario::to_parameters(load_bundled("reference-region.yaml"));
  CHECK(p.population.age_min_years == 20);
  CHECK(p.population.age_max_years == 90);
  CHECK(p.population.min_admission_age_years == 18);
  CHECK(p.response.claims_per_coordinator == 100);
  const auto& schema = care_scenario::care_schema();
  for (const char* key : {"population.age_min_years", "population.age_max_years", "population.min_admission_age_years",
                          "response.claims_per_coordinator"}) {
    const scenario::Param* row = schema.find_fixed_param(key);
    REQUIRE_MESSAGE(row != nullptr, key);
    CHECK_FALSE(row->source_text().empty());
  }
  CHECK(schema.find_fixed_param("response.claims_per_coordinator")->source_text().starts_with("seed 000 L2880"));
  const auto more = care_scenario::to_parameters(
      load_bundled("reference-region.yaml", {"response.claims_per_coordinator=50", "population.age_max_years=95"}));
  CHECK(more.response.claims_per_coordinator == 50);
  CHECK(more.population.age_max_years == 95);
}

TEST_CASE("an enumeration bound to an enum without a value for each of its words is refused at declaration") {
  scenario::Schema schema;
  care_scenario::Bindings bindings;
  care_scenario::Table table{schema, bindings};
  CHECK_THROWS_WITH_AS(care_scenario::bind_field(
                           table, schema,
                           scenario::Param::enumeration("community.waiting_rule", {"fifo", "other"})
                               .default_value("fifo")
                               .source("assumption"),
                           &model::CommunityParams::waiting_rule,
                           {{"fifo", model::WaitingRule::Fifo}, {"hospital_first", model::WaitingRule::HospitalFirst}}),
                       "community.waiting_rule: an enumeration bound to an enum needs a value for each of its words, "
                       "and no other",
                       scenario::SchemaError);
}

TEST_CASE("a key bound inside a section group instead of the root is refused at declaration") {
  scenario::Schema schema;
  care_scenario::Bindings bindings;
  care_scenario::Table table{schema, bindings};
  CHECK_THROWS_AS(care_scenario::bind_field(table, schema.section("crisis"),
                                            scenario::Param::real("rate_home").default_value(0.1).source("assumption"),
                                            &model::CrisisParams::rate_home),
                  scenario::SchemaError);
}
