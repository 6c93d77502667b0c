#pragma once
// Capacity that changes over time by plan: units opened and closed on given dates,
// seasonal capacity, a pool that grows in a given year. The steps are ordinary events.
#include <cstdint>
#include <span>
#include <vector>

#include "engine/core/simulator.hpp"

namespace caresim::engine {

class Resource;

/** From `time` (days) on, the resource has `capacity` units. */
struct CapacityStep {
  Time time = 0;
  std::int64_t capacity = 0;
};

/** Applies a list of capacity steps to a Resource, each as a Priority::CapacityChange
 *  event at its time (after the releases at that time and before the grants, so a
 *  request waiting for an opening place is granted at the instant it opens).
 *
 *  Only the next step is pending on the Simulator at any time. The largest capacity of
 *  the list is announced to the Resource at construction (Resource::announce_capacity),
 *  so requests sized for a later opening are accepted before it. The schedule must
 *  outlive its last step (its event handler refers to it) and can be neither copied nor
 *  moved. */
class CapacitySchedule {
 public:
  /** Schedules `steps` on `sim` for `resource`. Throws UsageError, naming the resource
   *  and the step, if a capacity is negative, a time is not finite or before sim.now(),
   *  or the times are not strictly increasing (two steps at one time would be
   *  ambiguous). An empty list is allowed and does nothing. */
  CapacitySchedule(Simulator& sim, Resource& resource, std::vector<CapacityStep> steps);

  CapacitySchedule(const CapacitySchedule&) = delete;
  CapacitySchedule& operator=(const CapacitySchedule&) = delete;

  /** The steps, in time order. */
  std::span<const CapacityStep> steps() const { return steps_; }

  /** Number of steps already applied. */
  std::size_t applied() const { return next_; }

  /** True once every step has been applied. */
  bool done() const { return next_ == steps_.size(); }

 private:
  void apply_next();

  Simulator& sim_;
  Resource& resource_;
  std::vector<CapacityStep> steps_;
  std::size_t next_ = 0;  // index of the step pending on the Simulator
  EventKind kind_ = 0;
};

}  // namespace caresim::engine
