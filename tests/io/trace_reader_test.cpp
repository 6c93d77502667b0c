// Reading a trace back: `caresim inspect` (describe_trace), `caresim rerun`
// (read_provenance), and the errors for files that are not traces.
#include "io/trace_reader.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <vector>

#include "io/results_seal.hpp"
#include "tests/io/trace_test_support.hpp"

using namespace caresim;
using namespace caresim::io::testing;

namespace {
bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}
}  // namespace

TEST_CASE("describe_trace names the provenance the replications their datasets and the indicators") {
  ScratchDir dir;
  const std::string path = dir.file("out.h5");
  write_synthetic_trace(path, synthetic_movements(500, 60));
  const std::string text = io::describe_trace(path);
  INFO(text);
  CHECK(contains(text, "caresim trace " + path));
  CHECK(contains(text, "command        caresim run test.yaml -o out.h5"));
  CHECK(contains(text, "scenario       test.yaml (hash 0123456789abcdef, 2 lines of resolved YAML)"));
  CHECK(contains(text, "master seed    42"));
  CHECK(contains(text, "trace level    events"));
  CHECK(contains(text, "replications   1: 0"));
  CHECK(contains(text, "\nreplication 0\n"));
  CHECK(contains(text, "events         500 rows"));
  CHECK(contains(text, "occupancy      60 days x 23 facilities"));
  CHECK(contains(text, "monthly        2 months"));
  CHECK(contains(text, "indicators     4 entries (2 scalars, 1 maps, 1 arrays), 1 municipalities"));
  CHECK(contains(text, "  admissions_per_year           265.5\n"));
}

TEST_CASE("describe_trace summarises scalar indicators over replications") {
  ScratchDir dir;
  const std::string path = dir.file("out.h5");
  io::TraceWriter writer(path, short_region(30), test_provenance({0, 1}), test_options(io::TraceLevel::None));
  for (const std::uint32_t id : {0u, 1u}) {
    model::IndicatorTable table;
    table.add("admissions_per_year", id == 0 ? 100.0 : 200.0);
    auto trace = writer.replication(id);
    trace->finish(table);
  }
  writer.finish();
  const std::string text = io::describe_trace(path);
  INFO(text);
  CHECK(contains(text, "indicators (scalars; mean [min, max] over replications)"));
  CHECK(contains(text, "  admissions_per_year           150  [100, 200]\n"));
  CHECK_FALSE(contains(text, "events "));
}

TEST_CASE("reading several replications at one open gives each its own table, in the order asked") {
  ScratchDir dir;
  const std::string path = dir.file("out.h5");
  io::TraceWriter writer(path, short_region(30), test_provenance({0, 1, 2}), test_options(io::TraceLevel::None));
  for (const std::uint32_t id : {0u, 1u, 2u}) {
    model::IndicatorTable table;
    table.add("admissions_per_year", 100.0 + id);
    table.add("crisis_outcomes",
              {{"home", 10.0 * id}, {"short_stay", 0.0}, {"admission", 1.0 + id}, {"outpatient", 0.0}});
    auto trace = writer.replication(id);
    trace->finish(table);
  }
  writer.finish();
  const std::vector<std::uint32_t> asked{2, 0, 1, 2};
  const std::vector<model::IndicatorTable> tables = io::read_indicators(path, asked);
  REQUIRE(tables.size() == asked.size());
  for (std::size_t i = 0; i < asked.size(); ++i) {
    CAPTURE(i);
    CHECK(tables[i].scalar("admissions_per_year") == 100.0 + asked[i]);
    CHECK(tables[i].map_value("crisis_outcomes", "home") == 10.0 * asked[i]);
    CHECK(tables[i].to_json() == io::read_indicators(path, asked[i]).to_json());
  }
  CHECK_THROWS_AS(io::read_indicators(path, std::vector<std::uint32_t>{0, 3}), io::TraceError);
}

TEST_CASE("reading a file that is missing or not a trace gives an error naming the path") {
  ScratchDir dir;
  const std::string missing = dir.file("missing.h5");
  CHECK_THROWS_WITH_AS(io::read_provenance(missing),
                       ("trace file '" + missing + "': No such file or directory").c_str(), io::TraceError);
  const std::string text = dir.file("text.h5");
  std::ofstream(text) << "hello\n";
  CHECK_THROWS_WITH_AS(io::describe_trace(text), ("trace file '" + text + "': is not an HDF5 file").c_str(),
                       io::TraceError);
  CHECK_THROWS_WITH_AS(io::read_provenance(dir.path()),
                       ("trace file '" + dir.path() + "': is a folder, not a trace file").c_str(), io::TraceError);

  // An HDF5 file that is not a trace.
  const std::string other = dir.file("other.h5");
  H5Fclose(H5Fcreate(other.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT));
  CHECK_THROWS_WITH_AS(
      io::read_provenance(other),
      ("trace file '" + other + "': not a caresim trace (no root attribute format = \"caresim-trace\")").c_str(),
      io::TraceError);
  CHECK_THROWS_WITH_AS(
      io::read_indicators(other, 0),
      ("trace file '" + other + "': not a caresim trace (no root attribute format = \"caresim-trace\")").c_str(),
      io::TraceError);
}

TEST_CASE("a results file of format 2 still reads with the indicators the caresim of that format wrote") {
  // Written at commit 74fcd97 (format 2: the indicators in each replication's group):
  // `caresim run scenarios/reference-region.yaml --years 1 --set simulation.warmup_years=0
  // -r 1 --trace none -o format2-r1.h5 --json`; the numbers below are that run's --json.
  const std::string path = std::string(CARESIM_SCENARIOS_DIR) + "/../analysis/tests/data/format2-r1.h5";
  CHECK(io::read_provenance(path).format_version == 2);
  const model::IndicatorTable table = io::read_indicators(path, 0);
  CHECK(table.entries.size() == 58);
  CHECK(table.scalar("inpatients") == 661.0833333333334);
  CHECK(table.map_value("crisis_outcomes", "short_stay") == 244.16712328767122);
  REQUIRE(table.by_municipality.size() == 6);
  CHECK(table.by_municipality[0].id == "chuo");
  CHECK(table.by_municipality[0].table.scalar("inpatients") == 303.5833333333333);
  const auto units = io::read_indicator_units(path, 0);
  REQUIRE(units.size() == 58);
  CHECK(units[0].first == table.entries[0].first);
  CHECK(contains(io::describe_trace(path), "format         caresim-trace 2"));
  CHECK_THROWS_AS(io::read_indicators(path, 1), io::TraceError);
}

TEST_CASE("a format 3 file whose indicator numbers refer to no entry is refused naming the file") {
  ScratchDir dir;
  const std::string path = dir.file("far-entry.h5");
  write_synthetic_trace(path, synthetic_movements(100, 60), io::TraceLevel::None);
  {
    // Every number's `entry` member set past the entries, the file sealed again: the checksum
    // holds, the rows do not.
    const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
    REQUIRE(file >= 0);
    const hid_t numbers = H5Dopen2(file, "indicators/numbers", H5P_DEFAULT);
    REQUIRE(numbers >= 0);
    const hid_t entry_only = H5Tcreate(H5T_COMPOUND, sizeof(std::int32_t));
    H5Tinsert(entry_only, "entry", 0, H5T_NATIVE_INT32);
    const std::vector<std::int32_t> far(dims(file, "indicators/numbers").at(0), 99999);
    CHECK(H5Dwrite(numbers, entry_only, H5S_ALL, H5S_ALL, H5P_DEFAULT, far.data()) >= 0);
    H5Tclose(entry_only);
    H5Dclose(numbers);
    REQUIRE(H5Fclose(file) >= 0);
  }
  io::detail::seal_results_file(path, io::trace_format_version);
  const std::string message = "trace file '" + path + "': indicators: a number refers to no entry";
  CHECK_THROWS_WITH_AS(io::read_indicators(path, 0), message.c_str(), io::TraceError);
  CHECK_THROWS_WITH_AS(io::read_indicator_units(path, 0), message.c_str(), io::TraceError);
  CHECK_THROWS_WITH_AS(io::describe_trace(path), message.c_str(), io::TraceError);
}
