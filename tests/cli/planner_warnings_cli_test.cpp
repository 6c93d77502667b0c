// `caresim check` and `run` print planner warnings on stderr, prefixed "warning:", with the
// file:line:col of the value at fault, and exit as they would without them; `run
// --warn-unbound` lists the capacities that never bound. Warnings change no result.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "tests/cli/cli_test_support.hpp"
#include "tests/io/trace_test_support.hpp"

using caresim::cli::testing::kReference;
using caresim::cli::testing::Output;
using caresim::cli::testing::run_program;
using caresim::cli::testing::with;
using caresim::io::testing::ScratchDir;
using caresim::io::testing::slurp;

namespace {

// The reference region with yamazato's only road removed, written to `dir`.
std::string cut_off_yamazato(const ScratchDir& dir) {
  const std::string file = dir.file("isolated.yaml");
  std::ofstream(file) << "extends: " << kReference << "\nroads:\n  higashi-yamazato: null\n";
  return file;
}

// --quiet: no progress lines, so stderr holds the warnings alone.
const std::vector<std::string> kShort = {"-r", "1", "--years", "1", "--set", "simulation.warmup_years=0", "--quiet"};

}  // namespace

TEST_CASE("check and run warn on stderr about a municipality no road reaches and still exit 0") {
  ScratchDir dir;
  const std::string file = cut_off_yamazato(dir);
  // The warning points at yamazato's entry in the file that defines it (the extended one).
  const std::string expected = "warning: " + kReference + ":";
  for (const auto& args : {std::vector<std::string>{"check", file}, with({"run", file}, kShort)}) {
    const Output o = run_program(dir, args);
    INFO(o.err);
    CHECK(o.status == 0);
    CHECK(o.err.find(expected) != std::string::npos);
    CHECK(o.err.find(": municipalities.yamazato: no road reaches yamazato") != std::string::npos);
    CHECK(!o.out.empty());
  }
  // The position is that of yamazato's value in the reference file.
  const std::string text = slurp(kReference);
  const auto at = text.find("  yamazato:");
  REQUIRE(at != std::string::npos);
  const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
  const Output o = run_program(dir, {"check", file});
  CHECK(o.err.find(kReference + ":" + std::to_string(line) + ":") != std::string::npos);
}

TEST_CASE("a scenario without a planner problem gives no warning") {
  ScratchDir dir;
  const Output check = run_program(dir, {"check", kReference});
  CHECK(check.status == 0);
  CHECK(check.err.empty());
  const Output run = run_program(dir, with({"run", kReference}, kShort));
  CHECK(run.status == 0);
  CHECK(run.err.empty());
}

TEST_CASE("a value set on the command line is located on the command line") {
  ScratchDir dir;
  const Output o = run_program(dir, {"check", kReference, "--set", "hubs.hub-kita.coordinators=0"});
  INFO(o.err);
  CHECK(o.status == 0);
  CHECK(o.err.find("warning: --set:1:") != std::string::npos);
  CHECK(o.err.find(": hubs.hub-kita.coordinators: hub hub-kita has no coordinator") != std::string::npos);
}

TEST_CASE("run with --warn-unbound lists a capacity that never bound with its peak and changes no result") {
  ScratchDir dir;
  const auto big = with({"run", kReference, "--json"}, with(kShort, {"--set", "hospitals.hosp-chuo.beds=5000"}));
  const Output plain = run_program(dir, big);
  const Output warned = run_program(dir, with(big, {"--warn-unbound"}));
  INFO(warned.err);
  CHECK(plain.status == 0);
  CHECK(warned.status == 0);
  CHECK(plain.err.empty());
  CHECK(warned.out == plain.out);
  CHECK(warned.err.find(": hospitals.hosp-chuo.beds: capacity never bound over the run: hosp-chuo: psychiatric "
                        "beds (hosp-chuo), peak ") != std::string::npos);
  CHECK(warned.err.find("warning: --set:2:") != std::string::npos);  // the second --set
  // With 10 beds net of outside patients hosp-chuo is full at once: not listed.
  const Output small = run_program(
      dir, with({"run", kReference, "--warn-unbound"}, with(kShort, {"--set", "hospitals.hosp-chuo.beds=80"})));
  CHECK(small.status == 0);
  CHECK(small.err.find("hospitals.hosp-chuo.beds: capacity never bound") == std::string::npos);
}
