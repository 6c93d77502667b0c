#include "io/chunk_codec.hpp"

#include <zlib.h>

#include <stdexcept>

namespace caresim::io::detail {

EncodedChunk encode_chunk(const void* data, std::size_t rows, std::size_t element_size, std::size_t chunk_rows,
                          int level) {
  const std::size_t bytes = chunk_rows * element_size;
  const auto* in = static_cast<const unsigned char*>(data);
  // Shuffle: byte k of element i goes to k * chunk_rows + i; rows beyond `rows` are zero.
  std::vector<unsigned char> shuffled(bytes, 0);
  for (std::size_t k = 0; k < element_size; ++k) {
    unsigned char* out = shuffled.data() + k * chunk_rows;
    for (std::size_t i = 0; i < rows; ++i) out[i] = in[i * element_size + k];
  }
  EncodedChunk chunk;
  chunk.rows = rows;
  // A zlib stream, as HDF5's deflate filter writes and reads, but with the run-length
  // strategy: after shuffling, the byte planes are long runs (high bytes, enum codes) or
  // nearly random (low mantissa bytes of times), so searching for distant matches costs
  // time and gains nothing; Z_RLE is both faster and smaller here than the default.
  z_stream z{};
  if (deflateInit2(&z, level, Z_DEFLATED, 15, 8, Z_RLE) != Z_OK) throw std::bad_alloc();
  chunk.bytes.resize(deflateBound(&z, static_cast<uLong>(bytes)));
  z.next_in = shuffled.data();
  z.avail_in = static_cast<uInt>(bytes);
  z.next_out = chunk.bytes.data();
  z.avail_out = static_cast<uInt>(chunk.bytes.size());
  const int status = deflate(&z, Z_FINISH);
  const std::size_t size = z.total_out;
  deflateEnd(&z);
  if (status != Z_STREAM_END || size >= bytes) {
    chunk.bytes = std::move(shuffled);
    chunk.filter_mask = 1u << 1;  // the second filter (deflate) was not applied
  } else {
    chunk.bytes.resize(size);
  }
  return chunk;
}

}  // namespace caresim::io::detail
