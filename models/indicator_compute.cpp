// Computing side of the IndicatorCollector: turns the accumulated scopes and person
// histories into the IndicatorTable, with the definitions of docs/indicators.md.
#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "models/indicator_collector.hpp"

namespace caresim::model {

namespace {
double ratio(double a, double b) {
  return b > 0 ? a / b : 0.0;
}
// Place-days held over place-days offered. The two are sums over different pieces (the
// units in use change at every admission, the capacity seldom), so a facility full over
// the whole window can hold one rounding more than it offered: occupancy 1 + 2^-52 (random
// scenario 853 of tests/model/random_scenarios_test.cpp). An excess that small is taken
// for the 1 it is; one of whole place-days (a capacity lowered below its holders, who are
// never evicted) is kept.
double occupancy_ratio(double held, double offered) {
  if (held > offered && held - offered <= 1e-12 * offered) return 1.0;
  return ratio(held, offered);
}
// Keys of discharge_destinations and long_stay_exit_destinations, in Destination order.
constexpr const char* kDestinationKeys[7] = {"home",  "group_home", "supported_housing", "elderly_care", "transfer",
                                             "death", "other"};
}  // namespace

IndicatorTable IndicatorCollector::table() const {
  // The model's snapshot at the horizon reaches the cut at the latest (the warm-up is
  // checked to end by the horizon); without it every time-weighted figure would include
  // the warm-up.
  if (!cut_.passed()) {
    throw std::logic_error("IndicatorCollector::table: no record at or after the warm-up day " +
                           std::to_string(warmup_) + " has arrived; call it after the run");
  }
  IndicatorTable t;
  const std::vector<Histories> h = histories();
  fill(t, scopes_.back(), h.back(), -1);
  for (std::size_t m = 0; m + 1 < scopes_.size(); ++m) {
    MunicipalityIndicators mi;
    mi.id = p_.municipalities[m].id;
    mi.name = p_.municipalities[m].name;
    fill(mi.table, scopes_[m], h[m], static_cast<int>(m));
    t.by_municipality.push_back(std::move(mi));
  }
  return t;
}

std::vector<IndicatorCollector::Histories> IndicatorCollector::histories() const {
  std::vector<double> month_end;
  for (const MonthSpan& ms : months_) month_end.push_back(ms.end);
  const std::size_t nm = months_.size();
  static constexpr double kWindows[4] = {30, 90, 180, 365};
  std::vector<Histories> all(scopes_.size());
  for (std::size_t k = 0; k < all.size(); ++k) {
    all[k].left.assign(nm, std::array<double, 12>{});
    all[k].cohort.assign(nm, std::array<double, 12>{});
    // Blocked days still running at the end count up to the horizon, after those ended.
    all[k].blocked = scopes_[k].blocked_days;
    all[k].blocked_long = scopes_[k].blocked_long_days;
    all[k].by_reason = scopes_[k].blocked_days_by_reason;
  }
  // Adds the history of `pt` to `h`.
  auto add = [&](Histories& h, const PersonTrack& pt) {
    h.present += !pt.exited && pt.place != Place::Outside ? 1 : 0;
    for (const Stay& st : pt.stays) {
      h.long_stay_days += long_part(st.admitted, std::min(st.left, horizon_), st.admitted);
      // Discharge curve on monthly admission cohorts after warm-up. A transfer counts as
      // leaving (national method: per hospital).
      const double admit = st.admitted, leave = st.left_first;
      if (admit < warmup_) continue;
      const auto c =
          static_cast<std::size_t>(std::upper_bound(month_end.begin(), month_end.end(), admit) - month_end.begin());
      for (std::size_t k = 0; k < 12 && c + k < nm; ++k) {
        if (month_end[c + k] > horizon_) break;
        h.cohort[c][k] += 1;
        if (leave <= month_end[c + k]) h.left[c][k] += 1;
      }
    }
    // Follow-up of discharges to the community.
    for (const double d : pt.community_discharges) {
      if (d < warmup_ || d + 365.0 > horizon_) continue;
      // Days in hospital or waiting at home for a bed are not community days; a readmission
      // counts from the day a crisis was triaged to admission, bed or no bed.
      double hospital_days = 0;
      double first_readmission = std::numeric_limits<double>::infinity();
      double stay_length = 0;
      // A stay, or a wait for a bed, from `from` to `to`: it starts a readmission if it begins
      // after the discharge, and its days within the follow-up are not community days.
      auto not_in_community = [&](double from, double to) {
        if (from < d) return;
        first_readmission = std::min(first_readmission, from - d);
        const double hi = std::min(to, d + 365.0);
        if (hi > from) hospital_days += hi - from;
      };
      for (const Stay& st : pt.stays) {
        if (st.left == d) stay_length = d - st.admitted;
        not_in_community(st.admitted, st.left);
      }
      for (const auto& [from, to] : pt.waits) not_in_community(from, to);
      h.cd_sum += 365.0 - hospital_days;
      h.cd_n += 1;
      const bool died = pt.exited && pt.exit_cause == Cause::Death && pt.exit_time <= d + 365.0;
      if (stay_length <= 365.0 && !died) {
        h.readmit_n += 1;
        for (std::size_t w = 0; w < 4; ++w) h.readmitted[w] += first_readmission <= kWindows[w] ? 1 : 0;
      }
    }
    h.revolving += pt.revolving ? 1 : 0;
    if (pt.blocked_since >= 0) {
      const double days = horizon_ - std::max(pt.blocked_since, warmup_);
      h.blocked += days;
      h.blocked_long += long_part(pt.blocked_since, horizon_, pt.admitted_at);
      h.by_reason.at(pt.blocked_reason) += days;
    }
  };
  // One walk for every scope: each receives its people in the order of their ids, as a
  // walk of its own would give them, so every sum is the same to the last bit.
  for (std::size_t id = 0; id < people_.size(); ++id) {
    const PersonTrack& pt = people_[id];
    add(all[static_cast<std::size_t>(pt.municipality)], pt);
    add(all.back(), pt);
  }
  return all;
}

void IndicatorCollector::fill(IndicatorTable& t, const Scope& s, const Histories& h, int municipality) const {
  const double years = std::max(1e-9, (horizon_ - warmup_) / 365.25);
  const std::size_t nm = months_.size();
  double population = 0;
  std::array<double, 12> curve{};
  for (std::size_t k = 0; k < 12; ++k) {
    double sum = 0, n = 0;
    for (std::size_t c = 0; c < nm; ++c) {
      if (h.cohort[c][k] > 0) {
        sum += h.left[c][k] / h.cohort[c][k];
        n += 1;
      }
    }
    curve[k] = n > 0 ? sum / n : std::numeric_limits<double>::quiet_NaN();
  }
  for (std::size_t m = 0; m < p_.municipalities.size(); ++m) {
    if (municipality < 0 || static_cast<int>(m) == municipality) population += p_.municipalities[m].population;
  }

  t.add("discharge_rate_3m", curve[2]);
  t.add("discharge_rate_6m", curve[5]);
  t.add("discharge_rate_12m", curve[11]);
  t.add("discharge_curve_monthly", std::vector<double>(curve.begin(), curve.end()));
  t.add("community_days_mean", h.cd_n > 0 ? h.cd_sum / h.cd_n : std::numeric_limits<double>::quiet_NaN());
  t.add("readmission_30d", ratio(h.readmitted[0], h.readmit_n));
  t.add("readmission_90d", ratio(h.readmitted[1], h.readmit_n));
  t.add("readmission_180d", ratio(h.readmitted[2], h.readmit_n));
  t.add("readmission_365d", ratio(h.readmitted[3], h.readmit_n));
  t.add("revolving_door", h.revolving);
  t.add("long_stay_under65", s.long_under65_last);
  t.add("long_stay_65plus", s.long_65plus_last);
  t.add("long_stay_under65_series", s.long_under65_series);
  t.add("long_stay_65plus_series", s.long_65plus_series);
  const double inpatients = ratio(s.inpatient_sum, s.snapshots);
  t.add("inpatients", inpatients);
  t.add("inpatients_per_100k", ratio(inpatients * 100000.0, population));
  t.add("inpatients_elsewhere", ratio(s.elsewhere_sum, s.snapshots));
  t.add("inpatients_by_diagnosis", {{"F2", ratio(s.diagnosis_sum[0], s.snapshots)},
                                    {"F0", ratio(s.diagnosis_sum[1], s.snapshots)},
                                    {"other", ratio(s.diagnosis_sum[2], s.snapshots)}});
  t.add("long_stay_per_100k_under65", ratio((s.long_sum - s.long65_sum) * 100000.0, s.snapshots * population));
  t.add("long_stay_per_100k_65plus", ratio(s.long65_sum * 100000.0, s.snapshots * population));
  t.add("long_stay_share", ratio(s.long_sum, s.inpatient_sum));
  t.add("long_stay_65plus_share", ratio(s.long65_sum, s.long_sum));
  const double admitted = s.type_counts[0] + s.type_counts[1] + s.type_counts[2];
  t.add("admission_type_mix", {{"voluntary", ratio(s.type_counts[0], admitted)},
                               {"involuntary", ratio(s.type_counts[1], admitted)},
                               {"administrative", ratio(s.type_counts[2], admitted)}});
  t.add("stock_type_mix", {{"voluntary", ratio(s.stock_type_sum[0], s.inpatient_sum)},
                           {"involuntary", ratio(s.stock_type_sum[1], s.inpatient_sum)},
                           {"administrative", ratio(s.stock_type_sum[2], s.inpatient_sum)}});
  const double inpatient_days = s.inpatients.integral(horizon_);
  // Hospital-report method, per hospital: a transfer is a discharge from one hospital and an
  // admission to another.
  t.add("average_length_of_stay", ratio(inpatient_days, (s.bed_admissions + s.discharges + 2.0 * s.transfers) / 2.0));
  t.add("admissions_per_year", s.admissions / years);
  t.add("discharges_per_year", s.discharges / years);
  auto destinations = [&](const std::array<double, 7>& counts) {
    std::vector<std::pair<std::string, double>> m;
    for (std::size_t d = 0; d < counts.size(); ++d) m.emplace_back(kDestinationKeys[d], counts[d] / years);
    return m;
  };
  t.add("discharge_destinations", destinations(s.destinations));
  t.add("long_stay_exit_destinations", destinations(s.long_stay_destinations));
  t.add("deaths", s.deaths / years);
  // Bed-days a community place could release: blocked, or at a stay of a year or more (the
  // blocked days at a long stay counted once). Unlike blocked bed-days alone, it does not fall
  // when fewer long-stay inpatients are readied by a programme and so wait blocked.
  t.add("blocked_bed_days", h.blocked / years);
  t.add("long_or_blocked_bed_days", (h.long_stay_days + h.blocked - h.blocked_long) / years);
  t.add("blocked_share", ratio(h.blocked, inpatient_days));
  t.add("blocked_long_stay_share", ratio(h.blocked_long, h.blocked));
  std::vector<std::pair<std::string, double>> reasons;
  for (std::size_t r = 0; r < h.by_reason.size(); ++r) {
    reasons.emplace_back(block_reason_key(static_cast<BlockReason>(r)), h.by_reason[r] / years);
  }
  t.add("blocked_bed_days_by_reason", std::move(reasons));
  const double crises = s.crisis[0] + s.crisis[1] + s.crisis[2] + s.crisis[3];
  t.add("crisis_outcomes", {{"home", s.crisis[0] / years},
                            {"short_stay", s.crisis[1] / years},
                            {"admission", s.crisis[2] / years},
                            {"outpatient", s.crisis[3] / years}});
  t.add("crisis_outcome_shares", {{"home", ratio(s.crisis[0], crises)},
                                  {"short_stay", ratio(s.crisis[1], crises)},
                                  {"admission", ratio(s.crisis[2], crises)},
                                  {"outpatient", ratio(s.crisis[3], crises)}});
  t.add("time_to_response", ratio(s.response_hours, crises));
  t.add("wait_days_hospital",
        s.hospital_waits > 0 ? s.hospital_waited / s.hospital_waits : std::numeric_limits<double>::quiet_NaN());
  t.add("hospital_waits", s.hospital_waits / years);
  t.add("far_placements", s.far_placements / years);
  t.add("out_of_region_placements", s.out_of_region / years);
  t.add("transfers_out_of_region", s.transfers_out_of_region / years);
  t.add("legal_conversions", s.legal_conversions / years);
  t.add("wait_days_group_home", ratio(s.gh_waited, s.gh_waits));
  // Place-days held over place-days offered, as the facilities' Resources recorded them: a
  // place is in use while someone holds it, at it or not (a group-home resident on a crisis
  // short stay keeps the place).
  std::array<double, 4> held{}, offered{};
  for (const Meter& m : meters_) {
    if (municipality >= 0 && m.facility().municipality != municipality) continue;
    if (m.facility().group == kNoGroup) continue;
    const auto g = static_cast<std::size_t>(m.facility().group);
    held[g] += m.in_use.integral(horizon_);
    offered[g] += m.capacity.integral(horizon_);
  }
  static const char* kGroups[4] = {"hospitals", "group_homes", "crisis_beds", "transition"};
  std::vector<std::pair<std::string, double>> occ;
  for (std::size_t g = 0; g < 4; ++g) occ.emplace_back(kGroups[g], occupancy_ratio(held[g], offered[g]));
  t.add("occupancy", std::move(occ));
  // Users at once, averaged over the report window: group-home residents and the support
  // caseloads' users, per 100,000 residents.
  std::array<double, 4> users{};  // group homes, then SupportKind order
  for (const Meter& m : meters_) {
    if (municipality >= 0 && m.facility().municipality != municipality) continue;
    const CapacityKind kind = m.facility().kind;
    if (kind == CapacityKind::GroupHomePlaces) users[0] += m.in_use.integral(horizon_);
    if (counts_users(kind)) users[1 + static_cast<std::size_t>(support_kind_of(kind))] += m.in_use.integral(horizon_);
  }
  const auto per_100k = [&](double user_days) {
    return ratio(user_days * 100000.0, population * (horizon_ - warmup_));
  };
  t.add("service_users_per_100k", {{"group_home", per_100k(users[0])},
                                   {"independent_living", per_100k(users[1])},
                                   {"settlement", per_100k(users[2])},
                                   {"home_nursing", per_100k(users[3])}});
  const auto& ch = s.coordinator_hours;
  t.add("coordinator_utilisation", ratio(ch[0] + ch[1] + ch[2], s.coordinator_hours_available));
  t.add("coordinator_hours", {{"motivation", ch[0] / years},
                              {"backup", ch[1] / years},
                              {"registration", ch[2] / years},
                              {"total", (ch[0] + ch[1] + ch[2]) / years}});
  t.add("transition_flow", {{"wishes", s.wishes / years},
                            {"wishes_after_support", s.wishes_supported / years},
                            {"hospital_planning", s.hospital_planning / years},
                            {"starts", s.programme_starts / years},
                            {"trial_stays", s.trial_stays / years}});
  t.add("transition_referrals", s.referrals / years);
  t.add("transition_successes", s.programme_successes / years);
  // Users in a month: the programme months billed (a programme touches each calendar month it runs in).
  t.add("transition_users_per_100k", ratio(s.units[0] * 100000.0, population * years * 12.0));
  double hub_pop = 0, coord_pop = 0;
  for (std::size_t m = 0; m < p_.municipalities.size(); ++m) {
    if (municipality >= 0 && static_cast<int>(m) != municipality) continue;
    bool hub = false, coord = false;
    for (std::size_t k = 0; k < p_.hubs.size(); ++k) {
      const auto& served = p_.hubs[k].municipalities;
      if (!hubs_[k].open || std::find(served.begin(), served.end(), static_cast<int>(m)) == served.end()) continue;
      hub = true;
      coord = coord || hubs_[k].coordinators > 0;
    }
    hub_pop += hub ? p_.municipalities[m].population : 0;
    coord_pop += coord ? p_.municipalities[m].population : 0;
  }
  t.add("hub_coverage", ratio(hub_pop, population));
  t.add("coordinator_coverage", ratio(coord_pop, population));
  fill_costs(t, s, municipality);
  t.add("people_present_start", s.present_start);
  t.add("people_present", h.present);
}

void IndicatorCollector::fill_costs(IndicatorTable& t, const Scope& s, int municipality) const {
  const double years = std::max(1e-9, (horizon_ - warmup_) / 365.25);
  const CostParams& k = p_.cost;
  auto days_at = [&](Place place) { return s.at_place[static_cast<std::size_t>(place)].integral(horizon_); };
  // Welfare services, in units per year.
  const double transition = s.units[0] * k.units_transition / years;
  const double independent_living = s.units[1] * k.units_independent_living / years;
  const double settlement = s.units[2] * k.units_settlement / years;
  const double emergency = s.units[3] * k.units_emergency_day / years;
  const double group_home = days_at(Place::GroupHome) * k.units_group_home_day / years;
  const double trial = s.trial_days * k.units_group_home_trial_day / years;
  const double short_stay = days_at(Place::CrisisStay) * k.units_short_stay_day / years;
  const double plan = s.plan_months * k.units_plan / years;
  const double monitoring = s.monitoring_months * k.units_monitoring / years;
  const double total_units =
      transition + independent_living + settlement + emergency + group_home + trial + short_stay + plan + monitoring;
  // Funds part of the coordinators' salaries: shown, never added to a total.
  const double addon = s.units[4] * k.units_coordinator_claim / years;
  t.add("cost_units", {{"transition", transition},
                       {"independent_living", independent_living},
                       {"community_settlement", settlement},
                       {"emergency_days", emergency},
                       {"group_home", group_home},
                       {"group_home_trial", trial},
                       {"short_stay", short_stay},
                       {"care_planning", plan},
                       {"care_monitoring", monitoring},
                       {"total", total_units},
                       {"coordinator_addon", addon}});
  const double yen = k.yen_per_unit;
  const double general = days_at(Place::Hospital) * k.general_bed_day_yen() / years;
  const double ward = days_at(Place::CommunityWard) * k.community_ward_day_yen() / years;
  const double elsewhere = days_at(Place::HospitalElsewhere) * k.general_bed_day_yen() / years;
  const double hospital = general + ward + elsewhere;
  const auto& nursing_months = s.home_nursing_months;
  const double home_nursing =
      (nursing_months[0] + nursing_months[1] + nursing_months[2]) / years * k.home_nursing_month_yen();
  // Coordinators: each hub's full-time-equivalent days in the window; a municipality bears
  // the share of its population among the municipalities the hub serves.
  double fte_days = 0;
  for (std::size_t h = 0; h < p_.hubs.size(); ++h) {
    if (municipality < 0) {
      fte_days += coordinator_fte_days_[h];
      continue;
    }
    double served = 0, mine = 0;
    for (const int m : p_.hubs[h].municipalities) {
      const double pop = p_.municipalities[static_cast<std::size_t>(m)].population;
      served += pop;
      mine += m == municipality ? pop : 0;
    }
    fte_days += ratio(mine, served) * coordinator_fte_days_[h];
  }
  const double salaries = fte_days / 365.25 * k.coordinator_salary_yen_per_year / years;
  t.add("cost_yen", {{"transition", transition * yen},
                     {"independent_living", independent_living * yen},
                     {"community_settlement", settlement * yen},
                     {"emergency_days", emergency * yen},
                     {"group_home", group_home * yen},
                     {"group_home_trial", trial * yen},
                     {"short_stay", short_stay * yen},
                     {"care_planning", plan * yen},
                     {"care_monitoring", monitoring * yen},
                     {"welfare", total_units * yen},
                     {"inpatient_general", general},
                     {"inpatient_community_ward", ward},
                     {"inpatient_elsewhere", elsewhere},
                     {"hospital", hospital},
                     {"home_nursing", home_nursing},
                     {"coordinator_salaries", salaries},
                     {"coordinator_addon_funding", addon * yen},
                     {"total", total_units * yen + hospital + home_nursing + salaries}});

  // Who pays: the medical days by funding (bed-days at their ward's price, home nursing),
  // then the payer rules (models/payers.hpp).
  PayableCosts payable;
  payable.welfare = total_units * yen;
  payable.coordinator_salaries = salaries;
  payable.coordinator_addon = addon * yen;
  std::vector<std::pair<std::string, double>> bed_days;
  double all_bed_days = 0;
  for (std::size_t f = 0; f < kFundings; ++f) {
    const auto& beds = s.beds_by_funding[f];
    const double in_general = beds[0].integral(horizon_) + beds[2].integral(horizon_);
    const double in_ward = beds[1].integral(horizon_);
    payable.medical[f] = (in_general * k.general_bed_day_yen() + in_ward * k.community_ward_day_yen()) / years +
                         nursing_months[f] / years * k.home_nursing_month_yen();
    bed_days.emplace_back(funding_key(static_cast<Funding>(f)), (in_general + in_ward) / years);
    all_bed_days += in_general + in_ward;
  }
  bed_days.emplace_back("total", all_bed_days / years);
  t.add("bed_days_by_funding", std::move(bed_days));
  const auto medical = [&](Funding f) { return payable.medical[static_cast<std::size_t>(f)]; };
  t.add("cost_yen_by_funding",
        {{"welfare", payable.welfare},
         {"coordinator_addon", payable.coordinator_addon},
         {"coordinator_rest", payable.coordinator_salaries - payable.coordinator_addon},
         {"administrative", medical(Funding::Administrative)},
         {"public_assistance", medical(Funding::PublicAssistance)},
         {"insured", medical(Funding::Insured)},
         {"total", payable.welfare + payable.coordinator_salaries + medical(Funding::Administrative) +
                       medical(Funding::PublicAssistance) + medical(Funding::Insured)}});
  const PayerCosts payers = split_by_payer(payable, k);
  t.add("cost_yen_by_payer", {{"national", payers.national},
                              {"prefecture", payers.prefecture},
                              {"municipality", payers.municipality},
                              {"insurers", payers.insurers},
                              {"total", payers.total()}});
}

}  // namespace caresim::model
