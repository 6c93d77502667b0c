#pragma once
// Internal to caresim::io: the indicator tables of results formats 1 and 2, one group per
// replication (/replications/<id>/indicators), read back. Format 3: io/indicator_tables.hpp.
#include <string>
#include <utility>
#include <vector>

#include "io/h5_handle.hpp"
#include "models/indicator_table.hpp"

namespace caresim::io::detail {

/** Reads the group `name` of a format 1 or 2 file into a table (same entries, same
 *  order, same municipalities). */
model::IndicatorTable read_indicators(hid_t parent, const std::string& name);

/** The (indicator, unit) pairs of the region's table in the group `name` of a format 1 or
 *  2 file, in table order. Throws H5Failure for a file written before units were stored. */
std::vector<std::pair<std::string, std::string>> read_indicator_units(hid_t parent, const std::string& name);

}  // namespace caresim::io::detail
