// `caresim compare` refuses what cannot be compared, with a message naming both files and
// the values that differ, and writes nothing then; a damaged file gets the results-file
// checks' message; a wrong command line is a usage error. (The statistics and the output
// formats end to end: tests/cli/compare_check.py.)
#include <doctest/doctest.h>

#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include "tests/cli/cli_test_support.hpp"
#include "tests/io/trace_test_support.hpp"

using caresim::cli::testing::contains;
using caresim::cli::testing::kReference;
using caresim::cli::testing::Output;
using caresim::cli::testing::rewrite_attribute;
using caresim::cli::testing::run_program;
using caresim::io::testing::exists;
using caresim::io::testing::ScratchDir;
using caresim::io::testing::slurp;

namespace {

// A small run of `scenario` (`years` reported years, no warm-up, 3 replications, summary
// trace) written to `name` in `dir`; `extra` adds options.
void small_run(const ScratchDir& dir, const std::string& name, const std::vector<std::string>& extra = {},
               const std::string& scenario = kReference, const std::string& years = "1") {
  std::vector<std::string> args = {"run", scenario, "--years", years,     "--set", "simulation.warmup_years=0",
                                   "-r",  "3",      "--trace", "summary", "-o",    dir.file(name)};
  args.insert(args.end(), extra.begin(), extra.end());
  const Output o = run_program(dir, args);
  INFO(o.err);
  REQUIRE(o.status == 0);
}

Output compare(const ScratchDir& dir, const std::vector<std::string>& files,
               const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args = {"compare"};
  for (const std::string& f : files) args.push_back(dir.file(f));
  args.insert(args.end(), extra.begin(), extra.end());
  return run_program(dir, args);
}

// A refused comparison: exit status 1, nothing on stdout, no workbook and no temporary
// file beside it.
void refused(const ScratchDir& dir, const Output& o) {
  CHECK(o.status == 1);
  CHECK(o.out.empty());
  CHECK_FALSE(exists(dir.file("out.xlsx")));
  for (const std::string& entry : dir.entries()) CHECK_MESSAGE(!contains(entry, ".tmp-"), entry);
}

}  // namespace

TEST_CASE("compare refuses files of another model version naming both files and both versions") {
  ScratchDir dir;
  small_run(dir, "a.h5");
  small_run(dir, "b.h5");
  rewrite_attribute(dir.file("b.h5"), "model_version", std::int32_t{1});
  const Output o = compare(dir, {"a.h5", "b.h5"}, {"--xlsx", dir.file("out.xlsx")});
  INFO(o.err);
  refused(dir, o);
  CHECK(contains(o.err, "caresim compare: cannot compare '" + dir.file("b.h5") + "' with '" + dir.file("a.h5") +
                            "': their model versions differ ("));
  CHECK(contains(o.err, " in '" + dir.file("a.h5") + "', 1 in '" + dir.file("b.h5") + "')"));
}

TEST_CASE("compare refuses runs over another horizon or from another start date naming both values") {
  ScratchDir dir;
  small_run(dir, "a.h5");
  small_run(dir, "longer.h5", {}, kReference, "2");
  small_run(dir, "later.h5", {"--set", "simulation.start=2018-04-01"});
  const Output horizon = compare(dir, {"a.h5", "longer.h5"}, {"--xlsx", dir.file("out.xlsx")});
  INFO(horizon.err);
  refused(dir, horizon);
  CHECK(contains(horizon.err,
                 "their horizons (simulation.warmup_years, simulation.years) differ (0 warm-up + 1 "
                 "reported years in '" +
                     dir.file("a.h5") + "', 0 warm-up + 2 reported years in '" + dir.file("longer.h5") + "')"));
  const Output start = compare(dir, {"a.h5", "later.h5"});
  INFO(start.err);
  refused(dir, start);
  CHECK(contains(start.err, "their start dates (simulation.start) differ (2017-04-01 in '" + dir.file("a.h5") +
                                "', 2018-04-01 in '" + dir.file("later.h5") + "')"));
}

TEST_CASE("compare refuses runs of another region naming both lists of municipalities") {
  ScratchDir dir;
  small_run(dir, "a.h5");
  small_run(dir, "other.h5", {}, std::string(CARESIM_SCENARIOS_DIR) + "/../tests/cli/compare-other-region.yaml");
  const Output o = compare(dir, {"a.h5", "other.h5"}, {"--xlsx", dir.file("out.xlsx")});
  INFO(o.err);
  refused(dir, o);
  CHECK(contains(o.err, "their regions (municipalities) differ ("));
  CHECK(contains(o.err, "nishi in '" + dir.file("other.h5") + "')"));
}

TEST_CASE("compare refuses a damaged file with the results-file checks message and writes nothing") {
  ScratchDir dir;
  small_run(dir, "a.h5");
  small_run(dir, "b.h5");
  std::string bytes = slurp(dir.file("b.h5"));
  bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x5a);
  std::ofstream(dir.file("b.h5"), std::ios::binary) << bytes;
  const Output o = compare(dir, {"a.h5", "b.h5"}, {"--xlsx", dir.file("out.xlsx")});
  INFO(o.err);
  refused(dir, o);
  CHECK(contains(o.err, "caresim compare: damaged or not a caresim results file: " + dir.file("b.h5") +
                            " (its checksum does not match its contents)"));
}

TEST_CASE("compare needs two files and one output format or it is a usage error") {
  ScratchDir dir;
  small_run(dir, "a.h5");
  const Output one = compare(dir, {"a.h5"});
  CHECK(one.status == 2);
  CHECK(contains(one.err, "caresim compare: name a base and at least one variant results file"));
  const Output both = compare(dir, {"a.h5", "a.h5"}, {"--csv", "--json"});
  CHECK(both.status == 2);
  CHECK(contains(both.err, "--csv and --json both print to standard output"));
  const Output lang = compare(dir, {"a.h5", "a.h5"}, {"--lang", "fr"});
  CHECK(lang.status == 2);
  CHECK(contains(lang.err, "--lang: unknown language \"fr\"; valid values: en, ja"));
}

TEST_CASE("compare writes the xlsx workbook only once and replaces it only with force") {
  ScratchDir dir;
  small_run(dir, "a.h5");
  const Output first = compare(dir, {"a.h5", "a.h5"}, {"--xlsx", dir.file("out.xlsx")});
  INFO(first.err);
  REQUIRE(first.status == 0);
  const std::string written = slurp(dir.file("out.xlsx"));
  CHECK(written.rfind("PK", 0) == 0);  // a zip archive, as every xlsx
  const Output again = compare(dir, {"a.h5", "a.h5"}, {"--xlsx", dir.file("out.xlsx")});
  CHECK(again.status == 1);
  CHECK(contains(again.err, dir.file("out.xlsx") + "': already exists; use --force to overwrite it"));
  CHECK(again.out.empty());
  const Output forced = compare(dir, {"a.h5", "a.h5"}, {"--xlsx", dir.file("out.xlsx"), "--force"});
  CHECK(forced.status == 0);
  // Not even --force lets the workbook replace one of the inputs.
  const std::string input = slurp(dir.file("a.h5"));
  const Output onto_input = compare(dir, {"a.h5", "a.h5"}, {"--xlsx", dir.file("a.h5"), "--force"});
  CHECK(onto_input.status == 1);
  CHECK(contains(onto_input.err, "is also an input ('" + dir.file("a.h5") + "')"));
  CHECK(slurp(dir.file("a.h5")) == input);
  for (const std::string& entry : dir.entries()) CHECK_MESSAGE(!contains(entry, ".tmp-"), entry);
}
