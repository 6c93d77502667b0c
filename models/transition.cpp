// 地域移行: each month every open hub with a coordinator engages long-stay inpatients of
// the municipalities it serves (longest stays first) while coordinator claims and
// transition-support places allow. A programme lasts about six months (gamma), includes a
// trial stay of a few nights (a group-home trial slot, else a hub trial slot), and succeeds
// with p_success: the person then leaves for a group home, supported housing or their home
// (with the support needed there), whichever is available first, or waits blocked. The
// programme is a plan: ready long-stay inpatients blocked for want of one come first.
#include <algorithm>
#include <tuple>
#include <utility>
#include <vector>

#include "engine/rng/distributions.hpp"
#include "models/model_state.hpp"

namespace caresim::model {

void ModelState::on_engage(std::uint64_t) {
  const TransitionParams& tp = p.transition;
  const double now = sim.now();
  // Who may be engaged, and by which hubs: one pass over the inpatients, by ascending id,
  // files each eligible one in the list of every hub serving their municipality, so each
  // Person is read once, not once per hub (in a large region they do not fit in the cache).
  // A hub's programme changes only its own people (their programme_hub), so a later hub
  // skips those an earlier one engaged and then has exactly the candidates a pass of its
  // own would find.
  using Candidate = std::tuple<bool, double, std::uint64_t>;       // not ready, admitted at, id
  std::vector<std::vector<int>> hubs_of(p.municipalities.size());  // per municipality, the hubs serving it
  for (std::size_t k = 0; k < p.hubs.size(); ++k) {
    for (const int m : p.hubs[k].municipalities) {
      std::vector<int>& hubs = hubs_of[static_cast<std::size_t>(m)];
      if (std::find(hubs.begin(), hubs.end(), static_cast<int>(k)) == hubs.end()) hubs.push_back(static_cast<int>(k));
    }
  }
  std::vector<std::vector<Candidate>> listed(p.hubs.size());  // per hub, by ascending id
  const std::vector<std::uint64_t>& inpatients = inpatient_people();
  constexpr std::size_t kAhead = 8;  // people read ahead (see inpatient_people)
  for (std::size_t i = 0; i < inpatients.size(); ++i) {
    if (i + kAhead < inpatients.size()) __builtin_prefetch(&people_[inpatients[i + kAhead]]);
    const std::uint64_t id = inpatients[i];
    const Person& who = people_[id];
    if (who.programme_hub >= 0) continue;
    if (who.blocked && who.block_reason != BlockReason::NoPlan) continue;  // a plan exists: it waits for a place
    if (now - who.admitted_at < tp.min_stay_days) continue;
    for (const int k : hubs_of[static_cast<std::size_t>(who.municipality)])
      listed[static_cast<std::size_t>(k)].emplace_back(!who.blocked, who.admitted_at, who.id);
  }
  std::vector<std::uint64_t> engaged;  // by the hubs before this one, ascending
  for (std::size_t k = 0; k < p.hubs.size(); ++k) {
    engine::Resource& places = resource(facilities.transition_places(static_cast<int>(k)));
    if (!hub_answers(static_cast<int>(k)) || places.available() == 0) continue;
    // Ready inpatients without a plan first, then the longest stays, ties by id (the order
    // of a stable sort of the ascending ids); at most the free places can be taken, so only
    // that many need to be in order.
    std::vector<Candidate>& candidates = listed[k];
    std::erase_if(candidates, [&engaged](const Candidate& c) {
      return std::binary_search(engaged.begin(), engaged.end(), std::get<2>(c));
    });
    const auto first = std::min(candidates.size(), static_cast<std::size_t>(places.available()));
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(first), candidates.end());
    candidates.resize(first);
    for (const auto& [not_ready, admitted_at, id] : candidates) {
      if (places.available() == 0) break;
      Person& who = people_[id];
      if (!claim(who, static_cast<int>(k))) break;  // the coordinators' claims are used up
      if (!take(places, id)) break;
      start_programme(who, static_cast<int>(k));
      engaged.insert(std::lower_bound(engaged.begin(), engaged.end(), id), id);
    }
  }
}

void ModelState::start_programme(Person& who, int hub) {
  const TransitionParams& tp = p.transition;
  who.programme_hub = hub;
  who.has_plan = true;  // the programme is the plan (a ready inpatient stays blocked while it runs)
  note_monthly(who);
  service(who, ServiceKind::ProgrammeStart, hub);
  service(who, ServiceKind::TransitionMonth, hub);
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
  if (who.programme_hub < 0 || who.holds_trial) return;
  const auto m = static_cast<std::size_t>(who.municipality);
  if (take(resource(facilities.group_home_trial(who.municipality)), id)) {
    who.trial_kind = 1;
    who.trial_facility = who.municipality;
  } else {
    for (const int s : site_order_[m]) {
      if (facilities.site_hub(s) != who.programme_hub) continue;
      if (take(resource(facilities.hub_trial(s)), id)) {
        who.trial_kind = 2;
        who.trial_facility = s;
        break;
      }
    }
  }
  if (who.trial_kind == 0) return;  // no slot free: the programme goes on without a trial
  who.holds_trial = true;
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
  if (who.programme_hub < 0) return;
  const bool success = chance(who, Draw::Programme, p.transition.p_success.at(sim.now()));
  if (!success || !in_hospital(who.place)) {
    end_programme(who, false);
    who.has_plan = false;  // a ready inpatient goes on waiting for a plan (a review, or another programme)
    return;
  }
  if (who.blocked) end_blocked(who);  // the plan is carried out now
  if (who.held_group_home >= 0) {     // the group home kept the place: back to it
    discharge_to(who, Place::GroupHome, who.held_group_home, Cause::Transition);
    return;
  }
  if (place_in_community(who, Cause::Transition)) return;  // discharge_to ends the programme
  end_programme(who, true);
  if (who.has_home) {
    go_home(who, Cause::Transition, true);
    return;
  }
  become_blocked(who, BlockReason::NoHome);
}

void ModelState::end_programme(Person& who, bool success) {
  const int hub = who.programme_hub;
  if (hub < 0) return;
  resource(facilities.transition_places(hub)).release(who.id);
  cancel(who.pending(Process::Programme));
  if (who.holds_trial) on_trial_end(who.id);
  cancel(who.pending(Process::Trial));
  service(who, ServiceKind::ProgrammeEnd, hub, 0, success);
  who.programme_hub = -1;
}

}  // namespace caresim::model
