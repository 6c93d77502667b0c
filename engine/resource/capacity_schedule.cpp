#include "engine/resource/capacity_schedule.hpp"

#include <cmath>
#include <sstream>
#include <utility>

#include "engine/core/error.hpp"
#include "engine/resource/resource.hpp"

namespace caresim::engine {

CapacitySchedule::CapacitySchedule(Simulator& sim, Resource& resource, std::vector<CapacityStep> steps)
    : sim_(sim), resource_(resource), steps_(std::move(steps)) {
  for (std::size_t i = 0; i < steps_.size(); ++i) {
    const CapacityStep& s = steps_[i];
    std::ostringstream problem;
    problem.precision(17);
    if (s.capacity < 0) {
      problem << "capacity " << s.capacity << " is negative";
    } else if (!std::isfinite(s.time) || s.time < sim.now()) {
      problem << "time " << s.time << " is not finite or is before the current time t=" << sim.now();
    } else if (i > 0 && !(s.time > steps_[i - 1].time)) {
      problem << "time " << s.time << " is not after the previous step's time " << steps_[i - 1].time
              << "; steps must be in strictly increasing time order";
    }
    if (!problem.str().empty()) {
      throw UsageError("CapacitySchedule for resource \"" + resource.name() + "\": step " + std::to_string(i) + ": " +
                       problem.str());
    }
  }
  for (const CapacityStep& s : steps_) resource_.announce_capacity(s.capacity);
  if (steps_.empty()) return;
  kind_ = sim_.define_event(resource_.name() + ": capacity step", [this](Simulator&, std::uint64_t) { apply_next(); });
  sim_.schedule(steps_.front().time, Priority::CapacityChange, kind_, 0);
}

void CapacitySchedule::apply_next() {
  const CapacityStep& step = steps_[next_++];
  resource_.set_capacity(step.capacity);
  if (next_ < steps_.size()) sim_.schedule(steps_[next_].time, Priority::CapacityChange, kind_, next_);
}

}  // namespace caresim::engine
