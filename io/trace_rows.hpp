#pragma once
// The rows of a trace's tables as they sit in memory, built from the model's records.
// EventRow's memory layout is also its file layout (no conversion on write, no padding
// bytes whose content could vary).
#include <cstdint>

#include "io/facility_index.hpp"
#include "models/records.hpp"

namespace caresim::io {

/** One movement, a row of /replications/<id>/events. 32 bytes, no padding. */
struct EventRow {
  double time = 0;                  ///< model day (days since run.start)
  std::uint64_t person = 0;         ///< MovementRecord::person
  std::int32_t facility = -1;       ///< row in /dictionaries/facilities of `to`, -1 at home or outside
  std::int32_t from_facility = -1;  ///< row of `from`, -1 at home or outside
  std::uint8_t kind = 0;            ///< model::MoveKind code
  std::uint8_t from = 0;            ///< model::Place code
  std::uint8_t to = 0;              ///< model::Place code
  std::uint8_t cause = 0;           ///< model::Cause code
  std::int16_t municipality = 0;    ///< where the person lives (index into municipalities)
  std::uint8_t admission = 0;       ///< model::AdmissionType code of the (last) stay
  std::uint8_t diagnosis = 0;       ///< 0 F2, 1 F0, 2 other
};
static_assert(sizeof(EventRow) == 32, "EventRow must have no padding: its bytes are written as they are");

/** The row of a movement record; facilities mapped through `facilities`. */
inline EventRow event_row(const model::MovementRecord& r, const FacilityIndex& facilities) {
  EventRow row;
  row.time = r.time;
  row.person = r.person;
  row.facility = facilities.row(r.to, r.facility);
  row.from_facility = facilities.row(r.from, r.from_facility);
  row.kind = static_cast<std::uint8_t>(r.kind);
  row.from = static_cast<std::uint8_t>(r.from);
  row.to = static_cast<std::uint8_t>(r.to);
  row.cause = static_cast<std::uint8_t>(r.cause);
  row.municipality = static_cast<std::int16_t>(r.municipality);
  row.admission = static_cast<std::uint8_t>(r.admission);
  row.diagnosis = r.diagnosis;
  return row;
}

/** One monthly snapshot, a row of /replications/<id>/monthly. */
struct MonthlyRow {
  double time = 0;               ///< model day the month starts
  std::int32_t month = 0;        ///< month index
  std::uint64_t entered = 0;     ///< people who ever entered (day 0 included)
  std::uint64_t exited = 0;      ///< people who left the model
  std::uint64_t present = 0;     ///< people in the model now
  std::uint64_t inpatients = 0;  ///< people in a psychiatric bed now
};

/** The row of a snapshot record. */
inline MonthlyRow monthly_row(const model::SnapshotRecord& r) {
  return MonthlyRow{r.time, r.month, r.entered, r.exited, r.present, r.inpatients};
}

}  // namespace caresim::io
