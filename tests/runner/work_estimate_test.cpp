// The work estimate made before a run (runner/work_estimate.hpp): against measured runs of
// every bundled scenario, and the decision to refuse a run far larger than the reference.
#include "runner/work_estimate.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>

#include "care_scenario/bundled.hpp"
#include "models/care_model.hpp"

using caresim::runner::estimate_work;
using caresim::runner::refusal;
using caresim::runner::ResultsFile;
using caresim::runner::WorkLimits;

TEST_CASE("the estimated events of every bundled scenario are within a third of a measured replication") {
  // Two years without warm-up: the measured figures of docs/reliability.md use the full runs.
  std::printf("%-32s %12s %12s %8s\n", "scenario", "estimated", "measured", "error");
  int scenarios = 0;
  for (const auto& entry : std::filesystem::directory_iterator(caresim::care_scenario::bundled_scenarios_dir())) {
    if (entry.path().extension() != ".yaml") continue;
    const auto p =
        caresim::care_scenario::load_parameters(entry.path(), {"simulation.years=2", "simulation.warmup_years=0"});
    const double estimated = estimate_work(p, 1, 1, ResultsFile::None).events;
    caresim::model::CareModel model(p, 1, 0);
    (void)model.run();
    const double measured = static_cast<double>(model.events());
    const double error = estimated / measured - 1;
    std::printf("%-32s %12.0f %12.0f %+7.1f%%\n", entry.path().filename().c_str(), estimated, measured, 100 * error);
    CHECK_MESSAGE(std::abs(error) < 1.0 / 3, entry.path().filename().string());
    ++scenarios;
  }
  CHECK(scenarios >= 10);
}

TEST_CASE(
    "the reference region runs without a word and a run 1000 times larger is refused with the estimate and the option "
    "that forces it") {
  const auto reference = caresim::care_scenario::reference_region_parameters();
  const auto normal = estimate_work(reference, 10, 2, ResultsFile::Events);
  CHECK_FALSE(refusal(normal, WorkLimits{}, false, "--force-large"));
  CHECK(normal.file_bytes > 1e6);  // a results file is estimated only with one
  CHECK(estimate_work(reference, 10, 2, ResultsFile::None).file_bytes == 0);

  // 1000 times the reference's work: 10,000 replications instead of 10.
  const auto large = estimate_work(reference, 10000, 2, ResultsFile::Events);
  CHECK(large.events == doctest::Approx(1000 * normal.events));
  const auto why = refusal(large, WorkLimits{}, false, "--force-large");
  REQUIRE(why);
  CHECK(why->find("billion events (the limit is 1 billion events)") != std::string::npos);
  CHECK(why->find("Nothing was run") != std::string::npos);
  CHECK(why->find("--force-large runs it anyway") != std::string::npos);
  // With the option it starts.
  CHECK_FALSE(refusal(large, WorkLimits{}, true, "--force-large"));
}

TEST_CASE("the memory estimate counts the replications that run at once and refuses above its limit") {
  auto p = caresim::care_scenario::reference_region_parameters();
  const auto one = estimate_work(p, 10, 1, ResultsFile::None);
  const auto two = estimate_work(p, 10, 2, ResultsFile::None);
  CHECK(two.memory_bytes > one.memory_bytes);
  CHECK(estimate_work(p, 1, 8, ResultsFile::None).memory_bytes == doctest::Approx(one.memory_bytes));
  for (auto& m : p.municipalities) m.population *= 1000;  // about 5 million people
  const auto huge = estimate_work(p, 1, 1, ResultsFile::None);
  const auto why = refusal(huge, WorkLimits{}, false, "--force-large");
  REQUIRE(why);
  CHECK(why->find("GB of memory (the limit is 4.29 GB)") != std::string::npos);
}
