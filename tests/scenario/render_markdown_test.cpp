// The Markdown reference generated from the table.
#include <doctest/doctest.h>

#include "scenario/render.hpp"
#include "scenario_test_support.hpp"

using namespace caresim::scenario;
using namespace caresim::scenario::testing;

TEST_SUITE("scenario") {
  TEST_CASE("the scenario markdown reference lists every key with unit and source") {
    const Schema schema = test_schema();
    const std::string md = render_markdown(schema);
    CHECK(md.starts_with("# Test region parameters\n"));
    int rows = 0;
    for_each_param(schema, [&](const ParamSite& site) {
      const std::string row_start = "| `" + site.doc_path + "` |";
      const std::size_t at = md.find(row_start);
      INFO(site.doc_path);
      REQUIRE(at != std::string::npos);
      const std::string row = md.substr(at, md.find('\n', at) - at);
      if (!site.param.unit_text().empty()) CHECK(row.find("| " + site.param.unit_text() + " |") != std::string::npos);
      if (site.param.is_assumption()) {
        CHECK(row.ends_with("| **assumption** |"));
      } else {
        CHECK(row.ends_with("| " + site.param.source_text() + " |"));
      }
      ++rows;
    });
    CHECK(rows == 15);
  }

  TEST_CASE("the scenario markdown reference shows types defaults and ranges") {
    const std::string md = render_markdown(test_schema());
    CHECK(md.find(
              "| `hubs.<hub>.crisis_beds` | integer, phased | `0` | beds | >= 0 | Crisis beds |  | **assumption** |") !=
          std::string::npos);
    CHECK(md.find("| `municipalities.<municipality>.population` | integer | *required* | persons | >= 0 | Residents |  "
                  "|  |") != std::string::npos);
    CHECK(md.find("| `hubs.<hub>.municipalities` | list of municipality names | *required* |  | names declared in "
                  "municipalities |") != std::string::npos);
    CHECK(md.find("\n## `hubs.<hub>.sites.<site>`\n") != std::string::npos);
    CHECK(md.find("At least 1 required.") != std::string::npos);
  }

  TEST_CASE("the scenario markdown reference shows an assumed range and the rest of an assumption's source") {
    Schema s("T");
    s.add(Param::real("response.p_home")
              .range(0, 1)
              .default_value(0.35)
              .unit("probability")
              .describe("Home")
              .source("assumption: triage; range guessed")
              .assumption_range(0.2, 0.5));
    const std::string md = render_markdown(s);
    CHECK(md.find("| Description | Assumed range | Source |") != std::string::npos);
    CHECK(md.find("| Home | 0.2 to 0.5 | **assumption**: triage; range guessed |") != std::string::npos);
    CHECK(md.find("- `response.p_home` = `0.35`: Home\n") != std::string::npos);
  }

  TEST_CASE("the scenario markdown reference collects the assumptions") {
    const std::string md = render_markdown(test_schema());
    const std::size_t section = md.find("\n## Defaults resting on assumptions\n");
    REQUIRE(section != std::string::npos);
    const std::string tail = md.substr(section);
    CHECK(tail.find("- `simulation.horizon_days` = `365`: Days simulated\n") != std::string::npos);
    CHECK(tail.find("municipalities.<municipality>.incidence") == std::string::npos);
  }

  TEST_CASE("the scenario help listing names every key") {
    const Schema schema = test_schema();
    const std::string help = render_help(schema);
    for_each_param(schema,
                   [&](const ParamSite& site) { CHECK(help.find("  " + site.doc_path + "\n") != std::string::npos); });
    CHECK(help.find("  hubs.<hub>.crisis_beds\n      integer, phased, >= 0; default 0 [beds]\n      Crisis beds\n"
                    "      source: assumption\n") != std::string::npos);
  }

}  // TEST_SUITE
