#pragma once
// Internal to caresim::io: an IndicatorTable as an HDF5 group, and back.
#include <string>
#include <utility>
#include <vector>

#include "io/h5_handle.hpp"
#include "models/indicator_table.hpp"

namespace caresim::io::detail {

/** Writes `table` as group `name` under `parent` (layout: docs/trace-format.md,
 *  "Indicator tables"). Throws H5Failure for a name HDF5 cannot hold (one with '/'). */
void write_indicators(hid_t parent, const std::string& name, const model::IndicatorTable& table);

/** Reads the group written by write_indicators() back into a table (same entries, same
 *  order, same municipalities). */
model::IndicatorTable read_indicators(hid_t parent, const std::string& name);

/** The (indicator, unit) pairs of the region's table in the group written by
 *  write_indicators(), in table order. Throws H5Failure for a file written before units
 *  were stored. */
std::vector<std::pair<std::string, std::string>> read_indicator_units(hid_t parent, const std::string& name);

}  // namespace caresim::io::detail
