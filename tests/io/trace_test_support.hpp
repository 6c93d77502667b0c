#pragma once
// Helpers shared by the trace tests: a scratch folder, a short reference run, synthetic
// movements, and reading a trace back with the HDF5 C API (independently of io/'s own
// reading code, so a round trip checks the writer against the format, not against itself).
#include <doctest/doctest.h>
#include <hdf5.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <string>
#include <vector>

#include "care_scenario/bundled.hpp"
#include "io/trace_writer.hpp"
#include "models/care_model.hpp"
#include "models/parameters.hpp"
#include "models/records.hpp"

namespace caresim::io::testing {

/** A fresh folder under the system's temporary folder, removed with everything in it. */
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "caresim-io-test-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, ignored);
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  /** `name` inside the folder. */
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  /** The folder. */
  std::string path() const { return path_.string(); }
  /** Names of the entries in the folder (hidden ones included). */
  std::vector<std::string> entries() const {
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(path_)) names.push_back(e.path().filename().string());
    return names;
  }

 private:
  std::filesystem::path path_;
};

/** The bytes of the file at `path` (empty if it cannot be read). */
inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

/** True if `path` exists. */
inline bool exists(const std::string& path) {
  struct stat info;
  return ::stat(path.c_str(), &info) == 0;
}

/** The reference region over `days` days. */
inline model::Parameters short_region(double days = 240) {
  model::Parameters p = care_scenario::reference_region_parameters();
  p.run.horizon_days = days;
  p.run.warmup_days = 0;
  return p;
}

/** Provenance for replications `ids`. */
inline TraceProvenance test_provenance(std::vector<std::uint32_t> ids) {
  TraceProvenance p;
  p.scenario_yaml = "scenario:\n  name: test\n";
  p.scenario_path = "test.yaml";
  p.scenario_hash = "0123456789abcdef";
  p.master_seed = 42;
  p.replications = std::move(ids);
  p.command_line = "caresim run test.yaml -o out.h5";
  return p;
}

/** Options at `level`, without signal handlers (tests that want them say so). */
inline TraceOptions test_options(TraceLevel level = TraceLevel::Events, bool force = false) {
  TraceOptions o;
  o.level = level;
  o.force = force;
  o.handle_signals = false;
  return o;
}

/** `n` plausible movements over `days` days in the reference region: people enter at home,
 *  are admitted to a hospital, discharged home or to a group home, and leave. */
inline std::vector<model::MovementRecord> synthetic_movements(std::size_t n, double days) {
  using model::Cause;
  using model::MoveKind;
  using model::Place;
  std::vector<model::MovementRecord> out;
  for (std::size_t i = 0; out.size() < n; ++i) {
    const double t = days * static_cast<double>(i) / static_cast<double>(n / 4 + 1);
    const std::uint64_t person = i;
    const int m = static_cast<int>(i % 5);
    const int h = static_cast<int>(i % 4);
    const auto make = [&](double time, MoveKind kind, Place from, int ff, Place to, int f, Cause cause) {
      model::MovementRecord r;
      r.time = time;
      r.person = person;
      r.kind = kind;
      r.from = from;
      r.from_facility = ff;
      r.to = to;
      r.facility = f;
      r.cause = cause;
      r.municipality = m;
      r.admission = static_cast<model::AdmissionType>(i % 3);
      r.diagnosis = static_cast<std::uint8_t>(i % 3);
      r.birth = -20000.0 - static_cast<double>(i);
      return r;
    };
    const bool group_home = i % 3 == 0;
    out.push_back(make(t, MoveKind::Enter, Place::Outside, -1, Place::Home, -1, Cause::Initial));
    out.push_back(make(t + 0.25, MoveKind::Admit, Place::Home, -1, Place::Hospital, h, Cause::Crisis));
    out.push_back(group_home ? make(t + 0.5, MoveKind::Discharge, Place::Hospital, h, Place::GroupHome, m, Cause::Ready)
                             : make(t + 0.5, MoveKind::Discharge, Place::Hospital, h, Place::Home, -1, Cause::Ready));
    out.push_back(make(t + 0.75, MoveKind::Exit, group_home ? Place::GroupHome : Place::Home, group_home ? m : -1,
                       Place::Outside, -1, Cause::Death));
  }
  // Time must not decrease: the synthetic people overlap, so sort by time (stable).
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.time < b.time; });
  out.resize(n);
  return out;
}

/** A small indicator table with every shape and one municipality. */
inline model::IndicatorTable synthetic_indicators() {
  model::IndicatorTable t;
  t.add("admissions_per_year", 265.5);
  t.add("crisis_outcomes", std::vector<std::pair<std::string, double>>{
                               {"home", 1.5}, {"short_stay", 0.5}, {"admission", 2.25}, {"outpatient", 0.0}});
  t.add("discharge_curve_monthly", std::vector<double>{0.1, 0.2, 0.35, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95});
  t.add("wait_days_hospital", std::numeric_limits<double>::quiet_NaN());  // nobody waited
  model::MunicipalityIndicators chuo{"chuo", "中央市", {}};
  chuo.table.add("admissions_per_year", 120.0);
  t.by_municipality.push_back(chuo);
  return t;
}

/** Writes a trace of `records` (one replication, id 0) to `path` at `level`. */
inline void write_synthetic_trace(const std::string& path, const std::vector<model::MovementRecord>& records,
                                  TraceLevel level = TraceLevel::Events, double days = 60) {
  TraceWriter writer(path, short_region(days), test_provenance({0}), test_options(level));
  auto trace = writer.replication(0);
  for (const auto& r : records) trace->record(r);
  for (int month = 0; month * 30 < days; ++month) {
    model::SnapshotRecord s;
    s.time = month * 30.0;
    s.month = month;
    s.entered = static_cast<std::uint64_t>(10 * month);
    trace->record(s);
  }
  trace->finish(synthetic_indicators());
  writer.finish();
}

/** An open HDF5 file, closed on scope exit. */
class File {
 public:
  explicit File(const std::string& path) : id_(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT)) {
    REQUIRE_MESSAGE(id_ >= 0, "cannot open " << path);
  }
  ~File() { H5Fclose(id_); }
  File(const File&) = delete;
  File& operator=(const File&) = delete;
  hid_t id() const { return id_; }

 private:
  hid_t id_;
};

/** Dims of the dataset at `path` (empty if absent). */
inline std::vector<hsize_t> dims(hid_t file, const std::string& path) {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);  // an absent path is an answer here, not an error
  const hid_t d = H5Dopen2(file, path.c_str(), H5P_DEFAULT);
  if (d < 0) return {};
  const hid_t s = H5Dget_space(d);
  std::vector<hsize_t> out(static_cast<std::size_t>(H5Sget_simple_extent_ndims(s)));
  H5Sget_simple_extent_dims(s, out.data(), nullptr);
  H5Sclose(s);
  H5Dclose(d);
  return out;
}

/** A string attribute of the root group. */
inline std::string root_string(hid_t file, const char* name) {
  const hid_t a = H5Aopen(file, name, H5P_DEFAULT);
  REQUIRE(a >= 0);
  const hid_t t = H5Aget_type(a);
  char* text = nullptr;
  REQUIRE(H5Aread(a, t, &text) >= 0);
  std::string out = text ? text : "";
  H5free_memory(text);
  H5Tclose(t);
  H5Aclose(a);
  return out;
}

}  // namespace caresim::io::testing
