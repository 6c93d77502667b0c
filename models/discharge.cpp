// Leaving hospital. At readiness a baseline destination is drawn from the national shares
// (home, group home, elderly facility 65+ only, transfer, other). A transfer moves the
// person to another psychiatric hospital, where the stay goes on; a community
// destination must then be available: home if the person has one, else a group-home place,
// else supported housing. With none the person stays though ready (a blocked discharge)
// and waits on a group-home list, whose freed places offer themselves in list order.
#include <cmath>

#include "models/model_state.hpp"

namespace caresim::model {

void ModelState::discharge_at_readiness(Person& who) {
  if (!in_hospital(who.place) || who.ready) return;
  const HospitalParams& hp = p.hospital;
  std::array<double, 5> w = hp.destination_mix;
  if (!who.senior(sim.now())) w[2] = 0;  // elderly welfare facilities take people aged 65+
  const int d = pick(who, Draw::Destination, w.data(), 5);
  const double los = sim.now() - who.admitted_at;
  switch (d) {
    case 2:
      leave_model(who, Cause::ElderlyCare);
      return;
    case 3:
      transfer(who);
      return;
    case 4:
      leave_model(who, Cause::OtherExit);
      return;
    default:
      break;
  }
  if (d == 0 && who.has_home) {
    const double p_support = hp.p_independent_living_after_long_stay.at(sim.now());
    if (who.alone && los >= 365.0 && chance(who, Draw::Destination, p_support)) {
      who.packages |= kIndependentLiving;  // support in place for living alone after a long stay
    }
    discharge_to(who, Place::Home, -1, Cause::Ready);
    return;
  }
  if (!place_in_community(who, Cause::Ready)) become_blocked(who);
}

bool ModelState::place_in_community(Person& who, Cause cause) {
  return try_group_home(who, cause) || try_supported_housing(who, cause);
}

bool ModelState::try_group_home(Person& who, Cause cause) {
  for (const int m : housing_order_[static_cast<std::size_t>(who.municipality)]) {
    if (travel.minutes(who.municipality, m) > p.hospital.travel_limit_min) break;
    if (take(*group_homes_[static_cast<std::size_t>(m)], who.id)) {
      discharge_to(who, Place::GroupHome, m, cause);
      return true;
    }
  }
  return false;
}

bool ModelState::try_supported_housing(Person& who, Cause cause) {
  for (const int m : housing_order_[static_cast<std::size_t>(who.municipality)]) {
    if (travel.minutes(who.municipality, m) > p.hospital.travel_limit_min) break;
    if (take(*supported_[static_cast<std::size_t>(m)], who.id)) {
      discharge_to(who, Place::SupportedHousing, m, cause);
      return true;
    }
  }
  return false;
}

void ModelState::discharge_to(Person& who, Place to, int facility, Cause cause) {
  if (who.ready) end_blocked(who);
  if (who.group_home_list >= 0) leave_group_home_list(who, false);
  if (who.programme_hub >= 0) end_programme(who, cause == Cause::Transition);
  cancel(who.readiness);
  cancel(who.review);
  cancel(who.stay_end);
  const Place from = who.place;
  const int from_facility = who.facility;
  move(who, MoveKind::Discharge, to, facility, cause);
  release_place(who, from, from_facility);
  who.last_discharge = sim.now();
  refresh(who);
}

void ModelState::transfer(Person& who) {
  const Place from = who.place;
  const int from_facility = who.facility;
  // The nearest other hospital of the scenario with a free bed, unless people wait for
  // beds (they come first); else a hospital elsewhere, which the model does not limit.
  int to = -1;
  if (hospital_queue_.empty()) {
    for (const int h : hospital_order_[static_cast<std::size_t>(who.municipality)]) {
      if ((from == Place::Hospital || from == Place::CommunityWard) && h == from_facility) continue;
      if (take(*beds_[static_cast<std::size_t>(h)], who.id)) {
        to = h;
        break;
      }
    }
  }
  move(who, MoveKind::Transfer, to >= 0 ? Place::Hospital : Place::HospitalElsewhere, to, Cause::TransferOut);
  release_place(who, from, from_facility);
  cancel(who.stay_end);   // a community-ward cap belongs to the ward left
  redraw_readiness(who);  // the stay and its length go on
}

void ModelState::become_blocked(Person& who) {
  who.ready = true;
  who.blocked_since = sim.now();
  cancel(who.readiness);
  service(who, ServiceKind::BlockedStart, who.facility);
  join_group_home_list(who, true);
}

void ModelState::end_blocked(Person& who) {
  who.ready = false;
  service(who, ServiceKind::BlockedEnd, who.facility, sim.now() - who.blocked_since);
}

void ModelState::join_group_home_list(Person& who, bool inpatient) {
  if (who.group_home_list >= 0) return;
  int list = -1;
  for (const int m : housing_order_[static_cast<std::size_t>(who.municipality)]) {
    if (travel.minutes(who.municipality, m) > p.hospital.travel_limit_min) break;
    if (p.housing[static_cast<std::size_t>(m)].group_home_places.peak() >= 1) {
      list = m;
      break;
    }
  }
  if (list < 0) return;  // no group home within reach will ever open
  who.group_home_list = list;
  who.list_since = sim.now();
  service(who, ServiceKind::GroupHomeListJoin, list, 0, inpatient);
  // hospital_first: blocked inpatients (priority 0) before community applicants (1).
  const engine::RequestId id = group_homes_[static_cast<std::size_t>(list)]->acquire(who.id, 1, inpatient ? 0 : 1);
  if (who.group_home_list == list) who.group_home_request = id;  // not granted on the spot
}

void ModelState::leave_group_home_list(Person& who, bool granted) {
  auto& gh = *group_homes_[static_cast<std::size_t>(who.group_home_list)];
  if (!granted && who.group_home_request != 0 && gh.is_waiting(who.group_home_request)) {
    gh.cancel_request(who.group_home_request);
  }
  service(who, ServiceKind::GroupHomeListLeave, who.group_home_list, sim.now() - who.list_since, granted);
  who.group_home_list = -1;
  who.group_home_request = 0;
}

void ModelState::on_group_home_grant(int municipality, std::uint64_t id) {
  Person& who = people_[id];
  if (!who.present || who.group_home_list != municipality) {
    group_homes_[static_cast<std::size_t>(municipality)]->release(id);  // a stale request
    return;
  }
  leave_group_home_list(who, true);
  if (in_hospital(who.place)) {
    discharge_to(who, Place::GroupHome, municipality, Cause::GroupHomeGrant);
  } else if (who.place == Place::Home || who.place == Place::SupportedHousing) {
    const Place from = who.place;
    const int facility = who.facility;
    move(who, MoveKind::Move, Place::GroupHome, municipality, Cause::GroupHomeGrant);
    release_place(who, from, facility);
    refresh(who);
  } else {
    // In a short stay, waiting for a bed, or already in a group home: the offer passes.
    group_homes_[static_cast<std::size_t>(municipality)]->release(id);
  }
}

}  // namespace caresim::model
