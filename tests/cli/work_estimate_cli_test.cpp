// `caresim run` refuses a run whose estimate is above its limits before starting it.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "cli/exit_status.hpp"
#include "tests/cli/cli_test_support.hpp"
#include "tests/io/trace_test_support.hpp"

using caresim::cli::testing::run_program;
using caresim::io::testing::ScratchDir;

TEST_CASE("run refuses a scenario 1000 times the reference with its estimate and names --force-large") {
  const ScratchDir dir;
  const std::string reference = std::string(CARESIM_SCENARIOS_DIR) + "/reference-region.yaml";
  const auto o = run_program(dir, {"run", reference, "-r", "10000", "-o", dir.file("big.h5")});
  CHECK(o.status == caresim::cli::kExitProblem);
  CHECK(o.err.find("caresim run: this run is estimated at") != std::string::npos);
  CHECK(o.err.find("--force-large runs it anyway") != std::string::npos);
  CHECK(o.out.empty());
  CHECK_FALSE(std::filesystem::exists(dir.file("big.h5")));
}
