#pragma once
// Internal to caresim::io: the shuffle and deflate filters of HDF5, applied by us, so a
// chunk can be compressed outside HDF5's global lock (on a worker or encoder thread) and
// stored with H5Dwrite_chunk. Readers decode it with HDF5's own filters as usual.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace caresim::io::detail {

/** One chunk as it is stored in the file. */
struct EncodedChunk {
  std::vector<unsigned char> bytes;  ///< shuffled, then deflated (unless `filter_mask` says not)
  std::uint32_t filter_mask = 0;     ///< HDF5 filter mask: bit 1 set = deflate skipped
  std::uint64_t rows = 0;            ///< rows of the dataset this chunk holds (<= chunk size)
};

/** Encodes `rows` elements of `element_size` bytes at `data` as one chunk of `chunk_rows`
 *  elements (missing rows are zero, the fill value) for HDF5's shuffle filter then deflate
 *  filter: byte k of every element together, then a zlib stream at `level` (run-length
 *  strategy; any zlib stream is what the deflate filter decodes). If deflate does not make
 *  the chunk smaller it is skipped, as HDF5 skips an optional filter that fails. */
EncodedChunk encode_chunk(const void* data, std::size_t rows, std::size_t element_size, std::size_t chunk_rows,
                          int level);

}  // namespace caresim::io::detail
