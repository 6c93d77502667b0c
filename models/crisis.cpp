// Crises in the community and how they are met. The onset hazard is
//   base(place) x package multipliers x revolving-door multiplier x (1 + k exp(-t / tau)),
// t = days since the last discharge, sampled by inverting its cumulative (hazards.hpp).
// The response (respond_to_crisis) depends on the crisis's severity, the person's
// 地域定着支援, whether a hub serving the person's municipality is open and reachable at that
// hour, its coordinators' backup and advance registration (coordination.cpp), and
// outpatient care.
#include <algorithm>
#include <cmath>

#include "models/counts.hpp"
#include "models/hazards.hpp"
#include "models/model_state.hpp"

namespace caresim::model {

void ModelState::reschedule_crisis(Person& who) {
  note_monthly(who);  // a package just added (models/model_state.hpp, monthly_ids_)
  cancel(who.pending(Process::Crisis));
  if (!who.present || !in_community(who.place)) return;  // a person waiting for a bed keeps the hazard
  const CrisisParams& c = p.crisis;
  const double now = sim.now();
  const double rate = crisis_rate(who, now);
  const double since = who.last_discharge == Person::kNever ? 1e9 : now - who.last_discharge;
  const double d = post_discharge_delay(rate / 365.25, c.post_discharge_k.at(now), c.post_discharge_tau_days, since,
                                        exp1(who, Draw::Crisis));
  if (sim.now() + d <= p.run.horizon_days) {
    who.pending(Process::Crisis) = sim.schedule(sim.now() + d, engine::Priority::Arrival, ev_crisis_, who.id);
  }
}

void ModelState::on_crisis(std::uint64_t id) {
  Person& who = people_[id];
  who.pending(Process::Crisis) = Handle{};
  respond_to_crisis(who, false);
}

int ModelState::serving_hub(const Person& who) const {
  for (const int k : serving_hubs_[static_cast<std::size_t>(who.municipality)])
    if (hub_open(k)) return k;
  return -1;
}

bool ModelState::in_office_hours(double day) const {
  if (weekday_of_model_day(p.run.start, day) >= 5) return false;  // Saturday or Sunday
  const double hour = (day - std::floor(day)) * 24.0;
  return hour >= p.response.office_open_hour && hour < p.response.office_close_hour;
}

void ModelState::respond_to_crisis(Person& who, bool carer_loss) {
  if (!who.present || !in_community(who.place)) return;
  const ResponseParams& r = p.response;
  const double now = sim.now();
  CrisisRecord rec;
  rec.time = now;
  rec.person = who.id;
  rec.municipality = who.municipality;
  rec.carer_loss = carer_loss;
  if (who.in_hospital_queue) {
    // Already triaged to admission and still without a bed: a new crisis is an emergency,
    // admitted elsewhere at once. It is not a second crisis admission (the admission was
    // counted at triage); far_placements counts the placement.
    admit_elsewhere(who, Cause::Deterioration);
    return;
  }
  // Severity first: the admission type the crisis would need. 措置-level crises go to hospital;
  // the others meet, in order, 地域定着支援, the hub's triage, and outpatient care, each of
  // which may resolve the crisis; a hub adds its options and removes none.
  who.type = static_cast<AdmissionType>(pick(who, Draw::Admission, p.crisis.severity_mix.data(), 3));
  CrisisOutcome outcome = CrisisOutcome::Admission;
  double travel_minutes = 0;
  const int from_municipality = who.municipality;
  if (who.type != AdmissionType::Administrative) {
    if ((who.packages & kSettlement) && chance(who, Draw::Response, r.p_settlement_home.at(now))) {
      outcome = CrisisOutcome::Home;
    } else if (who.place == Place::GroupHome && chance(who, Draw::Response, r.p_group_home_staff_home.at(now))) {
      outcome = CrisisOutcome::Home;  // the group home's own staff (夜間支援) see it through
    } else {
      const int hub = serving_hub(who);
      if (hub >= 0 && (p.hubs[static_cast<std::size_t>(hub)].hours == HubHours::Always || in_office_hours(now))) {
        rec.hub = hub;
        // A household registered in advance has a plan for this: met at home more often.
        double p_home = r.p_home_with_hub.at(now);
        if (registered(who)) p_home += (1.0 - p_home) * p.coordination.registration_home_gain;
        bool short_stay_tried = false;
        if (chance(who, Draw::Response, p_home)) {
          outcome = CrisisOutcome::Home;
        } else if (chance(who, Draw::Response, r.p_short_stay_with_hub.at(now))) {
          short_stay_tried = true;
          if (start_short_stay(who, hub, r.crisis_travel_limit_min)) outcome = CrisisOutcome::ShortStay;
        }
        if (outcome == CrisisOutcome::Admission) outcome = back_up_crisis(who, hub, short_stay_tried);
        if (outcome == CrisisOutcome::ShortStay)
          travel_minutes = travel.minutes(from_municipality, facilities.site_municipality(who.facility));
      }
      if (outcome == CrisisOutcome::Admission && chance(who, Draw::Response, r.p_outpatient.at(now))) {
        outcome = CrisisOutcome::Outpatient;
      }
    }
  }
  if (outcome == CrisisOutcome::Admission) {
    admit_by_need(who, Cause::Crisis);
    if (who.place == Place::Hospital || who.place == Place::CommunityWard) {
      travel_minutes =
          travel.minutes(from_municipality, p.hospitals[static_cast<std::size_t>(who.facility)].municipality);
    }
  }
  if (outcome == CrisisOutcome::Home && (who.packages & kSettlement)) service(who, ServiceKind::EmergencyDay);
  rec.outcome = outcome;
  const double hours_factor = rec.hub >= 0 && registered(who) ? p.coordination.registration_hours_factor : 1.0;
  rec.response_hours = r.response_hours[static_cast<std::size_t>(outcome)] * hours_factor + travel_minutes / 60.0;
  crises.record(rec);
  for (const auto& s : services_) s->on_crisis(service_context_, rec);
  if (outcome != CrisisOutcome::Admission) flag_for_registration(who);  // a household at risk
  if (outcome == CrisisOutcome::Home || outcome == CrisisOutcome::Outpatient) reschedule_crisis(who);
}

}  // namespace caresim::model
