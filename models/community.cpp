// Life in the community: new people arriving, exits (death, elderly care, moving away),
// the 65th birthday, a carer's illness or death (親亡き後), and group home -> own home.
// Each person has at most one pending event per process; refresh() redraws them all from
// the person's own streams whenever the place (and so the hazards) changes, and a step of
// a phased rate redraws those whose hazard it changes (rate_steps.cpp).
#include <boost/random/exponential_distribution.hpp>
#include <cmath>

#include "models/community_ward.hpp"
#include "models/model_state.hpp"

namespace caresim::model {

void ModelState::refresh(Person& who) {
  reschedule_crisis(who);
  reschedule_exit(who);
  reschedule_carer(who);
  reschedule_move_out(who);
}

void ModelState::schedule_arrival(int municipality) {
  const Municipality& mu = p.municipalities[static_cast<std::size_t>(municipality)];
  const double per_day = p.population.arrivals_per_100k_year.at(sim.now()) * mu.population / 100000.0 / 365.25;
  if (mu.outside_region || per_day <= 0) return;
  auto& stream = arrival_streams_[static_cast<std::size_t>(municipality)];
  const double t = sim.now() + boost::random::exponential_distribution<double>(per_day)(stream);
  if (t < p.run.horizon_days) {
    arrival_pending_[static_cast<std::size_t>(municipality)] =
        sim.schedule(t, engine::Priority::Arrival, ev_arrival_, static_cast<std::uint64_t>(municipality));
  }
}

void ModelState::on_arrival(std::uint64_t municipality) {
  const int m = static_cast<int>(municipality);
  arrival_pending_[municipality] = Handle{};
  Person& who = new_person(m, p.population.arrival_share_65plus, p.population.arrival_share_alone);
  who.has_home = true;
  enter(who, Place::Home, -1, Cause::NewPerson);
  if (chance(who, Draw::Crisis, p.population.p_arrival_crisis.at(sim.now()))) respond_to_crisis(who, false);
  schedule_arrival(m);
}

void ModelState::reschedule_exit(Person& who) {
  cancel(who.pending(Process::Exit));
  if (!who.present) return;
  const double rate = exit_rate(who, who.senior(sim.now()), sim.now());  // per year
  if (rate <= 0) return;
  const double t = sim.now() + exp1(who, Draw::Exit) * 365.25 / rate;
  if (t <= p.run.horizon_days)
    who.pending(Process::Exit) = sim.schedule(t, engine::Priority::Release, ev_exit_, who.id);
}

void ModelState::on_exit(std::uint64_t id) {
  Person& who = people_[id];
  who.pending(Process::Exit) = Handle{};
  if (in_hospital(who.place)) {
    leave_model(who, Cause::Death);
    return;
  }
  const CommunityParams& c = p.community;
  const double t = sim.now();
  const bool senior = who.senior(t);
  const double w[3] = {community_death_rate(who, senior, t), senior ? c.elderly_care_rate_65plus.at(t) : 0.0,
                       c.move_away_rate.at(t)};
  static constexpr Cause kCause[3] = {Cause::Death, Cause::ElderlyCare, Cause::MovedAway};
  leave_model(who, kCause[pick(who, Draw::Exit, w, 3)]);
}

void ModelState::leave_model(Person& who, Cause cause) {
  if (who.in_programme()) end_programme(who, false);
  who.referred = false;
  if (who.blocked) end_blocked(who);
  if (who.in_hospital_queue) leave_hospital_queue(who, false);
  if (who.group_home_list >= 0) leave_group_home_list(who, false);
  withdraw_support_request(who);
  end_group_home_hold(who);
  release_all_support(who);
  for (Handle& h : who.events) cancel(h);
  if (who.holds_trial) on_trial_end(who.id);
  const Place from = who.place;
  const int facility = who.facility;
  move(who, MoveKind::Exit, Place::Outside, -1, cause);
  release_place(who, from, facility);
  if (from == Place::CrisisStay) release_place(who, who.return_place, who.return_facility);
  who.present = false;
  ++exited_;
}

void ModelState::release_place(Person& who, Place place, int facility) {
  // A community-care ward stay ends: its days count toward the cap over the next year.
  if (place == Place::CommunityWard) note_ward_spell(who.ward_spells, who.admitted_at, sim.now(), sim.now(), 365.0);
  FacilityId f{};
  if (!facilities.hosts(place, facility, f)) return;  // home, outside, or a bed elsewhere (not a capacity of the model)
  resource(f).release(who.id);
  if (facilities[f].group == kHospitalGroup) bed_freed();
}

void ModelState::schedule_birthday(Person& who) {
  const double t = who.birth + 65.0 * 365.25;
  if (t > sim.now() && t <= p.run.horizon_days) {
    who.pending(Process::Birthday) = sim.schedule(t, engine::Priority::Arrival, ev_birthday_, who.id);
  }
}

void ModelState::on_birthday(std::uint64_t id) {
  Person& who = people_[id];
  who.pending(Process::Birthday) = Handle{};
  // Turning 65 changes the death and carer hazards and opens elderly care.
  reschedule_exit(who);
  reschedule_carer(who);
}

void ModelState::reschedule_carer(Person& who) {
  cancel(who.pending(Process::Carer));
  const bool with_carers_at_home = who.place == Place::Home || who.place == Place::SupportedHousing;
  if (!who.present || who.alone || !(with_carers_at_home || in_hospital(who.place))) return;
  const double rate = carer_rate(who.senior(sim.now()), sim.now());
  if (rate <= 0) return;
  const double t = sim.now() + exp1(who, Draw::Carer) * 365.25 / rate;
  if (t <= p.run.horizon_days)
    who.pending(Process::Carer) = sim.schedule(t, engine::Priority::Arrival, ev_carer_, who.id);
}

void ModelState::on_carer_loss(std::uint64_t id) {
  Person& who = people_[id];
  who.pending(Process::Carer) = Handle{};
  who.alone = true;
  if (in_hospital(who.place)) {
    lose_home(who);  // 親亡き後 during the stay: the family home no longer has anyone to return to
    return;
  }
  if (chance(who, Draw::Carer, p.crisis.p_apply_group_home_alone.at(sim.now()))) join_group_home_list(who, false);
  respond_to_crisis(who, true);
}

void ModelState::reschedule_move_out(Person& who) {
  cancel(who.pending(Process::MoveOut));
  if (!who.present || who.place != Place::GroupHome) return;
  const double rate = p.community.group_home_move_out_rate.at(sim.now());
  if (rate <= 0) return;
  const double t = sim.now() + exp1(who, Draw::MoveOut) * 365.25 / rate;
  if (t <= p.run.horizon_days)
    who.pending(Process::MoveOut) = sim.schedule(t, engine::Priority::Release, ev_move_out_, who.id);
}

void ModelState::on_move_out(std::uint64_t id) {
  Person& who = people_[id];
  who.pending(Process::MoveOut) = Handle{};
  if (who.support_request_kind >= 0) return;  // already waiting for 自立生活援助 to move
  // Living alone after a group home needs 自立生活援助 where the municipality offers it: the
  // move waits on its caseload line (after inpatients) for a place.
  const SupportKind k = SupportKind::IndependentLiving;
  if (offers_support(who.municipality, k) && !(who.packages & package_bit(k)) &&
      !take_or_queue_support(who, k, kCommunityListPriority))
    return;  // queued after inpatients; the grant moves the person
  leave_group_home_for_home(who);
}

void ModelState::leave_group_home_for_home(Person& who) {
  const int facility = who.facility;
  move(who, MoveKind::Move, Place::Home, -1, Cause::MoveOut);
  release_place(who, Place::GroupHome, facility);
  who.has_home = true;
  who.alone = true;
  refresh(who);
}

}  // namespace caresim::model
