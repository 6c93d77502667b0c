#include "io/indicator_io.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "io/h5_attributes.hpp"
#include "io/h5_types.hpp"
#include "io/vocabulary.hpp"

namespace caresim::io::detail {

namespace {

using model::IndicatorTable;
using model::IndicatorValue;

// The shape of an entry, an HDF5 enum so the file names it.
constexpr Term kShapes[] = {{0, "scalar", "スカラー"}, {1, "map", "名前付きの値"}, {2, "array", "配列"}};

struct EntryRow {
  const char* name;
  std::uint8_t shape;
  double value;
};

struct KeyValueRow {
  const char* key;
  double value;
};

H5Id entry_type(bool packed) {
  const H5Id text = utf8_string_type();
  const H5Id shape = enum_type(kShapes);
  H5Id type(H5Tcreate(H5T_COMPOUND, sizeof(EntryRow)), "creating the indicator entry type");
  check(H5Tinsert(type.get(), "name", offsetof(EntryRow, name), text.get()), "building the indicator entry type");
  check(H5Tinsert(type.get(), "shape", offsetof(EntryRow, shape), shape.get()), "building the indicator entry type");
  check(H5Tinsert(type.get(), "value", offsetof(EntryRow, value), H5T_NATIVE_DOUBLE),
        "building the indicator entry type");
  if (packed) check(H5Tpack(type.get()), "packing the indicator entry type");
  return type;
}

H5Id key_value_type(bool packed) {
  const H5Id text = utf8_string_type();
  H5Id type(H5Tcreate(H5T_COMPOUND, sizeof(KeyValueRow)), "creating the map entry type");
  check(H5Tinsert(type.get(), "key", offsetof(KeyValueRow, key), text.get()), "building the map entry type");
  check(H5Tinsert(type.get(), "value", offsetof(KeyValueRow, value), H5T_NATIVE_DOUBLE), "building the map entry type");
  if (packed) check(H5Tpack(type.get()), "packing the map entry type");
  return type;
}

void require_link_name(const std::string& name) {
  if (name.empty() || name == "." || name.find('/') != std::string::npos) {
    throw H5Failure("indicator or municipality name '" + name + "' cannot name an HDF5 object");
  }
}

void write_table(hid_t group, const IndicatorTable& table) {
  write_attribute(group, "model_version", static_cast<std::int32_t>(table.version));
  std::vector<EntryRow> rows;
  for (const auto& [name, v] : table.entries) {
    const double value = v.shape == IndicatorValue::Shape::Scalar ? v.scalar : std::numeric_limits<double>::quiet_NaN();
    rows.push_back({name.c_str(), static_cast<std::uint8_t>(v.shape), value});
  }
  write_small_dataset(group, "entries", entry_type(true).get(), entry_type(false).get(), rows.size(), rows.data());

  const H5Id maps = create_group(group, "maps");
  const H5Id arrays = create_group(group, "arrays");
  const H5Id kv_file = key_value_type(true);
  const H5Id kv_memory = key_value_type(false);
  for (const auto& [name, v] : table.entries) {
    if (v.shape == IndicatorValue::Shape::Map) {
      require_link_name(name);
      std::vector<KeyValueRow> pairs;
      for (const auto& [key, value] : v.map) pairs.push_back({key.c_str(), value});
      write_small_dataset(maps.get(), name, kv_file.get(), kv_memory.get(), pairs.size(), pairs.data());
    } else if (v.shape == IndicatorValue::Shape::Array) {
      require_link_name(name);
      write_small_dataset(arrays.get(), name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, v.array.size(), v.array.data());
    }
  }
}

IndicatorTable read_table(hid_t group) {
  IndicatorTable table;
  table.version = static_cast<int>(read_i64_attribute(group, "model_version"));
  const H5Id dataset(H5Dopen2(group, "entries", H5P_DEFAULT), "opening the indicator entries");
  const H5Id memory = entry_type(false);
  std::vector<EntryRow> rows(dataset_elements(group, "entries"));
  if (!rows.empty()) {
    check(H5Dread(dataset.get(), memory.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, rows.data()),
          "reading the indicator entries");
  }
  const H5Id kv_memory = key_value_type(false);
  for (const EntryRow& row : rows) {
    const std::string name = row.name ? row.name : "";
    IndicatorValue v;
    v.shape = static_cast<IndicatorValue::Shape>(row.shape);
    if (v.shape == IndicatorValue::Shape::Scalar) {
      v.scalar = row.value;
    } else if (v.shape == IndicatorValue::Shape::Map) {
      const std::string path = "maps/" + name;
      std::vector<KeyValueRow> pairs(dataset_elements(group, path));
      const H5Id map(H5Dopen2(group, path.c_str(), H5P_DEFAULT), "opening an indicator map");
      if (!pairs.empty()) {
        check(H5Dread(map.get(), kv_memory.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, pairs.data()),
              "reading an indicator map");
      }
      for (const KeyValueRow& p : pairs) v.map.emplace_back(p.key ? p.key : "", p.value);
      const H5Id space(H5Dget_space(map.get()), "reading an indicator map");
      H5Dvlen_reclaim(kv_memory.get(), space.get(), H5P_DEFAULT, pairs.data());
    } else {
      const std::string path = "arrays/" + name;
      v.array.resize(dataset_elements(group, path));
      const H5Id array(H5Dopen2(group, path.c_str(), H5P_DEFAULT), "opening an indicator array");
      if (!v.array.empty()) {
        check(H5Dread(array.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.array.data()),
              "reading an indicator array");
      }
    }
    table.entries.emplace_back(name, std::move(v));
  }
  const H5Id space(H5Dget_space(dataset.get()), "reading the indicator entries");
  H5Dvlen_reclaim(memory.get(), space.get(), H5P_DEFAULT, rows.data());
  return table;
}

}  // namespace

void write_indicators(hid_t parent, const std::string& name, const IndicatorTable& table) {
  const H5Id group = create_group(parent, name);
  write_table(group.get(), table);
  const H5Id by = create_group(group.get(), "by_municipality");
  std::vector<std::string> order;
  for (const model::MunicipalityIndicators& m : table.by_municipality) {
    require_link_name(m.id);
    order.push_back(m.id);
    const H5Id sub = create_group(by.get(), m.id);
    write_attribute(sub.get(), "id", m.id);
    write_attribute(sub.get(), "name", m.name);
    write_table(sub.get(), m.table);
  }
  write_attribute(by.get(), "order", order);
}

IndicatorTable read_indicators(hid_t parent, const std::string& name) {
  const H5Id group(H5Gopen2(parent, name.c_str(), H5P_DEFAULT), "opening the indicator table");
  IndicatorTable table = read_table(group.get());
  const H5Id by(H5Gopen2(group.get(), "by_municipality", H5P_DEFAULT), "opening the municipal indicators");
  for (const std::string& id : read_string_array_attribute(by.get(), "order")) {
    const H5Id sub(H5Gopen2(by.get(), id.c_str(), H5P_DEFAULT), "opening a municipality's indicators");
    table.by_municipality.push_back({id, read_string_attribute(sub.get(), "name"), read_table(sub.get())});
  }
  return table;
}

}  // namespace caresim::io::detail
