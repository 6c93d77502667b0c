// `caresim run --replications FIRST:LAST` runs exactly those ids with the streams of a run
// of them all, and `caresim merge` turns the parts of one run into one file equal to a
// single run over the whole range, refusing parts that do not belong together
// (docs/cluster.md, docs/trace-format.md "Merged files").
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "io/h5_attributes.hpp"
#include "io/results_seal.hpp"
#include "tests/cli/cli_test_support.hpp"
#include "tests/io/trace_dump.hpp"
#include "tests/io/trace_test_support.hpp"

using caresim::cli::testing::contains;
using caresim::cli::testing::kReference;
using caresim::cli::testing::Output;
using caresim::cli::testing::rewrite_attribute;
using caresim::cli::testing::run_program;
using caresim::io::testing::Dump;
using caresim::io::testing::dump_file;
using caresim::io::testing::exists;
using caresim::io::testing::ScratchDir;
using caresim::io::testing::slurp;

namespace {

// `caresim run` of the reference region over `years` years without warm-up,
// `replications` given to --replications, written to `name` in `dir`; `extra` adds options.
Output run_part(const ScratchDir& dir, const std::string& name, const std::string& replications,
                const std::vector<std::string>& extra = {}, const std::string& years = "1") {
  std::vector<std::string> args = {
      "run",        kReference, "--years",     years, "--set", "simulation.warmup_years=0", "--replications",
      replications, "-o",       dir.file(name)};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_program(dir, args);
}

// `caresim merge` of `inputs` (names in `dir`) into `target`.
Output merge(const ScratchDir& dir, const std::vector<std::string>& inputs, const std::string& target,
             const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args = {"merge"};
  for (const std::string& input : inputs) args.push_back(dir.file(input));
  args.insert(args.end(), {"-o", dir.file(target)});
  args.insert(args.end(), extra.begin(), extra.end());
  return run_program(dir, args);
}

// The dump without what differs between two writings of the same data: the creation time,
// the command line and the record of merged inputs.
Dump without_writing(Dump dump) {
  for (auto it = dump.begin(); it != dump.end();) {
    const std::string& key = it->first;
    const bool writing = key == "/@created_utc" || key == "/@command_line" || key.rfind("/@merged_from", 0) == 0;
    it = writing ? dump.erase(it) : std::next(it);
  }
  return dump;
}

// The entries of `dump` under the group `group` ("replications/2").
Dump subtree(const Dump& dump, const std::string& group) {
  Dump out;
  for (const auto& [key, value] : dump) {
    if (key == group || key.rfind(group + "/", 0) == 0 || key.rfind(group + "@", 0) == 0) out[key] = value;
  }
  return out;
}

// Two parts of one run (ids 0:1 and 2:3) at the summary level, the cheapest that has tables.
void two_parts(const ScratchDir& dir, const std::vector<std::string>& extra_b = {}) {
  REQUIRE(run_part(dir, "a.h5", "0:1", {"--trace", "summary"}).status == 0);
  std::vector<std::string> b = {"--trace", "summary"};
  b.insert(b.end(), extra_b.begin(), extra_b.end());
  REQUIRE(run_part(dir, "b.h5", "2:3", b).status == 0);
}

// Checks that a refused merge wrote nothing: no target, no temporary file beside it.
void nothing_written(const ScratchDir& dir, const std::string& target) {
  CHECK_FALSE(exists(dir.file(target)));
  for (const std::string& entry : dir.entries()) CHECK_MESSAGE(!contains(entry, ".tmp-"), entry);
}

}  // namespace

TEST_CASE("a merge of ranges 0:1 and 2:3 holds the same datasets attributes and stored chunks as one run of 0:3") {
  ScratchDir dir;
  REQUIRE(run_part(dir, "a.h5", "0:1").status == 0);
  REQUIRE(run_part(dir, "b.h5", "2:3").status == 0);
  REQUIRE(run_part(dir, "one.h5", "0:3").status == 0);
  // Given in the wrong order: the merged file holds the replications in id order.
  const Output merged = merge(dir, {"b.h5", "a.h5"}, "all.h5");
  INFO(merged.err);
  REQUIRE(merged.status == 0);
  CHECK(contains(merged.out, "4 replication(s), ids 0 to 3, from 2 file(s)"));

  const Dump one = dump_file(dir.file("one.h5"));
  const Dump all = dump_file(dir.file("all.h5"));
  REQUIRE(one.count("replications/3/events"));
  CHECK(one.count("replications/3/events#chunk0"));  // stored chunks are compared too
  const Dump a = without_writing(one), b = without_writing(all);
  for (const auto& entry : a) {  // clang 14 cannot capture a structured binding (doctest's messages do)
    CHECK_MESSAGE(b.count(entry.first), entry.first);
    if (b.count(entry.first)) CHECK_MESSAGE(b.at(entry.first) == entry.second, entry.first);
  }
  for (const auto& entry : b) CHECK_MESSAGE(a.count(entry.first), entry.first);
  // The inputs are recorded, the rest of the provenance is the one run's.
  CHECK(contains(all.at("/@merged_from"), dir.file("b.h5")));
  CHECK(contains(all.at("/@merged_from_replications"), "2, 3"));
  CHECK(contains(all.at("/@command_line"), "caresim merge"));

  const Output inspect = run_program(dir, {"inspect", dir.file("all.h5")});
  CHECK(inspect.status == 0);
  CHECK(contains(inspect.out, "replications   4: 0 to 3"));
  CHECK(contains(inspect.out, "merged from    " + dir.file("b.h5") + " (2, 3), " + dir.file("a.h5") + " (0, 1)"));
  const Output rerun = run_program(dir, {"rerun", dir.file("all.h5")});
  CHECK(rerun.status == 0);
  CHECK(contains(rerun.err, "the indicators of all 4 replication(s) equal those in"));
}

TEST_CASE("a replication range runs the same replications as a run of them all") {
  ScratchDir dir;
  REQUIRE(run_part(dir, "range.h5", "2:3").status == 0);
  REQUIRE(run_part(dir, "count.h5", "4").status == 0);
  const Dump range = dump_file(dir.file("range.h5"));
  const Dump count = dump_file(dir.file("count.h5"));
  for (const std::string group : {"replications/2", "replications/3"}) {
    const Dump x = subtree(range, group), y = subtree(count, group);
    CHECK(x.size() > 3);
    CHECK_MESSAGE(x == y, group);
  }
  CHECK_FALSE(range.count("replications/0"));
  const Output inspect = run_program(dir, {"inspect", dir.file("range.h5")});
  CHECK(contains(inspect.out, "replications   2: 2, 3"));
}

TEST_CASE("run refuses a malformed replication range as a usage error that says what would be valid") {
  ScratchDir dir;
  const auto refused = [&](const std::string& value, const std::string& message) {
    const Output o = run_part(dir, "x.h5", value);
    INFO(value << ": " << o.err);
    CHECK(o.status == 2);
    CHECK(contains(o.err, "caresim run: --replications " + value + ": " + message));
    CHECK(contains(o.err, value == "5:3" || value == "0:100000" ? "LAST" : "FIRST:LAST, e.g. 0:9 (ids 0 to 99999)"));
    CHECK_FALSE(exists(dir.file("x.h5")));
  };
  refused("5:3", "the range ends before it starts; FIRST must be at most LAST (e.g. 3:5)");
  refused("a:b", "FIRST and LAST must both be whole numbers from 0");
  refused("-1:4", "FIRST and LAST must both be whole numbers from 0");
  refused("3:", "FIRST and LAST must both be whole numbers from 0");
  refused("three", "not a whole number or a range");
  refused(
      "0:100000",
      "replication ids go from 0 to 99999 (simulation.replications is at most 100000); give a LAST of at most 99999");
  // A count is still the parameter table's to check, as simulation.replications.
  const Output zero = run_part(dir, "x.h5", "0");
  CHECK(zero.status == 1);
  CHECK(contains(zero.err, "simulation.replications"));
  // A range is not smuggled through as a count, nor given beside one.
  const Output both = run_part(dir, "x.h5", "0:1", {"--set", "simulation.replications=5"});
  CHECK(both.status == 2);
  CHECK(contains(both.err,
                 "caresim run: --replications 0:1 and --set simulation.replications=5 both say which "
                 "replications to run; give only one of them"));
}

TEST_CASE("merge refuses parts with different seeds trace levels or horizons naming both files") {
  ScratchDir dir;
  REQUIRE(run_part(dir, "a.h5", "0:1", {"--trace", "summary"}).status == 0);
  REQUIRE(run_part(dir, "seed.h5", "2:3", {"--trace", "summary", "--seed", "7"}).status == 0);
  REQUIRE(run_part(dir, "level.h5", "2:3", {"--trace", "none"}).status == 0);
  REQUIRE(run_part(dir, "years.h5", "2:3", {"--trace", "summary"}, "2").status == 0);
  const std::string a_path = dir.file("a.h5");
  const std::string a = "'" + a_path + "'";
  const auto refused = [&](const std::string& part, const std::string& message) {
    const Output o = merge(dir, {"a.h5", part}, "all.h5");
    INFO(o.err);
    CHECK(o.status == 1);
    CHECK(contains(o.err, "caresim merge: trace file '" + dir.file(part) + "': " + message));
    CHECK(contains(o.err, "; merge only parts of one run"));
    nothing_written(dir, "all.h5");
  };
  refused("seed.h5", "its master seed 7 differs from 20250401 in " + a);
  refused("level.h5", "its trace level none differs from summary in " + a);
  // The horizon is part of the scenario: the message names the key that differs.
  refused("years.h5", "its scenario (hash ");
  CHECK(contains(merge(dir, {"a.h5", "years.h5"}, "all.h5").err, ") differs from the scenario (hash "));
  const Output o = merge(dir, {"a.h5", "years.h5"}, "all.h5");
  CHECK(contains(o.err, "first at simulation.years (line "));
  CHECK(contains(o.err, "`years: 1` in " + a + ", `years: 2` in '" + dir.file("years.h5") + "'"));
}

TEST_CASE("merge refuses parts written by another model version or in another results format") {
  ScratchDir dir;
  two_parts(dir);
  rewrite_attribute(dir.file("b.h5"), "model_version", std::int32_t{1});
  const Output model = merge(dir, {"a.h5", "b.h5"}, "all.h5");
  INFO(model.err);
  CHECK(model.status == 1);
  CHECK(contains(model.err, "trace file '" + dir.file("b.h5") + "': its model version 1 differs from "));
  nothing_written(dir, "all.h5");

  // A format 1 file: no seal, format_version 1.
  rewrite_attribute(dir.file("b.h5"), "format_version", std::int32_t{1});
  {
    std::fstream f(dir.file("b.h5"), std::ios::in | std::ios::out | std::ios::binary);
    f.write(std::string(16, '\0').data(), 16);
  }
  const Output format = merge(dir, {"a.h5", "b.h5"}, "all.h5");
  INFO(format.err);
  CHECK(format.status == 1);
  CHECK(contains(format.err, "trace file '" + dir.file("b.h5") +
                                 "': was written in results format 1; merge takes format 3 files only (rerun it "
                                 "with this caresim: caresim rerun "));
  nothing_written(dir, "all.h5");

  // A format 2 file (the indicators in each replication's group), as the caresim before
  // format 3 wrote it.
  const std::string format2 = std::string(CARESIM_SCENARIOS_DIR) + "/../analysis/tests/data/format2-r1.h5";
  std::vector<std::string> args = {"merge", dir.file("a.h5"), format2, "-o", dir.file("all.h5")};
  const Output two = run_program(dir, args);
  INFO(two.err);
  CHECK(two.status == 1);
  CHECK(contains(two.err,
                 "trace file '" + format2 + "': was written in results format 2; merge takes format 3 files only"));
  nothing_written(dir, "all.h5");
}

TEST_CASE("merge refuses overlapping ranges and gaps between them") {
  ScratchDir dir;
  REQUIRE(run_part(dir, "a.h5", "0:2", {"--trace", "none"}).status == 0);
  REQUIRE(run_part(dir, "b.h5", "2:3", {"--trace", "none"}).status == 0);
  REQUIRE(run_part(dir, "c.h5", "5:9", {"--trace", "none"}).status == 0);
  const Output overlap = merge(dir, {"a.h5", "b.h5"}, "all.h5");
  INFO(overlap.err);
  CHECK(overlap.status == 1);
  CHECK(contains(overlap.err, "trace file '" + dir.file("b.h5") + "': holds replication(s) 2 that '" +
                                  dir.file("a.h5") + "' holds too; the parts of a run must hold disjoint"));
  nothing_written(dir, "all.h5");
  const Output twice = merge(dir, {"a.h5", "a.h5"}, "all.h5");
  CHECK(twice.status == 1);
  CHECK(contains(twice.err, "holds replication(s) 0 to 2 that '" + dir.file("a.h5") + "' holds too"));
  const Output gap = merge(dir, {"a.h5", "c.h5"}, "all.h5");
  INFO(gap.err);
  CHECK(gap.status == 1);
  CHECK(contains(gap.err, "trace file '" + dir.file("c.h5") + "': starts at replication 5 but '" + dir.file("a.h5") +
                              "' ends at 2: replication(s) 3, 4 are in no input"));
  nothing_written(dir, "all.h5");
}

TEST_CASE("merge refuses a damaged part with the results-file checks message and writes nothing") {
  ScratchDir dir;
  two_parts(dir);
  std::string bytes = slurp(dir.file("b.h5"));
  bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x5a);
  std::ofstream(dir.file("b.h5"), std::ios::binary) << bytes;
  const Output o = merge(dir, {"a.h5", "b.h5"}, "all.h5");
  INFO(o.err);
  CHECK(o.status == 1);
  CHECK(contains(o.err, "caresim merge: damaged or not a caresim results file: " + dir.file("b.h5") +
                            " (its checksum does not match its contents)"));
  nothing_written(dir, "all.h5");
  std::ofstream(dir.file("notes.txt")) << "not a results file\n";
  const Output foreign = merge(dir, {"a.h5", "notes.txt"}, "all.h5");
  CHECK(foreign.status == 1);
  CHECK(contains(foreign.err, dir.file("notes.txt")));
  nothing_written(dir, "all.h5");
}

TEST_CASE("merge never replaces a good file on failure and replaces one only with force") {
  ScratchDir dir;
  two_parts(dir, {});
  REQUIRE(run_part(dir, "seed.h5", "2:3", {"--trace", "summary", "--seed", "7"}).status == 0);
  REQUIRE(merge(dir, {"a.h5", "b.h5"}, "all.h5").status == 0);
  const std::string good = slurp(dir.file("all.h5"));

  const Output exists_already = merge(dir, {"a.h5", "b.h5"}, "all.h5");
  CHECK(exists_already.status == 1);
  CHECK(contains(exists_already.err, "trace file '" + dir.file("all.h5") + "': already exists; use --force"));
  const Output refused = merge(dir, {"a.h5", "seed.h5"}, "all.h5", {"--force"});
  CHECK(refused.status == 1);
  CHECK(slurp(dir.file("all.h5")) == good);
  const Output into_input = merge(dir, {"a.h5", "b.h5"}, "b.h5", {"--force"});
  CHECK(into_input.status == 1);
  CHECK(contains(into_input.err, "trace file '" + dir.file("b.h5") + "': is also an input of the merge"));
  for (const std::string& entry : dir.entries()) CHECK_MESSAGE(!contains(entry, ".tmp-"), entry);

  const Output replaced = merge(dir, {"b.h5", "a.h5"}, "all.h5", {"--force"});
  CHECK(replaced.status == 0);
  CHECK(slurp(dir.file("all.h5")) != good);  // another creation time and command line at least
}

TEST_CASE("merge without inputs or without -o is a usage error") {
  ScratchDir dir;
  const Output none = run_program(dir, {"merge", "-o", dir.file("all.h5")});
  CHECK(none.status == 2);
  CHECK(contains(none.err, "caresim merge: name the results files to merge, e.g. caresim merge part-*.h5 -o all.h5"));
  const Output no_output = run_program(dir, {"merge", dir.file("a.h5")});
  CHECK(no_output.status == 2);
  CHECK(contains(no_output.err, "caresim merge: name the merged file with -o, e.g. caresim merge part-*.h5 -o all.h5"));
  const Output empty = run_program(dir, {"merge", dir.file("a.h5"), "-o", ""});
  CHECK(empty.status == 2);
  CHECK(contains(empty.err, "-o/--output names no file"));
}
