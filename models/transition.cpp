// 地域移行支援 (community transition support), the service it is: a long-stay inpatient
// who states a wish to leave (意向確認: the hospital's 退院後生活環境相談員 each month, raised by
// a coordinator's motivation support, coordination.cpp) is referred to a designated
// 一般相談支援事業所 — the office of a hub serving their municipality first, else a caseload
// of their own municipality outside any hub — or, with no provider, to the hospital's
// discharge planning. Each month the providers take the referred in order (ready ones
// without a plan first, then by referral) while their caseload has places. A programme
// lasts about six months (gamma), includes a trial stay of a few nights (a group-home
// 体験利用 slot of the person's municipality, else a trial slot of the hub's sites) that
// raises its chance of success, and is the plan: a successful leaver goes to their own
// home when one takes them back (with the support needed there), else to a group home or
// supported housing, else waits blocked.
#include <algorithm>
#include <tuple>
#include <utility>
#include <vector>

#include "engine/rng/distributions.hpp"
#include "models/model_state.hpp"

namespace caresim::model {

bool ModelState::transition_provider_for(int m) const {
  if (facilities[facilities.transition_caseload(m)].capacity.peak() > 0) return true;
  for (std::size_t k = 0; k < p.hubs.size(); ++k) {
    const auto& served = p.hubs[k].municipalities;
    if (std::find(served.begin(), served.end(), m) != served.end() &&
        facilities[facilities.transition_places(static_cast<int>(k))].capacity.peak() > 0)
      return true;
  }
  return false;
}

void ModelState::state_wish(Person& who, bool supported) {
  who.wish = true;
  service(who, ServiceKind::WishStated, -1, 0, supported);
  if (transition_provider_for(who.municipality)) {
    who.referred = true;
    who.referred_at = sim.now();
    referred_.push_back(who.id);
    service(who, ServiceKind::Referral, -1, 0, true);
    return;
  }
  // No 地域移行支援 provider: the hospital's discharge planning takes the wish up.
  service(who, ServiceKind::Referral, -1, 0, false);
  if (who.has_plan) return;
  who.has_plan = true;
  if (who.blocked && who.block_reason == BlockReason::NoPlan) {
    end_blocked(who);
    discharge_at_readiness(who);
  }
}

int ModelState::trial_hub(const Person& who) const {
  const Facility& provider = facilities.rows()[static_cast<std::size_t>(who.programme_provider)];
  return provider.kind == CapacityKind::TransitionPlaces ? provider.hub : serving_hub(who);
}

void ModelState::on_engage(std::uint64_t) {
  plan_coordination();
  // The referred still waiting in hospital, each once (a stay ends a referral).
  std::sort(referred_.begin(), referred_.end());
  referred_.erase(std::unique(referred_.begin(), referred_.end()), referred_.end());
  std::erase_if(referred_, [this](std::uint64_t id) {
    const Person& who = people_[id];
    return !who.present || !who.referred || !in_hospital(who.place) || who.in_programme();
  });
  std::vector<std::tuple<bool, double, std::uint64_t>> order;
  order.reserve(referred_.size());
  for (const std::uint64_t id : referred_) {
    const Person& who = people_[id];
    order.emplace_back(!(who.blocked && who.block_reason == BlockReason::NoPlan), who.referred_at, id);
  }
  std::sort(order.begin(), order.end());
  bool started = false;
  for (const auto& [has_plan_or_not_ready, referred_at, id] : order) {
    Person& who = people_[id];
    const int hub = serving_hub(who);
    if (hub >= 0 && take(resource(facilities.transition_places(hub)), id)) {
      start_programme(who, facilities.transition_places(hub));
    } else if (take(resource(facilities.transition_caseload(who.municipality)), id)) {
      start_programme(who, facilities.transition_caseload(who.municipality));
    } else {
      continue;
    }
    started = true;
  }
  if (started) std::erase_if(referred_, [this](std::uint64_t id) { return people_[id].in_programme(); });
}

void ModelState::start_programme(Person& who, FacilityId provider) {
  const TransitionParams& tp = p.transition;
  who.programme_provider = static_cast<int>(index(provider));
  who.programme_hub = trial_hub(who);
  who.referred = false;
  who.trial_done = false;
  who.has_plan = true;  // the programme is the plan (a ready inpatient stays blocked while it runs)
  note_monthly(who);
  service(who, ServiceKind::ProgrammeStart, who.programme_provider);
  service(who, ServiceKind::TransitionMonth, who.programme_provider);
  const double m = tp.programme_mean_days;
  const double s = tp.programme_sd_days;
  double days = m;
  if (s > 0) {
    const auto dist = engine::Distribution::gamma((m / s) * (m / s), s * s / m);
    engine::RandomStream stream =
        rng.stream(engine::purpose_id("person.programme_length"), who.id, who.next_draw(Draw::Programme));
    days = dist.sample(stream);
    who.resume_draws_at(Draw::Programme, stream.draw_index());
  }
  who.pending(Process::Trial) =
      sim.schedule(sim.now() + tp.trial_at_fraction * days, engine::Priority::Acquire, ev_trial_, who.id);
  who.pending(Process::Programme) =
      sim.schedule(sim.now() + days, engine::Priority::Release, ev_programme_end_, who.id);
}

void ModelState::on_trial(std::uint64_t id) {
  Person& who = people_[id];
  who.pending(Process::Trial) = Handle{};
  if (!who.in_programme() || who.holds_trial) return;
  const auto m = static_cast<std::size_t>(who.municipality);
  if (take(resource(facilities.group_home_trial(who.municipality)), id)) {
    who.trial_kind = 1;
    who.trial_facility = who.municipality;
  } else {
    for (const int s : site_order_[m]) {
      if (who.programme_hub < 0 || facilities.site_hub(s) != who.programme_hub) continue;
      if (take(resource(facilities.hub_trial(s)), id)) {
        who.trial_kind = 2;
        who.trial_facility = s;
        break;
      }
    }
  }
  if (who.trial_kind == 0) return;  // no slot free: the programme goes on without a trial
  who.holds_trial = true;
  who.trial_done = true;
  service(who, ServiceKind::TrialStay, who.trial_facility, p.transition.trial_nights, who.trial_kind == 1);
  who.pending(Process::Trial) =
      sim.schedule(sim.now() + p.transition.trial_nights, engine::Priority::Release, ev_trial_end_, id);
}

void ModelState::on_trial_end(std::uint64_t id) {
  Person& who = people_[id];
  if (!who.holds_trial) return;
  if (sim.is_pending(who.pending(Process::Trial)))
    cancel(who.pending(Process::Trial));
  else
    who.pending(Process::Trial) = Handle{};
  resource(who.trial_kind == 1 ? facilities.group_home_trial(who.trial_facility)
                               : facilities.hub_trial(who.trial_facility))
      .release(id);
  who.holds_trial = false;
  who.trial_kind = 0;
  who.trial_facility = -1;
}

void ModelState::on_programme_end(std::uint64_t id) {
  Person& who = people_[id];
  who.pending(Process::Programme) = Handle{};
  if (!who.in_programme()) return;
  const TransitionParams& tp = p.transition;
  const double p_success = (who.trial_done ? tp.p_success_with_trial : tp.p_success).at(sim.now());
  if (!chance(who, Draw::Programme, p_success) || !in_hospital(who.place)) {
    end_programme(who, false);
    who.has_plan = false;  // a ready inpatient goes on waiting for a plan (a review, or another programme)
    return;
  }
  if (who.blocked) end_blocked(who);  // the plan is carried out now
  if (who.held_group_home >= 0) {     // the group home kept the place: back to it
    discharge_to(who, Place::GroupHome, who.held_group_home, Cause::Transition);
    return;
  }
  if (who.has_home) {  // their own home takes them back: there, with the support needed
    end_programme(who, true);
    go_home(who, Cause::Transition, true);
    return;
  }
  if (place_in_community(who, Cause::Transition)) return;  // discharge_to ends the programme
  end_programme(who, true);
  become_blocked(who, BlockReason::NoHome);
}

void ModelState::end_programme(Person& who, bool success) {
  if (!who.in_programme()) return;
  const int provider = who.programme_provider;
  resource(FacilityId{static_cast<std::uint32_t>(provider)}).release(who.id);
  cancel(who.pending(Process::Programme));
  if (who.holds_trial) on_trial_end(who.id);
  cancel(who.pending(Process::Trial));
  service(who, ServiceKind::ProgrammeEnd, provider, 0, success);
  who.programme_provider = -1;
  who.programme_hub = -1;
}

}  // namespace caresim::model
