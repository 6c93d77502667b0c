#pragma once
// The HDF5 results file of a run: provenance, dictionaries and one group per replication,
// written beside the target and renamed onto it only when complete.
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "io/facility_index.hpp"
#include "io/provenance.hpp"
#include "io/replication_trace.hpp"
#include "io/trace_error.hpp"
#include "io/trace_options.hpp"
#include "models/parameters.hpp"

namespace caresim::io {

namespace detail {
struct TraceFile;
class AtomicTarget;
}  // namespace detail

/** Writes one trace file (layout: docs/trace-format.md).
 *
 *  The constructor checks the target, creates "<folder>/.<name>.tmp-<host>-<pid>" and writes the
 *  provenance and dictionaries; each replication is then written through a
 *  ReplicationTrace, in the order of `provenance.replications` (its indicator table kept,
 *  encoded, for /indicators); finish() writes /indicators and renames the temporary file
 *  onto the target. Destroying the writer without finish() (an exception,
 *  Ctrl-C) deletes the temporary file and leaves the target as it was.
 *
 *  Single writer: all HDF5 calls of a writer are serialised by one lock. Replications that
 *  run on worker threads fill buffered traces and submit() them; the writer writes them in
 *  replication order, whatever order they finish in.
 *
 *  Every failure throws TraceError naming the target: it exists and `force` is off; it is
 *  not an HDF5 file (even with `force`); its folder is missing or not writable; HDF5 fails
 *  (a full disk, an I/O error). */
class TraceWriter {
 public:
  /** Opens a trace for the region `params` (dictionaries, facility columns and the number
   *  of days, ceil(run.horizon_days)). The writer fills the version, time and HDF5 fields
   *  of `provenance` and its level from `options`. Replication ids must be distinct. */
  TraceWriter(std::string target, const model::Parameters& params, TraceProvenance provenance,
              TraceOptions options = {});
  /** Without finish(): closes and deletes the temporary file. */
  ~TraceWriter();
  TraceWriter(const TraceWriter&) = delete;
  TraceWriter& operator=(const TraceWriter&) = delete;

  /** A streaming trace of replication `id`, which must be the next unwritten id of the
   *  provenance, with no other streaming trace open. Use on this writer's thread. */
  std::unique_ptr<ReplicationTrace> replication(std::uint32_t id);

  /** A buffered trace of replication `id` (one of the provenance's ids): touches no HDF5,
   *  so it may be filled on any thread. Hand it back with submit() once finished.
   *  Thread-safe. */
  std::unique_ptr<ReplicationTrace> buffered_replication(std::uint32_t id) const;

  /** Takes a finished buffered trace; writes it, and any submitted successors, as soon as
   *  every replication before it is written. Thread-safe. Throws std::logic_error for an
   *  unfinished, streaming, unknown or twice-submitted trace, TraceError if writing fails. */
  void submit(std::unique_ptr<ReplicationTrace> trace);

  /** Checks that every replication was written, closes the file, flushes it to disk and
   *  renames it onto the target. Throws TraceError (the temporary file is then deleted). */
  void finish();

  /** The path the user asked for. */
  const std::string& target() const;
  /** The temporary file being written (empty after finish()). */
  std::string temporary() const;
  /** The provenance as written (with the writer's fields filled). */
  const TraceProvenance& provenance() const { return provenance_; }
  /** Number of facility columns of the occupancy table. */
  std::size_t facilities() const { return facilities_->size(); }

 private:
  void write_ready();  // writes parked traces whose turn has come; caller holds submit_mutex_

  TraceProvenance provenance_;
  TraceOptions options_;
  std::shared_ptr<const FacilityIndex> facilities_;
  std::uint32_t days_;
  std::unique_ptr<detail::AtomicTarget> target_;
  std::shared_ptr<detail::TraceFile> file_;
  std::mutex submit_mutex_;
  std::map<std::uint32_t, std::unique_ptr<ReplicationTrace>> parked_;
  bool finished_ = false;
};

}  // namespace caresim::io
