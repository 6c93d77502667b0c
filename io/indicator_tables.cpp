#include "io/indicator_tables.hpp"

#include <cstddef>
#include <unordered_map>

#include "io/h5_attributes.hpp"
#include "io/h5_compound.hpp"
#include "io/h5_types.hpp"
#include "io/vocabulary.hpp"

namespace caresim::io::detail {

namespace {

using model::IndicatorShape;
using model::IndicatorTable;
using model::IndicatorValue;

// The rows as stored: every string a code into `vocabulary`. Numbers only, so a reader
// converts no string per row (docs/trace-format.md, "How fast").
struct TableRow {
  std::uint32_t replication;
  std::int32_t municipality;
  std::int32_t name;
  std::int32_t model_version;
};
struct EntryRow {
  std::int32_t table;
  std::int32_t name;
  std::uint8_t shape;
  std::int32_t unit;
};
struct NumberRow {
  std::int32_t entry;
  std::int32_t key;
  double value;
};

struct Types {
  H5Id text = utf8_string_type();
  H5Id shape = enum_type(indicator_shape_terms());
  Compound tables{sizeof(TableRow)};
  Compound entries{sizeof(EntryRow)};
  Compound numbers{sizeof(NumberRow)};
  Types() {
    tables.add("replication", offsetof(TableRow, replication), H5T_NATIVE_UINT32)
        .add("municipality", offsetof(TableRow, municipality), H5T_NATIVE_INT32)
        .add("name", offsetof(TableRow, name), H5T_NATIVE_INT32)
        .add("model_version", offsetof(TableRow, model_version), H5T_NATIVE_INT32);
    entries.add("table", offsetof(EntryRow, table), H5T_NATIVE_INT32)
        .add("name", offsetof(EntryRow, name), H5T_NATIVE_INT32)
        .add("shape", offsetof(EntryRow, shape), shape.get())
        .add("unit", offsetof(EntryRow, unit), H5T_NATIVE_INT32);
    numbers.add("entry", offsetof(NumberRow, entry), H5T_NATIVE_INT32)
        .add("key", offsetof(NumberRow, key), H5T_NATIVE_INT32)
        .add("value", offsetof(NumberRow, value), H5T_NATIVE_DOUBLE);
  }
};

// Codes in order of first use, so the same rows always give the same vocabulary.
class Encoder {
 public:
  std::int32_t code(const std::string& text) {
    const auto [it, fresh] = codes_.emplace(text, static_cast<std::int32_t>(words_.size()));
    if (fresh) words_.push_back(it->first.c_str());
    return it->second;
  }
  const std::vector<const char*>& words() const { return words_; }

 private:
  std::unordered_map<std::string, std::int32_t> codes_;  // node-based: the c_str()s stay put
  std::vector<const char*> words_;
};

template <class Row>
std::vector<Row> read_rows(hid_t group, const char* name, hid_t memory_type) {
  std::vector<Row> rows(dataset_elements(group, name));
  if (rows.empty()) return rows;
  const std::string what = std::string("reading indicators/") + name;
  const H5Id dataset(H5Dopen2(group, name, H5P_DEFAULT), what.c_str());
  check(H5Dread(dataset.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, rows.data()), what.c_str());
  return rows;
}

std::vector<std::string> read_vocabulary(hid_t group, hid_t text) {
  std::vector<char*> raw = read_rows<char*>(group, "vocabulary", text);
  std::vector<std::string> words;
  words.reserve(raw.size());
  for (const char* w : raw) words.emplace_back(w ? w : "");
  if (!raw.empty()) {
    const hsize_t n = raw.size();
    const H5Id space(H5Screate_simple(1, &n, nullptr), "reclaiming strings");
    H5Dvlen_reclaim(text, space.get(), H5P_DEFAULT, raw.data());
  }
  return words;
}

template <class Index>
void check_index(Index i, std::size_t size, const char* what) {
  if (i < 0 || static_cast<std::size_t>(i) >= size) throw H5Failure(std::string("indicators: ") + what);
}

}  // namespace

void IndicatorRows::add(std::uint32_t replication, const IndicatorTable& table) {
  const auto add_table = [&](const std::string& id, const std::string& name, const IndicatorTable& t) {
    const auto row = static_cast<std::int32_t>(tables.size());
    tables.push_back({replication, id, name, t.version});
    for (const auto& [indicator, v] : t.entries) {
      const model::IndicatorRow* declared = t.dictionary().find(indicator);
      const auto entry = static_cast<std::int32_t>(entries.size());
      entries.push_back({row, indicator, v.shape, declared != nullptr ? declared->unit : std::string()});
      switch (v.shape) {
        case IndicatorShape::Scalar:
          numbers.push_back({entry, std::string(), v.scalar});
          break;
        case IndicatorShape::Map:
          for (const auto& [key, x] : v.map) numbers.push_back({entry, key, x});
          break;
        case IndicatorShape::Array:
          for (std::size_t i = 0; i < v.array.size(); ++i) numbers.push_back({entry, std::to_string(i), v.array[i]});
          break;
      }
    }
  };
  add_table("", "", table);
  for (const model::MunicipalityIndicators& m : table.by_municipality) add_table(m.id, m.name, m.table);
}

std::map<std::uint32_t, IndicatorRows> IndicatorRows::by_replication() const {
  std::map<std::uint32_t, IndicatorRows> out;
  // Where each table and entry went: (its replication's rows, its row there).
  std::vector<std::pair<IndicatorRows*, std::int32_t>> table_at, entry_at;
  table_at.reserve(tables.size());
  entry_at.reserve(entries.size());
  const IndicatorRows* last = nullptr;
  for (const Table& t : tables) {
    const bool seen = out.count(t.replication) > 0;
    IndicatorRows& rows = out[t.replication];
    if (seen && &rows != last) throw H5Failure("indicators: the tables of a replication are not together");
    last = &rows;
    table_at.emplace_back(&rows, static_cast<std::int32_t>(rows.tables.size()));
    rows.tables.push_back(t);
  }
  for (const Entry& e : entries) {
    check_index(e.table, tables.size(), "an entry refers to no table");
    auto [rows, table] = table_at[static_cast<std::size_t>(e.table)];
    entry_at.emplace_back(rows, static_cast<std::int32_t>(rows->entries.size()));
    rows->entries.push_back(e);
    rows->entries.back().table = table;
  }
  for (const Number& n : numbers) {
    check_index(n.entry, entries.size(), "a number refers to no entry");
    auto [rows, entry] = entry_at[static_cast<std::size_t>(n.entry)];
    rows->numbers.push_back(n);
    rows->numbers.back().entry = entry;
  }
  return out;
}

IndicatorTable IndicatorRows::table() const {
  if (tables.empty()) throw H5Failure("indicators: the replication has no table");
  IndicatorTable region;
  region.version = tables[0].model_version;
  for (std::size_t t = 1; t < tables.size(); ++t) {
    IndicatorTable own;
    own.version = tables[t].model_version;
    region.by_municipality.push_back({tables[t].municipality, tables[t].name, own});
  }
  const auto table_of = [&](std::int32_t t) -> IndicatorTable& {
    check_index(t, tables.size(), "an entry refers to no table");
    return t == 0 ? region : region.by_municipality[static_cast<std::size_t>(t) - 1].table;
  };
  // Each entry's place in its table, then (once no table grows any more) its value.
  std::vector<std::pair<std::int32_t, std::size_t>> place;
  place.reserve(entries.size());
  for (const Entry& e : entries) {
    IndicatorValue v;
    v.shape = e.shape;
    auto& list = table_of(e.table).entries;
    place.emplace_back(e.table, list.size());
    list.emplace_back(e.name, std::move(v));
  }
  std::vector<IndicatorValue*> values;
  values.reserve(entries.size());
  for (const auto& [t, i] : place) values.push_back(&table_of(t).entries[i].second);
  for (const Number& n : numbers) {
    check_index(n.entry, entries.size(), "a number refers to no entry");
    IndicatorValue& v = *values[static_cast<std::size_t>(n.entry)];
    switch (v.shape) {
      case IndicatorShape::Scalar:
        v.scalar = n.value;
        break;
      case IndicatorShape::Map:
        v.map.emplace_back(n.key, n.value);
        break;
      case IndicatorShape::Array:
        v.array.push_back(n.value);
        break;
    }
  }
  return region;
}

std::vector<std::pair<std::string, std::string>> IndicatorRows::units() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Entry& e : entries) {
    if (e.table == 0) out.emplace_back(e.name, e.unit);
  }
  return out;
}

struct IndicatorEncoder::Coded {
  Encoder vocabulary;
  std::vector<TableRow> tables;
  std::vector<EntryRow> entries;
  std::vector<NumberRow> numbers;
};

IndicatorEncoder::IndicatorEncoder() : coded_(std::make_unique<Coded>()) {}
IndicatorEncoder::~IndicatorEncoder() = default;
IndicatorEncoder::IndicatorEncoder(IndicatorEncoder&&) noexcept = default;
IndicatorEncoder& IndicatorEncoder::operator=(IndicatorEncoder&&) noexcept = default;

void IndicatorEncoder::add(const IndicatorRows& rows) {
  Coded& c = *coded_;
  const auto table_offset = static_cast<std::int32_t>(c.tables.size());
  const auto entry_offset = static_cast<std::int32_t>(c.entries.size());
  for (const auto& t : rows.tables) {
    c.tables.push_back({t.replication, c.vocabulary.code(t.municipality), c.vocabulary.code(t.name), t.model_version});
  }
  for (const auto& e : rows.entries) {
    check_index(e.table, rows.tables.size(), "an entry refers to no table");
    c.entries.push_back({e.table + table_offset, c.vocabulary.code(e.name), static_cast<std::uint8_t>(e.shape),
                         c.vocabulary.code(e.unit)});
  }
  for (const auto& n : rows.numbers) {
    check_index(n.entry, rows.entries.size(), "a number refers to no entry");
    c.numbers.push_back({n.entry + entry_offset, c.vocabulary.code(n.key), n.value});
  }
}

void IndicatorEncoder::write(hid_t file) const {
  const Types types;
  const Coded& c = *coded_;
  const H5Id group = create_group(file, "indicators");
  const auto& words = c.vocabulary.words();
  write_small_dataset(group.get(), "vocabulary", types.text.get(), types.text.get(), words.size(), words.data());
  write_small_dataset(group.get(), "tables", types.tables.packed().get(), types.tables.memory(), c.tables.size(),
                      c.tables.data());
  write_small_dataset(group.get(), "entries", types.entries.packed().get(), types.entries.memory(), c.entries.size(),
                      c.entries.data());
  write_small_dataset(group.get(), "numbers", types.numbers.packed().get(), types.numbers.memory(), c.numbers.size(),
                      c.numbers.data());
}

IndicatorRows read_indicator_rows(hid_t file, std::optional<std::uint32_t> replication) {
  if (!has_link(file, "indicators")) throw H5Failure("it has no /indicators group (results format 3)");
  const Types types;
  const H5Id group(H5Gopen2(file, "indicators", H5P_DEFAULT), "opening /indicators");
  const std::vector<std::string> words = read_vocabulary(group.get(), types.text.get());
  const auto word = [&](std::int32_t code) -> const std::string& {
    check_index(code, words.size(), "a code is outside the vocabulary");
    return words[static_cast<std::size_t>(code)];
  };
  // Each stored table's and entry's row among those kept, -1 for one of another replication:
  // only the kept rows' strings are looked up and copied.
  IndicatorRows rows;
  const std::vector<TableRow> tables = read_rows<TableRow>(group.get(), "tables", types.tables.memory());
  std::vector<std::int32_t> table_at(tables.size(), -1);
  for (std::size_t i = 0; i < tables.size(); ++i) {
    const TableRow& t = tables[i];
    if (replication && t.replication != *replication) continue;
    table_at[i] = static_cast<std::int32_t>(rows.tables.size());
    rows.tables.push_back({t.replication, word(t.municipality), word(t.name), t.model_version});
  }
  const std::vector<EntryRow> entries = read_rows<EntryRow>(group.get(), "entries", types.entries.memory());
  std::vector<std::int32_t> entry_at(entries.size(), -1);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const EntryRow& e = entries[i];
    check_index(e.table, tables.size(), "an entry refers to no table");
    if (e.shape > 2) throw H5Failure("indicators: an entry's shape is not scalar, map or array");
    const std::int32_t table = table_at[static_cast<std::size_t>(e.table)];
    if (table < 0) continue;
    entry_at[i] = static_cast<std::int32_t>(rows.entries.size());
    rows.entries.push_back({table, word(e.name), static_cast<IndicatorShape>(e.shape), word(e.unit)});
  }
  const std::vector<NumberRow> numbers = read_rows<NumberRow>(group.get(), "numbers", types.numbers.memory());
  for (const NumberRow& n : numbers) {
    check_index(n.entry, entries.size(), "a number refers to no entry");
    const std::int32_t entry = entry_at[static_cast<std::size_t>(n.entry)];
    if (entry >= 0) rows.numbers.push_back({entry, word(n.key), n.value});
  }
  return rows;
}

}  // namespace caresim::io::detail
