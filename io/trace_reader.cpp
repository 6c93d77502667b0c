#include "io/trace_reader.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <limits>
#include <map>
#include <sstream>
#include <vector>

#include "io/h5_attributes.hpp"
#include "io/h5_provenance.hpp"
#include "io/indicator_io.hpp"
#include "io/indicator_tables.hpp"
#include "io/results_merge.hpp"
#include "io/trace_error.hpp"
#include "text/terminal_text.hpp"

namespace caresim::io {

namespace {

using detail::H5Id;

std::string megabytes(std::uint64_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f MB", static_cast<double>(bytes) / 1.0e6);
  return text;
}

std::string number(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", v);
  return text;
}

std::string pad(std::string s, std::size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

struct Spread {
  double sum = 0;
  double min = std::numeric_limits<double>::infinity();
  double max = -std::numeric_limits<double>::infinity();
  int n = 0;
};

// Format 3 keeps every replication's indicators in /indicators; older formats keep them in
// each replication's group. The layout decides (a format 3 file without the group is
// refused as such), so a format 3 file copied without its seal still reads.
bool indicators_together(hid_t file) {
  return detail::has_link(file, "indicators") ||
         (detail::has_attribute(file, "format_version") && detail::read_i64_attribute(file, "format_version") >= 3);
}

// The rows of replication `replication` among `rows` (format 3).
const detail::IndicatorRows& rows_of(const std::map<std::uint32_t, detail::IndicatorRows>& rows,
                                     std::uint32_t replication) {
  const auto it = rows.find(replication);
  if (it == rows.end()) throw detail::H5Failure("has no replication " + std::to_string(replication));
  return it->second;
}

// The rows of replication `replication` of a format 3 file, read without the others'.
detail::IndicatorRows rows_of_one(hid_t file, std::uint32_t replication) {
  detail::IndicatorRows rows = detail::read_indicator_rows(file, replication);
  if (rows.tables.empty()) throw detail::H5Failure("has no replication " + std::to_string(replication));
  return rows;
}

/** The class (H5T_COMPOUND, H5T_INTEGER, ...) of the elements of dataset `name`. */
H5T_class_t element_class(hid_t parent, const char* name) {
  const H5Id dataset(H5Dopen2(parent, name, H5P_DEFAULT), "opening a dataset");
  const H5Id type(H5Dget_type(dataset.get()), "reading a dataset's type");
  return H5Tget_class(type.get());
}

/** Reads the whole [days x facilities] occupancy table, a block of rows at a time: a
 *  damaged chunk fails here instead of passing unnoticed. */
void read_occupancy(hid_t group, const std::vector<hsize_t>& dims) {
  if (dims[0] == 0 || dims[1] == 0) return;
  const H5Id dataset(H5Dopen2(group, "occupancy", H5P_DEFAULT), "opening dataset 'occupancy'");
  const H5Id file_space(H5Dget_space(dataset.get()), "reading the shape of 'occupancy'");
  const hsize_t rows_per_block = std::max<hsize_t>(1, (hsize_t{1} << 20) / dims[1]);
  std::vector<std::int32_t> buffer;
  for (hsize_t row = 0; row < dims[0]; row += rows_per_block) {
    const hsize_t start[2] = {row, 0};
    const hsize_t count[2] = {std::min(rows_per_block, dims[0] - row), dims[1]};
    buffer.resize(static_cast<std::size_t>(count[0] * count[1]));
    detail::check(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start, nullptr, count, nullptr),
                  "selecting rows of 'occupancy'");
    const H5Id memory_space(H5Screate_simple(2, count, nullptr), "creating a memory space");
    detail::check(
        H5Dread(dataset.get(), H5T_NATIVE_INT32, memory_space.get(), file_space.get(), H5P_DEFAULT, buffer.data()),
        "reading dataset 'occupancy'");
  }
}

/** Checks the bulk tables of one replication against what the file says of them: each
 *  table its trace level writes is there, of the documented rank and element type, with
 *  the row count its group's attributes record, occupancy with one column per facility
 *  (and read whole). Throws H5Failure naming the replication and the table. */
void check_tables(hid_t group, const std::string& id, TraceLevel level, std::uint64_t facilities) {
  const auto fault = [&](const std::string& what) { return detail::H5Failure("replication " + id + ": " + what); };
  const auto rows_attribute = [&](const char* name) {
    return detail::has_attribute(group, name) ? detail::read_u64_attribute(group, name) : 0;
  };
  const auto one_dimensional_compound = [&](const char* name) {
    const auto dims = detail::dataset_dims(group, name);
    if (dims.size() != 1 || element_class(group, name) != H5T_COMPOUND) {
      throw fault("dataset '" + std::string(name) + "' should be a 1-dimensional table of records (" +
                  std::to_string(dims.size()) + " dimension(s) found)");
    }
    return dims[0];
  };
  if (level >= TraceLevel::Events) {
    if (!detail::has_link(group, "events")) throw fault("dataset 'events' is missing at trace level events");
    const std::uint64_t rows = one_dimensional_compound("events");
    if (rows != rows_attribute("events")) {
      throw fault("dataset 'events' has " + std::to_string(rows) + " rows; the replication records " +
                  std::to_string(rows_attribute("events")));
    }
  }
  if (level >= TraceLevel::Summary) {
    for (const char* name : {"occupancy", "monthly"}) {
      if (!detail::has_link(group, name)) {
        throw fault("dataset '" + std::string(name) + "' is missing at trace level " + std::string(to_string(level)));
      }
    }
    one_dimensional_compound("monthly");
    const auto dims = detail::dataset_dims(group, "occupancy");
    if (dims.size() != 2) {
      throw fault("dataset 'occupancy' has " + std::to_string(dims.size()) +
                  " dimension(s); it should have 2 (days x facilities)");
    }
    if (element_class(group, "occupancy") != H5T_INTEGER) throw fault("dataset 'occupancy' should hold integers");
    if (dims[0] != rows_attribute("days") || dims[1] != facilities) {
      throw fault("dataset 'occupancy' is " + std::to_string(dims[0]) + " x " + std::to_string(dims[1]) +
                  "; the file records " + std::to_string(rows_attribute("days")) + " days and " +
                  std::to_string(facilities) + " facilities");
    }
    read_occupancy(group, dims);
  }
}

void describe_replication(std::ostringstream& out, hid_t replications, const std::string& id,
                          const model::IndicatorTable& table, TraceLevel level, std::uint64_t facilities,
                          std::vector<std::pair<std::string, Spread>>& summary) {
  const H5Id group(H5Gopen2(replications, id.c_str(), H5P_DEFAULT), "opening a replication");
  check_tables(group.get(), id, level, facilities);
  out << "\nreplication " << id << "\n";
  if (detail::has_link(group.get(), "events")) {
    const std::uint64_t rows = detail::dataset_elements(group.get(), "events");
    const std::uint64_t bytes = detail::dataset_storage_bytes(group.get(), "events");
    out << "  events         " << rows << " rows, " << megabytes(bytes);
    if (rows > 0) out << " (" << number(static_cast<double>(bytes) / static_cast<double>(rows)) << " bytes per event)";
    out << "\n";
  }
  if (detail::has_link(group.get(), "occupancy")) {
    const auto dims = detail::dataset_dims(group.get(), "occupancy");
    if (dims.size() != 2) throw detail::H5Failure("replication " + id + ": dataset 'occupancy' is not 2-dimensional");
    out << "  occupancy      " << dims.at(0) << " days x " << dims.at(1) << " facilities, "
        << megabytes(detail::dataset_storage_bytes(group.get(), "occupancy")) << "\n";
  }
  if (detail::has_link(group.get(), "monthly")) {
    out << "  monthly        " << detail::dataset_elements(group.get(), "monthly") << " months\n";
  }
  int counts[3] = {0, 0, 0};
  for (const auto& [name, v] : table.entries) {
    ++counts[static_cast<int>(v.shape)];
    if (v.shape != model::IndicatorValue::Shape::Scalar) continue;
    // clang 14 cannot capture a structured binding in a lambda (C++20 allows it).
    auto it = std::find_if(summary.begin(), summary.end(), [&name = name](const auto& s) { return s.first == name; });
    if (it == summary.end()) it = summary.insert(summary.end(), {name, Spread{}});
    Spread& s = it->second;
    s.sum += v.scalar;
    s.min = std::min(s.min, v.scalar);
    s.max = std::max(s.max, v.scalar);
    ++s.n;
  }
  out << "  indicators     " << table.entries.size() << " entries (" << counts[0] << " scalars, " << counts[1]
      << " maps, " << counts[2] << " arrays), " << table.by_municipality.size() << " municipalities\n";
}

std::string describe(hid_t file, const std::string& path) {
  const TraceProvenance p = detail::read_provenance(file);
  std::ostringstream out;
  struct stat info;
  const std::uint64_t size = ::stat(path.c_str(), &info) == 0 ? static_cast<std::uint64_t>(info.st_size) : 0;
  std::size_t yaml_lines = static_cast<std::size_t>(std::count(p.scenario_yaml.begin(), p.scenario_yaml.end(), '\n'));
  // Every string here comes from the file: none reaches the terminal unescaped.
  using text::terminal_text;
  out << "caresim trace " << terminal_text(path) << " (" << megabytes(size) << ")\n"
      << "  format         caresim-trace " << p.format_version << ", HDF5 " << terminal_text(p.hdf5_version) << "\n"
      << "  written by     caresim " << terminal_text(p.caresim_version) << " (git " << terminal_text(p.git_revision)
      << "), model version " << p.model_version << "\n"
      << "  created        " << terminal_text(p.created_utc) << "\n"
      << "  command        " << terminal_text(p.command_line) << "\n"
      << "  scenario       " << terminal_text(p.scenario_path) << " (hash " << terminal_text(p.scenario_hash) << ", "
      << yaml_lines << " lines of resolved YAML)\n"
      << "  master seed    " << p.master_seed << "\n"
      << "  trace level    " << to_string(p.level) << "\n"
      << "  replications   " << p.replications.size() << ": " << describe_ids(p.replications) << "\n";
  if (detail::has_attribute(file, "merged_from")) {
    const auto parts = detail::read_string_array_attribute(file, "merged_from");
    const auto ranges = detail::read_string_array_attribute(file, "merged_from_replications");
    out << "  merged from   ";
    for (std::size_t i = 0; i < parts.size(); ++i) {
      out << (i > 0 ? ", " : " ") << terminal_text(parts[i])
          << (i < ranges.size() ? " (" + terminal_text(ranges[i]) + ")" : std::string());
    }
    out << "\n";
  }
  const H5Id dictionaries(H5Gopen2(file, "dictionaries", H5P_DEFAULT), "opening /dictionaries");
  out << "  dictionaries  ";
  for (const char* name : {"municipalities", "hubs", "facilities", "places", "event_kinds", "causes"}) {
    out << " " << detail::dataset_elements(dictionaries.get(), name) << " " << name;
  }
  out << "\n";
  const std::uint64_t facilities = detail::dataset_elements(dictionaries.get(), "facilities");

  std::vector<std::pair<std::string, Spread>> summary;
  const H5Id replications(H5Gopen2(file, "replications", H5P_DEFAULT), "opening /replications");
  const bool together = indicators_together(file);
  const auto rows =
      together ? detail::read_indicator_rows(file).by_replication() : std::map<std::uint32_t, detail::IndicatorRows>();
  for (const std::uint32_t id : p.replications) {
    const std::string name = std::to_string(id);
    const model::IndicatorTable table =
        together ? rows_of(rows, id).table() : detail::read_indicators(replications.get(), name + "/indicators");
    describe_replication(out, replications.get(), name, table, p.level, facilities, summary);
  }
  if (!summary.empty()) {
    const bool several = p.replications.size() > 1;
    out << "\nindicators (scalars" << (several ? "; mean [min, max] over replications" : "") << ")\n";
    std::size_t width = 28;
    for (const auto& entry : summary) width = std::max(width, terminal_text(entry.first).size());
    for (const auto& [name, s] : summary) {
      out << "  " << pad(terminal_text(name), width + 2) << number(s.sum / s.n);
      if (several) out << "  [" << number(s.min) << ", " << number(s.max) << "]";
      out << "\n";
    }
  }
  return out.str();
}

// The indicators group of one replication of a format 1 or 2 file; H5Failure if the file
// has no such replication.
std::string indicators_of(hid_t file, std::uint32_t replication) {
  const std::string group = "replications/" + std::to_string(replication);
  if (!detail::has_link(file, "replications") || !detail::has_link(file, group)) {
    throw detail::H5Failure("has no replication " + std::to_string(replication));
  }
  return group + "/indicators";
}

}  // namespace

std::string describe_trace(const std::string& path) {
  const H5Id file = detail::open_for_reading(path);
  try {
    return describe(file.get(), path);
  } catch (const detail::H5Failure& e) {
    throw TraceError(path, e.what());
  }
}

model::IndicatorTable read_indicators(const std::string& path, std::uint32_t replication) {
  const H5Id file = detail::open_for_reading(path);
  try {
    if (indicators_together(file.get())) return rows_of_one(file.get(), replication).table();
    return detail::read_indicators(file.get(), indicators_of(file.get(), replication));
  } catch (const detail::H5Failure& e) {
    throw TraceError(path, e.what());
  }
}

std::vector<model::IndicatorTable> read_indicators(const std::string& path,
                                                   const std::vector<std::uint32_t>& replications) {
  const H5Id file = detail::open_for_reading(path);
  try {
    std::vector<model::IndicatorTable> tables;
    tables.reserve(replications.size());
    if (indicators_together(file.get())) {  // format 3: every replication's rows in one read
      const auto rows = detail::read_indicator_rows(file.get()).by_replication();
      for (const std::uint32_t id : replications) tables.push_back(rows_of(rows, id).table());
      return tables;
    }
    for (const std::uint32_t id : replications)
      tables.push_back(detail::read_indicators(file.get(), indicators_of(file.get(), id)));
    return tables;
  } catch (const detail::H5Failure& e) {
    throw TraceError(path, e.what());
  }
}

std::vector<std::pair<std::string, std::string>> read_indicator_units(const std::string& path,
                                                                      std::uint32_t replication) {
  const H5Id file = detail::open_for_reading(path);
  try {
    if (indicators_together(file.get())) return rows_of_one(file.get(), replication).units();
    return detail::read_indicator_units(file.get(), indicators_of(file.get(), replication));
  } catch (const detail::H5Failure& e) {
    throw TraceError(path, e.what());
  }
}

}  // namespace caresim::io
