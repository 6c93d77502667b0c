#pragma once
// Every dataset and attribute of an HDF5 file as bytes, for comparing two files' contents
// (not their layout): variable-length strings are replaced by their text, everything else
// is the raw value in the native type. Chunked datasets also contribute their stored
// (compressed) chunks, so equal dumps mean equal bytes on disk for the tables.
#include <hdf5.h>

#include <map>
#include <string>
#include <vector>

namespace caresim::io::testing {

/** Path (or "path@attribute", or "path#chunk<i>") -> content bytes. */
using Dump = std::map<std::string, std::string>;

namespace detail {

inline void append_value(std::string& out, hid_t type, const char* data) {
  const H5T_class_t cls = H5Tget_class(type);
  if (cls == H5T_STRING && H5Tis_variable_str(type) > 0) {
    const char* text = *reinterpret_cast<char* const*>(data);
    out += text ? text : "<null>";
    out += '\0';
  } else if (cls == H5T_COMPOUND) {
    for (int m = 0; m < H5Tget_nmembers(type); ++m) {
      const hid_t member = H5Tget_member_type(type, static_cast<unsigned>(m));
      char* name = H5Tget_member_name(type, static_cast<unsigned>(m));
      out += name;
      out += '=';
      H5free_memory(name);
      append_value(out, member, data + H5Tget_member_offset(type, static_cast<unsigned>(m)));
      H5Tclose(member);
    }
  } else {
    out.append(data, H5Tget_size(type));
  }
}

inline std::string values(hid_t file_type, hid_t space, bool attribute, hid_t object) {
  const hid_t memory = H5Tget_native_type(file_type, H5T_DIR_ASCEND);
  const hssize_t n = H5Sget_simple_extent_npoints(space);
  const std::size_t size = H5Tget_size(memory);
  std::vector<char> buffer(static_cast<std::size_t>(n) * size + 1, 0);
  if (n > 0) {
    if (attribute)
      H5Aread(object, memory, buffer.data());
    else
      H5Dread(object, memory, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer.data());
  }
  std::string out;
  for (hssize_t i = 0; i < n; ++i) append_value(out, memory, buffer.data() + static_cast<std::size_t>(i) * size);
  if (n > 0) H5Dvlen_reclaim(memory, space, H5P_DEFAULT, buffer.data());
  H5Tclose(memory);
  return out;
}

inline herr_t dump_attribute(hid_t object, const char* name, const H5A_info_t*, void* context) {
  auto* ctx = static_cast<std::pair<Dump*, std::string>*>(context);
  const hid_t a = H5Aopen(object, name, H5P_DEFAULT);
  const hid_t t = H5Aget_type(a);
  const hid_t s = H5Aget_space(a);
  (*ctx->first)[ctx->second + "@" + name] = values(t, s, true, a);
  H5Sclose(s);
  H5Tclose(t);
  H5Aclose(a);
  return 0;
}

inline void dump_attributes(Dump& dump, hid_t object, const std::string& path) {
  std::pair<Dump*, std::string> context{&dump, path};
  hsize_t index = 0;
  H5Aiterate2(object, H5_INDEX_NAME, H5_ITER_INC, &index, dump_attribute, &context);
}

inline void dump_dataset(Dump& dump, hid_t d, const std::string& path) {
  const hid_t t = H5Dget_type(d);
  const hid_t s = H5Dget_space(d);
  dump[path] = values(t, s, false, d);
  const hid_t dcpl = H5Dget_create_plist(d);
  if (H5Pget_layout(dcpl) == H5D_CHUNKED) {
    hsize_t chunks = 0;
    H5Dget_num_chunks(d, s, &chunks);
    const int rank = H5Sget_simple_extent_ndims(s);
    for (hsize_t c = 0; c < chunks; ++c) {
      std::vector<hsize_t> offset(static_cast<std::size_t>(rank));
      unsigned mask = 0;
      haddr_t address = 0;
      hsize_t bytes = 0;
      H5Dget_chunk_info(d, s, c, offset.data(), &mask, &address, &bytes);
      std::string stored(bytes, '\0');
      std::uint32_t filters = 0;
      H5Dread_chunk(d, H5P_DEFAULT, offset.data(), &filters, stored.data());
      dump[path + "#chunk" + std::to_string(c)] = stored;
    }
  }
  H5Pclose(dcpl);
  H5Sclose(s);
  H5Tclose(t);
}

inline herr_t dump_link(hid_t group, const char* name, const H5L_info_t*, void* context) {
  Dump& dump = *static_cast<Dump*>(context);
  const hid_t object = H5Oopen(group, name, H5P_DEFAULT);
  if (H5Iget_type(object) == H5I_DATASET) dump_dataset(dump, object, name);
  dump_attributes(dump, object, name);
  H5Oclose(object);
  return 0;
}

}  // namespace detail

/** Every dataset, attribute and stored chunk of the file at `path`. */
inline Dump dump_file(const std::string& path) {
  Dump dump;
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (file < 0) return dump;
  detail::dump_attributes(dump, file, "/");
  H5Lvisit(file, H5_INDEX_NAME, H5_ITER_INC, detail::dump_link, &dump);
  H5Fclose(file);
  return dump;
}

}  // namespace caresim::io::testing
