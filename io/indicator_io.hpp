#pragma once
// Internal to caresim::io: an IndicatorTable as an HDF5 group, and back.
#include <string>

#include "io/h5_handle.hpp"
#include "models/indicator_table.hpp"

namespace caresim::io::detail {

/** Writes `table` as group `name` under `parent` (layout: docs/trace-format.md,
 *  "Indicator tables"). Throws H5Failure for a name HDF5 cannot hold (one with '/'). */
void write_indicators(hid_t parent, const std::string& name, const model::IndicatorTable& table);

/** Reads the group written by write_indicators() back into a table (same entries, same
 *  order, same municipalities). */
model::IndicatorTable read_indicators(hid_t parent, const std::string& name);

}  // namespace caresim::io::detail
