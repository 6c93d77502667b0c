#pragma once
// Internal to caresim::io: the indicator tables of every replication of a results file
// (format 3), stored together in /indicators with every string once in a vocabulary
// (layout: docs/trace-format.md, "indicators").
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "io/h5_handle.hpp"
#include "models/indicator_table.hpp"

namespace caresim::io::detail {

/** The indicator tables of some replications as rows, strings decoded: what /indicators
 *  holds. Tables of one replication are contiguous (region first, then its municipalities),
 *  entries follow their table, numbers their entry. */
struct IndicatorRows {
  struct Table {
    std::uint32_t replication;
    std::string municipality;  ///< the municipality id; empty for the region
    std::string name;          ///< the municipality name; empty for the region
    std::int32_t model_version;
  };
  struct Entry {
    std::int32_t table;  ///< row of `tables`
    std::string name;
    model::IndicatorShape shape;
    std::string unit;  ///< from the indicator dictionary; empty for an undeclared name
  };
  struct Number {
    std::int32_t entry;  ///< row of `entries`
    std::string key;     ///< empty for a scalar, a map's key, an array position in decimal
    double value;
  };
  std::vector<Table> tables;
  std::vector<Entry> entries;
  std::vector<Number> numbers;

  /** Appends the region table `table` of replication `replication` with its municipalities'
   *  tables (units from the table's dictionary). */
  void add(std::uint32_t replication, const model::IndicatorTable& table);
  /** The rows of each replication, by id. Throws H5Failure for rows that refer to no
   *  table or entry, or a replication whose tables are not contiguous. */
  std::map<std::uint32_t, IndicatorRows> by_replication() const;
  /** The rows (of one replication) as the table the model returned. Throws H5Failure when
   *  there is no table. */
  model::IndicatorTable table() const;
  /** (indicator, unit) of the region's entries (of one replication), in table order. */
  std::vector<std::pair<std::string, std::string>> units() const;
};

/** The rows of a file being written, encoded as they come: every string a code into one
 *  vocabulary, in order of first use, so a replication costs only its numbers (about 23 kB
 *  for the reference region) until write() stores them as /indicators. The same rows added
 *  in the same order give the same bytes: a run over a whole range and a merge of its parts,
 *  each adding replication by replication in id order, write identical datasets. */
class IndicatorEncoder {
 public:
  IndicatorEncoder();
  ~IndicatorEncoder();
  IndicatorEncoder(IndicatorEncoder&&) noexcept;
  IndicatorEncoder& operator=(IndicatorEncoder&&) noexcept;

  /** Appends `rows` (their tables, entries and numbers, renumbered after those added). */
  void add(const IndicatorRows& rows);
  /** Writes the group /indicators of `file`: `vocabulary`, then `tables`, `entries` and
   *  `numbers` holding codes into it. Throws H5Failure. */
  void write(hid_t file) const;

 private:
  struct Coded;
  std::unique_ptr<Coded> coded_;
};

/** Reads /indicators of a format 3 `file`: every replication's rows, or only those of
 *  `replication` (none if the file lacks it). Throws H5Failure when it is missing, a code
 *  is outside the vocabulary or a row refers to no table or entry. */
IndicatorRows read_indicator_rows(hid_t file, std::optional<std::uint32_t> replication = std::nullopt);

}  // namespace caresim::io::detail
