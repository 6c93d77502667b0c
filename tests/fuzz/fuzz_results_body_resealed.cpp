// libFuzzer target, run by hand (not in CI): the results-file readers on arbitrary file
// *bodies* behind a valid seal. The harness writes the 512-byte user block, the input
// after it, and then a seal that holds, as someone who edits a file and re-seals it
// would (the seal's layout is documented). This is the only way a fuzzer reaches libhdf5
// and caresim's HDF5 reading code in-process: fuzz_results_file's mutations break the
// CRC, and unsealed files are read in a child. libhdf5 1.10.8 is known to over-read in
// H5HG_read on such files (docs/reliability.md records it), so this target finds that
// first; run it with -fork=1 -ignore_crashes=1 to go on past it and sort the crashes by
// their frames: one whose top caresim frame is ours is a caresim bug.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "io/hdf5_process.hpp"
#include "io/provenance.hpp"
#include "io/results_seal.hpp"
#include "tests/fuzz/results_fuzz_support.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  caresim::io::skip_hdf5_cleanup_at_exit();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string path = caresim::fuzz::scratch_file("caresim-fuzz-resealed");
  {
    const std::vector<char> user_block(caresim::io::detail::kSealBytes, 0);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(user_block.data(), static_cast<std::streamsize>(user_block.size()));
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  caresim::io::detail::seal_results_file(path, caresim::io::trace_format_version);
  caresim::fuzz::read_results_file(path);
  std::remove(path.c_str());
  return 0;
}
