#pragma once
// What the two results-file fuzz targets share: a scratch file of this process, and the
// readers `caresim inspect` and `caresim rerun` use, each expected to end a bad file in a
// TraceError (or std::bad_alloc, which the program reports as out of memory). Any other
// exception, a crash or a sanitizer report is a finding.
#include <unistd.h>

#include <filesystem>
#include <new>
#include <string>

#include "io/provenance.hpp"
#include "io/trace_error.hpp"
#include "io/trace_reader.hpp"

namespace caresim::fuzz {

/** A file in the temporary folder named for this process: "<stem>-<pid>.h5". */
inline std::string scratch_file(const std::string& stem) {
  const auto dir = std::filesystem::temp_directory_path();
  return (dir / (stem + "-" + std::to_string(::getpid()) + ".h5")).string();
}

/** Reads the provenance, the description and replication 0's indicators of `path`. */
inline void read_results_file(const std::string& path) {
  const auto expecting_trace_errors = [](auto read) {
    try {
      read();
    } catch (const io::TraceError&) {
    } catch (const std::bad_alloc&) {
    }
  };
  expecting_trace_errors([&] { (void)io::read_provenance(path); });
  expecting_trace_errors([&] { (void)io::describe_trace(path); });
  expecting_trace_errors([&] { (void)io::read_indicators(path, 0); });
}

}  // namespace caresim::fuzz
