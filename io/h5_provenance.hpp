#pragma once
// Internal to caresim::io: the provenance as root attributes of an open file.
#include <string>

#include "io/h5_handle.hpp"
#include "io/provenance.hpp"

namespace caresim::io::detail {

/** Writes `provenance` as attributes of the root group of `file`. */
void write_provenance(hid_t file, const TraceProvenance& provenance);

/** Reads the provenance attributes of `file`; throws H5Failure if it is not a caresim
 *  trace (no "format" attribute saying so). */
TraceProvenance read_provenance(hid_t file);

/** The current time as ISO 8601 UTC, e.g. "2025-04-01T09:30:00Z" (`created_utc`). */
std::string utc_now();

/** The version of the HDF5 library in use, e.g. "1.10.8" (`hdf5_version`). */
std::string hdf5_library_version();

}  // namespace caresim::io::detail
