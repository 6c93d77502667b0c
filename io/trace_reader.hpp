#pragma once
// Reading a trace back: what `caresim inspect` prints, and the indicator tables.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "models/indicator_table.hpp"

namespace caresim::io {

/** A readable description of the trace at `path`: provenance, dictionaries, each
 *  replication's datasets and sizes, and a summary of the scalar indicators (the value,
 *  or the mean, min and max over replications). Throws TraceError if `path` is missing,
 *  not an HDF5 file or not a caresim trace. */
std::string describe_trace(const std::string& path);

/** The indicator table of replication `replication` (with its by-municipality tables),
 *  as the model returned it. Throws TraceError if the file or replication is absent. */
model::IndicatorTable read_indicators(const std::string& path, std::uint32_t replication);

/** The indicator tables of replications `replications`, in their order, from one open of
 *  the file (one check of its seal, which reads the whole file: a reader of many
 *  replications calls this, not the one above per id). Throws as the one above. */
std::vector<model::IndicatorTable> read_indicators(const std::string& path,
                                                   const std::vector<std::uint32_t>& replications);

/** The unit of every indicator of replication `replication`'s region table, as (name, unit)
 *  in table order (units from models/indicator_dictionary.cpp, written beside each entry).
 *  Throws TraceError if the file or replication is absent, or the file is older than the
 *  units. */
std::vector<std::pair<std::string, std::string>> read_indicator_units(const std::string& path,
                                                                      std::uint32_t replication);

}  // namespace caresim::io
