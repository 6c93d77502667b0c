#include "engine/stats/warmup_cutoff.hpp"

#include <cmath>
#include <sstream>
#include <utility>

#include "engine/core/error.hpp"

namespace caresim::engine {

WarmupCutoff::WarmupCutoff(Simulator& sim, Time at) : at_(at), scheduled_(true) {
  if (!std::isfinite(at) || at < sim.now()) {
    std::ostringstream msg;
    msg.precision(17);
    msg << "WarmupCutoff at t=" << at
        << ": the warm-up time must be finite and not before the current time t=" << sim.now();
    throw UsageError(msg.str());
  }
  const EventKind kind = sim.define_event("warm-up cut-off", [this](Simulator&, std::uint64_t) { fire(); });
  sim.schedule(at, Priority::Observe, kind);
}

WarmupCutoff::WarmupCutoff(Time at) : at_(at) {
  if (!std::isfinite(at) || at < 0) {
    std::ostringstream msg;
    msg.precision(17);
    msg << "WarmupCutoff at t=" << at << ": the warm-up time must be finite and not negative";
    throw UsageError(msg.str());
  }
}

void WarmupCutoff::fail_observe(Time now) const {
  std::ostringstream msg;
  msg.precision(17);
  msg << "WarmupCutoff::observe(t=" << now << "): this cut-off at t=" << at_
      << " is an event of its Simulator; observe() drives a cut-off made without one";
  throw UsageError(msg.str());
}

void WarmupCutoff::on_cutoff(Reset reset) {
  if (passed_) {
    std::ostringstream msg;
    msg.precision(17);
    msg << "WarmupCutoff::on_cutoff: the cut-off at t=" << at_
        << " has already passed; register resets before running past it";
    throw UsageError(msg.str());
  }
  if (!reset) throw UsageError("WarmupCutoff::on_cutoff: the reset action is empty");
  resets_.push_back(std::move(reset));
}

void WarmupCutoff::fire() {
  passed_ = true;
  for (const Reset& reset : resets_) reset(at_);
}

}  // namespace caresim::engine
