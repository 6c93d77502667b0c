#pragma once
// Internal to caresim::io: the provenance as root attributes of an open file.
#include "io/h5_handle.hpp"
#include "io/provenance.hpp"

namespace caresim::io::detail {

/** Writes `provenance` as attributes of the root group of `file`. */
void write_provenance(hid_t file, const TraceProvenance& provenance);

/** Reads the provenance attributes of `file`; throws H5Failure if it is not a caresim
 *  trace (no "format" attribute saying so). */
TraceProvenance read_provenance(hid_t file);

}  // namespace caresim::io::detail
