#include "io/trace_writer.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "caresim/version.hpp"
#include "io/atomic_target.hpp"
#include "io/dictionaries.hpp"
#include "io/h5_attributes.hpp"
#include "io/h5_provenance.hpp"
#include "io/indicator_tables.hpp"
#include "io/replication_group.hpp"
#include "io/results_seal.hpp"
#include "io/trace_file.hpp"

namespace caresim::io {

namespace {

std::uint32_t day_count(double horizon_days) {
  if (!(horizon_days >= 0) || horizon_days > 4.0e9) {
    throw std::invalid_argument("TraceWriter: run.horizon_days must be a number of days >= 0");
  }
  return static_cast<std::uint32_t>(std::ceil(horizon_days));
}

}  // namespace

TraceWriter::TraceWriter(std::string target, const model::Parameters& params, TraceProvenance provenance,
                         TraceOptions options)
    : provenance_(std::move(provenance)),
      options_(options),
      facilities_(std::make_shared<FacilityIndex>(params)),
      days_(day_count(params.run.horizon_days)) {
  std::vector<std::uint32_t> ids = provenance_.replications;
  std::sort(ids.begin(), ids.end());
  if (std::adjacent_find(ids.begin(), ids.end()) != ids.end()) {
    throw std::invalid_argument("TraceWriter: replication ids must be distinct");
  }
  provenance_.level = options_.level;
  provenance_.caresim_version = caresim::version;
  provenance_.git_revision = caresim::git_revision;
  provenance_.created_utc = detail::utc_now();
  provenance_.hdf5_version = detail::hdf5_library_version();
  provenance_.model_version = model::model_version;
  provenance_.format_version = trace_format_version;

  detail::quiet_errors();
  target_ = std::make_unique<detail::AtomicTarget>(std::move(target), options_.force, options_.handle_signals);
  file_ = std::make_shared<detail::TraceFile>();
  file_->target = target_->target();
  file_->level = options_.level;
  file_->order = provenance_.replications;
  try {
    file_->file = detail::create_results_file(target_->temporary());
    detail::write_provenance(file_->file.get(), provenance_);
    detail::write_dictionaries(file_->file.get(), params, *facilities_);
    file_->replications = detail::create_group(file_->file.get(), "replications");
  } catch (const detail::H5Failure& e) {
    throw TraceError(target_->target(), e.what());
  }
}

TraceWriter::~TraceWriter() {
  if (finished_ || !file_) return;
  {
    std::lock_guard lock(file_->mutex);
    file_->closed = true;
    file_->replications.reset();
    file_->file.reset();
  }
  target_->abandon();
}

std::unique_ptr<ReplicationTrace> TraceWriter::replication(std::uint32_t id) {
  std::lock_guard submit_lock(submit_mutex_);
  {
    std::lock_guard lock(file_->mutex);
    if (file_->closed) throw std::logic_error("TraceWriter::replication: the writer is finished");
    if (file_->streaming) throw std::logic_error("TraceWriter::replication: another streaming replication is open");
    if (file_->next >= file_->order.size() || file_->order[file_->next] != id) {
      throw std::logic_error("TraceWriter::replication: replication " + std::to_string(id) +
                             " is not the next one to write");
    }
    file_->streaming = true;
  }
  try {
    auto group = std::make_unique<detail::ReplicationGroup>(file_, id, facilities_->size());
    return std::unique_ptr<ReplicationTrace>(
        new ReplicationTrace(id, options_.level, facilities_, days_, std::move(group)));
  } catch (...) {
    std::lock_guard lock(file_->mutex);
    file_->streaming = false;
    throw;
  }
}

std::unique_ptr<ReplicationTrace> TraceWriter::buffered_replication(std::uint32_t id) const {
  const auto& order = provenance_.replications;
  if (std::find(order.begin(), order.end(), id) == order.end()) {
    throw std::logic_error("TraceWriter::buffered_replication: replication " + std::to_string(id) +
                           " is not in the provenance");
  }
  return std::unique_ptr<ReplicationTrace>(new ReplicationTrace(id, options_.level, facilities_, days_, nullptr));
}

void TraceWriter::submit(std::unique_ptr<ReplicationTrace> trace) {
  if (!trace) throw std::logic_error("TraceWriter::submit: no trace");
  if (!trace->buffered()) throw std::logic_error("TraceWriter::submit: a streaming trace writes itself");
  if (!trace->finished()) throw std::logic_error("TraceWriter::submit: finish() the trace first");
  const std::uint32_t id = trace->replication();
  std::lock_guard submit_lock(submit_mutex_);
  const auto& order = provenance_.replications;
  const auto position = static_cast<std::size_t>(std::find(order.begin(), order.end(), id) - order.begin());
  std::size_t next = 0;
  {
    std::lock_guard lock(file_->mutex);
    next = file_->next;
  }
  if (position >= order.size() || position < next || parked_.count(id)) {
    throw std::logic_error("TraceWriter::submit: replication " + std::to_string(id) +
                           " is unknown or was already submitted");
  }
  parked_.emplace(id, std::move(trace));
  write_ready();
}

void TraceWriter::write_ready() {
  for (;;) {
    std::uint32_t id = 0;
    {
      std::lock_guard lock(file_->mutex);
      if (file_->closed || file_->streaming || file_->next >= file_->order.size()) return;
      id = file_->order[file_->next];
    }
    const auto it = parked_.find(id);
    if (it == parked_.end()) return;
    std::unique_ptr<ReplicationTrace> trace = std::move(it->second);
    parked_.erase(it);
    trace->write_to(std::make_unique<detail::ReplicationGroup>(file_, id, facilities_->size()));
  }
}

void TraceWriter::finish() {
  if (finished_) throw std::logic_error("TraceWriter::finish: already finished");
  std::lock_guard submit_lock(submit_mutex_);
  write_ready();
  std::lock_guard lock(file_->mutex);
  if (file_->closed) throw std::logic_error("TraceWriter::finish: the writer was abandoned");
  if (file_->next < file_->order.size()) {
    std::string missing;
    for (std::size_t i = file_->next; i < file_->order.size(); ++i) {
      missing.append(" ").append(std::to_string(file_->order[i]));
    }
    throw TraceError(target_->target(), "incomplete: replications" + missing + " were not written");
  }
  try {
    detail::quiet_errors();
    file_->replications.close("closing /replications");
    file_->indicators.write(file_->file.get());
    detail::check(H5Fflush(file_->file.get(), H5F_SCOPE_GLOBAL), "flushing the file");
    file_->file.close("closing the file");
    detail::seal_results_file(target_->temporary(), provenance_.format_version);
  } catch (const detail::H5Failure& e) {
    throw TraceError(target_->target(), e.what());
  }
  file_->closed = true;
  target_->commit();
  finished_ = true;
}

const std::string& TraceWriter::target() const {
  return target_->target();
}

std::string TraceWriter::temporary() const {
  return finished_ ? std::string() : target_->temporary();
}

}  // namespace caresim::io
