#pragma once
// Internal to caresim::io: the seal at the head of every results file. libhdf5 1.10.8
// crashes on some damaged files (a heap over-read in H5HG_read reached from reading
// variable-length strings), so no reader hands a file to libhdf5 before its seal holds.
//
// The file starts with a 512-byte HDF5 user block (HDF5 and h5py skip it) holding, all
// little-endian (docs/trace-format.md, "The seal"):
//   bytes  0..15  magic "caresim results\n"
//   bytes 16..19  seal layout version (1)
//   bytes 20..23  results format version (trace_format_version)
//   bytes 24..31  file length in bytes
//   bytes 32..35  CRC-32 (zlib) of every byte after the user block
//   bytes 36..39  CRC-32 of bytes 0..35
//   the rest      zero
#include <cstddef>
#include <cstdint>
#include <string>

namespace caresim::io {
class TraceError;
}  // namespace caresim::io

namespace caresim::io::detail {

/** Size of the user block that holds the seal; HDF5's superblock follows it. */
inline constexpr std::size_t kSealBytes = 512;

/** The refusal of a file written in a results format newer than this caresim reads. */
TraceError newer_format(const std::string& path, long long format_version);

/** Writes the seal into the user block of the closed HDF5 file at `path` (the temporary
 *  file, before it is renamed onto the target). Throws H5Failure on an I/O error. */
void seal_results_file(const std::string& path, int format_version);

/** What the head of a file says. */
enum class SealState {
  Sealed,    ///< the seal is there and every byte checks out
  Unsealed,  ///< no seal: a results file from before format 2, or not a results file
};

/** Checks `path` without handing it to libhdf5: it must be a regular file (a FIFO or a
 *  device is refused, never opened for reading); a seal, if there is one, must match the
 *  file's length and checksums. Returns the state and sets `format_version` from a valid
 *  seal. Throws TraceError: "damaged or not a caresim results file: <path> (...)" for a
 *  broken seal, or the system's reason for a file that cannot be read. */
SealState check_seal(const std::string& path, int& format_version);

}  // namespace caresim::io::detail
