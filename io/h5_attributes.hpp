#pragma once
// Internal to caresim::io: reading and writing the attributes a trace uses (UTF-8
// strings, integers, integer arrays) and small whole datasets.
#include <cstdint>
#include <string>
#include <vector>

#include "io/h5_handle.hpp"

namespace caresim::io::detail {

/** Writes a variable-length UTF-8 string attribute. */
void write_attribute(hid_t object, const char* name, const std::string& value);
/** Writes a 64-bit unsigned attribute. */
void write_attribute(hid_t object, const char* name, std::uint64_t value);
/** Writes a 32-bit signed attribute. */
void write_attribute(hid_t object, const char* name, std::int32_t value);
/** Writes a 1-D array of 32-bit unsigned integers. */
void write_attribute(hid_t object, const char* name, const std::vector<std::uint32_t>& values);
/** Writes a 1-D array of variable-length UTF-8 strings. */
void write_attribute(hid_t object, const char* name, const std::vector<std::string>& values);

/** True if `object` has an attribute `name`. */
bool has_attribute(hid_t object, const char* name);
/** Reads a string attribute (variable- or fixed-length). */
std::string read_string_attribute(hid_t object, const char* name);
/** Reads an integer attribute of any integer type as 64-bit unsigned. */
std::uint64_t read_u64_attribute(hid_t object, const char* name);
/** Reads an integer attribute of any integer type as 64-bit signed. */
std::int64_t read_i64_attribute(hid_t object, const char* name);
/** Reads a 1-D integer array attribute. */
std::vector<std::uint32_t> read_u32_array_attribute(hid_t object, const char* name);
/** Reads a 1-D string array attribute. */
std::vector<std::string> read_string_array_attribute(hid_t object, const char* name);

/** Writes a whole 1-D dataset `name` of `count` elements (contiguous, no time stamps):
 *  `data` holds them as `memory_type`, the file holds `file_type`. */
void write_small_dataset(hid_t parent, const std::string& name, hid_t file_type, hid_t memory_type, hsize_t count,
                         const void* data);

/** Number of elements of dataset `name` under `parent` (product of its dims). */
std::uint64_t dataset_elements(hid_t parent, const std::string& name);
/** Dims of dataset `name` under `parent`. */
std::vector<hsize_t> dataset_dims(hid_t parent, const std::string& name);
/** Bytes the dataset occupies in the file (after compression). */
std::uint64_t dataset_storage_bytes(hid_t parent, const std::string& name);
/** True if `parent` has a link called `name`. */
bool has_link(hid_t parent, const std::string& name);
/** Names of the links in group `group`, in the order HDF5 lists them (by name). */
std::vector<std::string> link_names(hid_t group);

}  // namespace caresim::io::detail
