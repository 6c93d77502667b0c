#include "io/h5_types.hpp"

#include <cstddef>
#include <string>

#include "io/trace_rows.hpp"

namespace caresim::io::detail {

namespace {

void insert(hid_t compound, const char* name, std::size_t offset, hid_t type) {
  check(H5Tinsert(compound, name, offset, type), (std::string("adding member '") + name + "' to a row type").c_str());
}

}  // namespace

H5Id enum_type(std::span<const Term> terms) {
  H5Id type(H5Tenum_create(H5T_NATIVE_UINT8), "creating an enum type");
  for (const Term& term : terms) {
    const std::string name(term.en);
    check(H5Tenum_insert(type.get(), name.c_str(), &term.code), "adding an enum member");
  }
  return type;
}

H5Id event_type() {
  H5Id type(H5Tcreate(H5T_COMPOUND, sizeof(EventRow)), "creating the event row type");
  const H5Id place = enum_type(place_terms());
  const H5Id kind = enum_type(move_kind_terms());
  const H5Id cause = enum_type(cause_terms());
  const H5Id admission = enum_type(admission_terms());
  const H5Id diagnosis = enum_type(diagnosis_terms());
  insert(type.get(), "time", offsetof(EventRow, time), H5T_NATIVE_DOUBLE);
  insert(type.get(), "person", offsetof(EventRow, person), H5T_NATIVE_UINT64);
  insert(type.get(), "facility", offsetof(EventRow, facility), H5T_NATIVE_INT32);
  insert(type.get(), "from_facility", offsetof(EventRow, from_facility), H5T_NATIVE_INT32);
  insert(type.get(), "kind", offsetof(EventRow, kind), kind.get());
  insert(type.get(), "from", offsetof(EventRow, from), place.get());
  insert(type.get(), "to", offsetof(EventRow, to), place.get());
  insert(type.get(), "cause", offsetof(EventRow, cause), cause.get());
  insert(type.get(), "municipality", offsetof(EventRow, municipality), H5T_NATIVE_INT16);
  insert(type.get(), "admission", offsetof(EventRow, admission), admission.get());
  insert(type.get(), "diagnosis", offsetof(EventRow, diagnosis), diagnosis.get());
  return type;
}

H5Id monthly_memory_type() {
  H5Id type(H5Tcreate(H5T_COMPOUND, sizeof(MonthlyRow)), "creating the monthly row type");
  insert(type.get(), "time", offsetof(MonthlyRow, time), H5T_NATIVE_DOUBLE);
  insert(type.get(), "month", offsetof(MonthlyRow, month), H5T_NATIVE_INT32);
  insert(type.get(), "entered", offsetof(MonthlyRow, entered), H5T_NATIVE_UINT64);
  insert(type.get(), "exited", offsetof(MonthlyRow, exited), H5T_NATIVE_UINT64);
  insert(type.get(), "present", offsetof(MonthlyRow, present), H5T_NATIVE_UINT64);
  insert(type.get(), "inpatients", offsetof(MonthlyRow, inpatients), H5T_NATIVE_UINT64);
  return type;
}

H5Id monthly_file_type() {
  H5Id type(H5Tcopy(monthly_memory_type().get()), "copying the monthly row type");
  check(H5Tpack(type.get()), "packing the monthly row type");
  return type;
}

}  // namespace caresim::io::detail
