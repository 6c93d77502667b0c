// libFuzzer target: the results-file readers on arbitrary bytes written to a file, as
// `caresim inspect` and `caresim rerun` read one: the check of the seal, then (for a file
// that passes) the provenance, the description and replication 0's indicator tables.
// A file without a seal is read in a child process first (io/unsealed_read.hpp), so a
// libhdf5 crash there is reported as a damaged file, not found here; only a file with a
// valid seal reaches libhdf5 in this process. A bad file must end in a TraceError (or
// std::bad_alloc, which the program reports as out of memory); any other exception, a
// crash or a sanitizer report is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>

#include "io/hdf5_process.hpp"
#include "io/provenance.hpp"
#include "tests/fuzz/results_fuzz_support.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  caresim::io::skip_hdf5_cleanup_at_exit();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string path = caresim::fuzz::scratch_file("caresim-fuzz-results");
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  caresim::fuzz::read_results_file(path);
  std::remove(path.c_str());
  return 0;
}
