// Diagnostic text and ordering.
#include "scenario/diagnostic.hpp"

#include <doctest/doctest.h>

using namespace caresim::scenario;

namespace {

// Built field by field: GCC 12 warns (wrongly) about aggregate-initialised strings here.
Diagnostic make(std::string file, int line, int column, std::string path, std::string message, std::string hint) {
  Diagnostic d;
  d.where.file = std::move(file);
  d.where.line = line;
  d.where.column = column;
  d.path = std::move(path);
  d.message = std::move(message);
  d.hint = std::move(hint);
  return d;
}

}  // namespace

TEST_SUITE("scenario") {
  TEST_CASE("a scenario diagnostic reads file line column path message and hint") {
    const Diagnostic d = make("reference-region.yaml", 12, 5, "hubs.north.crisis_beds",
                              "expected a whole number >= 0, found \"-2\"", "valid range: >= 0 (beds)");
    CHECK(d.to_string() ==
          "reference-region.yaml:12:5: hubs.north.crisis_beds: expected a whole number >= 0, found \"-2\"\n"
          "  hint: valid range: >= 0 (beds)");
    const Diagnostic whole_file = make("missing.yaml", 0, 0, "", "cannot read file: No such file or directory", "");
    CHECK(whole_file.to_string() == "missing.yaml: cannot read file: No such file or directory");
  }

  TEST_CASE("scenario diagnostics sort by file then position and drop repeats") {
    std::vector<Diagnostic> all = {make("b.yaml", 1, 1, "x", "m", ""), make("a.yaml", 10, 2, "y", "m", ""),
                                   make("a.yaml", 2, 7, "z", "m", ""), make("a.yaml", 2, 3, "w", "m", ""),
                                   make("a.yaml", 2, 3, "w", "m", "")};
    sort_diagnostics(all);
    REQUIRE(all.size() == 4);
    CHECK(all[0].path == "w");
    CHECK(all[1].path == "z");
    CHECK(all[2].path == "y");
    CHECK(all[3].path == "x");
    CHECK(format_diagnostics(all).starts_with("a.yaml:2:3: w: m\na.yaml:2:7: z: m\n"));
  }

}  // TEST_SUITE
