// Accumulation side of the IndicatorCollector: every record updates the region's scope and
// its municipality's; person histories (stays, discharges, exits) are kept for the
// follow-up indicators computed at the end (indicator_compute.cpp).
#include "models/indicator_collector.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "engine/core/prefetch.hpp"

namespace caresim::model {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();

// The warm-up day, which must lie in [0, horizon]: the window of every indicator.
double checked_warmup(const RunParams& run) {
  if (!(run.warmup_days >= 0 && run.warmup_days <= run.horizon_days)) {
    std::ostringstream msg;
    msg.precision(17);
    msg << "Parameters: run.warmup_days = " << run.warmup_days
        << " must be from 0 to run.horizon_days = " << run.horizon_days
        << " (the indicators are collected from the warm-up to the horizon)";
    throw std::invalid_argument(msg.str());
  }
  return run.warmup_days;
}

// The integral of `ph` over [from, to].
double integral(const Phased& ph, double from, double to) {
  double sum = 0;
  for (std::size_t i = 0; i < ph.steps.size(); ++i) {
    const double lo = std::max(from, ph.steps[i].first);
    const double hi = std::min(to, i + 1 < ph.steps.size() ? ph.steps[i + 1].first : to);
    if (hi > lo) sum += ph.steps[i].second * (hi - lo);
  }
  return sum;
}
}  // namespace

IndicatorCollector::IndicatorCollector(const Parameters& params, const FacilityTable& facilities)
    : p_(params),
      months_(months_of_run(params.run.start, params.run.horizon_days)),
      warmup_(checked_warmup(params.run)),
      horizon_(params.run.horizon_days),
      scopes_(params.municipalities.size() + 1),
      hubs_(params.hubs.size()),
      coordinator_fte_days_(params.hubs.size(), 0.0),
      cut_(warmup_),
      meter_of_(facilities.size(), -1) {
  for (std::size_t i = 0; i < facilities.size(); ++i) {
    const Facility& f = facilities.rows()[i];
    if (f.kind == CapacityKind::Coordinators && f.hub >= 0 && static_cast<std::size_t>(f.hub) < params.hubs.size())
      coordinator_fte_days_[static_cast<std::size_t>(f.hub)] = integral(f.capacity, warmup_, horizon_);
    if (f.group == kNoGroup && !counts_users(f.kind)) continue;
    meter_of_[i] = static_cast<int>(meters_.size());
    meters_.emplace_back(cut_, f);
  }
  cut_.on_cutoff([this](double t) {
    for (Scope& s : scopes_) {
      s.inpatients.reset(t);
      for (engine::TimeWeighted& at : s.at_place) at.reset(t);
      for (auto& beds : s.beds_by_funding)
        for (engine::TimeWeighted& b : beds) b.reset(t);
    }
    for (Meter& m : meters_) {
      m.in_use.reset(t);
      m.capacity.reset(t);
    }
  });
}

engine::Recorder<engine::ResourceRecord>* IndicatorCollector::occupancy_meter(FacilityId f) {
  const int m = index(f) < meter_of_.size() ? meter_of_[index(f)] : -1;
  return m < 0 ? nullptr : &meters_[static_cast<std::size_t>(m)];
}

void IndicatorCollector::Meter::record(const engine::ResourceRecord& r) {
  cut_->observe(r.time);
  // Only changes split the integral: a record that leaves a value as it was adds nothing.
  if (const auto v = static_cast<double>(r.in_use); v != in_use.current()) in_use.update(r.time, v);
  if (const auto v = static_cast<double>(r.capacity); v != capacity.current()) capacity.update(r.time, v);
}

double IndicatorCollector::long_part(double from, double to, double admitted) const {
  return std::max(0.0, to - std::max({from, warmup_, admitted + 365.0}));
}

IndicatorCollector::PersonTrack& IndicatorCollector::track(std::uint64_t id) {
  while (id >= people_.size()) people_.emplace_back();
  return people_[id];
}

void IndicatorCollector::expect(std::uint64_t person) const {
  if (person < people_.size()) engine::prefetch_bytes(&people_[person], sizeof(PersonTrack));
  if (person < care_plans_.size()) engine::prefetch(&care_plans_[person]);
}

void IndicatorCollector::record(const MovementRecord& r) {
  cut_.observe(r.time);
  PersonTrack& pt = track(r.person);
  const double t = r.time;
  const bool after = t >= warmup_;
  if (r.kind == MoveKind::Enter) {
    pt.municipality = r.municipality;
    pt.birth = r.birth;
    pt.diagnosis = r.diagnosis;
    pt.public_assistance = r.public_assistance;
  }
  const Funding funded_before = funding(pt);
  pt.type = r.admission;
  const Funding funded_after = funding(pt);
  if (r.kind == MoveKind::Transfer) {
    if (!pt.stays.empty()) pt.stays.back().left_first = std::min(pt.stays.back().left_first, t);
    if (after) {
      count_destination(pt.municipality, kTransfer, t - r.admitted);
      both(pt.municipality, [&](Scope& s) {
        s.transfers += 1;
        if (r.to == Place::HospitalElsewhere) s.transfers_out_of_region += 1;
      });
    }
  }
  if (in_hospital(r.from) && !in_hospital(r.to)) {
    if (!pt.stays.empty()) {
      pt.stays.back().left = t;
      pt.stays.back().left_first = std::min(pt.stays.back().left_first, t);
    }
    both(pt.municipality, [&](Scope& s) {
      s.inpatients.add(t, -1);
      if (after) s.discharges += 1;
    });
    if (after) count_destination(pt.municipality, destination_of(r), t - r.admitted);
  }
  if (!in_hospital(r.from) && in_hospital(r.to)) {
    pt.admitted_at = r.admitted;
    pt.stays.push_back({r.admitted, kInf, kInf});
    both(pt.municipality, [&](Scope& s) { s.inpatients.add(t, +1); });
    if (r.kind == MoveKind::Admit && after) {
      // Revolving door: this admission is the third (or more) within 365 days.
      int recent = 0;
      for (const Stay& st : pt.stays) recent += st.admitted > t - 365.0 ? 1 : 0;
      const bool newly = recent >= 3 && !pt.revolving;
      if (newly) pt.revolving = true;
      // An admission after a wait at home was counted on the day of the crisis (the wait's start).
      const bool after_wait = r.cause == Cause::AdmissionQueue || r.cause == Cause::Deterioration;
      both(pt.municipality, [&](Scope& s) {
        s.bed_admissions += 1;
        if (!after_wait) {
          s.admissions += 1;
          s.type_counts[static_cast<std::size_t>(r.admission)] += 1;
        }
        if (newly) s.revolving += 1;
      });
    }
  }
  if (r.kind == MoveKind::Discharge && in_community(r.to)) pt.community_discharges.push_back(t);
  if (r.kind == MoveKind::Exit) {
    if (after && r.cause == Cause::Death) both(pt.municipality, [](Scope& s) { s.deaths += 1; });
    pt.exited = true;
    pt.exit_time = t;
    pt.exit_cause = r.cause;
  }
  if (r.from != r.to) {
    both(pt.municipality, [&](Scope& s) {
      if (r.from != Place::Outside) s.at_place[static_cast<std::size_t>(r.from)].add(t, -1);
      if (r.to != Place::Outside) s.at_place[static_cast<std::size_t>(r.to)].add(t, +1);
    });
  }
  // The bed-days' funding: by the place, and by the stay's type when it changed.
  if (r.from != r.to || funded_before != funded_after) {
    both(pt.municipality, [&](Scope& s) {
      if (in_hospital(r.from)) s.beds_by_funding[static_cast<std::size_t>(funded_before)][bed_of(r.from)].add(t, -1);
      if (in_hospital(r.to)) s.beds_by_funding[static_cast<std::size_t>(funded_after)][bed_of(r.to)].add(t, +1);
    });
  }
  pt.place = r.to;
  if (r.to == Place::GroupHome) plan_candidates_.push_back(r.person);  // a welfare service while there
  pt.facility = r.facility;
  if (in_hospital(r.to) && !pt.listed) {
    pt.listed = true;
    inpatients_.push_back(r.person);
  }
}

std::size_t IndicatorCollector::bed_of(Place p) {
  return p == Place::CommunityWard ? 1 : p == Place::HospitalElsewhere ? 2 : 0;
}

void IndicatorCollector::retype(PersonTrack& pt, AdmissionType type, double t) {
  const Funding before = funding(pt);
  pt.type = type;
  const Funding after = funding(pt);
  if (!in_hospital(pt.place) || before == after) return;
  both(pt.municipality, [&](Scope& s) {
    s.beds_by_funding[static_cast<std::size_t>(before)][bed_of(pt.place)].add(t, -1);
    s.beds_by_funding[static_cast<std::size_t>(after)][bed_of(pt.place)].add(t, +1);
  });
}

int IndicatorCollector::destination_of(const MovementRecord& r) {
  switch (r.to) {
    case Place::Home:
      return kHome;
    case Place::GroupHome:
      return kGroupHome;
    case Place::SupportedHousing:
      return kSupportedHousing;
    default:
      break;
  }
  return r.cause == Cause::Death ? kDeath : r.cause == Cause::ElderlyCare ? kElderlyCare : kOther;
}

void IndicatorCollector::count_destination(int municipality, int destination, double length_of_stay) {
  const auto d = static_cast<std::size_t>(destination);
  both(municipality, [&](Scope& s) {
    s.destinations[d] += 1;
    if (length_of_stay >= 365.0) s.long_stay_destinations[d] += 1;
  });
}

void IndicatorCollector::record(const CrisisRecord& r) {
  if (r.time < warmup_) return;
  both(r.municipality, [&](Scope& s) {
    s.crisis[static_cast<std::size_t>(r.outcome)] += 1;
    s.response_hours += r.response_hours;
  });
}

void IndicatorCollector::record(const CoordinatorRecord& r) {
  hubs_[static_cast<std::size_t>(r.hub)] = r;
  if (r.time < warmup_ || static_cast<std::size_t>(r.month) >= months_.size()) return;
  scopes_.back().coordinator_hours_available += r.hours;
  for (const int m : p_.hubs[static_cast<std::size_t>(r.hub)].municipalities)
    scope(m).coordinator_hours_available += r.hours;
}

void IndicatorCollector::record(const ServiceRecord& r) {
  PersonTrack& pt = track(r.person);
  const bool after = r.time >= warmup_;
  switch (r.kind) {
    case ServiceKind::HospitalQueueJoin:
      pt.waits.emplace_back(r.time, kInf);
      // The admission was decided on this day (triage), whenever a bed is found.
      if (after) {
        both(r.municipality, [&](Scope& s) {
          s.admissions += 1;
          s.type_counts[r.detail] += 1;
        });
      }
      return;
    case ServiceKind::HospitalQueueLeave:
      if (!pt.waits.empty()) pt.waits.back().second = r.time;
      break;
    case ServiceKind::IndependentLivingMonth:
    case ServiceKind::SettlementMonth:
    case ServiceKind::TransitionMonth:
      if (r.person >= care_plans_.size()) care_plans_.resize(r.person + 1);
      care_plans_[r.person].community_month_at = r.time;
      plan_candidates_.push_back(r.person);
      break;
    case ServiceKind::TrialStay:
      // A group-home trial (flag): its days within the report window.
      if (r.flag) {
        const double days = std::min(r.time + r.value, horizon_) - std::max(r.time, warmup_);
        if (days > 0) both(r.municipality, [&](Scope& s) { s.trial_days += days; });
      }
      break;  // and counted below
    case ServiceKind::LegalConversion:
      retype(pt, AdmissionType::Voluntary, r.time);  // the stay goes on as 任意入院 (the stock's mix)
      break;
    case ServiceKind::BlockedStart:
      pt.blocked_since = r.time;
      pt.blocked_reason = r.detail;
      return;
    case ServiceKind::BlockedEnd: {
      const double days = std::max(0.0, r.time - std::max(r.time - r.value, warmup_));
      const double long_days = long_part(r.time - r.value, r.time, pt.admitted_at);
      both(r.municipality, [&](Scope& s) {
        s.blocked_days += days;
        s.blocked_long_days += long_days;
        s.blocked_days_by_reason.at(r.detail) += days;
      });
      pt.blocked_since = -1;
      return;
    }
    default:
      break;
  }
  if (!after) return;
  both(r.municipality, [&](Scope& s) {
    switch (r.kind) {
      case ServiceKind::Claim:
        s.claims += 1;
        s.units[4] += 1;
        break;
      case ServiceKind::TransitionMonth:
        s.units[0] += 1;
        break;
      case ServiceKind::IndependentLivingMonth:
        s.units[1] += 1;
        break;
      case ServiceKind::SettlementMonth:
        s.units[2] += 1;
        break;
      case ServiceKind::HomeNursingMonth:
        s.home_nursing_months[static_cast<std::size_t>(funding_of(AdmissionType::Voluntary, pt.public_assistance))] +=
            1;
        break;
      case ServiceKind::EmergencyDay:
        s.units[3] += 1;
        break;
      case ServiceKind::Motivation:
        s.coordinator_hours[0] += r.value;
        break;
      case ServiceKind::Backup:
        s.coordinator_hours[1] += r.value;
        break;
      case ServiceKind::Registration:
        s.coordinator_hours[2] += r.value;
        break;
      case ServiceKind::WishStated:
        s.wishes += 1;
        s.wishes_supported += r.flag ? 1 : 0;
        break;
      case ServiceKind::Referral:
        (r.flag ? s.referrals : s.hospital_planning) += 1;
        break;
      case ServiceKind::ProgrammeStart:
        s.programme_starts += 1;
        break;
      case ServiceKind::TrialStay:
        s.trial_stays += 1;
        break;
      case ServiceKind::ProgrammeEnd:
        s.programme_successes += r.flag ? 1 : 0;
        break;
      case ServiceKind::HospitalQueueLeave:
        s.hospital_waits += 1;
        s.hospital_waited += r.value;
        break;
      case ServiceKind::LegalConversion:
        s.legal_conversions += 1;
        break;
      case ServiceKind::FarPlacement:
        s.far_placements += 1;
        s.out_of_region += r.flag ? 1 : 0;
        break;
      case ServiceKind::GroupHomeListLeave:
        if (r.flag) {
          s.gh_waits += 1;
          s.gh_waited += r.value;
        }
        break;
      default:
        break;
    }
  });
}

void IndicatorCollector::record(const SnapshotRecord& r) {
  cut_.observe(r.time);  // the snapshot at the horizon cuts a warm-up that lasts the whole run
  const double t = r.time;
  const Date date = date_of_model_day(p_.run.start, t);
  const bool fiscal_year_end = t > 0 && date == fiscal_year_start(date);
  const bool month_start = static_cast<std::size_t>(r.month) < months_.size();
  const bool after = t >= warmup_;
  if (month_start) count_care_plans(r);
  if (!after && !fiscal_year_end) return;
  const std::size_t n = scopes_.size();
  if (after && !report_started_) {
    report_started_ = true;
    for (std::size_t id = 0; id < people_.size(); ++id) {
      const PersonTrack& pt = people_[id];
      if (pt.exited || pt.place == Place::Outside) continue;
      scope(pt.municipality).present_start += 1;
      scopes_.back().present_start += 1;
    }
  }
  // inpatients, long, long65, diag x3, type x3, in a bed elsewhere
  std::vector<std::array<double, 10>> c(n, std::array<double, 10>{});
  // The tracks lie far apart, and a large region's do not fit in the cache: ask for the
  // memory of those a few places ahead while counting one.
  constexpr std::size_t kAhead = 8;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < inpatients_.size(); ++i) {
    if (i + kAhead < inpatients_.size()) engine::prefetch(&people_[inpatients_[i + kAhead]]);
    const std::uint64_t id = inpatients_[i];
    PersonTrack& pt = people_[id];
    if (!in_hospital(pt.place)) {
      pt.listed = false;
      continue;
    }
    inpatients_[kept++] = id;
    const bool long_stay = t - pt.admitted_at >= 365.0;
    const bool senior = (t - pt.birth) / 365.25 >= 65.0;
    for (const std::size_t k : {static_cast<std::size_t>(pt.municipality), n - 1}) {
      c[k][0] += 1;
      c[k][9] += pt.place == Place::HospitalElsewhere ? 1 : 0;
      c[k][1] += long_stay ? 1 : 0;
      c[k][2] += long_stay && senior ? 1 : 0;
      c[k][3 + pt.diagnosis] += 1;
      c[k][6 + static_cast<std::size_t>(pt.type)] += 1;
    }
  }
  inpatients_.resize(kept);
  for (std::size_t k = 0; k < n; ++k) {
    Scope& s = scopes_[k];
    if (fiscal_year_end) {
      s.long_under65_last = c[k][1] - c[k][2];
      s.long_65plus_last = c[k][2];
      // The April-1 snapshot closes the fiscal year that began the April before.
      if (t > warmup_) {
        const std::string label = fiscal_year_label(fiscal_year(date.add_days(-1)));
        s.long_under65_series.emplace_back(label, s.long_under65_last);
        s.long_65plus_series.emplace_back(label, s.long_65plus_last);
      }
    }
    if (!after || !month_start) continue;
    s.snapshots += 1;
    s.inpatient_sum += c[k][0];
    s.elsewhere_sum += c[k][9];
    s.long_sum += c[k][1];
    s.long65_sum += c[k][2];
    for (std::size_t d = 0; d < 3; ++d) s.diagnosis_sum[d] += c[k][3 + d];
    for (std::size_t d = 0; d < 3; ++d) s.stock_type_sum[d] += c[k][6 + d];
  }
  scopes_.back().present = static_cast<double>(r.present);
}

void IndicatorCollector::count_care_plans(const SnapshotRecord& r) {
  // A person uses a welfare service this month if a 自立生活援助, 地域定着支援 or 地域移行支援
  // month was billed at this boundary, or if they live in a group home now. A month of use
  // after a month without makes a plan; then a monitoring follows every
  // costs.monitoring_months_community months (monthly by default) while one of the first
  // three is used, or every costs.monitoring_months_group_home months for a group home alone.
  if (care_plans_.size() < people_.size()) care_plans_.resize(people_.size());
  const bool after = r.time >= warmup_;
  // Only those who may use one: a month billed at this boundary, or a group home entered
  // (kept while they live there), not everyone ever tracked. Counts add whole numbers, so
  // the order of the walk cannot change them.
  std::sort(plan_candidates_.begin(), plan_candidates_.end());
  plan_candidates_.erase(std::unique(plan_candidates_.begin(), plan_candidates_.end()), plan_candidates_.end());
  std::size_t kept = 0;
  constexpr std::size_t kAhead = 8;  // the candidates lie far apart: ask for those ahead
  for (std::size_t i = 0; i < plan_candidates_.size(); ++i) {
    if (i + kAhead < plan_candidates_.size()) expect(plan_candidates_[i + kAhead]);
    const std::uint64_t id = plan_candidates_[i];
    const PersonTrack& pt = people_[id];
    CarePlan& cp = care_plans_[id];
    if (!pt.exited && pt.place == Place::GroupHome) plan_candidates_[kept++] = id;
    const bool community = cp.community_month_at == r.time;
    if (!community && (pt.exited || pt.place != Place::GroupHome)) continue;
    const double interval = community ? p_.cost.monitoring_months_community : p_.cost.monitoring_months_group_home;
    bool plan = false, monitoring = false;
    if (cp.last_month != r.month - 1) {
      plan = true;
      cp.since = 0;
    } else if (++cp.since >= interval) {
      monitoring = true;
      cp.since = 0;
    }
    cp.last_month = r.month;
    if (!after) continue;
    both(pt.municipality, [&](Scope& s) {
      s.plan_months += plan ? 1 : 0;
      s.monitoring_months += monitoring ? 1 : 0;
    });
  }
  plan_candidates_.resize(kept);
}

}  // namespace caresim::model
