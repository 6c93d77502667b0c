#include "engine/core/simulator.hpp"

#include <cmath>
#include <limits>
#include <sstream>

#include "engine/core/error.hpp"

namespace caresim::engine {

void Simulator::reject_empty_handler(const std::string& name) {
  throw UsageError("define_event(\"" + name + "\"): the handler is empty");
}

EventKind Simulator::add_kind(std::string name, Invoker invoker, OwnedHandler owned) {
  // Room first, so the three pushes below cannot throw and leave the tables out of step.
  if (invokers_.size() == invokers_.capacity()) {
    const std::size_t room = 2 * invokers_.size() + 8;
    invokers_.reserve(room);
    names_.reserve(room);
    owned_handlers_.reserve(room);
  }
  invokers_.push_back(invoker);
  names_.push_back(std::move(name));
  owned_handlers_.push_back(std::move(owned));
  return static_cast<EventKind>(invokers_.size() - 1);
}

const std::string& Simulator::event_name(EventKind kind) const {
  if (kind >= names_.size()) throw UsageError("event kind " + std::to_string(kind) + " was never defined");
  return names_[kind];
}

void Simulator::reject_schedule(Time at, Priority priority, EventKind kind) const {
  if (kind >= names_.size()) {
    throw UsageError("schedule: event kind " + std::to_string(kind) + " was never defined (" +
                     std::to_string(names_.size()) + " kinds are)");
  }
  if (!std::isfinite(at) || at < now_) {
    std::ostringstream msg;
    msg.precision(17);
    msg << "schedule \"" << names_[kind] << "\" at t=" << at << " days: ";
    if (!std::isfinite(at))
      msg << "the time is not finite";
    else
      msg << "that is before the current time t=" << now_ << "; events can only be scheduled at or after now";
    throw UsageError(msg.str());
  }
  throw UsageError("schedule: priority " + std::to_string(static_cast<unsigned>(priority)) + " is not a Priority");
}

bool Simulator::is_pending(EventHandle handle) const {
  return queue_.is_pending(handle.slot, handle.generation);
}

void Simulator::cancel(EventHandle handle) {
  if (!queue_.cancel(handle.slot, handle.generation)) {
    throw UsageError("cancel: the event of slot " + std::to_string(handle.slot) + ", generation " +
                     std::to_string(handle.generation) + ", is not pending (it has already fired or been cancelled)");
  }
}

Time Simulator::next_time() {
  const Event* e = queue_.peek();  // the queue drops cancelled events at its front
  return e == nullptr ? std::numeric_limits<Time>::infinity() : e->time;
}

void Simulator::run_until(Time until) {
  if (!(until >= now_)) {
    std::ostringstream msg;
    msg.precision(17);
    msg << "run_until(" << until << "): the target time is before the current time t=" << now_;
    throw UsageError(msg.str());
  }
  while (next_time() <= until) step();
  now_ = until;
}

void Simulator::run() {
  while (step()) {
  }
}

}  // namespace caresim::engine
