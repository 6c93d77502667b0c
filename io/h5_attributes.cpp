#include "io/h5_attributes.hpp"

namespace caresim::io::detail {

namespace {

void write_raw(hid_t object, const char* name, hid_t type, hid_t space, const void* data) {
  const std::string what = std::string("writing attribute '") + name + "'";
  if (H5Aexists(object, name) > 0) check(H5Adelete(object, name), what.c_str());
  const H5Id attribute(H5Acreate2(object, name, type, space, H5P_DEFAULT, H5P_DEFAULT), what.c_str());
  static const std::uint64_t nothing = 0;  // HDF5 wants a buffer even for zero elements
  check(H5Awrite(attribute.get(), type, data ? data : &nothing), what.c_str());
}

H5Id open_attribute(hid_t object, const char* name) {
  return H5Id(H5Aopen(object, name, H5P_DEFAULT), (std::string("opening attribute '") + name + "'").c_str());
}

hsize_t element_count(hid_t attribute) {
  const H5Id space(H5Aget_space(attribute), "reading an attribute's shape");
  const hssize_t n = check(H5Sget_simple_extent_npoints(space.get()), "reading an attribute's shape");
  return static_cast<hsize_t>(n);
}

}  // namespace

void write_attribute(hid_t object, const char* name, const std::string& value) {
  const H5Id type = utf8_string_type();
  const H5Id space(H5Screate(H5S_SCALAR), "creating a scalar space");
  const char* text = value.c_str();
  write_raw(object, name, type.get(), space.get(), &text);
}

void write_attribute(hid_t object, const char* name, std::uint64_t value) {
  const H5Id space(H5Screate(H5S_SCALAR), "creating a scalar space");
  write_raw(object, name, H5T_NATIVE_UINT64, space.get(), &value);
}

void write_attribute(hid_t object, const char* name, std::int32_t value) {
  const H5Id space(H5Screate(H5S_SCALAR), "creating a scalar space");
  write_raw(object, name, H5T_NATIVE_INT32, space.get(), &value);
}

void write_attribute(hid_t object, const char* name, const std::vector<std::uint32_t>& values) {
  const hsize_t n = values.size();
  const H5Id space(H5Screate_simple(1, &n, nullptr), "creating an array space");
  write_raw(object, name, H5T_NATIVE_UINT32, space.get(), values.data());
}

void write_attribute(hid_t object, const char* name, const std::vector<std::string>& values) {
  const hsize_t n = values.size();
  const H5Id type = utf8_string_type();
  const H5Id space(H5Screate_simple(1, &n, nullptr), "creating an array space");
  std::vector<const char*> texts;
  for (const std::string& v : values) texts.push_back(v.c_str());
  write_raw(object, name, type.get(), space.get(), texts.data());
}

bool has_attribute(hid_t object, const char* name) {
  return check(H5Aexists(object, name), "looking for an attribute") > 0;
}

std::string read_string_attribute(hid_t object, const char* name) {
  const std::vector<std::string> values = read_string_array_attribute(object, name);
  if (values.size() != 1) fail(std::string("attribute '") + name + "' is not a single string");
  return values.front();
}

std::vector<std::string> read_string_array_attribute(hid_t object, const char* name) {
  const H5Id attribute = open_attribute(object, name);
  const H5Id file_type(H5Aget_type(attribute.get()), "reading an attribute's type");
  if (H5Tget_class(file_type.get()) != H5T_STRING) {
    throw H5Failure(std::string("attribute '") + name + "' is not a string");
  }
  const hsize_t n = element_count(attribute.get());
  std::vector<std::string> out;
  if (n == 0) return out;
  if (H5Tis_variable_str(file_type.get()) > 0) {
    const H5Id type = utf8_string_type();
    std::vector<char*> texts(n, nullptr);
    check(H5Aread(attribute.get(), type.get(), texts.data()), "reading a string attribute");
    for (char* t : texts) out.emplace_back(t ? t : "");
    const H5Id space(H5Aget_space(attribute.get()), "reading an attribute's shape");
    H5Dvlen_reclaim(type.get(), space.get(), H5P_DEFAULT, texts.data());
  } else {
    const std::size_t size = H5Tget_size(file_type.get());
    std::vector<char> buffer(size * n + 1, '\0');
    check(H5Aread(attribute.get(), file_type.get(), buffer.data()), "reading a string attribute");
    for (hsize_t i = 0; i < n; ++i) {
      std::string s(buffer.data() + i * size, size);
      out.push_back(s.substr(0, s.find('\0')));
    }
  }
  return out;
}

std::uint64_t read_u64_attribute(hid_t object, const char* name) {
  const H5Id attribute = open_attribute(object, name);
  std::uint64_t value = 0;
  check(H5Aread(attribute.get(), H5T_NATIVE_UINT64, &value), "reading an integer attribute");
  return value;
}

std::int64_t read_i64_attribute(hid_t object, const char* name) {
  const H5Id attribute = open_attribute(object, name);
  std::int64_t value = 0;
  check(H5Aread(attribute.get(), H5T_NATIVE_INT64, &value), "reading an integer attribute");
  return value;
}

std::vector<std::uint32_t> read_u32_array_attribute(hid_t object, const char* name) {
  const H5Id attribute = open_attribute(object, name);
  std::vector<std::uint32_t> values(element_count(attribute.get()));
  if (values.empty()) return values;
  check(H5Aread(attribute.get(), H5T_NATIVE_UINT32, values.data()), "reading an integer array attribute");
  return values;
}

void write_small_dataset(hid_t parent, const std::string& name, hid_t file_type, hid_t memory_type, hsize_t count,
                         const void* data) {
  const std::string what = "writing dataset '" + name + "'";
  const H5Id space(H5Screate_simple(1, &count, nullptr), what.c_str());
  const H5Id dcpl = dataset_properties();
  // Small tables live in their object header (compact layout, limit 64 KiB).
  if (count * H5Tget_size(file_type) < 16384) check(H5Pset_layout(dcpl.get(), H5D_COMPACT), what.c_str());
  const H5Id dataset(H5Dcreate2(parent, name.c_str(), file_type, space.get(), H5P_DEFAULT, dcpl.get(), H5P_DEFAULT),
                     what.c_str());
  if (count > 0) {
    const H5Id dxpl = transfer_properties(count, memory_type, file_type);
    check(H5Dwrite(dataset.get(), memory_type, H5S_ALL, H5S_ALL, dxpl.get(), data), what.c_str());
  }
}

std::vector<hsize_t> dataset_dims(hid_t parent, const std::string& name) {
  const H5Id dataset(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), ("opening dataset '" + name + "'").c_str());
  const H5Id space(H5Dget_space(dataset.get()), "reading a dataset's shape");
  const int rank = check(H5Sget_simple_extent_ndims(space.get()), "reading a dataset's rank");
  std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
  check(H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr), "reading a dataset's shape");
  return dims;
}

std::uint64_t dataset_elements(hid_t parent, const std::string& name) {
  std::uint64_t n = 1;
  for (const hsize_t d : dataset_dims(parent, name)) n *= d;
  return n;
}

std::uint64_t dataset_storage_bytes(hid_t parent, const std::string& name) {
  const H5Id dataset(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), ("opening dataset '" + name + "'").c_str());
  return H5Dget_storage_size(dataset.get());
}

bool has_link(hid_t parent, const std::string& name) {
  return check(H5Lexists(parent, name.c_str(), H5P_DEFAULT), "looking for a link") > 0;
}

std::vector<std::string> link_names(hid_t group) {
  H5G_info_t info;
  check(H5Gget_info(group, &info), "listing a group");
  std::vector<std::string> names;
  for (hsize_t i = 0; i < info.nlinks; ++i) {
    const ssize_t size = check(H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT),
                               "listing a group");
    std::string name(static_cast<std::size_t>(size) + 1, '\0');
    check(H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, i, name.data(), name.size(), H5P_DEFAULT),
          "listing a group");
    name.resize(static_cast<std::size_t>(size));
    names.push_back(name);
  }
  return names;
}

}  // namespace caresim::io::detail
