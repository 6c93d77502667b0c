#pragma once
// What a trace file says about its own making: enough to rerun it from the file alone.
#include <cstdint>
#include <string>
#include <vector>

#include "io/trace_options.hpp"

namespace caresim::io {

/** The provenance stored as attributes of a trace's root group (docs/trace-format.md).
 *  The caller fills the first group of fields; TraceWriter fills the rest when it writes,
 *  and read_provenance() returns all of them. */
struct TraceProvenance {
  // --- filled by the caller
  std::string scenario_yaml;  ///< the fully resolved scenario (Scenario::to_yaml())
  std::string scenario_path;  ///< the scenario file as named on the command line
  std::string scenario_hash;  ///< hash of the scenario as the caller computed it (Scenario::hash_hex())
  std::uint64_t master_seed = 0;
  std::vector<std::uint32_t> replications;  ///< replication ids, in the order they are written
  std::string command_line;                 ///< the command as typed, arguments joined by spaces
  // --- filled by TraceWriter
  TraceLevel level = TraceLevel::Events;
  std::string caresim_version;
  std::string git_revision;
  std::string created_utc;   ///< ISO 8601, e.g. "2025-04-01T09:30:00Z"
  std::string hdf5_version;  ///< of the library that wrote the file, e.g. "1.10.8"
  int model_version = 0;     ///< caresim::model::model_version
  int format_version = 0;    ///< version of the trace layout (docs/trace-format.md: 3)
};

/** Version of the trace layout written by this library. 2: the file starts with a sealed
 *  512-byte user block (io/results_seal.hpp). 3: the indicator tables of every replication
 *  in /indicators, strings as codes into one vocabulary. Readers take 1 to 3. */
inline constexpr int trace_format_version = 3;

/** Reads the provenance of the trace at `path`. Throws TraceError if the file is missing,
 *  is not an HDF5 file or is not a caresim trace. */
TraceProvenance read_provenance(const std::string& path);

}  // namespace caresim::io
