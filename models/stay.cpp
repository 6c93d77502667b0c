// The hospital stay: readiness to leave from a piecewise-constant hazard by stage (acute
// <90 days, recovery 90-365, long stay >=365) times a factor by admission type; the planning
// conference at day 7 (2024 fee revision), where the destination is chosen and the search
// for a place starts before readiness; reviews about every 90 days, which act only through
// named steps (homes lost: a family's acceptance, a tenancy in long stays; plans made for
// long-stay inpatients; long waits for a place or support end at home; a search begun for
// someone who lost their home) and never redraw readiness from an unchanged hazard; the
// renewal reviews of a 医療保護入院's legal period (conversion to 任意, a committee's
// discharge plan, or renewal); and the community-care ward's cap of 180 days over the past
// year.
#include <chrono>
#include <cmath>

#include "models/community_ward.hpp"
#include "models/hazards.hpp"
#include "models/model_state.hpp"

namespace caresim::model {

void ModelState::on_admitted(Person& who) {
  cancel(who.pending(Process::Crisis));
  cancel(who.pending(Process::MoveOut));
  cancel(who.pending(Process::StayEnd));
  reschedule_carer(who);  // a carer's illness or death can take the home during the stay too
  // The conditions for leaving are arranged afresh for this stay; home visits stop (the
  // welfare services' periods run on).
  withdraw_support_request(who);
  release_support(who, SupportKind::HomeNursing);
  who.support_needs = 0;
  who.has_plan = false;
  who.wish = false;  // the wish to leave is asked afresh (意向確認) in this stay
  who.referred = false;
  who.searched_early = false;
  who.planned_destination = -1;
  who.applied_at = Person::kNever;
  who.arranged_at = Person::kNever;
  who.support_applied_at = Person::kNever;
  who.welfare_to_arrange = 0;
  reschedule_exit(who);
  redraw_readiness(who);
  const HospitalParams& hp = p.hospital;
  const double los = sim.now() - who.admitted_at;
  // The planning conference on day planning_day of the stay (a stay already past that day,
  // such as the day-0 stock, had none here), and a review every review_interval_days.
  who.conference_pending = los < hp.planning_day;
  if (who.conference_pending && who.admitted_at + hp.planning_day <= p.run.horizon_days)
    sim.schedule(who.admitted_at + hp.planning_day, engine::Priority::Release, ev_conference_, who.id);
  const double next = hp.review_interval_days * (std::floor(los / hp.review_interval_days) + 1);
  cancel(who.pending(Process::Review));
  const double t = who.admitted_at + next;
  if (t <= p.run.horizon_days)
    who.pending(Process::Review) = sim.schedule(t, engine::Priority::Release, ev_review_, who.id);
  schedule_legal_renewal(who);
  if (who.place == Place::CommunityWard) {
    const double cap = ward_cap_day(who, who.admitted_at);
    if (cap <= p.run.horizon_days)
      who.pending(Process::StayEnd) =
          sim.schedule(std::max(cap, sim.now()), engine::Priority::Release, ev_ward_cap_, who.id);
  }
}

double ModelState::ward_cap_day(const Person& who, double begin) const {
  return model::ward_cap_day(who.ward_spells, begin, p.hospital.community_ward_cap_days, 365.0);
}

void ModelState::redraw_readiness(Person& who) {
  cancel(who.pending(Process::Readiness));
  if (who.blocked || !in_hospital(who.place)) return;
  const HospitalParams& hp = p.hospital;
  const double factor = readiness_factor(who, who.senior(sim.now()), sim.now());
  const double los = sim.now() - who.admitted_at;
  const double d = piecewise_delay(hp.readiness_hazard, factor, los, exp1(who, Draw::Readiness));
  if (sim.now() + d <= p.run.horizon_days) {
    who.pending(Process::Readiness) = sim.schedule(sim.now() + d, engine::Priority::Release, ev_ready_, who.id);
  }
}

void ModelState::on_ready(std::uint64_t id) {
  Person& who = people_[id];
  who.pending(Process::Readiness) = Handle{};
  discharge_at_readiness(who);
}

void ModelState::on_review(std::uint64_t id) {
  Person& who = people_[id];
  who.pending(Process::Review) = Handle{};
  const HospitalParams& hp = p.hospital;
  const double now = sim.now();
  const double los = now - who.admitted_at;
  const double years = hp.review_interval_days / 365.25;
  // A stay erodes the home: a tenancy after a year away, a family's acceptance of a return
  // from the start (家族の受け入れ困難), each on its own stream.
  if (who.has_home) {
    const bool lost = who.alone ? los >= 365.0 && chance(who, Draw::Review,
                                                         1.0 - std::exp(-hp.home_loss_rate_long_stay.at(now) * years))
                                : chance(who, Draw::Family, 1.0 - std::exp(-hp.family_refusal_rate.at(now) * years));
    if (lost) lose_home(who);
  }
  // The search begun at the conference is taken up for someone planned for home who has
  // lost it since.
  if (who.planned_destination >= 0 && !who.blocked) early_search(who);
  // A blocked person waits on every list in reach, granted as soon as a place frees
  // (discharge.cpp, support.cpp). With a home still there, one planned for a group home
  // goes home once the wait has lasted long enough, and one waiting for support goes home
  // without it. Without a plan, hospital discharge planning may make one now.
  if (who.present && who.blocked && who.has_home) {
    const double waited = now - who.blocked_since;
    if (who.block_reason == BlockReason::GroupHome && waited >= hp.group_home_wait_before_home_days) {
      go_home_after_wait(who);
    } else if (who.block_reason == BlockReason::Support && waited >= p.support.wait_before_home_days) {
      withdraw_support_request(who);
      discharge_to(who, Place::Home, -1, Cause::Ready);
    }
  }
  if (who.present && who.blocked && who.block_reason == BlockReason::NoPlan && !who.in_programme() &&
      chance(who, Draw::Plan, hp.p_plan_at_review.at(now))) {
    who.has_plan = true;
    end_blocked(who);
    discharge_at_readiness(who);
  }
  if (!who.present || !in_hospital(who.place)) return;  // discharged (or gone) at this review
  // No readiness redraw: the hazard has not changed, so a redraw would have the same law
  // (rate_steps.cpp) and only spend the person's draws.
  const double t = now + hp.review_interval_days;
  if (t <= p.run.horizon_days)
    who.pending(Process::Review) = sim.schedule(t, engine::Priority::Release, ev_review_, who.id);
}

void ModelState::on_conference(std::uint64_t id) {
  Person& who = people_[id];
  // Not cancelled on leaving: an event of an earlier stay finds no conference pending, or
  // falls before this stay's conference day (stays begin later).
  if (!who.present || !in_hospital(who.place) || !who.conference_pending ||
      sim.now() < who.admitted_at + p.hospital.planning_day)
    return;
  who.conference_pending = false;
  planning_conference(who);
}

void ModelState::planning_conference(Person& who) {
  // Someone already ready (blocked) is waiting on the lists, and someone whose group home
  // keeps their place has a destination.
  if (who.blocked || who.held_group_home >= 0 || who.in_programme()) return;
  if (who.planned_destination < 0) {
    std::array<double, 5> w = p.hospital.destination_mix;
    if (!who.senior(sim.now())) w[2] = 0;  // elderly welfare facilities take people aged 65+
    who.planned_destination = static_cast<std::int8_t>(pick(who, Draw::Destination, w.data(), 5));
  }
  // Home with the support needed there: the application for it is made now, so the plan
  // and the decision are done during treatment; a place otherwise.
  if (who.planned_destination == 0 && who.has_home) apply_for_support(who);
  early_search(who);
}

void ModelState::early_search(Person& who) {
  if (who.searched_early || who.blocked || who.applied_at != Person::kNever || who.held_group_home >= 0 ||
      who.in_programme())
    return;
  const int d = who.planned_destination;
  if (d != 1 && !(d == 0 && !who.has_home)) return;  // no place is needed (or none in the community)
  // The application is made now: its position on the lists is this day's, and the
  // arrangements run from today. The person joins the lists only when ready (a place is
  // granted only to someone who can leave), with the position of this day.
  who.searched_early = true;
  apply_for_place(who);
}

void ModelState::schedule_legal_renewal(Person& who) {
  cancel(who.pending(Process::LegalRenewal));
  if (who.type != AdmissionType::Involuntary || !in_hospital(who.place)) return;
  const HospitalParams& hp = p.hospital;
  // The renewal reviews fall at the ends of the legal periods, on the calendar: first +
  // second, then every renewal period, counted in months from the admission day.
  const double admitted = who.admitted_at;
  const double whole = std::floor(admitted);
  const Date day = date_of_model_day(p.run.start, admitted);
  const auto end_of = [&](int months) {
    const std::chrono::year_month_day ymd = day.ymd();
    std::chrono::year_month_day later = ymd + std::chrono::months{months};
    if (!later.ok()) later = std::chrono::year_month_day_last{later.year(), std::chrono::month_day_last{later.month()}};
    return model_day(p.run.start, Date(later)) + (admitted - whole);
  };
  const int first = static_cast<int>(hp.involuntary_first_period_months);
  const int second = first + static_cast<int>(hp.involuntary_second_period_months);
  const int every = static_cast<int>(hp.involuntary_renewal_period_months);
  double t = end_of(first);
  if (t <= sim.now()) t = end_of(second);
  if (t <= sim.now()) {
    // Past the second period: the next whole renewal period after now.
    const double months_in = (sim.now() - end_of(second)) / (365.25 / 12.0);
    int k = static_cast<int>(std::floor(months_in / every)) + 1;
    t = end_of(second + k * every);
    while (t <= sim.now()) t = end_of(second + ++k * every);
  }
  if (t <= p.run.horizon_days)
    who.pending(Process::LegalRenewal) = sim.schedule(t, engine::Priority::Release, ev_legal_renewal_, who.id);
}

void ModelState::on_legal_renewal(std::uint64_t id) {
  Person& who = people_[id];
  who.pending(Process::LegalRenewal) = Handle{};
  if (!who.present || !in_hospital(who.place) || who.type != AdmissionType::Involuntary) return;
  const HospitalParams& hp = p.hospital;
  // One draw decides the outcome, on the person's own stream.
  const double u = uniform(who, Draw::Legal);
  if (u < hp.p_convert_at_renewal) {
    // The stay goes on as 任意入院: the type's readiness factor changes, so readiness is
    // redrawn from the new hazard (exact, as at a rate step).
    who.type = AdmissionType::Voluntary;
    service(who, ServiceKind::LegalConversion, who.facility);
    if (!who.blocked) redraw_readiness(who);
    return;  // no more renewal reviews
  }
  if (u < hp.p_convert_at_renewal + (1.0 - hp.p_convert_at_renewal) * hp.p_committee_plan_at_renewal) {
    // The 退院支援委員会 makes a discharge plan: the conditions for leaving are arranged.
    service(who, ServiceKind::CommitteePlan, who.facility);
    who.has_plan = true;
    if (who.blocked && who.block_reason == BlockReason::NoPlan) {
      end_blocked(who);
      discharge_at_readiness(who);
    } else if (!who.blocked) {
      planning_conference(who);
    }
    if (!who.present || !in_hospital(who.place)) return;
  }
  schedule_legal_renewal(who);  // renewed
}

void ModelState::on_ward_cap(std::uint64_t id) {
  Person& who = people_[id];
  who.pending(Process::StayEnd) = Handle{};
  if (who.place != Place::CommunityWard) return;
  const int h = who.facility;
  if (take(resource(facilities.beds(h)), who.id)) {
    move(who, MoveKind::WardChange, Place::Hospital, h, Cause::WardCap);
    release_place(who, Place::CommunityWard, h);
    redraw_readiness(who);
  } else {
    if (!who.blocked) discharge_at_readiness(who);  // the cap forces the discharge: no general bed to move to
    // Still in the ward (blocked for want of a place, or waiting for a general bed): look
    // for a general bed again the next day.
    if (who.present && who.place == Place::CommunityWard && sim.now() + 1.0 <= p.run.horizon_days)
      who.pending(Process::StayEnd) = sim.schedule(sim.now() + 1.0, engine::Priority::Release, ev_ward_cap_, who.id);
  }
}

}  // namespace caresim::model
