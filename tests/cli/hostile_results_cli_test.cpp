// Results files that are odd or were changed on purpose, read by `caresim inspect` and
// `caresim rerun` as a user runs them (reliability review, section 2; docs/reliability.md).
#include <doctest/doctest.h>
#include <hdf5.h>
#include <sys/stat.h>

#include <fstream>
#include <string>
#include <vector>

#include "io/h5_attributes.hpp"
#include "tests/cli/cli_test_support.hpp"
#include "tests/io/trace_test_support.hpp"

using caresim::cli::testing::contains;
using caresim::cli::testing::kReference;
using caresim::cli::testing::Output;
using caresim::cli::testing::rewrite_attribute;
using caresim::cli::testing::run_program;
using caresim::io::testing::ScratchDir;

namespace {

// A one-year reference run without warm-up, 2 replications, with occupancy tables.
std::string small_results_file(const ScratchDir& dir, const std::string& name = "x.h5") {
  const Output o = run_program(dir, {"run", kReference, "-r", "2", "--years", "1", "--set", "simulation.warmup_years=0",
                                     "--trace", "summary", "-o", dir.file(name)});
  REQUIRE(o.status == 0);
  return dir.file(name);
}

std::string stored_scenario(const std::string& path) {
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  REQUIRE(file >= 0);
  const std::string yaml = caresim::io::detail::read_string_attribute(file, "scenario_yaml");
  H5Fclose(file);
  return yaml;
}

}  // namespace

TEST_CASE("inspect shows a stored command line and scenario path with their escape sequences escaped") {
  // At 012b8c0 ESC ] 0 ; owned BEL ESC [ 2 J retitled and cleared the terminal.
  ScratchDir dir;
  const std::string file = small_results_file(dir);
  rewrite_attribute(file, "command_line", std::string("caresim run \x1b]0;owned\x07\x1b[2J"));
  rewrite_attribute(file, "scenario_path", std::string("s\xe2\x80\xae.yaml"));
  const Output o = run_program(dir, {"inspect", file});
  CHECK(o.status == 0);
  CHECK(contains(o.out, "caresim run \\x1b]0;owned\\x07\\x1b[2J\n"));
  CHECK(contains(o.out, "s\\u202e.yaml (hash"));
  CHECK_FALSE(contains(o.out + o.err, "\x1b"));
  CHECK_FALSE(contains(o.out + o.err, "\xe2\x80\xae"));
}

TEST_CASE("rerun refuses a stored scenario that extends another local file without reading it") {
  // At 012b8c0 a stored `extends: /etc/passwd` echoed that file, `extends: /dev/zero` ran
  // out of memory.
  ScratchDir dir;
  const std::string file = small_results_file(dir);
  std::ofstream(dir.file("passwd")) << "root:x:0:0:root:/root:/bin/bash\n";
  rewrite_attribute(file, "scenario_yaml", "extends: " + dir.file("passwd") + "\n" + stored_scenario(file));
  const Output o = run_program(dir, {"rerun", file});
  CHECK(o.status == 1);
  CHECK(contains(o.err, "extends: a stored, resolved scenario may not extend another file"));
  CHECK_FALSE(contains(o.err, "root:x:0:0"));  // its content (the path itself may hold "root")
}

TEST_CASE("rerun onto its own file with force compares the new run with the original") {
  // At 012b8c0 the original was replaced before it was read: "all 2 ... equal", exit 0.
  ScratchDir dir;
  const std::string file = small_results_file(dir);
  std::string yaml = stored_scenario(file);
  const std::string years = "\n  years: 1\n";
  REQUIRE(contains(yaml, years));
  yaml.replace(yaml.find(years), years.size(), "\n  years: 2\n");
  rewrite_attribute(file, "scenario_yaml", yaml);
  rewrite_attribute(file, "caresim_version", std::string("0.0.0-another-build"));  // its hash is then only a note
  const Output o = run_program(dir, {"rerun", file, "-o", file, "--force"});
  CHECK(o.status == 1);
  CHECK(contains(o.err, "the indicators of 2 of 2 replication(s) differ from those in " + file));
}

TEST_CASE("a results file recording no replication is refused by inspect and rerun") {
  // At 012b8c0 rerun said "the indicators of all 0 replication(s) equal" and exited 0.
  ScratchDir dir;
  const std::string file = small_results_file(dir);
  rewrite_attribute(file, "replication_ids", std::vector<std::uint32_t>{});
  for (const char* command : {"inspect", "rerun"}) {
    const Output o = run_program(dir, {command, file});
    CHECK(o.status == 1);
    CHECK(contains(o.err, "records no replication (replication_ids is empty)"));
  }
}

TEST_CASE("inspect reports an occupancy table of the wrong shape instead of an internal error") {
  // At 012b8c0: "caresim: vector::_M_range_check: __n (which is 1) >= this->size()", exit 2.
  ScratchDir dir;
  const std::string file = small_results_file(dir);
  {
    const hid_t h5 = H5Fopen(file.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
    REQUIRE(h5 >= 0);
    REQUIRE(H5Ldelete(h5, "replications/0/occupancy", H5P_DEFAULT) >= 0);
    const hsize_t n = 5;
    const hid_t space = H5Screate_simple(1, &n, nullptr);
    const hid_t set =
        H5Dcreate2(h5, "replications/0/occupancy", H5T_NATIVE_INT32, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    const std::int32_t values[5] = {0, 1, 2, 3, 4};
    REQUIRE(H5Dwrite(set, H5T_NATIVE_INT32, H5S_ALL, H5S_ALL, H5P_DEFAULT, values) >= 0);
    H5Dclose(set);
    H5Sclose(space);
    REQUIRE(H5Fclose(h5) >= 0);
    caresim::io::detail::seal_results_file(file, caresim::io::trace_format_version);
  }
  const Output o = run_program(dir, {"inspect", file});
  CHECK(o.status == 1);
  CHECK(contains(o.err, "replication 0: dataset 'occupancy' has 1 dimension(s); it should have 2 (days x facilities)"));
}

TEST_CASE("inspect and rerun refuse a FIFO as a results file without waiting on it") {
  // At 012b8c0 every reader blocked for ever.
  ScratchDir dir;
  const std::string fifo = dir.file("f.h5");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  for (const char* command : {"inspect", "rerun"}) {
    const Output o = run_program(dir, {command, fifo}, "timeout 20");
    CHECK(o.status == 1);
    CHECK(contains(o.err, "is not a regular file (a FIFO, a device or a socket)"));
  }
}

TEST_CASE("inspect refuses a results file that lacks a table its trace level writes") {
  // At 012b8c0 inspect exited 0 on a file whose occupancy or monthly table was deleted.
  for (const char* table : {"occupancy", "monthly"}) {
    ScratchDir dir;
    const std::string file = small_results_file(dir);
    const hid_t h5 = H5Fopen(file.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
    REQUIRE(h5 >= 0);
    REQUIRE(H5Ldelete(h5, ("replications/1/" + std::string(table)).c_str(), H5P_DEFAULT) >= 0);
    REQUIRE(H5Fclose(h5) >= 0);
    caresim::io::detail::seal_results_file(file, caresim::io::trace_format_version);
    const Output o = run_program(dir, {"inspect", file});
    CHECK(o.status == 1);
    CHECK(contains(o.err, "replication 1: dataset '" + std::string(table) + "' is missing at trace level summary"));
  }
}

TEST_CASE("a file whose recorded scenario hash is not its stored scenario's is refused by inspect, rerun and compare") {
  // Written by this build, a hash that disagrees means the file was changed (and sealed
  // again) after caresim wrote it. compare did not check this until 2026-12-02.
  ScratchDir dir;
  const std::string good = small_results_file(dir, "good.h5");
  const std::string file = small_results_file(dir, "changed.h5");
  rewrite_attribute(file, "scenario_hash", std::string("0123456789abcdef"));
  const std::vector<std::vector<std::string>> commands = {
      {"inspect", file}, {"rerun", file}, {"compare", good, file}, {"compare", file, good}};
  for (const auto& command : commands) {
    INFO(command.front());
    const Output o = run_program(dir, command);
    INFO(o.err);
    CHECK(o.status == 1);
    CHECK(o.out.empty());
    CHECK(contains(o.err, "caresim " + command.front() + ": " + file + ": the stored scenario hashes to "));
    CHECK(contains(o.err, " but the file records 0123456789abcdef; it was changed after caresim wrote it"));
  }
  // The untouched file still compares with itself.
  CHECK(run_program(dir, {"compare", good, good}).status == 0);
}
