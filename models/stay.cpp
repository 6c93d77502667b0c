// The hospital stay: readiness to leave from a piecewise-constant hazard by stage (acute
// <90 days, recovery 90-365, long stay >=365) times a factor by admission type, discharge
// planning at day 7 and reviews about every 90 days (readiness re-drawn, homes lost in long
// stays, 医療保護 periodic review), and the 180-day cap of the community-care ward.
#include <cmath>

#include "models/hazards.hpp"
#include "models/model_state.hpp"

namespace caresim::model {

void ModelState::on_admitted(Person& who) {
  cancel(who.pending(Process::Crisis));
  cancel(who.pending(Process::Carer));
  cancel(who.pending(Process::MoveOut));
  cancel(who.pending(Process::StayEnd));
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
  const double los = sim.now() - who.admitted_at;
  if (los >= 365.0 && who.has_home &&
      chance(who, Draw::Review,
             1.0 - std::exp(-hp.home_loss_rate_long_stay.at(sim.now()) * hp.review_interval_days / 365.25))) {
    who.has_home = false;  // the family home or tenancy is gone after a long absence
  }
  // A blocked person waits on every list in reach, granted as soon as a place frees
  // (discharge.cpp). Planned for a group home but with a home still there, they go home
  // once the wait has lasted long enough.
  if (who.blocked && who.block_reason == BlockReason::GroupHome && who.has_home &&
      sim.now() - who.blocked_since >= hp.group_home_wait_before_home_days) {
    discharge_to(who, Place::Home, -1, Cause::Ready);
    return;
  }
  if (!who.blocked) redraw_readiness(who);
  const double t = sim.now() + hp.review_interval_days;
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
