// Support services with a caseload (自立生活援助, 地域定着支援, home nursing): one of the
// conditions for leaving hospital for home. Who needs which service follows from the
// person (living alone after a long stay, the revolving door, leaving through a transition
// programme) and a home-nursing need drawn at discharge. A person holds a caseload place of
// their municipality for the service's period; without a free place an inpatient waits on
// that caseload's line (blocked, reason Support: going home is the plan, so no group-home
// list is joined, except by someone first planned for a group home, who stays on its lists)
// and goes as soon as a place frees. A service whose municipality has no caseload at all is no service:
// nobody waits for it. The inpatient's application for support (at the planning conference
// for someone planned for home, else at readiness) is the position on the caseload lines, and
// 自立生活援助 or 地域定着支援 not held yet starts support.arrangement_days after it (a plan by
// 計画相談支援 and the municipality's decision): a ready inpatient waits for the rest.
#include <cmath>

#include "models/model_state.hpp"

namespace caresim::model {

namespace {
constexpr std::uint64_t kKinds = kSupportKinds;
/** The welfare services (自立生活援助, 地域定着支援) whose start needs a plan and a decision. */
constexpr std::uint8_t kWelfareSupport =
    static_cast<std::uint8_t>(package_bit(SupportKind::IndependentLiving) | package_bit(SupportKind::Settlement));
}  // namespace

std::uint8_t ModelState::support_needs(Person& who, bool via_programme) {
  const SupportParams& sp = p.support;
  const double los = sim.now() - who.admitted_at;
  const bool long_stay = los >= sp.independent_living_min_stay_days;
  std::uint8_t needs = 0;
  if (who.alone && (long_stay || via_programme)) needs |= package_bit(SupportKind::IndependentLiving);
  if (who.revolving || (who.alone && long_stay)) needs |= package_bit(SupportKind::Settlement);
  if (chance(who, Draw::Support, sp.p_home_nursing_at_discharge.at(sim.now())))
    needs |= package_bit(SupportKind::HomeNursing);
  return needs;
}

bool ModelState::offers_support(int municipality, SupportKind k) const {
  return facilities[facilities.support(municipality, k)].capacity.peak() >= 1;
}

void ModelState::apply_for_support(Person& who) {
  if (who.support_applied_at == Person::kNever) who.support_applied_at = sim.now();
}

bool ModelState::arrange_support(Person& who) {
  apply_for_support(who);  // at readiness, unless the planning conference made it
  for (std::size_t i = 0; i < kSupportKinds; ++i) {
    const auto k = static_cast<SupportKind>(i);
    const std::uint8_t bit = package_bit(k);
    if (!(who.support_needs & bit) || (who.packages & bit)) continue;
    if (!offers_support(who.municipality, k)) {
      who.support_needs &= static_cast<std::uint8_t>(~bit);  // no such service here: the need goes unmet
      continue;
    }
    // An inpatient: in the order of the application's day, before community applicants.
    if (!take_or_queue_support(who, k, static_cast<int>(std::floor(who.support_applied_at)))) return false;
  }
  return true;
}

void ModelState::leave_for_home(Person& who, Cause cause) {
  const double done = who.support_applied_at + p.support.arrangement_days;
  // A need the municipality does not offer was dropped from support_needs (arrange_support).
  if ((who.welfare_to_arrange & who.support_needs) == 0 || done <= sim.now()) {
    discharge_to(who, Place::Home, -1, cause);
    return;
  }
  // The places are the person's from now (in use, they cost that capacity) while the plan
  // and the municipality's decision are made; then the move (on_hold_end).
  who.arranging = true;
  if (!who.blocked) become_blocked(who, BlockReason::Support);
  cancel(who.pending(Process::GroupHomeHold));
  if (done <= p.run.horizon_days)
    who.pending(Process::GroupHomeHold) = sim.schedule(done, engine::Priority::Release, ev_hold_end_, who.id);
}

bool ModelState::take_or_queue_support(Person& who, SupportKind k, int priority) {
  engine::Resource& caseload = resource(facilities.support(who.municipality, k));
  if (take(caseload, who.id)) {
    hold_support(who, k, support_period(k));
    return true;
  }
  who.support_request_kind = static_cast<int>(k);
  who.support_request = caseload.acquire(who.id, 1, priority);
  return false;
}

void ModelState::release_all_support(Person& who) {
  for (std::size_t k = 0; k < kSupportKinds; ++k) release_support(who, static_cast<SupportKind>(k));
}

void ModelState::end_home_support(Person& who) {
  release_support(who, SupportKind::IndependentLiving);
  release_support(who, SupportKind::Settlement);
}

void ModelState::hold_support(Person& who, SupportKind k, double mean_days) {
  who.packages |= package_bit(k);
  note_monthly(who);
  service(who, ServiceKind::SupportPlace, who.municipality, 0, true, static_cast<std::uint8_t>(k));
  double days = mean_days;
  if (k == SupportKind::HomeNursing) days = exp1(who, Draw::Support) * mean_days;  // an episode
  Handle& end = who.support_end(k);
  cancel(end);
  if (sim.now() + days <= p.run.horizon_days)
    end = sim.schedule(sim.now() + days, engine::Priority::Release, ev_support_end_,
                       who.id * kKinds + static_cast<std::uint64_t>(k));
}

void ModelState::release_support(Person& who, SupportKind k) {
  const std::uint8_t bit = package_bit(k);
  if (!(who.packages & bit)) return;
  who.packages &= static_cast<std::uint8_t>(~bit);
  cancel(who.support_end(k));
  service(who, ServiceKind::SupportPlace, who.municipality, 0, false, static_cast<std::uint8_t>(k));
  resource(facilities.support(who.municipality, k)).release(who.id);
}

void ModelState::withdraw_support_request(Person& who) {
  if (who.support_request_kind < 0) return;
  const auto k = static_cast<SupportKind>(who.support_request_kind);
  engine::Resource& caseload = resource(facilities.support(who.municipality, k));
  caseload.cancel_if_waiting(who.support_request);
  who.support_request = 0;
  who.support_request_kind = -1;
}

void ModelState::take_entry_support(Person& who, bool day0) {
  // Someone entering at home with a support need takes a place if one is free, else goes
  // without (the need is met later only through a discharge). On day 0 a period is part
  // way through: its remaining length is uniform over the period (an episode is memoryless).
  const std::uint8_t wanted = who.support_needs;
  who.support_needs = 0;
  for (std::size_t i = 0; i < kSupportKinds; ++i) {
    const auto k = static_cast<SupportKind>(i);
    if (!(wanted & package_bit(k)) || !offers_support(who.municipality, k)) continue;
    if (!take(resource(facilities.support(who.municipality, k)), who.id)) continue;
    double mean = support_period(k);
    if (day0 && k != SupportKind::HomeNursing) mean *= uniform(who, Draw::Support);
    hold_support(who, k, mean);
  }
}

void ModelState::go_home(Person& who, Cause cause, bool via_programme) {
  withdraw_support_request(who);  // the needs are assessed afresh (e.g. a programme ends)
  who.support_needs = support_needs(who, via_programme);
  // 自立生活援助 and 地域定着支援 not held yet need a plan and a decision before they start; a
  // transition programme made them during the programme.
  who.welfare_to_arrange =
      via_programme ? 0 : static_cast<std::uint8_t>(who.support_needs & kWelfareSupport & ~who.packages);
  if (arrange_support(who)) {
    leave_for_home(who, cause);
    return;
  }
  become_blocked(who, BlockReason::Support);
}

void ModelState::on_support_end(std::uint64_t payload) {
  Person& who = people_[payload / kKinds];
  const auto k = static_cast<SupportKind>(payload % kKinds);
  who.support_end(k) = Handle{};
  release_support(who, k);
  // 地域定着支援 is granted a year at a time and renewed while the person lives in the
  // community and still needs it (nobody waiting comes first: take() refuses then).
  const bool still_needed = who.revolving || who.alone;
  if (k == SupportKind::Settlement && still_needed && in_community(who.place) && who.place != Place::GroupHome &&
      take(resource(facilities.support(who.municipality, k)), who.id))
    hold_support(who, k, p.support.settlement_period_days);
  reschedule_crisis(who);  // the service's factor on the crisis rate ends (or goes on)
}

void ModelState::on_support_grant(SupportKind k, std::uint64_t id) {
  Person& who = people_[id];
  engine::Resource& caseload = resource(facilities.support(who.municipality, k));
  if (!who.present || who.support_request_kind != static_cast<int>(k)) {
    caseload.release(id);  // a stale request
    return;
  }
  who.support_request = 0;
  who.support_request_kind = -1;
  hold_support(who, k, support_period(k));
  if (in_hospital(who.place) && who.blocked && who.block_reason == BlockReason::Support) {
    if (arrange_support(who)) leave_for_home(who, Cause::Ready);  // the arrangements ran meanwhile
    return;
  }
  if (who.place == Place::GroupHome && !who.in_hospital_queue && k == SupportKind::IndependentLiving) {
    leave_group_home_for_home(who);  // the move out waited for 自立生活援助
    return;
  }
  release_support(who, k);  // no longer waiting for it (e.g. on a crisis short stay): the offer passes
}

}  // namespace caresim::model
