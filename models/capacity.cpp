// Phased capacities: every step after day 0 of a facility's capacity (models/facilities.hpp)
// becomes a CapacityChange event that sets the facility's engine Resource (which records
// the change), or its hub's coordinators, to the value of that day. One list sorted by day
// (stable, so same-day steps apply in table order) keeps the order in which same-day steps,
// rate steps and month starts fire.
#include <algorithm>

#include "models/counts.hpp"
#include "models/model_state.hpp"

namespace caresim::model {

void ModelState::schedule_capacity_steps() {
  const double horizon = p.run.horizon_days;
  for (std::size_t i = 0; i < facilities.size(); ++i) {
    for (const auto& s : facilities.rows()[i].capacity.steps) {
      if (s.first > 0 && s.first < horizon)
        steps_.push_back(CapacityStep{s.first, FacilityId{static_cast<std::uint32_t>(i)}});
    }
  }
  std::stable_sort(steps_.begin(), steps_.end(),
                   [](const CapacityStep& a, const CapacityStep& b) { return a.day < b.day; });
  for (std::size_t i = 0; i < steps_.size(); ++i) {
    sim.schedule(steps_[i].day, engine::Priority::CapacityChange, ev_capacity_, i);
  }
}

void ModelState::apply_capacity(std::uint64_t step) {
  const FacilityId f = steps_[step].facility;
  const Facility& row = facilities[f];
  const double value = row.capacity.at(sim.now());
  if (row.kind == CapacityKind::Coordinators) {
    set_coordinators(row.hub, value);
    return;  // the staff reaches recorders in the month's CoordinatorRecord
  }
  engine::Resource& r = resource(f);
  const std::int64_t before = r.capacity();
  r.set_capacity(capacity_units(value, r.name()));  // the Resource records the change
  if (row.group == kHospitalGroup && r.capacity() > before) bed_freed();
}

}  // namespace caresim::model
