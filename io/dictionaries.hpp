#pragma once
// Internal to caresim::io: the /dictionaries group, which names every code and index the
// tables of a trace use.
#include "io/facility_index.hpp"
#include "io/h5_handle.hpp"
#include "models/parameters.hpp"

namespace caresim::io::detail {

/** Writes /dictionaries (places, event_kinds, causes, admission_types, diagnoses,
 *  municipalities, hubs, facilities) into `file`. */
void write_dictionaries(hid_t file, const model::Parameters& params, const FacilityIndex& facilities);

}  // namespace caresim::io::detail
