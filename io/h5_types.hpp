#pragma once
// Internal to caresim::io: the HDF5 types of a trace — enum types that carry the names of
// the model's codes, and the compound types of the rows.
#include <span>

#include "io/h5_handle.hpp"
#include "io/vocabulary.hpp"

namespace caresim::io::detail {

/** An 8-bit unsigned HDF5 ENUM type whose members are `terms` (English names). */
H5Id enum_type(std::span<const Term> terms);

/** The compound type of EventRow, in memory and in the file (identical layouts). */
H5Id event_type();

/** The compound type of MonthlyRow in memory. */
H5Id monthly_memory_type();
/** The compound type of MonthlyRow in the file: packed (no padding). */
H5Id monthly_file_type();

}  // namespace caresim::io::detail
