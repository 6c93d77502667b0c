#include "runner/capacity_watch.hpp"

#include <algorithm>
#include <map>

namespace caresim::runner {

void CapacityWatch::Probe::record(const engine::ResourceRecord& r) {
  peak_in_use = std::max(peak_in_use, r.in_use);
  peak_capacity = std::max(peak_capacity, r.capacity);
  if ((r.capacity > 0 && r.in_use >= r.capacity) || r.queue_length > 0) bound = true;
}

void CapacityWatch::attach(model::CareModel& model) {
  const model::FacilityTable& table = model.facilities();
  const std::lock_guard lock(mutex_);
  for (std::size_t i = 0; i < table.size(); ++i) {
    const model::FacilityId f{static_cast<std::uint32_t>(i)};
    if (table[f].kind == model::CapacityKind::Coordinators) continue;  // no Resource: claims, not units
    probes_.emplace_back(f);
    model.attach(f, &probes_.back());
  }
}

std::vector<UnboundCapacity> CapacityWatch::never_bound() const {
  const std::lock_guard lock(mutex_);
  struct Merged {
    std::int64_t in_use = 0, capacity = 0;
    bool bound = false;
  };
  std::map<std::uint32_t, Merged> merged;
  for (const Probe& p : probes_) {
    Merged& m = merged[static_cast<std::uint32_t>(p.facility)];
    m.in_use = std::max(m.in_use, p.peak_in_use);
    m.capacity = std::max(m.capacity, p.peak_capacity);
    m.bound = m.bound || p.bound;
  }
  std::vector<UnboundCapacity> out;
  for (const auto& [f, m] : merged)
    if (!m.bound && m.capacity > 0) out.push_back({model::FacilityId{f}, m.in_use, m.capacity});
  return out;
}

}  // namespace caresim::runner
