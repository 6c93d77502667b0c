#pragma once
// Internal to caresim::io: an HDF5 compound type built member by member from a C++ struct.
#include <cstddef>

#include "io/h5_handle.hpp"

namespace caresim::io::detail {

/** A compound type in memory layout (members at their struct offsets); packed() gives the
 *  file's copy, without the struct's padding. */
class Compound {
 public:
  /** An empty compound of `size` bytes (sizeof the struct). */
  explicit Compound(std::size_t size) : type_(H5Tcreate(H5T_COMPOUND, size), "creating a compound type") {}
  /** Adds member `name` of HDF5 type `type` at byte `offset`. */
  Compound& add(const char* name, std::size_t offset, hid_t type) {
    check(H5Tinsert(type_.get(), name, offset, type), "building a compound type");
    return *this;
  }
  /** The type as laid out in memory. */
  hid_t memory() const { return type_.get(); }
  /** A packed copy, as stored in the file. */
  H5Id packed() const {
    H5Id packed(H5Tcopy(type_.get()), "copying a compound type");
    check(H5Tpack(packed.get()), "packing a compound type");
    return packed;
  }

 private:
  H5Id type_;
};

}  // namespace caresim::io::detail
