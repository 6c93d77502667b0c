#pragma once
// Reading a trace back: what `caresim inspect` prints, and the indicator tables.
#include <cstdint>
#include <string>

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

}  // namespace caresim::io
