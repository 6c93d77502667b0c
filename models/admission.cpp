// Admission to a psychiatric bed, decided by need (crisis.cpp triage) and never by a free
// bed: the nearest free bed within the travel limit, else a farther one, else a wait at home
// in the region-wide queue, where every hazard of home goes on (crises, carer loss, exits,
// with at least an inpatient's death hazard) and a deterioration hazard ends the wait in an
// admission out of the region through the prefectural emergency system (精神科救急医療体制),
// which also takes 措置-level crises at once when no bed is free. Also crisis short stays.
#include <algorithm>
#include <cmath>

#include "models/model_state.hpp"

namespace caresim::model {

void ModelState::admit_by_need(Person& who, Cause cause) {
  if (try_admit(who, cause)) return;
  if (who.type == AdmissionType::Administrative) {
    admit_elsewhere(who, cause);  // 措置: the prefecture finds a bed at once
    return;
  }
  join_hospital_queue(who);
}

bool ModelState::try_admit(Person& who, Cause cause) {
  const HospitalParams& hp = p.hospital;
  const auto m = static_cast<std::size_t>(who.municipality);
  // Nearest first within the travel limit; then, if allowed, farther away (ties by index).
  for (int pass = 0; pass < 2; ++pass) {
    if (pass == 1 && !hp.allow_far_placement) break;
    for (const int h : hospital_order_[m]) {
      const double minutes = travel.minutes(who.municipality, p.hospitals[static_cast<std::size_t>(h)].municipality);
      if (!std::isfinite(minutes) || (minutes > hp.travel_limit_min) != (pass == 1)) continue;
      engine::Resource& ward = resource(facilities.ward(h));
      // The community-care ward takes voluntary and 医療保護 admissions, not 措置.
      // Its cap counts ward days over the past year: someone with none left goes to a general bed.
      if (who.type != AdmissionType::Administrative && ward.capacity() > 0 &&
          ward_cap_day(who, sim.now()) > sim.now() && take(ward, who.id)) {
        admit_to(who, Place::CommunityWard, h, cause);
        return true;
      }
      if (take(resource(facilities.beds(h)), who.id)) {
        admit_to(who, Place::Hospital, h, cause);
        return true;
      }
    }
  }
  return false;
}

void ModelState::admit_elsewhere(Person& who, Cause cause) {
  admit_to(who, Place::HospitalElsewhere, -1, cause);
}

void ModelState::admit_to(Person& who, Place ward, int hospital, Cause cause) {
  if (who.in_hospital_queue) leave_hospital_queue(who, true);
  if (who.group_home_list >= 0) leave_group_home_list(who, false);
  bool out_of_region = true;
  double minutes = 0;
  if (ward != Place::HospitalElsewhere) {
    const int m = p.hospitals[static_cast<std::size_t>(hospital)].municipality;
    out_of_region = p.municipalities[static_cast<std::size_t>(m)].outside_region;
    minutes = travel.minutes(who.municipality, m);
  }
  if (out_of_region || minutes > p.hospital.travel_limit_min) {
    service(who, ServiceKind::FarPlacement, hospital, minutes, out_of_region);
  }
  const Place from = who.place;
  const int facility = who.facility;
  who.admitted_at = sim.now();
  move(who, MoveKind::Admit, ward, hospital, cause);
  // A group home keeps its resident's place for a while (a hold); a supported-housing place
  // is given up on admission (simplification).
  const Place home_place = from == Place::CrisisStay ? who.return_place : from;
  const int home_facility = from == Place::CrisisStay ? who.return_facility : facility;
  if (from == Place::CrisisStay) release_place(who, from, facility);
  if (home_place == Place::GroupHome && p.community.group_home_hold_days > 0)
    hold_group_home(who, home_facility);
  else
    release_place(who, home_place, home_facility);
  ++who.admissions;
  who.readmission = who.last_discharge != Person::kNever && sim.now() - who.last_discharge <= 365.0;
  who.blocked = false;
  on_admitted(who);
}

void ModelState::join_hospital_queue(Person& who) {
  who.in_hospital_queue = true;
  who.queue_since = sim.now();
  hospital_queue_.push_back(who.id);
  service(who, ServiceKind::HospitalQueueJoin, -1, 0, false, static_cast<std::uint8_t>(who.type));
  const double rate = p.hospital.wait_deterioration_per_day;
  if (rate > 0) {
    const double t = sim.now() + exp1(who, Draw::Waiting) / rate;
    if (t <= p.run.horizon_days)
      who.pending(Process::Deterioration) = sim.schedule(t, engine::Priority::Arrival, ev_deteriorate_, who.id);
  }
  refresh(who);  // the hazards of home go on; the death hazard is at least an inpatient's
}

void ModelState::leave_hospital_queue(Person& who, bool admitted) {
  hospital_queue_.erase(std::find(hospital_queue_.begin(), hospital_queue_.end(), who.id));
  who.in_hospital_queue = false;
  cancel(who.pending(Process::Deterioration));
  service(who, ServiceKind::HospitalQueueLeave, -1, sim.now() - who.queue_since, admitted);
}

void ModelState::on_deterioration(std::uint64_t id) {
  Person& who = people_[id];
  who.pending(Process::Deterioration) = Handle{};
  if (who.in_hospital_queue) admit_elsewhere(who, Cause::Deterioration);
}

void ModelState::bed_freed() {
  if (hospital_queue_.empty() || serve_pending_) return;
  serve_pending_ = true;
  sim.schedule(sim.now(), engine::Priority::Acquire, ev_serve_, 0);
}

void ModelState::on_serve_queue(std::uint64_t) {
  serve_pending_ = false;
  // First come first served, but a person whose acceptable hospitals are all full does not
  // block one behind who can use the freed bed.
  const std::deque<std::uint64_t> waiting = hospital_queue_;
  for (const std::uint64_t id : waiting) {
    if (!any_bed_free()) break;  // nobody further down the queue can be admitted either
    try_admit(people_[id], Cause::AdmissionQueue);
  }
}

bool ModelState::any_bed_free() {
  for (std::size_t h = 0; h < p.hospitals.size(); ++h) {
    const int i = static_cast<int>(h);
    if (resource(facilities.beds(i)).available() > 0 || resource(facilities.ward(i)).available() > 0) return true;
  }
  return false;
}

bool ModelState::start_short_stay(Person& who, int hub, double travel_limit_min) {
  const auto m = static_cast<std::size_t>(who.municipality);
  for (const int s : site_order_[m]) {
    if (hub >= 0 && facilities.site_hub(s) != hub) continue;
    if (travel.minutes(who.municipality, facilities.site_municipality(s)) > travel_limit_min) break;
    if (!take(resource(facilities.crisis_beds(s)), who.id)) continue;
    who.return_place = who.place;
    who.return_facility = who.facility;  // a group-home or housing place is kept meanwhile
    move(who, MoveKind::ShortStay, Place::CrisisStay, s, Cause::Crisis);
    const double max_days = p.hubs[static_cast<std::size_t>(facilities.site_hub(s))].max_short_stay_days;
    const double days = std::min(max_days, p.response.short_stay_mean_days * exp1(who, Draw::Response));
    who.pending(Process::StayEnd) = sim.schedule(sim.now() + days, engine::Priority::Release, ev_stay_end_, who.id);
    refresh(who);
    return true;
  }
  return false;
}

void ModelState::on_short_stay_end(std::uint64_t id) {
  Person& who = people_[id];
  who.pending(Process::StayEnd) = Handle{};
  bool needs_bed = false;
  // The crisis's severity (who.type) was drawn at triage and stays the admission type.
  if (chance(who, Draw::Response, p.response.p_admit_after_short_stay.at(sim.now()))) {
    if (try_admit(who, Cause::Crisis)) return;
    needs_bed = true;  // no bed now: home to wait in the queue
  }
  const int site = who.facility;
  move(who, MoveKind::StayEnd, who.return_place, who.return_facility, Cause::ShortStayOver);
  release_place(who, Place::CrisisStay, site);
  if (needs_bed)
    join_hospital_queue(who);
  else
    refresh(who);
}

void ModelState::hold_group_home(Person& who, int municipality) {
  who.held_group_home = municipality;
  const double t = sim.now() + p.community.group_home_hold_days;
  if (t <= p.run.horizon_days)
    who.pending(Process::GroupHomeHold) = sim.schedule(t, engine::Priority::Release, ev_hold_end_, who.id);
}

void ModelState::end_group_home_hold(Person& who) {
  who.arranging = false;
  if (who.held_supported_housing >= 0) {
    cancel(who.pending(Process::GroupHomeHold));
    release_place(who, Place::SupportedHousing, who.held_supported_housing);
    who.held_supported_housing = -1;
  }
  if (who.held_group_home < 0) return;
  cancel(who.pending(Process::GroupHomeHold));
  release_place(who, Place::GroupHome, who.held_group_home);
  who.held_group_home = -1;
}

void ModelState::reserve_place(Person& who, int municipality, bool supported_housing) {
  // The place is the person's from now and in use (it costs that capacity) while the
  // arrangements are finished; then the move (on_hold_end).
  if (supported_housing)
    who.held_supported_housing = municipality;
  else
    who.held_group_home = municipality;
  who.arranging = true;
  cancel(who.pending(Process::GroupHomeHold));
  if (who.arranged_at <= p.run.horizon_days)
    who.pending(Process::GroupHomeHold) =
        sim.schedule(std::max(who.arranged_at, sim.now()), engine::Priority::Release, ev_hold_end_, who.id);
}

void ModelState::on_hold_end(std::uint64_t id) {
  Person& who = people_[id];
  who.pending(Process::GroupHomeHold) = Handle{};
  if (who.arranging && who.blocked) {  // ready, and the move is arranged now
    who.arranging = false;
    if (who.held_supported_housing >= 0)
      discharge_to(who, Place::SupportedHousing, who.held_supported_housing, Cause::Ready);
    else if (who.held_group_home >= 0)
      discharge_to(who, Place::GroupHome, who.held_group_home, Cause::GroupHomeGrant);
    else
      discharge_to(who, Place::Home, -1, Cause::Ready);  // the support at home is arranged (support.cpp)
    return;
  }
  end_group_home_hold(who);
}

}  // namespace caresim::model
