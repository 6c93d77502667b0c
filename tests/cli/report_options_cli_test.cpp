// `caresim run` with the report options, as a user runs it: --lang ja prints the Japanese
// labels, --by municipality one table per municipality, and a value that is neither is a
// usage error (exit 2) naming the valid values.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "tests/cli/cli_test_support.hpp"
#include "tests/io/trace_test_support.hpp"

using caresim::cli::testing::Output;
using caresim::cli::testing::run_program;
using caresim::io::testing::ScratchDir;

namespace {

std::vector<std::string> short_run(std::vector<std::string> more) {
  std::vector<std::string> args{"run",     std::string(CARESIM_SCENARIOS_DIR) + "/reference-region.yaml",
                                "-r",      "2",
                                "--years", "1",
                                "--set",   "simulation.warmup_years=0"};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("run with --lang ja prints the Japanese labels and --lang en the English ones") {
  ScratchDir dir;
  const Output ja = run_program(dir, short_run({"--lang", "ja"}));
  INFO(ja.err);
  CHECK(ja.status == 0);
  CHECK(has(ja.out, "\n指標 "));
  CHECK(has(ja.out, "95%信頼区間の半幅"));
  CHECK(has(ja.out, "退院後1年以内の再入院率"));
  CHECK(has(ja.out, "円/年"));
  CHECK(has(ja.out, "、報告期間 1 年（2017年度）、"));  // the report window closes FY2017
  const Output en = run_program(dir, short_run({"--lang", "en"}), "LANG=ja_JP.UTF-8");
  CHECK(en.status == 0);
  CHECK(has(en.out, "Readmission within a year"));
  CHECK(!has(en.out, "退院後1年以内の再入院率"));
  CHECK(has(en.out, ", 1 reported years (FY2017) after 0 warm-up years,"));
}

TEST_CASE("run without --lang prints Japanese under a ja locale and English otherwise") {
  ScratchDir dir;
  CHECK(has(run_program(dir, short_run({}), "LANG=ja_JP.UTF-8").out, "退院後1年以内の再入院率"));
  CHECK(has(run_program(dir, short_run({}), "LC_ALL=C.UTF-8 LANG=ja_JP.UTF-8").out, "Readmission within a year"));
  CHECK(has(run_program(dir, short_run({})).out, "Readmission within a year"));
}

TEST_CASE("run with --by municipality lists every municipality after the region") {
  ScratchDir dir;
  const Output o = run_program(dir, short_run({"--by", "municipality"}));
  INFO(o.err);
  CHECK(o.status == 0);
  std::size_t last = o.out.find("\nRegion\n");
  CHECK(last != std::string::npos);
  for (const char* m :
       {"chuo (中央市)", "kita (北市)", "higashi (東町)", "yamazato (山里町)", "minami (南市)", "outside (圏域外)"}) {
    CAPTURE(m);
    const std::string heading = std::string("\n").append(m).append("\n");
    const std::size_t at = o.out.find(heading);
    CHECK(at != std::string::npos);
    CHECK(at > last);
    last = at;
  }
  const Output region = run_program(dir, short_run({"--by", "region"}));
  CHECK(region.status == 0);
  CHECK(!has(region.out, "chuo (中央市)"));
}

TEST_CASE("run and rerun refuse a --lang or --by value that is not valid and name the valid ones") {
  ScratchDir dir;
  const Output lang = run_program(dir, short_run({"--lang", "jp"}));
  CHECK(lang.status == 2);
  CHECK(lang.err == "caresim run: --lang: unknown language \"jp\"; valid values: en, ja\n");
  CHECK(lang.out.empty());
  const Output by = run_program(dir, short_run({"--by", "town"}));
  CHECK(by.status == 2);
  CHECK(by.err == "caresim run: --by: unknown value \"town\"; valid values: region, municipality\n");
  const Output empty = run_program(dir, short_run({"--lang", ""}));
  CHECK(empty.status == 2);
  CHECK(has(empty.err, "--lang: unknown language \"\"; valid values: en, ja"));
  const Output rerun = run_program(dir, {"rerun", dir.file("absent.h5"), "--by", "town"});
  CHECK(rerun.status == 2);
  CHECK(rerun.err == "caresim rerun: --by: unknown value \"town\"; valid values: region, municipality\n");
}
