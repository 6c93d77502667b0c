// Phased rates and probabilities. A probability is read at the simulated time where it is
// used, so a step takes effect by itself. A rate that drives an event drawn ahead (crisis
// onset, exits, carer loss, group-home move-out, readiness, arrivals) needs more: at each
// day where any phased rate changes a rate_step event redraws, from the person's own
// stream, exactly the pending draws whose hazard changes at that day for that person.
//
// Why a redraw is exact: every hazard here depends only on the current state and on the
// time since an event in the past (the last discharge, the day of the stay). Given that the
// pending event has not happened by now, the remaining cumulative hazard from now is Exp(1),
// so a fresh Exp(1) inverted on the new cumulative from now has the right law, for the
// constant, the piecewise-constant and the post-discharge-decaying hazards alike. It is
// what refresh() already does when a person changes place.
//
// Why only changed hazards are redrawn: a redraw advances the person's draw counter. A
// person whose hazards do not change at a step keeps their draws, and a scenario whose
// rates never change schedules no rate_step at all, so its event sequence is the one it
// had before rates could be phased (the pinned fingerprint).
#include <algorithm>

#include "models/model_state.hpp"

namespace caresim::model {

double ModelState::crisis_rate(const Person& who, double day) const {
  const CrisisParams& c = p.crisis;
  double rate = c.rate_home.at(day);
  if (who.place == Place::GroupHome) rate *= c.mult_group_home.at(day);
  if (who.packages & kIndependentLiving) rate *= c.mult_independent_living.at(day);
  if (who.packages & kSettlement) rate *= c.mult_settlement.at(day);
  if (who.packages & kHomeNursing) rate *= c.mult_home_nursing.at(day);
  if (who.revolving) rate *= c.mult_revolving.at(day);
  for (const auto& s : services_) rate *= s->crisis_factor(who, day);  // none in the built-in model
  return rate;
}

double ModelState::exit_rate(const Person& who, bool senior, double day) const {
  if (in_hospital(who.place))
    return senior ? p.hospital.death_rate_65plus.at(day) : p.hospital.death_rate_under65.at(day);
  const CommunityParams& c = p.community;
  return community_death_rate(who, senior, day) + (senior ? c.elderly_care_rate_65plus.at(day) : 0.0) +
         c.move_away_rate.at(day);
}

double ModelState::community_death_rate(const Person& who, bool senior, double day) const {
  const double home = senior ? p.community.death_rate_65plus.at(day) : p.community.death_rate_under65.at(day);
  if (!who.in_hospital_queue) return home;
  // Waiting for a bed in a crisis is no safer than the bed itself.
  const double bed = senior ? p.hospital.death_rate_65plus.at(day) : p.hospital.death_rate_under65.at(day);
  return std::max(home, bed);
}

double ModelState::carer_rate(bool senior, double day) const {
  return senior ? p.crisis.carer_loss_rate_65plus.at(day) : p.crisis.carer_loss_rate.at(day);
}

double ModelState::readiness_factor(const Person& who, bool senior, double day) const {
  const HospitalParams& hp = p.hospital;
  double factor = hp.type_factor[static_cast<std::size_t>(who.type)].at(day);
  if (who.place == Place::CommunityWard) factor *= hp.community_ward_factor.at(day);
  if (senior) factor *= hp.senior_factor.at(day);
  if (who.readmission) factor *= hp.readmission_factor.at(day);
  return factor;
}

void ModelState::schedule_rate_steps() {
  rate_step_days_ = {0.0};
  for_each_phased_rate(p, [&](const Phased& rate) {
    for (const auto& step : rate.steps) {
      if (step.first > 0 && step.first < p.run.horizon_days) rate_step_days_.push_back(step.first);
    }
  });
  std::sort(rate_step_days_.begin(), rate_step_days_.end());
  rate_step_days_.erase(std::unique(rate_step_days_.begin(), rate_step_days_.end()), rate_step_days_.end());
  for (std::size_t i = 1; i < rate_step_days_.size(); ++i) {
    sim.schedule(rate_step_days_[i], engine::Priority::CapacityChange, ev_rate_step_, i);
  }
}

void ModelState::on_rate_step(std::uint64_t step) {
  // No phased rate changes between the previous step day and this one, so the values at
  // the previous step day are those in force until now.
  const double before = rate_step_days_[step - 1];
  const double now = sim.now();
  const CrisisParams& c = p.crisis;
  const bool k_changed = c.post_discharge_k.at(before) != c.post_discharge_k.at(now);
  const bool move_out_changed =
      p.community.group_home_move_out_rate.at(before) != p.community.group_home_move_out_rate.at(now);
  // Each reschedule checks that its process applies (place, living with carers...) and
  // draws nothing for a person it does not apply to.
  for_each_present([&](Person& who) {
    const bool senior = who.senior(now);
    const bool discharged = who.last_discharge != Person::kNever;
    if ((k_changed && discharged) || crisis_rate(who, before) != crisis_rate(who, now)) reschedule_crisis(who);
    if (exit_rate(who, senior, before) != exit_rate(who, senior, now)) reschedule_exit(who);
    if (carer_rate(senior, before) != carer_rate(senior, now)) reschedule_carer(who);
    if (move_out_changed) reschedule_move_out(who);
    if (readiness_factor(who, senior, before) != readiness_factor(who, senior, now)) redraw_readiness(who);
  });
  const Phased& arrivals = p.population.arrivals_per_100k_year;
  if (arrivals.at(before) != arrivals.at(now)) {
    for (std::size_t m = 0; m < arrival_pending_.size(); ++m) {
      cancel(arrival_pending_[m]);
      schedule_arrival(static_cast<int>(m));
    }
  }
}

}  // namespace caresim::model
