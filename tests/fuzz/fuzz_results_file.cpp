// libFuzzer target: the results-file readers on arbitrary bytes written to a file, as
// `caresim inspect` and `caresim rerun` read one: the check of the seal, then (for a file
// that passes) the provenance, the description and replication 0's indicator tables.
// A file without a seal is read in a child process first (io/unsealed_read.hpp), so a
// libhdf5 crash there is reported as a damaged file, not found here; only a file with a
// valid seal reaches libhdf5 in this process. A bad file must end in a TraceError (or
// std::bad_alloc, which the program reports as out of memory); any other exception, a
// crash or a sanitizer report is a finding.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <new>
#include <string>

#include "io/hdf5_process.hpp"
#include "io/provenance.hpp"
#include "io/trace_error.hpp"
#include "io/trace_reader.hpp"

namespace {
std::string scratch_file() {
  const auto dir = std::filesystem::temp_directory_path();
  return (dir / ("caresim-fuzz-results-" + std::to_string(::getpid()) + ".h5")).string();
}

template <class Read>
void read_expecting_trace_errors(Read read) {
  try {
    read();
  } catch (const caresim::io::TraceError&) {
  } catch (const std::bad_alloc&) {
  }
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  caresim::io::skip_hdf5_cleanup_at_exit();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string path = scratch_file();
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  read_expecting_trace_errors([] { (void)caresim::io::read_provenance(path); });
  read_expecting_trace_errors([] { (void)caresim::io::describe_trace(path); });
  read_expecting_trace_errors([] { (void)caresim::io::read_indicators(path, 0); });
  std::remove(path.c_str());
  return 0;
}
