// Phased capacities: every step after day 0 becomes a CapacityChange event that sets the
// engine Resource (or hub state) to the value the parameters give at that time. A hub's
// capacities are 0 until it opens, so its opening is a step of every one of them.
#include <algorithm>

#include "models/counts.hpp"
#include "models/model_state.hpp"

namespace caresim::model {

void ModelState::capacity_record(CapacityKind kind, int facility, double value) {
  capacities.record(CapacityRecord{sim.now(), kind, facility, value});
}

void ModelState::schedule_capacity_steps() {
  const double horizon = p.run.horizon_days;
  auto add = [&](const Phased& ph, CapacityKind kind, int facility) {
    for (const auto& s : ph.steps) {
      if (s.first > 0 && s.first < horizon) steps_.push_back(CapacityStep{s.first, kind, facility});
    }
  };
  for (std::size_t h = 0; h < p.hospitals.size(); ++h) {
    add(p.hospitals[h].beds, CapacityKind::HospitalBeds, static_cast<int>(h));
    add(p.hospitals[h].outside_patients, CapacityKind::HospitalBeds, static_cast<int>(h));
    add(p.hospitals[h].community_ward_beds, CapacityKind::CommunityWardBeds, static_cast<int>(h));
  }
  for (std::size_t m = 0; m < p.housing.size(); ++m) {
    add(p.housing[m].group_home_places, CapacityKind::GroupHomePlaces, static_cast<int>(m));
    add(p.housing[m].group_home_trial_slots, CapacityKind::GroupHomeTrial, static_cast<int>(m));
    add(p.housing[m].supported_housing_places, CapacityKind::SupportedHousing, static_cast<int>(m));
  }
  int site = 0;
  for (std::size_t k = 0; k < p.hubs.size(); ++k) {
    const Hub& hub = p.hubs[k];
    if (hub.open_day > 0 && hub.open_day < horizon)
      steps_.push_back(CapacityStep{hub.open_day, CapacityKind::HubOpen, static_cast<int>(k)});
    add(hub.coordinators, CapacityKind::Coordinators, static_cast<int>(k));
    add(hub.transition_places, CapacityKind::TransitionPlaces, static_cast<int>(k));
    for (const HubSite& s : hub.sites) {
      add(s.crisis_beds, CapacityKind::CrisisBeds, site);
      add(s.trial_slots, CapacityKind::HubTrial, site);
      ++site;
    }
  }
  std::stable_sort(steps_.begin(), steps_.end(),
                   [](const CapacityStep& a, const CapacityStep& b) { return a.day < b.day; });
  for (std::size_t i = 0; i < steps_.size(); ++i) {
    sim.schedule(steps_[i].day, engine::Priority::CapacityChange, ev_capacity_, i);
  }
}

void ModelState::apply_capacity(std::uint64_t step) {
  const CapacityStep s = steps_[step];
  const double t = sim.now();
  auto set = [&](engine::Resource& r, double value, CapacityKind kind, int facility) {
    const std::int64_t before = r.capacity();
    r.set_capacity(capacity_units(value, r.name()));
    capacity_record(kind, facility, static_cast<double>(r.capacity()));
    return r.capacity() > before;
  };
  switch (s.kind) {
    case CapacityKind::HospitalBeds: {
      const Hospital& h = p.hospitals[static_cast<std::size_t>(s.facility)];
      if (set(*beds_[static_cast<std::size_t>(s.facility)], h.beds.at(t) - h.outside_patients.at(t), s.kind,
              s.facility))
        bed_freed();
      break;
    }
    case CapacityKind::CommunityWardBeds: {
      const Hospital& h = p.hospitals[static_cast<std::size_t>(s.facility)];
      if (set(*ward_beds_[static_cast<std::size_t>(s.facility)], h.community_ward_beds.at(t), s.kind, s.facility))
        bed_freed();
      break;
    }
    case CapacityKind::GroupHomePlaces:
      set(*group_homes_[static_cast<std::size_t>(s.facility)],
          p.housing[static_cast<std::size_t>(s.facility)].group_home_places.at(t), s.kind, s.facility);
      break;
    case CapacityKind::GroupHomeTrial:
      set(*gh_trials_[static_cast<std::size_t>(s.facility)],
          p.housing[static_cast<std::size_t>(s.facility)].group_home_trial_slots.at(t), s.kind, s.facility);
      break;
    case CapacityKind::SupportedHousing:
      set(*supported_[static_cast<std::size_t>(s.facility)],
          p.housing[static_cast<std::size_t>(s.facility)].supported_housing_places.at(t), s.kind, s.facility);
      break;
    case CapacityKind::CrisisBeds:
    case CapacityKind::HubTrial: {
      const int k = site_hub_[static_cast<std::size_t>(s.facility)];
      if (!hub_is_open_[static_cast<std::size_t>(k)]) break;  // applied when the hub opens
      int first = 0;
      while (site_hub_[static_cast<std::size_t>(first)] != k) ++first;
      const HubSite& site = p.hubs[static_cast<std::size_t>(k)].sites[static_cast<std::size_t>(s.facility - first)];
      if (s.kind == CapacityKind::CrisisBeds)
        set(*crisis_beds_[static_cast<std::size_t>(s.facility)], site.crisis_beds.at(t), s.kind, s.facility);
      else
        set(*hub_trials_[static_cast<std::size_t>(s.facility)], site.trial_slots.at(t), s.kind, s.facility);
      break;
    }
    case CapacityKind::Coordinators:
      if (!hub_is_open_[static_cast<std::size_t>(s.facility)]) break;
      coordinators_[static_cast<std::size_t>(s.facility)] =
          p.hubs[static_cast<std::size_t>(s.facility)].coordinators.at(t);
      capacity_record(s.kind, s.facility, coordinators_[static_cast<std::size_t>(s.facility)]);
      break;
    case CapacityKind::TransitionPlaces:
      if (!hub_is_open_[static_cast<std::size_t>(s.facility)]) break;
      set(*transition_places_[static_cast<std::size_t>(s.facility)],
          p.hubs[static_cast<std::size_t>(s.facility)].transition_places.at(t), s.kind, s.facility);
      break;
    case CapacityKind::HubOpen: {
      const auto k = static_cast<std::size_t>(s.facility);
      const Hub& hub = p.hubs[k];
      hub_is_open_[k] = true;
      capacity_record(CapacityKind::HubOpen, s.facility, 1);
      coordinators_[k] = hub.coordinators.at(t);
      capacity_record(CapacityKind::Coordinators, s.facility, coordinators_[k]);
      set(*transition_places_[k], hub.transition_places.at(t), CapacityKind::TransitionPlaces, s.facility);
      for (std::size_t g = 0, local = 0; g < site_hub_.size(); ++g) {
        if (site_hub_[g] != s.facility) continue;
        set(*crisis_beds_[g], hub.sites[local].crisis_beds.at(t), CapacityKind::CrisisBeds, static_cast<int>(g));
        set(*hub_trials_[g], hub.sites[local].trial_slots.at(t), CapacityKind::HubTrial, static_cast<int>(g));
        ++local;
      }
      break;
    }
  }
}

}  // namespace caresim::model
