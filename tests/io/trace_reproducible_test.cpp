// Reproducibility: identical inputs give identical datasets (values and stored chunks);
// only the creation time and the command line may differ between two files.
#include <doctest/doctest.h>

#include "tests/io/trace_dump.hpp"
#include "tests/io/trace_test_support.hpp"

using namespace caresim;
using namespace caresim::io::testing;

namespace {

// Compares two dumps, ignoring the attributes that are allowed to differ.
void check_same_contents(const Dump& a, const Dump& b) {
  REQUIRE(a.size() == b.size());
  std::size_t compared = 0;
  for (const auto& entry : a) {
    // doctest's INFO captures by reference in a lambda, which clang 14 refuses for a structured binding.
    const auto& [key, value] = entry;
    INFO(entry.first);
    REQUIRE(b.count(key) == 1);
    if (key == "/@created_utc" || key == "/@command_line") continue;
    CHECK(value == b.at(key));
    ++compared;
  }
  CHECK(compared + 2 == a.size());
}

}  // namespace

TEST_CASE("writing the same records twice gives byte identical datasets") {
  ScratchDir dir;
  // More than two event chunks, so full chunks and a partial last chunk are both compared.
  const auto records = synthetic_movements(40000, 60);
  write_synthetic_trace(dir.file("a.h5"), records);
  write_synthetic_trace(dir.file("b.h5"), records);
  const Dump a = dump_file(dir.file("a.h5"));
  const Dump b = dump_file(dir.file("b.h5"));
  CHECK(a.count("replications/0/events#chunk2") == 1);
  CHECK(a.count("dictionaries/facilities") == 1);
  CHECK(a.count("indicators/numbers") == 1);
  check_same_contents(a, b);
}

TEST_CASE("two runs of the same scenario and seed give identical trace datasets") {
  ScratchDir dir;
  const model::Parameters params = short_region(120);
  for (const char* name : {"a.h5", "b.h5"}) {
    io::TraceWriter writer(dir.file(name), params, test_provenance({0, 1}), test_options());
    for (std::uint32_t id : {0u, 1u}) {
      model::CareModel model(params, 42, id);
      auto trace = writer.replication(id);
      trace->attach(model);
      trace->finish(model.run());
    }
    writer.finish();
  }
  check_same_contents(dump_file(dir.file("a.h5")), dump_file(dir.file("b.h5")));
}

TEST_CASE("trace objects carry no time stamps") {
  ScratchDir dir;
  write_synthetic_trace(dir.file("a.h5"), synthetic_movements(100, 60));
  File file(dir.file("a.h5"));
  for (const char* path :
       {"replications/0/events", "replications/0/occupancy", "dictionaries/places", "replications/0"}) {
    INFO(path);
    const hid_t object = H5Oopen(file.id(), path, H5P_DEFAULT);
    REQUIRE(object >= 0);
    const hid_t plist = H5Iget_type(object) == H5I_DATASET ? H5Dget_create_plist(object) : H5Gget_create_plist(object);
    hbool_t tracked = true;
    H5Pget_obj_track_times(plist, &tracked);
    CHECK_FALSE(tracked);
    H5Pclose(plist);
    H5Oclose(object);
  }
}
