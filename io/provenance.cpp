#include <cstdint>
#include <ctime>

#include "io/h5_attributes.hpp"
#include "io/h5_provenance.hpp"
#include "io/trace_error.hpp"

namespace caresim::io {

namespace detail {

namespace {
constexpr const char* kFormat = "caresim-trace";
}

void write_provenance(hid_t file, const TraceProvenance& p) {
  write_attribute(file, "format", std::string(kFormat));
  write_attribute(file, "format_version", static_cast<std::int32_t>(p.format_version));
  write_attribute(file, "scenario_yaml", p.scenario_yaml);
  write_attribute(file, "scenario_path", p.scenario_path);
  write_attribute(file, "scenario_hash", p.scenario_hash);
  write_attribute(file, "master_seed", p.master_seed);
  write_attribute(file, "replication_ids", p.replications);
  write_attribute(file, "trace_level", std::string(to_string(p.level)));
  write_attribute(file, "caresim_version", p.caresim_version);
  write_attribute(file, "git_revision", p.git_revision);
  write_attribute(file, "model_version", static_cast<std::int32_t>(p.model_version));
  write_attribute(file, "hdf5_version", p.hdf5_version);
  write_attribute(file, "command_line", p.command_line);
  write_attribute(file, "created_utc", p.created_utc);
}

TraceProvenance read_provenance(hid_t file) {
  if (!has_attribute(file, "format") || read_string_attribute(file, "format") != kFormat) {
    throw H5Failure("not a caresim trace (no root attribute format = \"caresim-trace\")");
  }
  TraceProvenance p;
  p.format_version = static_cast<int>(read_i64_attribute(file, "format_version"));
  p.scenario_yaml = read_string_attribute(file, "scenario_yaml");
  p.scenario_path = read_string_attribute(file, "scenario_path");
  p.scenario_hash = read_string_attribute(file, "scenario_hash");
  p.master_seed = read_u64_attribute(file, "master_seed");
  p.replications = read_u32_array_attribute(file, "replication_ids");
  // Nothing to inspect, compare or merge: `rerun` would report "all 0 equal".
  if (p.replications.empty()) throw H5Failure("records no replication (replication_ids is empty)");
  try {
    p.level = parse_trace_level(read_string_attribute(file, "trace_level"));
  } catch (const std::invalid_argument& e) {
    throw H5Failure(e.what());
  }
  p.caresim_version = read_string_attribute(file, "caresim_version");
  p.git_revision = read_string_attribute(file, "git_revision");
  p.model_version = static_cast<int>(read_i64_attribute(file, "model_version"));
  p.hdf5_version = read_string_attribute(file, "hdf5_version");
  p.command_line = read_string_attribute(file, "command_line");
  p.created_utc = read_string_attribute(file, "created_utc");
  return p;
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::string hdf5_library_version() {
  unsigned major = 0, minor = 0, release = 0;
  H5get_libversion(&major, &minor, &release);
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(release);
}

}  // namespace detail

TraceProvenance read_provenance(const std::string& path) {
  const detail::H5Id file = detail::open_for_reading(path);
  try {
    return detail::read_provenance(file.get());
  } catch (const detail::H5Failure& e) {
    throw TraceError(path, e.what());
  }
}

}  // namespace caresim::io
