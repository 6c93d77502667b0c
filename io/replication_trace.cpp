#include "io/replication_trace.hpp"

#include <stdexcept>

#include "io/chunk_codec.hpp"
#include "io/event_encoder.hpp"
#include "io/replication_group.hpp"
#include "io/trace_file.hpp"

namespace caresim::io {

ReplicationTrace::ReplicationTrace(std::uint32_t replication, TraceLevel level,
                                   std::shared_ptr<const FacilityIndex> facilities, std::uint32_t days,
                                   std::unique_ptr<detail::ReplicationGroup> group)
    : replication_(replication),
      level_(level),
      facilities_(std::move(facilities)),
      occupancy_(facilities_->size(), days),
      group_(std::move(group)) {
  if (level_ < TraceLevel::Events) return;
  events_.reserve(detail::kEventChunkRows);
  if (group_) {
    detail::ReplicationGroup* target = group_.get();
    encoder_ = std::make_unique<detail::EventEncoder>([target](detail::EncodedChunk c) { target->event_chunk(c); },
                                                      detail::kEventChunkRows, detail::kDeflateLevel, true);
  } else {
    // Buffered: compress on the caller's (worker) thread, outside HDF5's global lock.
    encoder_ =
        std::make_unique<detail::EventEncoder>([this](detail::EncodedChunk c) { encoded_.push_back(std::move(c)); },
                                               detail::kEventChunkRows, detail::kDeflateLevel, false);
  }
}

ReplicationTrace::~ReplicationTrace() = default;

void ReplicationTrace::attach(model::CareModel& model) {
  if (level_ == TraceLevel::None) return;
  model.attach(static_cast<engine::Recorder<model::MovementRecord>*>(this));
  model.attach(static_cast<engine::Recorder<model::SnapshotRecord>*>(this));
}

void ReplicationTrace::record(const model::MovementRecord& r) {
  if (level_ == TraceLevel::None) return;
  const EventRow row = event_row(r, *facilities_);
  occupancy_.move(r.time, row.from_facility, row.facility, occupancy_rows_);
  if (level_ >= TraceLevel::Events) {
    events_.push_back(row);
    ++events_recorded_;
    if (events_.size() >= detail::kEventChunkRows) push_events();
  }
  if (group_ && occupancy_rows_.size() >= detail::kOccupancyChunkDays * occupancy_.columns()) flush(false);
}

void ReplicationTrace::record(const model::SnapshotRecord& r) {
  if (level_ == TraceLevel::None) return;
  monthly_.push_back(monthly_row(r));
  if (group_ && monthly_.size() >= detail::kMonthlyChunkRows) flush(false);
}

void ReplicationTrace::push_events() {
  std::vector<EventRow> full = encoder_->buffer();
  full.swap(events_);
  encoder_->push(std::move(full));
}

void ReplicationTrace::flush(bool all) {
  if (!group_) return;
  // Whole chunks only (unless closing), so every chunk is written once, compressed once.
  const auto whole = [all](std::size_t n, std::size_t chunk) { return all ? n : n / chunk * chunk; };
  if (all && encoder_) {
    if (!events_.empty()) push_events();
    encoder_->drain();
    for (const detail::EncodedChunk& c : encoded_) group_->event_chunk(c);
    encoded_.clear();
  }
  const std::size_t columns = occupancy_.columns();
  if (columns > 0) {
    if (const std::size_t days = whole(occupancy_rows_.size() / columns, detail::kOccupancyChunkDays); days > 0) {
      group_->occupancy(occupancy_rows_.data(), days);
      occupancy_rows_.erase(occupancy_rows_.begin(),
                            occupancy_rows_.begin() + static_cast<std::ptrdiff_t>(days * columns));
    }
  }
  if (const std::size_t n = whole(monthly_.size(), detail::kMonthlyChunkRows); n > 0) {
    group_->monthly(monthly_.data(), n);
    monthly_.erase(monthly_.begin(), monthly_.begin() + static_cast<std::ptrdiff_t>(n));
  }
}

void ReplicationTrace::finish(const model::IndicatorTable& indicators) {
  if (indicators_) throw std::logic_error("ReplicationTrace::finish: replication already finished");
  if (level_ != TraceLevel::None) occupancy_.finish(occupancy_rows_);
  indicators_ = indicators;
  if (!group_ && encoder_ && !events_.empty()) push_events();  // compress on this (worker) thread
  if (group_) {
    flush(true);
    group_->finish(*indicators_);
  }
}

void ReplicationTrace::write_to(std::unique_ptr<detail::ReplicationGroup> group) {
  group_ = std::move(group);
  flush(true);  // the buffered encoder is not threaded: its chunks are all in encoded_
  group_->finish(*indicators_);
}

}  // namespace caresim::io
