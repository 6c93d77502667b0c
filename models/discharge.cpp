// Leaving hospital. Clinical readiness is not enough: the conditions for leaving must be
// met too, each a modelled fact. A long-stay inpatient first needs a plan (hospital
// discharge planning, or a transition programme). Then a baseline destination is drawn
// from the national shares (home, group home, elderly facility 65+ only, transfer, other).
// A transfer moves the person to another psychiatric hospital, where the stay goes on; a
// community destination must then be available: a home that will take the person back
// (the family's acceptance and a tenancy erode during the stay, stay.cpp) with the support
// they need there (support.cpp), else a group-home place, else supported housing. With none
// the person stays though ready (a blocked discharge, with its reason) and waits on every
// group-home and supported-housing list within reach at once (and on the support caseload
// line): the first place that frees is theirs, and the other requests are withdrawn.
#include <algorithm>
#include <cmath>
#include <limits>

#include "models/model_state.hpp"

namespace caresim::model {

void ModelState::discharge_at_readiness(Person& who) {
  if (!in_hospital(who.place) || who.blocked) return;
  if (who.held_group_home >= 0) {  // the group home kept the place: back to it
    discharge_to(who, Place::GroupHome, who.held_group_home, Cause::Ready);
    return;
  }
  const HospitalParams& hp = p.hospital;
  const double los = sim.now() - who.admitted_at;
  // A long stay needs a plan before anything is arranged: hospital discharge planning makes
  // one now or at a later review, or a transition programme is the plan.
  if (los >= 365.0 && !who.has_plan && !who.in_programme()) {
    if (!chance(who, Draw::Plan, hp.p_plan_at_review.at(sim.now()))) {
      become_blocked(who, BlockReason::NoPlan);
      return;
    }
    who.has_plan = true;
  }
  // The destination chosen at the planning conference, else drawn now.
  int d = who.planned_destination;
  who.planned_destination = -1;
  if (d < 0) {
    std::array<double, 5> w = hp.destination_mix;
    if (!who.senior(sim.now())) w[2] = 0;  // elderly welfare facilities take people aged 65+
    d = pick(who, Draw::Destination, w.data(), 5);
  }
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
    go_home(who, Cause::Ready, false);
    return;
  }
  // Here d == 0 means home was drawn but there is none that will take the person back.
  const BlockReason reason = d == 0 ? BlockReason::NoHome : BlockReason::GroupHome;
  // The application for a place is made now, unless the planning conference made it (its
  // arrangements then run since that day). A free place is taken; with none the person
  // waits on every list in reach, with the position of the application's day.
  apply_for_place(who);
  if (!take_place_to_arrange(who)) become_blocked(who, reason);
}

void ModelState::apply_for_place(Person& who) {
  if (who.applied_at != Person::kNever) return;
  who.applied_at = sim.now();
  who.arranged_at = sim.now() + p.hospital.place_arrangement_days;
}

bool ModelState::take_place_to_arrange(Person& who) {
  for (const bool supported_housing : {false, true}) {
    for (const int m : housing_order_[static_cast<std::size_t>(who.municipality)]) {
      if (travel.minutes(who.municipality, m) > p.hospital.travel_limit_min) break;
      if (take(housing_list(m, supported_housing), who.id)) {
        take_found_place(who, m, supported_housing, Cause::Ready);
        return true;
      }
    }
  }
  return false;
}

void ModelState::take_found_place(Person& who, int municipality, bool supported_housing, Cause cause) {
  if (who.arranged_at <= sim.now()) {
    discharge_to(who, supported_housing ? Place::SupportedHousing : Place::GroupHome, municipality, cause);
    return;
  }
  // The arrangements are not done: the place is kept and the person, ready, waits for them.
  reserve_place(who, municipality, supported_housing);
  if (!who.blocked)
    become_blocked(who, who.planned_destination == 1 || who.has_home ? BlockReason::GroupHome : BlockReason::NoHome);
}

bool ModelState::place_in_community(Person& who, Cause cause) {
  return try_group_home(who, cause) || try_supported_housing(who, cause);
}

bool ModelState::try_group_home(Person& who, Cause cause) {
  for (const int m : housing_order_[static_cast<std::size_t>(who.municipality)]) {
    if (travel.minutes(who.municipality, m) > p.hospital.travel_limit_min) break;
    if (take(resource(facilities.group_home(m)), who.id)) {
      discharge_to(who, Place::GroupHome, m, cause);
      return true;
    }
  }
  return false;
}

bool ModelState::try_supported_housing(Person& who, Cause cause) {
  for (const int m : housing_order_[static_cast<std::size_t>(who.municipality)]) {
    if (travel.minutes(who.municipality, m) > p.hospital.travel_limit_min) break;
    if (take(resource(facilities.supported_housing(m)), who.id)) {
      discharge_to(who, Place::SupportedHousing, m, cause);
      return true;
    }
  }
  return false;
}

void ModelState::discharge_to(Person& who, Place to, int facility, Cause cause) {
  if (who.blocked) end_blocked(who);
  if (who.group_home_list >= 0) leave_group_home_list(who, false);
  withdraw_support_request(who);
  if (who.held_group_home >= 0) {
    // Going back to the kept place keeps its unit; any other destination gives it back.
    cancel(who.pending(Process::GroupHomeHold));
    if (to != Place::GroupHome || facility != who.held_group_home)
      release_place(who, Place::GroupHome, who.held_group_home);
    who.held_group_home = -1;
  }
  if (who.held_supported_housing >= 0) {
    cancel(who.pending(Process::GroupHomeHold));
    if (to != Place::SupportedHousing || facility != who.held_supported_housing)
      release_place(who, Place::SupportedHousing, who.held_supported_housing);
    who.held_supported_housing = -1;
  }
  if (who.arranging) {  // arrangements not finished (kept places are handled above)
    who.arranging = false;
    cancel(who.pending(Process::GroupHomeHold));
  }
  if (to == Place::GroupHome) end_home_support(who);
  if (who.in_programme()) end_programme(who, cause == Cause::Transition);
  who.referred = false;  // a referral waiting for a programme ends with the stay
  cancel(who.pending(Process::Readiness));
  cancel(who.pending(Process::Review));
  cancel(who.pending(Process::StayEnd));
  const Place from = who.place;
  const int from_facility = who.facility;
  move(who, MoveKind::Discharge, to, facility, cause);
  release_place(who, from, from_facility);
  who.last_discharge = sim.now();
  refresh(who);
  flag_for_registration(who);  // back home to carers: a household at risk
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
      if (take(resource(facilities.beds(h)), who.id)) {
        to = h;
        break;
      }
    }
  }
  move(who, MoveKind::Transfer, to >= 0 ? Place::Hospital : Place::HospitalElsewhere, to, Cause::TransferOut);
  release_place(who, from, from_facility);
  cancel(who.pending(Process::StayEnd));  // a community-ward cap belongs to the ward left
  redraw_readiness(who);                  // the stay and its length go on
}

void ModelState::become_blocked(Person& who, BlockReason reason) {
  who.blocked = true;
  who.blocked_since = sim.now();
  who.block_reason = reason;
  cancel(who.pending(Process::Readiness));
  service(who, ServiceKind::BlockedStart, who.facility, 0, false, static_cast<std::uint8_t>(reason));
  // Nothing is applied for without a plan; someone going home waits for the support there;
  // someone whose place is being arranged waits for it.
  if (reason == BlockReason::NoPlan || reason == BlockReason::Support || who.arranging) return;
  join_group_home_list(who, true);  // every group-home and supported-housing list in reach
  // No place within reach will ever open: someone with a home goes home after all (a
  // blocked stay of 0 days); someone without stays blocked (a social admission).
  if (who.group_home_list < 0 && who.has_home) go_home_after_wait(who);
}

void ModelState::go_home_after_wait(Person& who) {
  end_blocked(who);
  go_home(who, Cause::Ready, false);
}

void ModelState::lose_home(Person& who) {
  who.has_home = false;
  if (!who.blocked || who.block_reason != BlockReason::Support) return;
  // Support for living at home is no use now: what was arranged is given back.
  withdraw_support_request(who);
  release_all_support(who);
  if (who.arranging) {  // its arrangements end too
    who.arranging = false;
    cancel(who.pending(Process::GroupHomeHold));
  }
  end_blocked(who);
  become_blocked(who, BlockReason::NoHome);
}

void ModelState::end_blocked(Person& who) {
  who.blocked = false;
  service(who, ServiceKind::BlockedEnd, who.facility, sim.now() - who.blocked_since, false,
          static_cast<std::uint8_t>(who.block_reason));
}

void ModelState::join_group_home_list(Person& who, bool inpatient) {
  if (who.group_home_list >= 0 || who.in_hospital_queue) return;  // waiting for a bed: no application now
  // Every list within reach whose municipality has (or will have) places, nearest first.
  for (const int m : housing_order_[static_cast<std::size_t>(who.municipality)]) {
    if (travel.minutes(who.municipality, m) > p.hospital.travel_limit_min) break;
    const Housing& h = p.housing[static_cast<std::size_t>(m)];
    if (h.group_home_places.peak() >= 1) who.list_requests.push_back(ListRequest{0, m, false});
    if (inpatient && h.supported_housing_places.peak() >= 1) who.list_requests.push_back(ListRequest{0, m, true});
  }
  if (who.list_requests.empty()) return;  // no place within reach will ever open
  who.group_home_list = who.list_requests.front().municipality;
  who.list_since = sim.now();
  // hospital_first: blocked inpatients before community applicants; inpatients in the order
  // of the day of their application (made at readiness, or earlier at the planning
  // conference: the position kept), then first come first served; all of a person's
  // requests join at once, so on every list the longest application comes first.
  const double applied = who.applied_at != Person::kNever ? who.applied_at : sim.now();
  const int priority = inpatient ? static_cast<int>(std::floor(applied)) : kCommunityListPriority;
  for (std::size_t i = 0; i < who.list_requests.size(); ++i) {
    const ListRequest r = who.list_requests[i];
    service(who, r.supported_housing ? ServiceKind::SupportedHousingListJoin : ServiceKind::GroupHomeListJoin,
            r.municipality, applied, inpatient);
    const engine::RequestId id = housing_list(r.municipality, r.supported_housing).acquire(who.id, 1, priority);
    if (who.group_home_list < 0) return;  // granted on the spot: the lists are left already
    who.list_requests[i].id = id;
  }
}

void ModelState::leave_group_home_list(Person& who, bool granted, int municipality, bool supported_housing) {
  const double waited = sim.now() - who.list_since;
  for (const ListRequest& r : who.list_requests) {
    const bool won = granted && r.municipality == municipality && r.supported_housing == supported_housing;
    if (!won) {
      if (r.id == 0) continue;  // the grant came while joining: this list was never joined
      engine::Resource& line = housing_list(r.municipality, r.supported_housing);
      line.cancel_if_waiting(r.id);
    }
    service(who, r.supported_housing ? ServiceKind::SupportedHousingListLeave : ServiceKind::GroupHomeListLeave,
            r.municipality, waited, won);
  }
  who.list_requests.clear();
  who.group_home_list = -1;
}

bool ModelState::holds_request(const Person& who, int municipality, bool supported_housing) const {
  return who.present && std::any_of(who.list_requests.begin(), who.list_requests.end(), [&](const ListRequest& r) {
           return r.municipality == municipality && r.supported_housing == supported_housing;
         });
}

void ModelState::on_group_home_grant(int municipality, std::uint64_t id) {
  Person& who = people_[id];
  engine::Resource& homes = resource(facilities.group_home(municipality));
  if (!holds_request(who, municipality, false)) {
    homes.release(id);  // a stale request
    return;
  }
  const bool at_home = who.place == Place::Home || who.place == Place::SupportedHousing;
  if (!in_hospital(who.place) && (!at_home || who.in_hospital_queue)) {
    // In a short stay or waiting at home for a bed: this offer passes, and the person
    // leaves this list only (the other lists keep them).
    homes.release(id);
    drop_request(who, municipality, false);
    return;
  }
  leave_group_home_list(who, true, municipality, false);
  if (in_hospital(who.place)) {
    take_found_place(who, municipality, false, Cause::GroupHomeGrant);
  } else {
    const Place from = who.place;
    const int facility = who.facility;
    move(who, MoveKind::Move, Place::GroupHome, municipality, Cause::GroupHomeGrant);
    release_place(who, from, facility);
    end_home_support(who);
    refresh(who);
  }
}

void ModelState::drop_request(Person& who, int municipality, bool supported_housing) {
  for (auto it = who.list_requests.begin(); it != who.list_requests.end(); ++it) {
    if (it->municipality != municipality || it->supported_housing != supported_housing) continue;
    service(who, supported_housing ? ServiceKind::SupportedHousingListLeave : ServiceKind::GroupHomeListLeave,
            municipality, sim.now() - who.list_since, false);
    who.list_requests.erase(it);
    break;
  }
  who.group_home_list = who.list_requests.empty() ? -1 : who.list_requests.front().municipality;
}

void ModelState::on_supported_housing_grant(int municipality, std::uint64_t id) {
  Person& who = people_[id];
  engine::Resource& housing = resource(facilities.supported_housing(municipality));
  if (!holds_request(who, municipality, true)) {
    housing.release(id);  // a stale request
    return;
  }
  // Only blocked inpatients wait for supported housing, and leaving hospital leaves the lists.
  leave_group_home_list(who, true, municipality, true);
  take_found_place(who, municipality, true, Cause::Ready);
}

}  // namespace caresim::model
