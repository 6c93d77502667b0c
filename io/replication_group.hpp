#pragma once
// Internal to caresim::io: the group /replications/<id> of one replication and its tables.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>

#include "io/chunk_codec.hpp"
#include "io/h5_appendable.hpp"
#include "io/trace_file.hpp"
#include "io/trace_rows.hpp"
#include "models/indicator_table.hpp"

namespace caresim::io::detail {

/** Writes one replication into the shared file; every call takes the file's lock and turns
 *  HDF5 failures into TraceError naming the target. Tables exist according to the level. */
class ReplicationGroup {
 public:
  /** Creates /replications/<replication> with the tables of `file->level`;
   *  `facilities` is the number of occupancy columns. */
  ReplicationGroup(std::shared_ptr<TraceFile> file, std::uint32_t replication, std::size_t facilities);

  /** Appends one encoded chunk of event rows (events level only). Thread-safe. */
  void event_chunk(const EncodedChunk& chunk);
  /** Appends `days` rows of the occupancy table (summary level and above). */
  void occupancy(const std::int32_t* cells, std::size_t days);
  /** Appends `count` monthly rows (summary level and above). */
  void monthly(const MonthlyRow* rows, std::size_t count);
  /** Keeps the indicator table for /indicators (written by TraceWriter::finish()), writes
   *  the group's counts, closes the group and marks the replication written. */
  void finish(const model::IndicatorTable& indicators);

 private:
  template <class Step>
  void guarded(const char* what, Step step);

  std::shared_ptr<TraceFile> file_;
  std::uint32_t replication_;
  H5Id group_;
  H5Id event_type_;
  H5Id monthly_memory_type_;
  std::optional<AppendableDataset> events_;
  std::optional<AppendableDataset> occupancy_;
  std::optional<AppendableDataset> monthly_;
};

}  // namespace caresim::io::detail
