#include "io/indicator_io.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

#include "io/h5_attributes.hpp"
#include "io/h5_compound.hpp"
#include "io/h5_types.hpp"
#include "io/vocabulary.hpp"

namespace caresim::io::detail {

namespace {

using model::IndicatorTable;
using model::IndicatorValue;

// Results formats 1 and 2: four tidy tables in each replication's group hold every table
// of the replication (region first, then each municipality). Format 3 keeps the indicators
// of all replications together (io/indicator_tables.hpp); these files are still read.
struct TableRow {
  const char* id;
  const char* name;
  std::int32_t model_version;
};
struct EntryRow {
  std::int32_t table;
  const char* name;
  std::uint8_t shape;
  double value;
  const char* unit;  // from the indicator dictionary; absent in files written before units
};
struct MapRow {
  std::int32_t table;
  const char* name;
  const char* key;
  double value;
};
struct ArrayRow {
  std::int32_t table;
  const char* name;
  std::int32_t index;
  double value;
};

struct Types {
  H5Id text = utf8_string_type();
  H5Id shape = enum_type(indicator_shape_terms());
  Compound tables{sizeof(TableRow)};
  Compound entries{sizeof(EntryRow)};  // without `unit`, which older files lack
  Compound entries_with_unit{sizeof(EntryRow)};
  Compound maps{sizeof(MapRow)};
  Compound arrays{sizeof(ArrayRow)};
  Types() {
    tables.add("id", offsetof(TableRow, id), text.get())
        .add("name", offsetof(TableRow, name), text.get())
        .add("model_version", offsetof(TableRow, model_version), H5T_NATIVE_INT32);
    entries.add("table", offsetof(EntryRow, table), H5T_NATIVE_INT32)
        .add("name", offsetof(EntryRow, name), text.get())
        .add("shape", offsetof(EntryRow, shape), shape.get())
        .add("value", offsetof(EntryRow, value), H5T_NATIVE_DOUBLE);
    entries_with_unit.add("table", offsetof(EntryRow, table), H5T_NATIVE_INT32)
        .add("name", offsetof(EntryRow, name), text.get())
        .add("shape", offsetof(EntryRow, shape), shape.get())
        .add("value", offsetof(EntryRow, value), H5T_NATIVE_DOUBLE)
        .add("unit", offsetof(EntryRow, unit), text.get());
    maps.add("table", offsetof(MapRow, table), H5T_NATIVE_INT32)
        .add("name", offsetof(MapRow, name), text.get())
        .add("key", offsetof(MapRow, key), text.get())
        .add("value", offsetof(MapRow, value), H5T_NATIVE_DOUBLE);
    arrays.add("table", offsetof(ArrayRow, table), H5T_NATIVE_INT32)
        .add("name", offsetof(ArrayRow, name), text.get())
        .add("index", offsetof(ArrayRow, index), H5T_NATIVE_INT32)
        .add("value", offsetof(ArrayRow, value), H5T_NATIVE_DOUBLE);
  }
};

template <class Row>
std::vector<Row> read_rows(hid_t group, const char* name, const Compound& type) {
  std::vector<Row> rows(dataset_elements(group, name));
  if (rows.empty()) return rows;
  const H5Id dataset(H5Dopen2(group, name, H5P_DEFAULT), "opening an indicator table");
  check(H5Dread(dataset.get(), type.memory(), H5S_ALL, H5S_ALL, H5P_DEFAULT, rows.data()),
        "reading an indicator table");
  return rows;
}

template <class Row>
void reclaim(std::vector<Row>& rows, const Compound& type) {
  if (rows.empty()) return;
  const hsize_t n = rows.size();
  const H5Id space(H5Screate_simple(1, &n, nullptr), "reclaiming strings");
  H5Dvlen_reclaim(type.memory(), space.get(), H5P_DEFAULT, rows.data());
}

std::string text(const char* s) {
  return s ? s : "";
}

}  // namespace

IndicatorTable read_indicators(hid_t parent, const std::string& name) {
  const Types types;
  const H5Id group(H5Gopen2(parent, name.c_str(), H5P_DEFAULT), "opening the indicator table");
  auto tables = read_rows<TableRow>(group.get(), "tables", types.tables);
  auto entries = read_rows<EntryRow>(group.get(), "entries", types.entries);
  auto maps = read_rows<MapRow>(group.get(), "maps", types.maps);
  auto arrays = read_rows<ArrayRow>(group.get(), "arrays", types.arrays);
  if (tables.empty()) throw H5Failure("the indicator group has no tables");

  IndicatorTable region;
  region.version = tables[0].model_version;
  for (std::size_t t = 1; t < tables.size(); ++t) {
    IndicatorTable own;
    own.version = tables[t].model_version;
    region.by_municipality.push_back({text(tables[t].id), text(tables[t].name), own});
  }
  const auto table_of = [&](std::int32_t t) -> IndicatorTable& {
    if (t < 0 || static_cast<std::size_t>(t) >= tables.size()) throw H5Failure("an indicator row names no table");
    return t == 0 ? region : region.by_municipality[static_cast<std::size_t>(t) - 1].table;
  };
  // Rows of one table are in its entry order; maps and arrays follow their entries.
  for (const EntryRow& e : entries) {
    IndicatorValue v;
    v.shape = static_cast<IndicatorValue::Shape>(e.shape);
    if (v.shape == IndicatorValue::Shape::Scalar) v.scalar = e.value;
    table_of(e.table).entries.emplace_back(text(e.name), std::move(v));
  }
  const auto entry_of = [&](std::int32_t t, const char* entry) -> IndicatorValue& {
    for (auto& [n, v] : table_of(t).entries) {
      if (n == text(entry)) return v;
    }
    throw H5Failure("an indicator row names no entry: " + text(entry));
  };
  for (const MapRow& m : maps) entry_of(m.table, m.name).map.emplace_back(text(m.key), m.value);
  for (const ArrayRow& a : arrays) entry_of(a.table, a.name).array.push_back(a.value);
  reclaim(tables, types.tables);
  reclaim(entries, types.entries);
  reclaim(maps, types.maps);
  reclaim(arrays, types.arrays);
  return region;
}

std::vector<std::pair<std::string, std::string>> read_indicator_units(hid_t parent, const std::string& name) {
  const Types types;
  const H5Id group(H5Gopen2(parent, name.c_str(), H5P_DEFAULT), "opening the indicator table");
  {
    const H5Id dataset(H5Dopen2(group.get(), "entries", H5P_DEFAULT), "opening an indicator table");
    const H5Id type(H5Dget_type(dataset.get()), "reading the type of an indicator table");
    if (H5Tget_member_index(type.get(), "unit") < 0) {
      throw H5Failure("its indicator entries carry no units (written by a caresim older than the indicator units)");
    }
  }
  auto entries = read_rows<EntryRow>(group.get(), "entries", types.entries_with_unit);
  std::vector<std::pair<std::string, std::string>> units;
  for (const EntryRow& e : entries) {
    if (e.table == 0) units.emplace_back(text(e.name), text(e.unit));
  }
  reclaim(entries, types.entries_with_unit);
  return units;
}

}  // namespace caresim::io::detail
