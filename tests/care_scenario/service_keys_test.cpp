// A service's own scenario keys (care_scenario/service_keys.hpp): rows that do not say
// what they are refused at declaration, a taken name refused when the rows are added, and
// the fields the model's Reader fills (a reference as the municipality's index, a list).
// The example service (tests/example_service/) covers phased values and the error texts.
#include "care_scenario/service_keys.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "care_scenario_test_support.hpp"

using namespace caresim;
using care_scenario::ServiceKeys;
using scenario::Param;

namespace {

/** A service's parameters: a reference, a list and a count per municipality. */
struct Toy {
  int home = -1;  ///< index of a municipality
  std::vector<double> weights;
  std::vector<double> vans;  ///< per municipality
};

ServiceKeys<Toy> toy_keys() {
  return ServiceKeys<Toy>("toy", "A service for the tests")
      .key(Param::reference("home", "municipalities").source("scenario input").describe("Where the service is based"),
           &Toy::home)
      .key(Param::real_list("weights")
               .range(0, 10)
               .default_reals({1, 2})
               .unit("weight")
               .source("assumption (range guessed)")
               .assumption_range(0, 5)
               .describe("Weights"),
           &Toy::weights)
      .per_municipality(Param::integer("vans")
                            .at_least(0)
                            .default_value(1)
                            .unit("vans")
                            .source("scenario input")
                            .describe("Vans in the municipality"),
                        &Toy::vans);
}

/** The reference region with `body` after it. */
scenario::LoadResult load_toy(const scenario::Schema& schema, const std::string& body) {
  return scenario::load_scenario_text(schema, "extends: reference-region.yaml\n" + body,
                                      (test::scenarios_dir() / "toy.yaml").string());
}

}  // namespace

TEST_CASE("a service's row without a description source unit or range is refused when it is declared") {
  ServiceKeys<Toy> keys("toy", "A service for the tests");
  CHECK_THROWS_WITH_AS(keys.per_municipality(Param::integer("vans"), &Toy::vans),
                       "municipalities.<municipality>.toy.vans: a service's row needs a description (describe), a "
                       "source (source: a citation, or \"assumption\"), a unit (unit) and a range (range, at_least "
                       "or greater_than)",
                       scenario::SchemaError);
  CHECK_THROWS_WITH_AS(
      keys.key(Param::real_list("weights").at_least(0).unit("weight").source("assumption").describe("Weights"),
               &Toy::weights),
      "services.toy.weights: a service's row needs an assumed range for a number resting on an assumption "
      "(assumption_range)",
      scenario::SchemaError);
}

TEST_CASE("a service whose name is taken is refused when its rows are added") {
  scenario::Schema schema = care_scenario::care_schema_with(toy_keys());
  CHECK_THROWS_WITH_AS(toy_keys().add_to(schema),
                       "services.toy: the table already has this key; each service needs its own name",
                       scenario::SchemaError);
  scenario::Schema plain = care_scenario::care_schema();
  const ServiceKeys<Toy> population =
      ServiceKeys<Toy>("population", "Named as a key of every municipality")
          .per_municipality(Param::integer("vans").at_least(0).unit("vans").source("scenario input").describe("Vans"),
                            &Toy::vans);
  CHECK_THROWS_WITH_AS(population.add_to(plain),
                       "municipalities.<municipality>.population: the table already has this key; each service "
                       "needs its own name",
                       scenario::SchemaError);
}

TEST_CASE("a service's reference to a municipality fills its index and each municipality's key its element") {
  const scenario::Schema schema = care_scenario::care_schema_with(toy_keys());
  const scenario::LoadResult result = load_toy(schema, R"(services:
  toy: {home: minami, weights: [3, 4, 5]}
municipalities:
  kita: {toy: {vans: 4}}
)");
  INFO(result.report());
  REQUIRE(result.ok());
  const scenario::Scenario& s = result.scenario();
  const Toy toy = toy_keys().fill(s);
  const model::Parameters p = care_scenario::to_parameters(s);
  REQUIRE(toy.home >= 0);
  CHECK(p.municipalities[static_cast<std::size_t>(toy.home)].id == "minami");
  CHECK(toy.weights == std::vector<double>{3, 4, 5});
  REQUIRE(toy.vans.size() == p.municipalities.size());
  for (std::size_t m = 0; m < p.municipalities.size(); ++m)
    CHECK_MESSAGE(toy.vans[m] == (p.municipalities[m].id == "kita" ? 4 : 1), p.municipalities[m].id);
}

TEST_CASE("a service's reference to no municipality is reported with the name it resembles") {
  const scenario::Schema schema = care_scenario::care_schema_with(toy_keys());
  const scenario::LoadResult result = load_toy(schema, "services:\n  toy: {home: minamu}\n");
  REQUIRE_FALSE(result.ok());
  CHECK(result.report() ==
        (test::scenarios_dir() / "toy.yaml").string() +
            ":3:15: services.toy.home: undefined municipality \"minamu\"\n"
            "  hint: did you mean \"minami\"? declared municipalities: chuo, kita, higashi, yamazato, "
            "minami, outside\n");
}
