#pragma once
// The recorder of one replication: subscribes to a CareModel, turns its records into the
// rows of the trace and hands them to the file chunk by chunk.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "engine/observe/recorder.hpp"
#include "io/facility_index.hpp"
#include "io/occupancy_counter.hpp"
#include "io/trace_options.hpp"
#include "io/trace_rows.hpp"
#include "models/care_model.hpp"
#include "models/indicator_table.hpp"
#include "models/records.hpp"

namespace caresim::io {

namespace detail {
class ReplicationGroup;
class EventEncoder;
struct EncodedChunk;
}  // namespace detail

/** The trace of one replication, obtained from TraceWriter::replication() (streaming) or
 *  TraceWriter::buffered_replication() (for worker threads).
 *
 *  Streaming: rows go to the file whenever a chunk is full, so memory stays bounded
 *  whatever the horizon; full chunks of events are compressed and written by a thread of
 *  the trace's own, beside the simulation. Use it on the writer's thread, one replication
 *  at a time, in the order of the provenance's replication ids. Buffered: nothing touches
 *  HDF5 until the trace is handed back with TraceWriter::submit(), so it may be filled on
 *  any thread; it holds the replication in memory until then, events compressed as each
 *  chunk fills (about 10 bytes an event).
 *
 *  Use: attach(model); model.run() (records arrive); finish(indicators). */
class ReplicationTrace : public engine::Recorder<model::MovementRecord>,
                         public engine::Recorder<model::SnapshotRecord> {
 public:
  /** Stops the encoder thread. A streaming trace destroyed before finish() leaves its
   *  replication unwritten, so TraceWriter::finish() will refuse to complete the file. */
  ~ReplicationTrace() override;
  ReplicationTrace(const ReplicationTrace&) = delete;
  ReplicationTrace& operator=(const ReplicationTrace&) = delete;

  /** The replication id. */
  std::uint32_t replication() const { return replication_; }
  /** What is kept. */
  TraceLevel level() const { return level_; }
  /** True if this trace waits in memory for TraceWriter::submit(). */
  bool buffered() const { return group_ == nullptr; }
  /** True once finish() has been called. */
  bool finished() const { return indicators_.has_value(); }
  /** Movements kept as event rows so far. */
  std::uint64_t events_recorded() const { return events_recorded_; }

  /** Subscribes to the records the level needs: none at TraceLevel::None, movements
   *  (occupancy, events) and snapshots (monthly series) above. `model` must not run yet. */
  void attach(model::CareModel& model);

  /** Takes one movement. Throws TraceError if writing a full chunk fails, and
   *  std::out_of_range for a facility the region does not have. */
  void record(const model::MovementRecord& r) override;
  /** Takes one monthly snapshot. */
  void record(const model::SnapshotRecord& r) override;

  /** Completes the replication with its indicators: streaming, writes every pending row
   *  and the indicator table and closes the group; buffered, keeps a copy for submit().
   *  Call once, after the run. Throws TraceError. */
  void finish(const model::IndicatorTable& indicators);

 private:
  friend class TraceWriter;

  ReplicationTrace(std::uint32_t replication, TraceLevel level, std::shared_ptr<const FacilityIndex> facilities,
                   std::uint32_t days, std::unique_ptr<detail::ReplicationGroup> group);

  /** Hands the full chunk of events to the encoder. */
  void push_events();
  /** Writes full chunks to the group (every pending row if `all`); no-op when buffered. */
  void flush(bool all);
  /** Buffered only: writes everything into `group` and finishes it (writer's thread). */
  void write_to(std::unique_ptr<detail::ReplicationGroup> group);

  std::uint32_t replication_;
  TraceLevel level_;
  std::shared_ptr<const FacilityIndex> facilities_;
  OccupancyCounter occupancy_;
  std::unique_ptr<detail::ReplicationGroup> group_;  // null while buffered
  std::vector<EventRow> events_;                     // the chunk being filled
  std::vector<detail::EncodedChunk> encoded_;        // buffered: full chunks, compressed
  std::unique_ptr<detail::EventEncoder> encoder_;    // after group_: its thread writes to group_
  std::vector<std::int32_t> occupancy_rows_;         // days × facilities, row-major
  std::vector<MonthlyRow> monthly_;
  std::optional<model::IndicatorTable> indicators_;
  std::uint64_t events_recorded_ = 0;
};

}  // namespace caresim::io
