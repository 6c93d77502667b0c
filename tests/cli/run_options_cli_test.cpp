// `caresim run`'s options for researchers' runs, run as a user runs them: -j defaults to
// the machine's cores, progress goes to stderr (plain lines when it is not a terminal,
// nothing with --quiet) and never changes stdout, and --precision runs whole batches until
// the target or the maximum, saying how many replications it used; its usage errors.
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "io/provenance.hpp"
#include "tests/cli/cli_test_support.hpp"
#include "tests/io/trace_test_support.hpp"

using caresim::cli::testing::kReference;
using caresim::cli::testing::Output;
using caresim::cli::testing::run_program;
using caresim::cli::testing::with;
using caresim::io::testing::ScratchDir;

namespace {

// One reported year without warm-up: quick replications.
std::vector<std::string> short_run(const std::vector<std::string>& more) {
  return with({"run", kReference, "--years", "1", "--set", "simulation.warmup_years=0"}, more);
}

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("run's -j defaults to the machine's cores and gives the same JSON as -j 1") {
  ScratchDir dir;
  const Output help = run_program(dir, {"run", "--help"});
  CHECK(help.status == 0);
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  CHECK(help.out.find("-j [ --threads ] arg (=" + std::to_string(cores) + ")") != std::string::npos);
  CHECK(help.out.find("worker threads (default: the machine's cores)") != std::string::npos);
  const Output by_default = run_program(dir, short_run({"-r", "3", "--json"}));
  const Output one = run_program(dir, short_run({"-r", "3", "--json", "-j", "1"}));
  REQUIRE(by_default.status == 0);
  REQUIRE(one.status == 0);
  CHECK(by_default.out == one.out);
}

TEST_CASE("run prints plain progress lines on stderr when it is not a terminal and none with --quiet") {
  ScratchDir dir;
  const Output shown = run_program(dir, short_run({"-r", "4", "--json"}));
  const Output quiet = run_program(dir, short_run({"-r", "4", "--json", "--quiet"}));
  REQUIRE(shown.status == 0);
  REQUIRE(quiet.status == 0);
  INFO(shown.err);
  for (int k = 1; k <= 4; ++k)
    CHECK(shown.err.find("replication " + std::to_string(k) + "/4 done, ") != std::string::npos);
  CHECK(shown.err.find('\r') == std::string::npos);
  CHECK(quiet.err.find("replication") == std::string::npos);
  // Progress goes to stderr only: stdout, which scripts parse, is the same.
  CHECK(shown.out == quiet.out);
  CHECK(shown.out.find("done") == std::string::npos);
}

TEST_CASE("run --precision says how many replications it used and its --json and results file hold exactly those") {
  ScratchDir dir;
  const std::string file = dir.file("precise.h5");
  const Output o = run_program(dir, short_run({"--precision", "0.2", "--indicators", "admissions_per_year,inpatients",
                                               "--batch", "3", "--max-replications", "30", "--json", "-o", file}));
  INFO(o.err);
  REQUIRE(o.status == 0);
  const auto json = nlohmann::json::parse(o.out);
  const std::size_t used = json["replications"].get<std::size_t>();
  CHECK(used % 3 == 0);
  CHECK(used < 30);
  CHECK(json["by_replication"].size() == used);
  CHECK(o.err.find("precision: " + std::to_string(used) + " replications (" + std::to_string(used / 3) +
                   (used == 3 ? " batch" : " batches") + " of up to 3): every judged indicator (2 rows)") !=
        std::string::npos);
  CHECK(o.err.find("precision: batch 1, 3 replications: ") != std::string::npos);
  const caresim::io::TraceProvenance p = caresim::io::read_provenance(file);
  REQUIRE(p.replications.size() == used);
  for (std::size_t i = 0; i < used; ++i) CHECK(p.replications[i] == i);
}

TEST_CASE("run --precision that cannot be met stops at the maximum, says so and exits 0") {
  ScratchDir dir;
  const Output o = run_program(dir, short_run({"--precision", "0.000001", "--indicators", "admissions_per_year",
                                               "--batch", "2", "--max-replications", "4", "--json", "--quiet"}));
  INFO(o.err);
  REQUIRE(o.status == 0);
  CHECK(nlohmann::json::parse(o.out)["replications"] == 4);
  // Quiet: no progress and no batch lines, but the verdict.
  CHECK(o.err.find("replication 1") == std::string::npos);
  CHECK(o.err.find("precision: batch") == std::string::npos);
  CHECK(o.err.find("precision: 4 replications (2 batches of up to 2): stopped at the maximum of 4 "
                   "(--max-replications); 1 row(s) not within 0.0001% of the mean: admissions_per_year (+-") !=
        std::string::npos);
}

TEST_CASE("run --precision gives the same replications and JSON on one thread and on two") {
  ScratchDir dir;
  const auto args = short_run({"--precision", "0.05", "--indicators", "admissions_per_year", "--batch", "3",
                               "--max-replications", "30", "--json"});
  const Output one = run_program(dir, with(args, {"-j", "1"}));
  const Output two = run_program(dir, with(args, {"-j", "2"}));
  REQUIRE(one.status == 0);
  REQUIRE(two.status == 0);
  CHECK(one.out == two.out);
  CHECK(nlohmann::json::parse(one.out)["replications"].get<int>() > 3);
}

TEST_CASE("run refuses precision options that are out of range or misplaced with usage errors") {
  ScratchDir dir;
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"--indicators", "deaths"},
       "caresim run: --indicators, --max-replications and --batch apply to --precision only\n"},
      {{"--max-replications", "5"},
       "caresim run: --indicators, --max-replications and --batch apply to --precision only\n"},
      {{"--precision", "0.05", "-r", "5"},
       "caresim run: --precision chooses the number of replications: give --max-replications M instead of -r\n"},
      {{"--precision", "5"},
       "caresim run: --precision must be a share between 0 and 1 (0.05: a 95% half-width within 5% of the mean), "
       "found 5\n"},
      {{"--precision", "0.05", "--max-replications", "0"},
       "caresim run: --max-replications must be between 1 and 1000000, found 0\n"},
      {{"--precision", "0.05", "--batch", "1"},
       "caresim run: --batch must be between 2 and 1000000 (a batch of one has no spread), found 1\n"},
      {{"--precision", "0.05", "--indicators", "deaths,,inpatients"},
       "caresim run: --indicators: an empty name in \"deaths,,inpatients\" (names are comma-separated)\n"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.second);
    const Output o = run_program(dir, short_run(c.first));
    CHECK(o.status == 2);
    CHECK(o.err == c.second);
  }
  const Output unknown = run_program(dir, short_run({"--precision", "0.05", "--indicators", "deaths,readmision"}));
  CHECK(unknown.status == 2);
  CHECK(unknown.err.rfind("caresim run: --indicators: no indicator called \"readmision\"; give an indicator or a map's "
                          "key (crisis_outcomes.admission) of: discharge_rate_3m, ",
                          0) == 0);
  CHECK(occurrences(unknown.err, "readmission_365d") == 1);
}
