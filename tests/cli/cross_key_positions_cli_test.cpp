// Problems across keys (care_scenario/to_parameters.cpp) carry file:line:col of the value
// at fault, in the file that set it (reliability review, section 1; docs/reliability.md).
#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "tests/cli/cli_test_support.hpp"
#include "tests/io/trace_test_support.hpp"

using caresim::cli::testing::contains;
using caresim::cli::testing::kReference;
using caresim::cli::testing::Output;
using caresim::cli::testing::run_program;
using caresim::io::testing::ScratchDir;

namespace {}  // namespace

TEST_CASE("office hours that do not fit together are reported at the value in the file that set it") {
  // At 012b8c0: "s.yaml: response.office_close_hour: must be later ..." without a position,
  // naming the top file even when the value came from its base.
  ScratchDir dir;
  std::ofstream(dir.file("base.yaml")) << "extends: " << kReference << "\nresponse:\n  office_close_hour: 17\n";
  std::ofstream(dir.file("s.yaml")) << "extends: base.yaml\nresponse: {office_open_hour: 18}\n";
  const Output o = run_program(dir, {"check", dir.file("s.yaml")});
  CHECK(o.status == 1);
  CHECK(contains(o.err, dir.file("base.yaml") +
                            ":3:22: response.office_close_hour: must be later than response.office_open_hour\n"));
}

TEST_CASE("a response-hour list of the wrong length is reported at the list") {
  ScratchDir dir;
  std::ofstream(dir.file("s.yaml")) << "extends: " << kReference << "\nresponse:\n  response_hours: [1, 2]\n";
  const Output o = run_program(dir, {"check", dir.file("s.yaml")});
  CHECK(o.status == 1);
  CHECK(contains(o.err, dir.file("s.yaml") + ":3:19: response.response_hours: needs 4 values"));
}

TEST_CASE("a cross-key problem set by --set is reported at the override") {
  ScratchDir dir;
  const Output o = run_program(dir, {"check", kReference, "--set", "response.office_close_hour=3"});
  CHECK(o.status == 1);
  CHECK(contains(o.err, "--set:1:28: response.office_close_hour: must be later"));
}
