#include "io/replication_group.hpp"

#include <string>

#include "io/h5_attributes.hpp"
#include "io/h5_types.hpp"
#include "io/trace_error.hpp"

namespace caresim::io::detail {

template <class Step>
void ReplicationGroup::guarded(const char* what, Step step) {
  std::lock_guard lock(file_->mutex);
  if (file_->closed) {
    throw TraceError(file_->target, std::string(what) + ": the trace writer was already finished or abandoned");
  }
  quiet_errors();
  try {
    step();
  } catch (const H5Failure& e) {
    throw TraceError(file_->target, "replication " + std::to_string(replication_) + ": " + what + ": " + e.what());
  }
}

ReplicationGroup::ReplicationGroup(std::shared_ptr<TraceFile> file, std::uint32_t replication, std::size_t facilities)
    : file_(std::move(file)), replication_(replication) {
  guarded("creating its group", [&] {
    group_ = create_group(file_->replications.get(), std::to_string(replication));
    write_attribute(group_.get(), "replication", static_cast<std::uint64_t>(replication));
    if (file_->level >= TraceLevel::Summary) {
      occupancy_.emplace(group_.get(), "occupancy", H5T_STD_I32LE, facilities, kOccupancyChunkDays, kDeflateLevel);
      monthly_memory_type_ = monthly_memory_type();
      monthly_.emplace(group_.get(), "monthly", monthly_file_type().get(), 0, kMonthlyChunkRows, kDeflateLevel);
    }
    if (file_->level >= TraceLevel::Events) {
      event_type_ = event_type();
      events_.emplace(group_.get(), "events", event_type_.get(), 0, kEventChunkRows, kDeflateLevel);
    }
  });
}

void ReplicationGroup::event_chunk(const EncodedChunk& chunk) {
  if (!events_) return;
  guarded("writing events", [&] { events_->append_chunk(chunk); });
}

void ReplicationGroup::occupancy(const std::int32_t* cells, std::size_t days) {
  if (!occupancy_) return;
  guarded("writing occupancy", [&] { occupancy_->append(cells, days, H5T_NATIVE_INT32); });
}

void ReplicationGroup::monthly(const MonthlyRow* rows, std::size_t count) {
  if (!monthly_) return;
  guarded("writing the monthly series", [&] { monthly_->append(rows, count, monthly_memory_type_.get()); });
}

void ReplicationGroup::finish(const model::IndicatorTable& indicators) {
  guarded("writing indicators", [&] {
    IndicatorRows rows;
    rows.add(replication_, indicators);
    file_->indicators.add(rows);  // kept encoded; written with every other replication's at the end
    write_attribute(group_.get(), "events", static_cast<std::uint64_t>(events_ ? events_->rows() : 0));
    write_attribute(group_.get(), "days", static_cast<std::uint64_t>(occupancy_ ? occupancy_->rows() : 0));
    if (events_) events_->close();
    if (occupancy_) occupancy_->close();
    if (monthly_) monthly_->close();
    group_.close("closing the group");
    ++file_->next;
    file_->streaming = false;
  });
}

}  // namespace caresim::io::detail
