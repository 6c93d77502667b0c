// A hub's coordinators (seed 003 L329-L353): a monthly budget of staff hours, full-time
// equivalents x coordination.hours_per_fte_month, spent on named people. Each task takes
// its hours from the budget and acts only on the person who received it:
//   (b) emergency backup, as crises come, from the whole month's hours: when the hub's
//       triage would send a crisis to hospital, the coordinator searches short stays over
//       every hub site within a wider travel limit, or, for a person not yet using
//       services, supports them at home directly (back_up_crisis);
//   (c) advance registration of households at risk, flagged by a crisis or a discharge
//       home to carers: a registered household's next crises are met faster and more
//       often at home (crisis.cpp);
//   (a) 意向確認 and 動機付け支援 for long-stay inpatients (ready ones without a plan first,
//       then the longest stays): that month's chance of stating a wish to leave is
//       coordination.p_wish_motivated instead of the hospital's own transition.p_wish_month.
// (c) and (a) are given out at the start of the month, in that order, from the hours left
// outside the emergency reserve. No effect is a function of the coordinator count: more
// hours reach more people, and the returns diminish as the eligible people run out.
// (d) Building the network changes no acceptance probability in the model (docs/model.md,
// "Not modelled").
#include <algorithm>
#include <tuple>
#include <vector>

#include "models/model_state.hpp"

namespace caresim::model {

void ModelState::set_coordinators(int hub, double staff) {
  const Hub& h = p.hubs[static_cast<std::size_t>(hub)];
  coordinators(hub).set(staff, p.coordination.hours_per_fte_month,
                        h.add_on_funded ? p.response.claims_per_coordinator : 0.0, h.id);
}

namespace {
// A household at risk that registration is for: living at home with carers (or on a short
// stay from there).
bool with_carers_at_home(const Person& who) {
  const Place home = who.place == Place::CrisisStay ? who.return_place : who.place;
  return who.present && !who.alone && who.has_home && home == Place::Home;
}
}  // namespace

void ModelState::flag_for_registration(const Person& who) {
  if (!with_carers_at_home(who) || registered(who)) return;
  const int hub = serving_hub(who);
  if (hub < 0) return;
  registration_flags_[static_cast<std::size_t>(hub)].push_back(who.id);
}

void ModelState::plan_coordination() {
  const CoordinationParams& cp = p.coordination;
  const TransitionParams& tp = p.transition;
  const double now = sim.now();
  // (c) The households flagged since the last planning, in the order they were flagged.
  for (std::size_t k = 0; k < p.hubs.size(); ++k) {
    Coordinators& c = coordinators_[k];
    std::vector<std::uint64_t> waiting;
    for (const std::uint64_t id : registration_flags_[k]) {
      Person& who = people_[id];
      if (!with_carers_at_home(who) || registered(who) || serving_hub(who) != static_cast<int>(k))
        continue;  // moved, admitted or registered since it was flagged
      if (!c.take_planned(cp.registration_hours, cp.emergency_reserve_share)) {
        waiting.push_back(id);  // next month's hours
        continue;
      }
      who.registered_until = now + cp.registration_days;
      service(who, ServiceKind::Registration, static_cast<int>(k), cp.registration_hours);
    }
    std::sort(waiting.begin(), waiting.end());
    waiting.erase(std::unique(waiting.begin(), waiting.end()), waiting.end());
    registration_flags_[k] = std::move(waiting);
  }
  // (a) Long-stay inpatients who have not stated a wish and wait for no programme: each
  // hub's hours go to those of its municipalities, ready ones without a plan first, then
  // the longest stays (ties by id).
  std::vector<std::vector<std::tuple<bool, double, std::uint64_t>>> eligible(p.hubs.size());
  std::vector<std::uint64_t> pool;
  for_each_inpatient([&](const Person& who) {
    if (who.wish || who.in_programme() || now - who.admitted_at < tp.min_stay_days) return;
    pool.push_back(who.id);
    const int hub = serving_hub(who);
    if (hub < 0 || coordinators(hub).hours() <= 0) return;
    const bool without_plan = who.blocked && who.block_reason == BlockReason::NoPlan;
    eligible[static_cast<std::size_t>(hub)].emplace_back(!without_plan, who.admitted_at, who.id);
  });
  std::vector<std::uint64_t> supported;
  for (std::size_t k = 0; k < p.hubs.size(); ++k) {
    auto& list = eligible[k];
    Coordinators& c = coordinators_[k];
    const double free = c.hours() * (1.0 - cp.emergency_reserve_share) - c.used();
    const auto can = cp.motivation_hours > 0 && free > 0 ? static_cast<std::size_t>(free / cp.motivation_hours) : 0;
    const std::size_t first = std::min(list.size(), can);
    std::partial_sort(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(first), list.end());
    for (std::size_t i = 0; i < first; ++i) {
      if (!c.take_planned(cp.motivation_hours, cp.emergency_reserve_share)) break;
      const std::uint64_t id = std::get<2>(list[i]);
      supported.push_back(id);
      service(people_[id], ServiceKind::Motivation, static_cast<int>(k), cp.motivation_hours);
    }
  }
  std::sort(supported.begin(), supported.end());
  // Every long-stay inpatient's chance this month, on their own stream (ascending ids).
  // The draw counters lie on a line of Person the walk above did not read: ask for those
  // a few places ahead (a large region's pool does not fit in the cache).
  constexpr std::size_t kAhead = 8;
  for (std::size_t i = 0; i < pool.size(); ++i) {
    if (i + kAhead < pool.size()) engine::prefetch(&people_[pool[i + kAhead]].draws);
    const std::uint64_t id = pool[i];
    Person& who = people_[id];
    const bool support = std::binary_search(supported.begin(), supported.end(), id);
    if (chance(who, Draw::Wish, support ? cp.p_wish_motivated : tp.p_wish_month.at(now))) state_wish(who, support);
  }
}

CrisisOutcome ModelState::back_up_crisis(Person& who, int hub, bool short_stay_tried) {
  const CoordinationParams& cp = p.coordination;
  const bool non_user = who.packages == 0 && who.place == Place::Home;
  if (!short_stay_tried && !non_user) return CrisisOutcome::Admission;  // nothing the backup adds
  if (!coordinators(hub).take_emergency(cp.backup_hours)) return CrisisOutcome::Admission;
  service(who, ServiceKind::Backup, hub, cp.backup_hours);
  if (short_stay_tried && start_short_stay(who, -1, cp.backup_travel_limit_min)) return CrisisOutcome::ShortStay;
  if (non_user && chance(who, Draw::Backup, cp.p_backup_home_non_user)) return CrisisOutcome::Home;
  return CrisisOutcome::Admission;
}

void ModelState::bill_add_on(const Person& who) {
  const int hub = serving_hub(who);
  if (hub >= 0 && coordinators(hub).take_claim()) service(who, ServiceKind::Claim, hub);
}

}  // namespace caresim::model
