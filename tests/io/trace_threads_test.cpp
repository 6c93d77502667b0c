// Single writer: replications run on worker threads fill buffered traces, and the writer
// writes them in replication order whatever order they finish in.
#include <doctest/doctest.h>

#include <thread>

#include "tests/io/trace_dump.hpp"
#include "tests/io/trace_test_support.hpp"

using namespace caresim;
using namespace caresim::io::testing;

namespace {

const std::vector<std::uint32_t> kIds{0, 1, 2, 3};

void write_streaming(const std::string& path, const model::Parameters& params) {
  io::TraceWriter writer(path, params, test_provenance(kIds), test_options());
  for (const std::uint32_t id : kIds) {
    model::CareModel model(params, 42, id);
    auto trace = writer.replication(id);
    trace->attach(model);
    trace->finish(model.run());
  }
  writer.finish();
}

}  // namespace

TEST_CASE("buffered replications submitted from threads in any order give the streamed file's datasets") {
  ScratchDir dir;
  const model::Parameters params = short_region(90);
  write_streaming(dir.file("streamed.h5"), params);

  io::TraceWriter writer(dir.file("threaded.h5"), params, test_provenance(kIds), test_options());
  std::vector<std::thread> workers;
  // Later replications start first, so they finish first and must wait their turn.
  for (auto it = kIds.rbegin(); it != kIds.rend(); ++it) {
    const std::uint32_t id = *it;
    workers.emplace_back([&writer, &params, id] {
      auto trace = writer.buffered_replication(id);
      model::CareModel model(params, 42, id);
      trace->attach(model);
      trace->finish(model.run());
      writer.submit(std::move(trace));
    });
  }
  for (auto& w : workers) w.join();
  writer.finish();

  const Dump streamed = dump_file(dir.file("streamed.h5"));
  const Dump threaded = dump_file(dir.file("threaded.h5"));
  REQUIRE(streamed.size() == threaded.size());
  for (const auto& entry : streamed) {
    // doctest's INFO captures by reference in a lambda, which clang 14 refuses for a structured binding.
    const auto& [key, value] = entry;
    INFO(entry.first);
    REQUIRE(threaded.count(key) == 1);
    if (key != "/@created_utc") CHECK(threaded.at(key) == value);
  }
}

TEST_CASE("a buffered replication waits until the replications before it are written") {
  ScratchDir dir;
  const std::string path = dir.file("out.h5");
  io::TraceWriter writer(path, short_region(60), test_provenance({0, 1}), test_options());
  auto second = writer.buffered_replication(1);
  for (const auto& r : synthetic_movements(100, 60)) second->record(r);
  second->finish(synthetic_indicators());
  writer.submit(std::move(second));
  // Replication 1 is parked: finishing now would leave replication 0 out.
  CHECK_THROWS_WITH_AS(writer.finish(),
                       ("trace file '" + path + "': incomplete: replications 0 1 were not written").c_str(),
                       io::TraceError);
}

TEST_CASE("replications are written in the order of the provenance") {
  ScratchDir dir;
  io::TraceWriter writer(dir.file("out.h5"), short_region(60), test_provenance({5, 3}), test_options());
  CHECK_THROWS_AS(writer.replication(3), std::logic_error);
  CHECK_THROWS_AS(writer.buffered_replication(4), std::logic_error);
  auto first = writer.replication(5);
  CHECK_THROWS_AS(writer.replication(3), std::logic_error);  // 5 is still open
  first->finish(synthetic_indicators());
  auto second = writer.replication(3);
  CHECK_THROWS_AS(writer.submit(std::move(second)), std::logic_error);  // streaming traces write themselves
}

TEST_CASE("a submitted trace must be finished and submitted once") {
  ScratchDir dir;
  io::TraceWriter writer(dir.file("out.h5"), short_region(60), test_provenance({0, 1}), test_options());
  auto unfinished = writer.buffered_replication(1);
  CHECK_THROWS_AS(writer.submit(std::move(unfinished)), std::logic_error);
  auto once = writer.buffered_replication(1);
  once->finish(synthetic_indicators());
  writer.submit(std::move(once));
  auto twice = writer.buffered_replication(1);
  twice->finish(synthetic_indicators());
  CHECK_THROWS_AS(writer.submit(std::move(twice)), std::logic_error);
}
