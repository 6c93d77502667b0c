#include "io/h5_appendable.hpp"

#include <algorithm>

namespace caresim::io::detail {

AppendableDataset::AppendableDataset(hid_t parent, const std::string& name, hid_t file_type, hsize_t columns,
                                     hsize_t chunk_rows, int deflate)
    : context_("writing dataset '" + name + "'"), columns_(columns) {
  const int rank = columns == 0 ? 1 : 2;
  const hsize_t dims[2] = {0, columns};
  const hsize_t max_dims[2] = {H5S_UNLIMITED, columns};
  // A chunk spans every column (a region has at least one municipality, so a 2-D table
  // has at least its group-home and supported-housing columns).
  const hsize_t chunk[2] = {chunk_rows, columns};
  const H5Id space(H5Screate_simple(rank, dims, max_dims), context_.c_str());
  const H5Id dcpl = chunked_properties(rank, chunk, deflate);
  dataset_ = H5Id(H5Dcreate2(parent, name.c_str(), file_type, space.get(), H5P_DEFAULT, dcpl.get(), H5P_DEFAULT),
                  context_.c_str());
}

void AppendableDataset::append(const void* rows, hsize_t count, hid_t memory_type) {
  if (count == 0) return;
  const int rank = columns_ == 0 ? 1 : 2;
  const hsize_t new_dims[2] = {rows_ + count, columns_};
  check(H5Dset_extent(dataset_.get(), new_dims), context_.c_str());
  const H5Id file_space(H5Dget_space(dataset_.get()), context_.c_str());
  const hsize_t start[2] = {rows_, 0};
  const hsize_t block[2] = {count, columns_};
  check(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start, nullptr, block, nullptr), context_.c_str());
  const H5Id memory_space(H5Screate_simple(rank, block, nullptr), context_.c_str());
  const H5Id file_type(H5Dget_type(dataset_.get()), context_.c_str());
  const H5Id dxpl = transfer_properties(count * std::max<hsize_t>(columns_, 1), memory_type, file_type.get());
  check(H5Dwrite(dataset_.get(), memory_type, memory_space.get(), file_space.get(), dxpl.get(), rows),
        context_.c_str());
  rows_ += count;
}

void AppendableDataset::append_chunk(const EncodedChunk& chunk) {
  if (chunk.rows == 0) return;
  const hsize_t new_dims[1] = {rows_ + chunk.rows};
  check(H5Dset_extent(dataset_.get(), new_dims), context_.c_str());
  const hsize_t offset[1] = {rows_};
  check(H5Dwrite_chunk(dataset_.get(), H5P_DEFAULT, chunk.filter_mask, offset, chunk.bytes.size(), chunk.bytes.data()),
        context_.c_str());
  rows_ += chunk.rows;
}

}  // namespace caresim::io::detail
