#pragma once
// Internal to caresim::io: a chunked dataset that grows by whole rows, so a table of any
// length is written with bounded memory.
#include <string>

#include "io/chunk_codec.hpp"
#include "io/h5_handle.hpp"

namespace caresim::io::detail {

/** A dataset of rows that starts empty and grows along its first dimension: rank 1 (one
 *  element per row) when `columns` is 0, else rank 2 (rows × columns). Chunks hold
 *  `chunk_rows` rows (fixed, so identical writes give identical files) and are shuffled
 *  and deflated. */
class AppendableDataset {
 public:
  /** Creates dataset `name` under `parent` with element type `file_type`. */
  AppendableDataset(hid_t parent, const std::string& name, hid_t file_type, hsize_t columns, hsize_t chunk_rows,
                    int deflate);

  /** Appends `count` rows read from `rows` (count × max(columns, 1) elements of
   *  `memory_type`, row-major). */
  void append(const void* rows, hsize_t count, hid_t memory_type);

  /** Appends one chunk encoded by encode_chunk() with this dataset's chunk size, shuffle
   *  and deflate level (rank 1 only). Every chunk but the last must be full. */
  void append_chunk(const EncodedChunk& chunk);

  /** Rows written so far. */
  hsize_t rows() const { return rows_; }

  /** The dataset (for attributes). */
  hid_t id() const { return dataset_.get(); }

  /** Closes the dataset; throws H5Failure if HDF5 fails to flush it. */
  void close() { dataset_.close(context_.c_str()); }

 private:
  std::string context_;
  H5Id dataset_;
  hsize_t columns_;
  hsize_t rows_ = 0;
};

}  // namespace caresim::io::detail
