// Building the facility table: one row per capacity-holding thing, its capacity as one
// Phased value (hospital beds net of out-of-region patients, a hub's capacities 0 until it
// opens) and its names from the scenario.
#include "models/facilities.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace caresim::model {

namespace {

// beds - outside_patients at every day where either steps.
Phased net_of(const Phased& beds, const Phased& outside) {
  std::vector<double> days;
  for (const auto& s : beds.steps) days.push_back(s.first);
  for (const auto& s : outside.steps) days.push_back(s.first);
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  Phased net;
  for (const double d : days) net.steps.emplace_back(d, beds.at(d) - outside.at(d));
  return net;
}

// `ph` from `open_day` on, 0 before: the opening becomes a step of the value.
Phased from_opening(const Phased& ph, double open_day) {
  if (open_day <= 0) return ph;
  Phased opened;
  opened.steps.emplace_back(open_day, ph.at(open_day));
  for (const auto& s : ph.steps) {
    if (s.first > open_day) opened.steps.push_back(s);
  }
  return opened;
}

}  // namespace

FacilityTable::FacilityTable(const Parameters& params) {
  const CostParams& cost = params.cost;
  auto add = [this](Facility f) {
    const FacilityId id{static_cast<std::uint32_t>(rows_.size())};
    rows_.push_back(std::move(f));
    return id;
  };
  auto town = [&params](int m) {
    return m >= 0 && static_cast<std::size_t>(m) < params.municipalities.size()
               ? params.municipalities[static_cast<std::size_t>(m)]
               : Municipality{};
  };
  for (std::size_t h = 0; h < params.hospitals.size(); ++h) {
    const Hospital& hospital = params.hospitals[h];
    const int i = static_cast<int>(h);
    const std::string ja = hospital.name.empty() ? hospital.id : hospital.name;
    hospital_.push_back(
        add({CapacityKind::HospitalBeds, Owner::Hospital, i, hospital.municipality, -1, hospital.id,
             hospital.id + ": psychiatric beds", ja + " 精神病床", net_of(hospital.beds, hospital.outside_patients),
             Place::Hospital, kHospitalGroup, cost.general_bed_day_yen(), false}));
    add({CapacityKind::CommunityWardBeds, Owner::Hospital, i, hospital.municipality, -1,
         hospital.id + "/community-ward", hospital.id + ": psychiatric community-care ward",
         ja + " 精神科地域包括ケア病棟", hospital.community_ward_beds, Place::CommunityWard, kHospitalGroup,
         cost.community_ward_day_yen(), false});
  }
  for (std::size_t m = 0; m < params.municipalities.size(); ++m) {
    const Municipality& mu = params.municipalities[m];
    const Housing& housing = params.housing.size() > m ? params.housing[m] : Housing{};
    const int i = static_cast<int>(m);
    municipality_.push_back(add({CapacityKind::GroupHomePlaces, Owner::Municipality, i, i, -1, mu.id + "/group-home",
                                 mu.id + ": group homes", mu.name + " グループホーム", housing.group_home_places,
                                 Place::GroupHome, kGroupHomeGroup, cost.units_group_home_day, true}));
    add({CapacityKind::GroupHomeTrial, Owner::Municipality, i, i, -1, mu.id + "/group-home-trial",
         mu.id + ": group-home trial stays", mu.name + " グループホーム体験利用", housing.group_home_trial_slots,
         Place::Outside, kNoGroup, cost.units_group_home_trial_day, false});
    add({CapacityKind::SupportedHousing, Owner::Municipality, i, i, -1, mu.id + "/supported-housing",
         mu.id + ": supported housing", mu.name + " 居住サポート住宅", housing.supported_housing_places,
         Place::SupportedHousing, kNoGroup, 0, true});
    add({CapacityKind::IndependentLivingCaseload, Owner::Municipality, i, i, -1, mu.id + "/independent-living",
         mu.id + ": independent-living support", mu.name + " 自立生活援助", housing.independent_living_caseload,
         Place::Outside, kNoGroup, cost.units_independent_living, true});
    add({CapacityKind::SettlementCaseload, Owner::Municipality, i, i, -1, mu.id + "/settlement",
         mu.id + ": community settlement support", mu.name + " 地域定着支援", housing.settlement_caseload,
         Place::Outside, kNoGroup, cost.units_settlement, true});
    add({CapacityKind::HomeNursingCaseload, Owner::Municipality, i, i, -1, mu.id + "/home-nursing",
         mu.id + ": psychiatric home nursing", mu.name + " 精神科訪問看護", housing.home_nursing_caseload,
         Place::Outside, kNoGroup, cost.home_nursing_month_yen(), true});
    add({CapacityKind::TransitionCaseload, Owner::Municipality, i, i, -1, mu.id + "/transition",
         mu.id + ": transition support", mu.name + " 地域移行支援", housing.transition_caseload, Place::Outside,
         kTransitionGroup, cost.units_transition, false});
  }
  int site_index = 0;
  for (std::size_t k = 0; k < params.hubs.size(); ++k) {
    const Hub& hub = params.hubs[k];
    const int i = static_cast<int>(k);
    const int home = hub.sites.empty() ? -1 : hub.sites.front().municipality;
    hub_.push_back(add({CapacityKind::Coordinators, Owner::Hub, i, home, i, hub.id + "/coordinators",
                        hub.id + ": hub coordinators", hub.display_name() + " 拠点コーディネーター",
                        from_opening(hub.coordinators, hub.open_day), Place::Outside, kNoGroup,
                        cost.units_coordinator_claim, false}));
    add({CapacityKind::TransitionPlaces, Owner::Hub, i, home, i, hub.id + "/transition",
         hub.id + ": transition programmes", hub.display_name() + " 地域移行支援",
         from_opening(hub.transition_places, hub.open_day), Place::Outside, kTransitionGroup, cost.units_transition,
         false});
    for (std::size_t s = 0; s < hub.sites.size(); ++s) {
      const HubSite& site = hub.sites[s];
      const std::string key = hub.id + "/" + (site.id.empty() ? "site-" + std::to_string(s) : site.id);
      const std::string where = " (" + town(site.municipality).name + ")";
      site_.push_back(add({CapacityKind::CrisisBeds, Owner::Site, site_index, site.municipality, i, key,
                           key + ": crisis short stay", hub.display_name() + " 緊急短期入所" + where,
                           from_opening(site.crisis_beds, hub.open_day), Place::CrisisStay, kCrisisBedGroup,
                           cost.units_short_stay_day, false}));
      add({CapacityKind::HubTrial, Owner::Site, site_index, site.municipality, i, key + "/trial", key + ": trial stays",
           hub.display_name() + " 体験の機会" + where, from_opening(site.trial_slots, hub.open_day), Place::Outside,
           kNoGroup, 0, false});
      ++site_index;
    }
  }
}

FacilityId FacilityTable::add(Facility row) {
  const std::string where = "facility table: row '" + row.id + "' added by a service: ";
  if (row.kind != CapacityKind::Registered || row.kind_name.empty())
    throw std::invalid_argument(where + "its kind must be CapacityKind::Registered with a kind_name");
  if (row.group != kNoGroup || row.place != Place::Outside)
    throw std::invalid_argument(where + "it must host no place and count in no occupancy group");
  for (const Facility& f : rows_)
    if (f.id == row.id) throw std::invalid_argument(where + "the id is taken; ids must be unique");
  const FacilityId id{static_cast<std::uint32_t>(rows_.size())};
  rows_.push_back(std::move(row));
  return id;
}

bool FacilityTable::hosts(Place place, int local, FacilityId& out) const {
  if (local < 0) return false;
  auto within = [local](const std::vector<FacilityId>& first) {
    return static_cast<std::size_t>(local) < first.size();
  };
  switch (place) {
    case Place::Hospital:
      if (!within(hospital_)) return false;
      out = beds(local);
      return true;
    case Place::CommunityWard:
      if (!within(hospital_)) return false;
      out = ward(local);
      return true;
    case Place::GroupHome:
      if (!within(municipality_)) return false;
      out = group_home(local);
      return true;
    case Place::SupportedHousing:
      if (!within(municipality_)) return false;
      out = supported_housing(local);
      return true;
    case Place::CrisisStay:
      if (!within(site_)) return false;
      out = crisis_beds(local);
      return true;
    case Place::Outside:
    case Place::Home:
    case Place::HospitalElsewhere:
      break;
  }
  return false;
}

}  // namespace caresim::model
