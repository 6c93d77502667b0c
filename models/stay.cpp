// The hospital stay: readiness to leave from a piecewise-constant hazard by stage (acute
// <90 days, recovery 90-365, long stay >=365) times a factor by admission type, discharge
// planning at day 7 and reviews about every 90 days (readiness re-drawn; homes lost: a
// family's acceptance, a tenancy in long stays; plans made for long-stay inpatients; long
// waits for a place or support end at home), and the 180-day cap of the community-care ward.
#include <cmath>

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
  reschedule_exit(who);
  redraw_readiness(who);
  const HospitalParams& hp = p.hospital;
  const double los = sim.now() - who.admitted_at;
  // Planning conference on day 7, then a review every review_interval_days of the stay.
  double next = hp.planning_day;
  if (los >= next)
    next =
        hp.planning_day + hp.review_interval_days * (std::floor((los - hp.planning_day) / hp.review_interval_days) + 1);
  cancel(who.pending(Process::Review));
  const double t = who.admitted_at + next;
  if (t <= p.run.horizon_days)
    who.pending(Process::Review) = sim.schedule(t, engine::Priority::Release, ev_review_, who.id);
  if (who.place == Place::CommunityWard) {
    const double cap = who.admitted_at + hp.community_ward_cap_days;
    if (cap <= p.run.horizon_days)
      who.pending(Process::StayEnd) = sim.schedule(cap, engine::Priority::Release, ev_ward_cap_, who.id);
  }
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
  // A blocked person waits on every list in reach, granted as soon as a place frees
  // (discharge.cpp, support.cpp). With a home still there, one planned for a group home
  // goes home once the wait has lasted long enough, and one waiting for support goes home
  // without it. Without a plan, hospital discharge planning may make one now.
  if (who.blocked && who.has_home) {
    const double waited = now - who.blocked_since;
    if (who.block_reason == BlockReason::GroupHome && waited >= hp.group_home_wait_before_home_days) {
      go_home_after_wait(who);
    } else if (who.block_reason == BlockReason::Support && waited >= p.support.wait_before_home_days) {
      withdraw_support_request(who);
      discharge_to(who, Place::Home, -1, Cause::Ready);
    }
  }
  if (who.blocked && who.block_reason == BlockReason::NoPlan && !who.in_programme() &&
      chance(who, Draw::Plan, hp.p_plan_at_review.at(now))) {
    who.has_plan = true;
    end_blocked(who);
    discharge_at_readiness(who);
  }
  if (!who.present || !in_hospital(who.place)) return;  // discharged (or gone) at this review
  if (!who.blocked) redraw_readiness(who);
  const double t = now + hp.review_interval_days;
  if (t <= p.run.horizon_days)
    who.pending(Process::Review) = sim.schedule(t, engine::Priority::Release, ev_review_, who.id);
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
  } else if (!who.blocked) {
    discharge_at_readiness(who);  // the cap forces the discharge: no general bed to move to
  }
}

}  // namespace caresim::model
