#include "io/event_encoder.hpp"

#include "io/h5_handle.hpp"

namespace caresim::io::detail {

namespace {
constexpr std::size_t kMaxPending = 2;
}

EventEncoder::EventEncoder(std::function<void(EncodedChunk)> sink, std::size_t chunk_rows, int level, bool threaded)
    : sink_(std::move(sink)), chunk_rows_(chunk_rows), level_(level) {
  if (threaded) thread_ = std::thread([this] { run(); });
}

EventEncoder::~EventEncoder() {
  if (!thread_.joinable()) return;
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
    pending_.clear();
  }
  changed_.notify_all();
  thread_.join();
}

void EventEncoder::rethrow_failure() {
  if (failure_) std::rethrow_exception(failure_);
}

std::vector<EventRow> EventEncoder::buffer() {
  std::vector<EventRow> rows;
  {
    const std::lock_guard lock(mutex_);
    if (!spare_.empty()) {
      rows = std::move(spare_.back());
      spare_.pop_back();
    }
  }
  rows.clear();
  rows.reserve(chunk_rows_);
  return rows;
}

void EventEncoder::push(std::vector<EventRow> rows) {
  if (!thread_.joinable()) {
    sink_(encode_chunk(rows.data(), rows.size(), sizeof(EventRow), chunk_rows_, level_));
    const std::lock_guard lock(mutex_);
    spare_.push_back(std::move(rows));
    return;
  }
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return pending_.size() < kMaxPending || failure_; });
  rethrow_failure();
  pending_.push_back(std::move(rows));
  changed_.notify_all();
}

void EventEncoder::drain() {
  if (!thread_.joinable()) return;
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return (pending_.empty() && !busy_) || failure_; });
  rethrow_failure();
}

void EventEncoder::run() {
  quiet_errors();  // HDF5 keeps its error-printing switch per thread
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [this] { return !pending_.empty() || stopping_; });
    if (stopping_) return;
    std::vector<EventRow> rows = std::move(pending_.front());
    pending_.pop_front();
    busy_ = true;
    lock.unlock();
    std::exception_ptr failure;
    try {
      sink_(encode_chunk(rows.data(), rows.size(), sizeof(EventRow), chunk_rows_, level_));
    } catch (...) {
      failure = std::current_exception();
    }
    lock.lock();
    spare_.push_back(std::move(rows));
    busy_ = false;
    if (failure && !failure_) failure_ = failure;
    changed_.notify_all();
  }
}

}  // namespace caresim::io::detail
