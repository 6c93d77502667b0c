#include "engine/resource/resource.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "engine/core/error.hpp"

namespace caresim::engine {

namespace {
std::string quoted(const std::string& name) {
  return "Resource \"" + name + "\": ";
}
}  // namespace

Resource::Resource(Simulator& sim, std::string name, std::int64_t capacity, QueueDiscipline discipline,
                   GrantHandler on_grant)
    : sim_(sim),
      name_(std::move(name)),
      capacity_(capacity),
      peak_capacity_(capacity),
      line_(discipline),
      on_grant_(std::move(on_grant)),
      in_use_stat_(sim.now(), 0),
      queue_stat_(sim.now(), 0),
      capacity_stat_(sim.now(), static_cast<double>(capacity)) {
  if (capacity < 0) {
    throw UsageError(quoted(name_) + "capacity " + std::to_string(capacity) +
                     " is negative; a capacity must be 0 or more");
  }
  grant_kind_ = sim_.define_event(name_ + ": grant", [this](Simulator&, std::uint64_t) { grant_waiting(); });
  patience_kind_ =
      sim_.define_event(name_ + ": patience", [this](Simulator&, std::uint64_t id) { on_patience_expired(id); });
}

void Resource::set_grant_handler(GrantHandler on_grant) {
  if (!on_grant) throw UsageError(quoted(name_) + "set_grant_handler: the handler is empty");
  on_grant_ = std::move(on_grant);
}

void Resource::check_amount(const char* what, std::uint64_t client, std::int64_t amount) const {
  if (amount > 0 && amount <= peak_capacity_) [[likely]]
    return;  // no message built on the hot path
  const std::string call =
      quoted(name_) + what + "(client " + std::to_string(client) + ", amount " + std::to_string(amount) + "): ";
  if (amount <= 0) throw UsageError(call + "the amount must be at least 1");
  throw UsageError(call + "more units than the largest capacity it has had or was announced to have (" +
                   std::to_string(peak_capacity_) +
                   "), so it could never be granted; call announce_capacity() if the capacity will grow");
}

std::int64_t Resource::held_by(std::uint64_t client) const {
  return holdings_.get(client);
}

void Resource::take(std::uint64_t client, std::int64_t amount) {
  holdings_.add(client, amount);
  in_use_ += amount;
  in_use_stat_.update(sim_.now(), static_cast<double>(in_use_));
}

void Resource::note_queue_length() {
  queue_stat_.update(sim_.now(), static_cast<double>(line_.size()));
}

bool Resource::try_acquire(std::uint64_t client, std::int64_t amount) {
  check_amount("try_acquire", client, amount);
  if (!line_.empty() || !fits(amount)) {
    ++refusals_;
    return false;
  }
  take(client, amount);
  ++immediate_grants_;
  waiting_times_.add(0.0);
  emit(ResourceEvent::ImmediateGrant, client, 0, amount, 0.0);
  return true;
}

RequestId Resource::acquire(std::uint64_t client, std::int64_t amount, int priority, Time patience) {
  if (!on_grant_) {
    throw UsageError(quoted(name_) + "acquire(client " + std::to_string(client) +
                     "): no grant handler is set; pass one to the constructor or set_grant_handler()");
  }
  check_amount("acquire", client, amount);
  if (std::isnan(patience) || patience < 0) {
    std::ostringstream msg;
    msg << quoted(name_) << "acquire(client " << client << "): patience " << patience
        << " days is not a duration >= 0 (use Resource::kForever to wait without limit)";
    throw UsageError(msg.str());
  }
  const RequestId id = next_id_++;
  const Time now = sim_.now();
  if (line_.empty() && fits(amount)) {
    take(client, amount);
    ++immediate_grants_;
    waiting_times_.add(0.0);
    emit(ResourceEvent::ImmediateGrant, client, id, amount, 0.0);
    on_grant_(client);
    return id;
  }
  WaitingRequest request{id, client, amount, priority, now, EventHandle{}, false};
  if (std::isfinite(now + patience)) {
    // Arrival priority: a grant due at the same instant (Priority::Acquire) wins.
    request.patience = sim_.schedule(now + patience, Priority::Arrival, patience_kind_, id);
    request.has_patience = true;
  }
  line_.push(request);
  note_queue_length();
  emit(ResourceEvent::Enqueue, client, id, amount, 0.0);
  // Under QueueDiscipline::Priority the new request may now be the front, and fit.
  schedule_grants();
  return id;
}

void Resource::cancel_request(RequestId id) {
  if (!cancel_if_waiting(id)) {
    throw UsageError(quoted(name_) + "cancel_request(#" + std::to_string(id) +
                     "): the request is not waiting (it was granted, reneged or cancelled, or never made)");
  }
}

bool Resource::cancel_if_waiting(RequestId id) {
  const std::optional<WaitingRequest> removed = line_.remove(id);
  if (!removed) return false;
  const WaitingRequest& request = *removed;
  if (request.has_patience && sim_.is_pending(request.patience)) sim_.cancel(request.patience);
  ++cancellations_;
  note_queue_length();
  emit(ResourceEvent::Cancel, request.client, id, request.amount, sim_.now() - request.since);
  schedule_grants();  // the front may have left, and the next one may fit
  return true;
}

void Resource::release(std::uint64_t client, std::int64_t amount) {
  const std::int64_t held = amount > 0 ? holdings_.subtract(client, amount) : 0;  // takes only if held
  if (amount <= 0 || amount > held) {
    throw UsageError(quoted(name_) + "release(client " + std::to_string(client) + ", amount " + std::to_string(amount) +
                     "): " +
                     (amount <= 0 ? std::string("the amount must be at least 1")
                                  : "the client holds only " + std::to_string(held) + " unit(s)"));
  }
  in_use_ -= amount;
  in_use_stat_.update(sim_.now(), static_cast<double>(in_use_));
  emit(ResourceEvent::Release, client, 0, amount, 0.0);
  schedule_grants();
}

void Resource::set_capacity(std::int64_t capacity) {
  if (capacity < 0) {
    throw UsageError(quoted(name_) + "set_capacity(" + std::to_string(capacity) + "): a capacity must be 0 or more");
  }
  capacity_ = capacity;
  peak_capacity_ = std::max(peak_capacity_, capacity);
  capacity_stat_.update(sim_.now(), static_cast<double>(capacity));
  emit(ResourceEvent::CapacityChange, 0, 0, 0, 0.0);
  schedule_grants();
}

void Resource::announce_capacity(std::int64_t capacity) {
  if (capacity < 0) {
    throw UsageError(quoted(name_) + "announce_capacity(" + std::to_string(capacity) +
                     "): a capacity must be 0 or more");
  }
  peak_capacity_ = std::max(peak_capacity_, capacity);
}

void Resource::schedule_grants() {
  // One pending grant event at a time; it serves every request that fits when it fires,
  // after all releases and capacity changes at this time (they have higher priority).
  if (grant_pending_ || line_.empty() || !fits(line_.front().amount)) return;
  sim_.schedule(sim_.now(), Priority::Acquire, grant_kind_);
  grant_pending_ = true;
}

void Resource::grant_waiting() {
  grant_pending_ = false;
  // Strictly from the front: a front request that does not fit blocks the rest, which
  // keeps large requests from starving behind a stream of small ones.
  while (!line_.empty() && fits(line_.front().amount)) {
    const WaitingRequest request = line_.pop_front();
    if (request.has_patience && sim_.is_pending(request.patience)) sim_.cancel(request.patience);
    take(request.client, request.amount);
    ++queued_grants_;
    const Time waited = sim_.now() - request.since;
    waiting_times_.add(waited);
    note_queue_length();
    emit(ResourceEvent::Grant, request.client, request.id, request.amount, waited);
    on_grant_(request.client);  // may release, acquire or cancel; the loop re-reads the state
  }
}

void Resource::on_patience_expired(RequestId id) {
  // A granted or cancelled request had its timer cancelled, so `id` is still waiting.
  const WaitingRequest request = line_.remove(id).value();
  ++reneges_;
  note_queue_length();
  emit(ResourceEvent::Renege, request.client, id, request.amount, sim_.now() - request.since);
  schedule_grants();
  if (on_renege_) on_renege_(request.client);
}

void Resource::reset_statistics() {
  const Time now = sim_.now();
  in_use_stat_.reset(now);
  queue_stat_.reset(now);
  capacity_stat_.reset(now);
  waiting_times_.clear();
  queued_grants_ = immediate_grants_ = refusals_ = reneges_ = cancellations_ = 0;
}

void Resource::emit(ResourceEvent event, std::uint64_t client, RequestId request, std::int64_t amount,
                    Time waited) const {
  if (recorder_ == nullptr) return;
  ResourceRecord r;
  r.time = sim_.now();
  r.resource = name_;
  r.event = event;
  r.client = client;
  r.request = request;
  r.amount = amount;
  r.waited = waited;
  r.in_use = in_use_;
  r.capacity = capacity_;
  r.queue_length = line_.size();
  recorder_->record(r);
}

}  // namespace caresim::engine
