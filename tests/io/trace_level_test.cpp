// --trace none|summary|events chooses what a file holds.
#include <doctest/doctest.h>

#include "tests/io/trace_test_support.hpp"

using namespace caresim;
using namespace caresim::io::testing;

TEST_CASE("each trace level holds its own datasets and those of the levels below") {
  ScratchDir dir;
  const auto records = synthetic_movements(300, 60);
  for (const io::TraceLevel level : {io::TraceLevel::None, io::TraceLevel::Summary, io::TraceLevel::Events}) {
    INFO(io::to_string(level));
    const std::string path = dir.file(std::string(io::to_string(level)) + ".h5");
    write_synthetic_trace(path, records, level);
    File file(path);
    CHECK(root_string(file.id(), "trace_level") == io::to_string(level));
    CHECK(dims(file.id(), "dictionaries/facilities").size() == 1);
    CHECK(dims(file.id(), "indicators/entries") == std::vector<hsize_t>{5});  // every level, every replication
    const bool summary = level >= io::TraceLevel::Summary;
    CHECK(dims(file.id(), "replications/0/occupancy") ==
          (summary ? std::vector<hsize_t>{60, 23} : std::vector<hsize_t>{}));
    CHECK(dims(file.id(), "replications/0/monthly") == (summary ? std::vector<hsize_t>{2} : std::vector<hsize_t>{}));
    CHECK(dims(file.id(), "replications/0/events") ==
          (level == io::TraceLevel::Events ? std::vector<hsize_t>{300} : std::vector<hsize_t>{}));
  }
}

TEST_CASE("trace levels are spelled none summary and events") {
  CHECK(io::parse_trace_level("none") == io::TraceLevel::None);
  CHECK(io::parse_trace_level("summary") == io::TraceLevel::Summary);
  CHECK(io::parse_trace_level("events") == io::TraceLevel::Events);
  CHECK_THROWS_WITH_AS(io::parse_trace_level("all"), "unknown trace level 'all' (expected none, summary or events)",
                       std::invalid_argument);
}

TEST_CASE("a movement to a facility the region does not have is refused") {
  ScratchDir dir;
  io::TraceWriter writer(dir.file("out.h5"), short_region(60), test_provenance({0}), test_options());
  auto trace = writer.replication(0);
  model::MovementRecord r;
  r.kind = model::MoveKind::Admit;
  r.from = model::Place::Home;
  r.to = model::Place::Hospital;
  r.facility = 99;
  CHECK_THROWS_WITH_AS(trace->record(r), "facility 99 of place hospital is not in the region", std::out_of_range);
}

TEST_CASE("every bundled scenario writes a complete trace including network hubs") {
  // A 64-byte floor on HDF5's conversion buffer once made the hubs dictionary of a network
  // hub unwritable; write each bundled scenario's dictionaries and a short run.
  ScratchDir dir;
  for (const char* file : {"reference-region.yaml", "hub-network.yaml", "hub-multifunction.yaml", "no-hub.yaml"}) {
    INFO(file);
    model::Parameters params = care_scenario::load_parameters(file);
    params.run.horizon_days = 60;
    params.run.warmup_days = 0;
    const std::string path = dir.file(std::string(file) + ".h5");
    io::TraceWriter writer(path, params, test_provenance({0}), test_options(io::TraceLevel::Events));
    model::CareModel model(params, 42, 0);
    auto trace = writer.replication(0);
    trace->attach(model);
    trace->finish(model.run());
    CHECK_NOTHROW(writer.finish());
    CHECK(exists(path));
  }
}
