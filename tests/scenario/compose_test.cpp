// Composing a scenario from extended files and --set overrides.
#include "scenario/compose.hpp"

#include <doctest/doctest.h>

#include <fstream>

#include "scenario_test_support.hpp"

using namespace caresim::scenario;
using namespace caresim::scenario::testing;

namespace {

LoadResult load_file(const std::string& name, const std::vector<std::string>& overrides = {}) {
  return load_scenario(test_schema(), data_dir() / name, overrides);
}

/** The diagnostics' text with the data folder path removed. */
std::string report_without_dir(const LoadResult& r) {
  std::string text = r.report();
  const std::string dir = data_dir().string() + "/";
  for (std::size_t at = text.find(dir); at != std::string::npos; at = text.find(dir)) text.erase(at, dir.size());
  return text;
}

}  // namespace

TEST_SUITE("scenario") {
  TEST_CASE("an extending scenario merges maps and replaces lists whole") {
    const LoadResult r = load_file("override.yaml");
    INFO(r.report());
    REQUIRE(r.ok());
    const Scenario& s = r.scenario();
    CHECK(s.get_int("simulation.horizon_days") == 100);
    CHECK(s.get_date("simulation.start").to_string() == "2027-04-01");
    CHECK(s.get_names("hubs.north.municipalities") == std::vector<std::string>{"kita"});
    CHECK(s.get_phased<std::int64_t>("hubs.north.crisis_beds").steps().size() == 2);
    CHECK(s.get_int("hubs.north.sites.ward_a.beds") == 25);
    CHECK(s.members("hubs.north.sites") == std::vector<std::string>{"ward_a", "home_b"});
    CHECK(s.members("hubs") == std::vector<std::string>{"north", "south", "east"});
  }

  TEST_CASE("scenario extends paths are relative to the extending file") {
    const LoadResult r = load_file("nested/child.yaml");
    INFO(r.report());
    REQUIRE(r.ok());
    CHECK(r.scenario().get_phased<std::int64_t>("hubs.east.crisis_beds").steps().front().value == 2);
    CHECK(r.scenario().get_int("simulation.horizon_days") == 100);
  }

  TEST_CASE("a null in an extending scenario removes what it inherits") {
    const LoadResult r = load_file("removes_hubs.yaml");
    INFO(r.report());
    REQUIRE(r.ok());
    CHECK(r.scenario().members("hubs").empty());
  }

  TEST_CASE("a cycle in scenario extends is reported with the chain") {
    const LoadResult r = load_file("cycle_a.yaml");
    const Diagnostic d = single_diagnostic(r);
    const std::string dir = data_dir().string() + "/";
    CHECK(d.where.to_string() == dir + "cycle_b.yaml:1:10");
    CHECK(d.path == "extends");
    CHECK(d.message ==
          "cycle in extends: " + dir + "cycle_a.yaml -> " + dir + "cycle_b.yaml -> " + dir + "cycle_a.yaml");
    const LoadResult self = load_file("self_extends.yaml");
    CHECK(
        report_without_dir(self).starts_with("self_extends.yaml:1:10: extends: cycle in extends: self_extends.yaml -> "
                                             "self_extends.yaml\n"));
  }

  TEST_CASE("a scenario extending an unreadable file names the extends line") {
    const LoadResult r = load_file("missing_base.yaml");
    CHECK(report_without_dir(r) ==
          "missing_base.yaml:1:10: extends: cannot read \"does-not-exist.yaml\": No such file or directory\n"
          "  hint: the path is relative to the extending file\n");
  }

  TEST_CASE("scenario extends must name a file") {
    const LoadResult r = load_text("extends: [a.yaml]\n");
    CHECK(single_diagnostic(r).to_string() ==
          "inline.yaml:1:10: extends: expected the path of a scenario file, found a list\n"
          "  hint: write extends: other.yaml (relative to this file)");
  }

  TEST_CASE("a scenario extends chain longer than 32 files is rejected") {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "caresim_scenario_extends_chain";
    std::filesystem::create_directories(dir);
    for (int i = 0; i < 40; ++i) {
      std::ofstream(dir / std::string("f").append(std::to_string(i)).append(".yaml"))
          << "extends: f" << (i + 1) << ".yaml\n";
    }
    std::ofstream(dir / "f40.yaml") << kMinimal;
    const LoadResult r = load_scenario(test_schema(), dir / "f0.yaml");
    const Diagnostic d = single_diagnostic(r);
    CHECK(d.where.to_string() == (dir / "f31.yaml").string() + ":1:10");
    CHECK(d.message == "more than 32 files extend one another");
    std::filesystem::remove_all(dir);
  }

  TEST_CASE("a scenario may only extend a map and --set cannot replace a list") {
    const LoadResult r = load_file("extends_list_base.yaml");
    CHECK(report_without_dir(r) ==
          "list_base.yaml:2:1: expected a map of keys at the top of the scenario, found a list\n"
          "  hint: a file named by extends must itself be a scenario\n");
    const LoadResult set = load_file("list_base.yaml", {"municipalities.kita.population=1"});
    CHECK(
        report_without_dir(set).starts_with("list_base.yaml:2:1: expected a map of keys at the top of the scenario, "
                                            "found a list\n"));
  }

  TEST_CASE("errors in an extended scenario file name that file") {
    const LoadResult r = load_file("extends_bad_base.yaml");
    // The extending file first: what it writes over its base is the likelier root cause.
    CHECK(report_without_dir(r) ==
          "extends_bad_base.yaml:3:48: hubs.north.crisis_beds: expected a whole number >= 0, found \"lots\"\n"
          "bad_base.yaml:3:22: municipalities.kita.population: expected a whole number >= 0, found \"-1\"\n"
          "  hint: valid range: >= 0 (persons)\n");
  }

  TEST_CASE("a scenario --set overrides a file value and is validated") {
    const LoadResult r = load_file(
        "region.yaml",
        {"hubs.north.crisis_beds=4", "hubs.south.municipalities=[kita, minami]", "hubs.west={municipalities: [kita]}"});
    INFO(r.report());
    REQUIRE(r.ok());
    const Scenario& s = r.scenario();
    CHECK(s.get_phased<std::int64_t>("hubs.north.crisis_beds").is_constant());
    CHECK(s.get_phased<std::int64_t>("hubs.north.crisis_beds").steps().front().value == 4);
    CHECK(s.get_names("hubs.south.municipalities") == std::vector<std::string>{"kita", "minami"});
    CHECK(s.members("hubs") == std::vector<std::string>{"north", "south", "west"});
  }

  TEST_CASE("a bad scenario --set is reported against --set") {
    const LoadResult r = load_file(
        "region.yaml", {"hubs.north.crisis_beds=-1", "oops", "hubs.north.crisis_bedz=4", "title=[unclosed", "=3"});
    CHECK(r.report() ==
          "--set:1:24: hubs.north.crisis_beds: expected a whole number >= 0, found \"-1\"\n"
          "  hint: valid range: >= 0 (beds)\n"
          "--set:2:1: expected --set PATH=VALUE, found \"oops\"\n"
          "  hint: e.g. --set hubs.north.crisis_beds=4\n"
          "--set:3:12: hubs.north.crisis_bedz: unknown key \"crisis_bedz\"\n"
          "  hint: did you mean \"crisis_beds\"? valid keys here: municipalities, crisis_beds, admission_share, home, "
          "sites\n"
          "--set:4:7: title: YAML syntax error: end of sequence flow not found\n"
          "--set:5:1: expected --set PATH=VALUE, found \"=3\"\n"
          "  hint: e.g. --set hubs.north.crisis_beds=4\n");
  }

  TEST_CASE("problems inside a scenario --set value name the override's key path") {
    const LoadResult r = load_file("region.yaml", {"hubs.west={municipalities: [kita], municipalities: [minami]}"});
    CHECK(has_diagnostic(r, "--set:1:36", "hubs.west.municipalities", "duplicate key \"municipalities\""));
  }

}  // TEST_SUITE
