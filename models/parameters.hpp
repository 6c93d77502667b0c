#pragma once
// Every number the care-system model reads, as plain structs. The values (and their
// sources) live in the scenario parameter table (care_scenario/) and the scenario files
// (scenarios/); care_scenario::to_parameters() fills every field, so the fields are only
// value-initialised here: a default in this file would be a second one, never observed. Units: days for durations and
// model times (days since run.start), rates per person-year unless a name says otherwise,
// probabilities in [0, 1], travel times in minutes. A `Phased` field is a step function of
// the model day: capacities councils phase in, and the rates and probabilities a policy
// can move (the model reads them at the simulated time, see models/rate_steps.cpp).
#include <array>
#include <concepts>
#include <initializer_list>
#include <string>
#include <type_traits>
#include <vector>

#include "models/calendar.hpp"
#include "models/phased.hpp"

namespace caresim::model {

/** A municipality (市町村). One flagged outside_region (population 0) holds hospitals
 *  outside the region that residents may be admitted to. */
struct Municipality {
  std::string id;             ///< stable key, e.g. "minami"
  std::string name;           ///< Japanese name, e.g. "南市"
  double population{};        ///< residents (all ages)
  double share_65plus{};      ///< share of residents aged 65+ (context; the cohort has its own)
  std::string health_region;  ///< 障害保健福祉圏域 it belongs to
  bool outside_region{};
};

/** An undirected road link between two municipalities (indices), in minutes. */
struct TravelEdge {
  int a{};
  int b{};
  double minutes{};
};

/** A psychiatric hospital. */
struct Hospital {
  std::string id;
  int municipality{};          ///< where it stands (may be the outside_region one)
  Phased beds;                 ///< general psychiatric beds
  Phased outside_patients;     ///< beds held by patients from outside the region
  Phased community_ward_beds;  ///< 地域包括ケア病棟-like psychiatric community-care ward (stay cap)
  std::string name;            ///< Japanese name, e.g. "中央病院"; may be empty
};

/** 多機能拠点整備型 (one site) or 面的整備型 (a network of provider sites). */
enum class HubType { MultiFunction, Network };
/** Opening hours of a hub's crisis line. */
enum class HubHours { Always, Office };

/** One provider site of a hub: geography plus its beds. */
struct HubSite {
  int municipality{};
  Phased crisis_beds;  ///< 短期入所 beds for crises
  Phased trial_slots;  ///< 体験の機会: places for trial overnight stays
  std::string id;      ///< the site's key in the scenario, e.g. "chuo"
};

/** A community life support hub (地域生活支援拠点等). */
struct Hub {
  std::string id;
  std::string name;  ///< Japanese name, e.g. "圏域 多機能拠点"; may be empty
  HubType type{};
  std::vector<int> municipalities;  ///< served; people are served only by a hub listing theirs
  double open_day{};                ///< model day the hub opens
  HubHours hours{};
  std::vector<HubSite> sites;  ///< one for multi_function, several for network
  /** 拠点コーディネーター in full-time equivalents (a 0.5 post is half the hours): a monthly
   *  budget of staff hours spent on named people (CoordinationParams). */
  Phased coordinators;
  Phased transition_places;  ///< concurrent 地域移行支援 programmes of the hub's own office
  /** The host office bills the 地域生活支援拠点等機能強化加算 (at least one full-time
   *  coordinator): a funding line inside the coordinators' cost. */
  bool add_on_funded{};
  double max_short_stay_days{};

  /** The name reports show: the Japanese name, or "地域生活支援拠点等 <id>" without one. */
  std::string display_name() const { return name.empty() ? "地域生活支援拠点等 " + id : name; }
};

/** Community housing capacities of one municipality. */
struct Housing {
  Phased group_home_places;
  Phased group_home_trial_slots;
  Phased supported_housing_places;  ///< 居住サポート住宅
  /** Caseload places (users served at once) of the support services, by SupportKind:
   *  自立生活援助, 地域定着支援, 訪問看護. */
  Phased independent_living_caseload;
  Phased settlement_caseload;
  Phased home_nursing_caseload;
  /** Concurrent 地域移行支援 programmes of the designated 一般相談支援事業所 in the
   *  municipality outside any hub (a hub's own office: Hub::transition_places). */
  Phased transition_caseload;
  double group_home_initial_fill{};  ///< share of places occupied at day 0
};

/** Order of the group-home waiting list. */
enum class WaitingRule { Fifo, HospitalFirst };

/** An initial inpatient band by length of stay. */
struct StayBand {
  double min_days{};
  double max_days{};
  double per_100k{};      ///< inpatients in this band per 100,000 residents at day 0
  double share_65plus{};  ///< share aged 65+
};

/** Shares of three categories (order: first, second, third). */
using Mix3 = std::array<double, 3>;

/** Who is in the model at day 0 and who arrives later. The arrival rate and
 *  p_arrival_crisis are phased. */
struct PopulationParams {
  double community_per_100k{};  ///< people known to services living in the community
  double community_share_65plus{};
  double share_alone{};               ///< live alone (the rest with carers)
  Mix3 diagnosis_mix{};               ///< F2 / F0 / other
  double share_independent_living{};  ///< 自立生活援助
  double share_settlement{};          ///< 地域定着支援
  double share_home_nursing{};        ///< 訪問看護
  double share_revolving{};           ///< revolving-door subgroup
  /** On public assistance (生活保護): their medical care is 医療扶助 (models/payers.hpp). */
  double share_public_assistance{};
  double share_has_home_community{};  ///< of community people at home
  /** Ages are uniform over [age_min_years, 65) under 65 and [65, age_max_years] at 65+. */
  double age_min_years{};
  double age_max_years{};
  double min_admission_age_years{};  ///< no day-0 inpatient was admitted younger
  std::vector<StayBand> initial_inpatients;
  Mix3 stock_type_mix{};                ///< voluntary / 医療保護 / 措置 of initial inpatients
  double initial_inpatient_has_home{};  ///< share with a home to return to
  Phased arrivals_per_100k_year;        ///< new people (Poisson per municipality)
  double arrival_share_65plus{};
  double arrival_share_alone{};
  Phased p_arrival_crisis;  ///< a new person first becomes known through a crisis
};

/** Crisis onset in the community. Every field but the decay time is phased. */
struct CrisisParams {
  Phased rate_home;        ///< per person-year at home
  Phased mult_group_home;  ///< factor on rate_home for a group-home resident (support on site)
  Phased mult_independent_living;
  Phased mult_settlement;
  Phased mult_home_nursing;
  Phased mult_revolving;
  Phased post_discharge_k;  ///< hazard factor 1 + k exp(-t / tau) after discharge
  double post_discharge_tau_days{};
  Phased carer_loss_rate;  ///< per person-year living with carers, <65
  Phased carer_loss_rate_65plus;
  Phased p_apply_group_home_alone;  ///< after carer loss without a home of one's own
  /** Severity of a crisis, as the admission type it needs if admitted (voluntary / 医療保護 /
   *  措置 level): 措置-level crises go to hospital, the others are triaged (crisis.cpp). */
  Mix3 severity_mix{};
};

/** How a crisis is met. The probabilities are phased; hours, limits and lengths are not. */
struct ResponseParams {
  Phased p_home_with_hub;        ///< triaged to support at home
  Phased p_short_stay_with_hub;  ///< of the rest, a short stay is tried
  /** Office hours of a hub with HubHours::Office: Monday to Friday from office_open_hour
   *  to office_close_hour (local time, hours after midnight). A crisis outside them finds
   *  no coordinator. Assumption: 9 to 17, 40 of the week's 168 hours. */
  double office_open_hour{};
  double office_close_hour{};
  double crisis_travel_limit_min{};
  double short_stay_mean_days{};
  Phased p_admit_after_short_stay;
  Phased p_settlement_home;        ///< 地域定着支援 emergency support keeps a user at home
  Phased p_group_home_staff_home;  ///< a group home's night and on-call staff keep a resident there
  Phased p_outpatient;
  std::array<double, 4> response_hours{};  ///< home / short stay / admission / outpatient
  /** The 機能強化加算's cap: billed user-months per full-time coordinator a month. */
  double claims_per_coordinator{};
};

/** What a hub's coordinators spend their hours on (seed 003 L329-L353), each task given to
 *  a named person and acting only on them. Effect sizes are assumptions (schema_care.cpp). */
struct CoordinationParams {
  double hours_per_fte_month{};  ///< staff hours one full-time coordinator has for people
  /** Share of the month's hours kept for emergencies when the planned tasks are given out
   *  at the start of the month; what emergencies leave is not carried over. */
  double emergency_reserve_share{};
  /** (a) 意向確認 and 動機付け支援: hours per inpatient-month (interviews, accompanied
   *  outings, 体験宿泊, peer support) and that month's chance of stating a wish to leave. */
  double motivation_hours{};
  double p_wish_motivated{};
  /** (b) emergency backup of a crisis the hub's triage would send to hospital: hours per
   *  crisis; the wider short-stay search (every hub site within this travel time); the
   *  chance that direct support keeps a person not yet using services at home. */
  double backup_hours{};
  double backup_travel_limit_min{};
  double p_backup_home_non_user{};
  /** (c) advance registration of a household at risk (living with carers, after a crisis or
   *  a discharge): hours per registration, its validity, and its effect on a crisis: the
   *  share of crises the hub's triage would not keep at home that the registered plan does,
   *  and the factor on the response hours. */
  double registration_hours{};
  double registration_days{};
  double registration_home_gain{};
  double registration_hours_factor{};
};

/** Admission and the stay. Hazard factors, rates and p_independent_living_after_long_stay
 *  are phased; mixes, the readiness pieces and durations are not. */
struct HospitalParams {
  /** Days waited at home for a bed until the crisis worsens and the prefectural emergency
   *  system admits out of the region: a rate per day (assumption). */
  double wait_deterioration_per_day{};
  /** A blocked inpatient planned for a group home who still has a home goes home at the
   *  first review after waiting this many days for a place (assumption). */
  double group_home_wait_before_home_days{};
  double travel_limit_min{};
  bool allow_far_placement{};
  /** Readiness hazard: (from_day, rate per day) pieces in increasing day order. */
  std::vector<std::pair<double, double>> readiness_hazard;
  /** Hazard factors by admission type (voluntary / 医療保護 / 措置). */
  std::array<Phased, 3> type_factor;
  Phased senior_factor;       ///< hazard factor for inpatients aged 65+
  Phased readmission_factor;  ///< for stays begun <=365 days after a discharge
  double community_ward_cap_days{};
  Phased community_ward_factor;  ///< readiness hazard factor in that ward
  double planning_day{};         ///< 2024 fee revision: plan within 7 days
  double review_interval_days{};
  Phased home_loss_rate_long_stay;  ///< tenancy loss of someone living alone, per year of stay beyond 365 days
  /** A family stops accepting the inpatient's return home (家族の受け入れ困難), per year of
   *  stay, checked at the reviews of someone living with carers. */
  Phased family_refusal_rate;
  /** Chance that hospital discharge planning makes a plan for a ready long-stay inpatient
   *  who has none, at readiness and at each review. */
  Phased p_plan_at_review;
  Phased death_rate_under65;  ///< per person-year in hospital
  Phased death_rate_65plus;
  /** Baseline destinations at readiness: home, group home, elderly facility (65+ only),
   *  transfer out, other (deaths are the separate hazard above). */
  std::array<double, 5> destination_mix{};
  /** Days from an inpatient's application for a group-home or supported-housing place to
   *  the day they can move in (the 支給決定, the assessment, a visit: assumption). */
  double place_arrangement_days{};
  /** 医療保護入院 legal periods, in calendar months from the admission day: the first, the
   *  second (up to its first renewal), and every later one. A renewal review falls at the
   *  end of each. */
  double involuntary_first_period_months{};
  double involuntary_second_period_months{};   ///< see involuntary_first_period_months
  double involuntary_renewal_period_months{};  ///< see involuntary_first_period_months
  /** At a renewal review: the stay goes on as 任意入院 (assumption). */
  double p_convert_at_renewal{};
  /** At a renewal review not converted: the 退院支援委員会 makes a discharge plan and starts
   *  the search for a place (assumption); otherwise the period is renewed. */
  double p_committee_plan_at_renewal{};
};

/** Who needs which support service to leave hospital for home, and for how long it is
 *  used (the caseloads are per municipality, in Housing). p_home_nursing_at_discharge is
 *  phased. */
struct SupportParams {
  double independent_living_min_stay_days{};  ///< going home alone after at least this stay needs 自立生活援助
  double independent_living_period_days{};    ///< its standard period
  double settlement_period_days{};            ///< 地域定着支援's period
  Phased p_home_nursing_at_discharge;         ///< a discharge home needs home nursing
  double home_nursing_episode_days{};         ///< mean length of an episode (exponential)
  /** A blocked inpatient waiting for a support place who has a home goes home without it
   *  at the first review after waiting this long. */
  double wait_before_home_days{};
  /** Days from the application for 自立生活援助 or 地域定着支援 (計画相談支援's plan, the
   *  municipality's decision) to the service's start: made at the planning conference for
   *  someone planned for home, else at readiness. */
  double arrangement_days{};
};

/** 地域移行支援 (long-stay transition): a stated wish, a referral, a programme of a
 *  provider with caseload capacity. p_success and p_wish_month are phased. */
struct TransitionParams {
  double min_stay_days{};  ///< inpatients staying at least this long can be referred
  /** Monthly chance that a long-stay inpatient states a wish to leave, through the
   *  hospital's own 意向確認 (退院後生活環境相談員) without a coordinator's support. */
  Phased p_wish_month;
  double programme_mean_days{};
  double programme_sd_days{};
  Phased p_success;             ///< a programme without a trial stay
  Phased p_success_with_trial;  ///< a programme whose trial stay took place
  double trial_nights{};
  double trial_at_fraction{};  ///< of the programme's length
};

/** The community: leaving, moving and dying. Every rate is phased. */
struct CommunityParams {
  Phased group_home_move_out_rate;  ///< per resident-year, to one's own home
  Phased death_rate_under65;        ///< per person-year in the community
  Phased death_rate_65plus;
  Phased elderly_care_rate_65plus;  ///< moves to elderly care, per person-year
  Phased move_away_rate;
  /** Days a group home keeps an admitted resident's place (入院時支援特別加算); the resident
   *  goes back to it if discharged within them. */
  double group_home_hold_days{};
  WaitingRule waiting_rule{};
};

/** Unit prices of the cost indicators (docs/model.md, "Costs"; national-figures.md §10).
 *  Welfare rewards are in units (¥ through yen_per_unit), medical fees in points (¥ through
 *  yen_per_point) or yen. */
struct CostParams {
  double units_transition{};            ///< 地域移行支援, per programme month
  double units_independent_living{};    ///< 自立生活援助, per user-month
  double units_settlement{};            ///< 地域定着支援 体制確保費, per user-month
  double units_emergency_day{};         ///< 地域定着支援 緊急時支援費, per day
  double units_coordinator_claim{};     ///< 機能強化加算, per claim: funds part of a coordinator's salary
  double units_group_home_day{};        ///< 共同生活援助, per resident-day in the group home
  double units_group_home_trial_day{};  ///< 共同生活援助 体験利用, per trial day
  double units_short_stay_day{};        ///< 短期入所, per day on a crisis short stay
  double units_plan{};                  ///< 計画相談支援 サービス利用支援費, per plan month
  double units_monitoring{};            ///< 計画相談支援 継続サービス利用支援費, per monitoring month
  /** Months between monitorings of a user of 自立生活援助, 地域定着支援 or 地域移行支援. */
  double monitoring_months_community{};
  /** Months between monitorings of a group-home resident using none of those. */
  double monitoring_months_group_home{};
  double home_nursing_visits_per_month{};  ///< psychiatric home-nursing visits of a user-month
  double home_nursing_visit_yen{};         ///< 精神科訪問看護基本療養費 (I), per visit
  double home_nursing_first_day_yen{};     ///< 訪問看護管理療養費, the month's first visit day
  double home_nursing_other_day_yen{};     ///< 訪問看護管理療養費, every other visit day
  double yen_per_unit{};
  double yen_per_point{};
  double general_bed_points_per_day{};       ///< 精神病棟入院基本料, general psychiatric beds
  double community_ward_points_per_day{};    ///< 精神科地域包括ケア病棟入院料
  double inpatient_extra_yen_per_day{};      ///< meals, drugs and add-ons beyond either basic fee
  double coordinator_salary_yen_per_year{};  ///< one full-time coordinator, employer's cost
  /** Who pays the 自立支援給付 welfare services and the 機能強化加算: shares national /
   *  prefecture / municipality, summing to 1 (models/payers.hpp). */
  Mix3 welfare_payers{};
  /** Who pays a 措置入院 day: shares national / prefecture / municipality. */
  Mix3 administrative_payers{};
  /** Who pays a 医療扶助 day or home-nursing month: shares national / prefecture / municipality. */
  Mix3 public_assistance_payers{};

  /** Yen of one user-month of psychiatric home nursing: the visits at the basic fee plus the
   *  management fee of the first and of every other visit day. */
  double home_nursing_month_yen() const {
    if (home_nursing_visits_per_month <= 0) return 0;
    return home_nursing_visits_per_month * home_nursing_visit_yen + home_nursing_first_day_yen +
           (home_nursing_visits_per_month - 1) * home_nursing_other_day_yen;
  }
  /** Yen of one general psychiatric bed-day (in the region's hospitals or elsewhere). */
  double general_bed_day_yen() const {
    return general_bed_points_per_day * yen_per_point + inpatient_extra_yen_per_day;
  }
  /** Yen of one community-care ward bed-day. */
  double community_ward_day_yen() const {
    return community_ward_points_per_day * yen_per_point + inpatient_extra_yen_per_day;
  }
};

/** The run's calendar. */
struct RunParams {
  Date start{std::chrono::year{2025} / std::chrono::April / 1};  ///< the start of FY2025 unless set
  double horizon_days{};
  double warmup_days{};
};

/** Everything the model reads. */
struct Parameters {
  std::vector<Municipality> municipalities;
  std::vector<TravelEdge> travel;
  std::vector<Hospital> hospitals;
  std::vector<Hub> hubs;
  std::vector<Housing> housing;  ///< one per municipality, same order
  PopulationParams population;
  CrisisParams crisis;
  ResponseParams response;
  CoordinationParams coordination;
  HospitalParams hospital;
  SupportParams support;
  TransitionParams transition;
  CommunityParams community;
  CostParams cost;
  RunParams run;
};

/** Calls `visit(phased)` on every phased rate and probability of `p` (the sections, not
 *  the capacities of the lists): the values a rate step may change. It lives beside the
 *  structs so that a new phased field is added here with them; a test in
 *  tests/care_scenario/binding_test.cpp fails when a phased key of a section is bound to a
 *  field this does not visit. */
template <class P, class F>
requires std::same_as<std::remove_const_t<P>, Parameters>
void for_each_phased_rate(P& p, F&& visit) {
  auto& pop = p.population;
  visit(pop.arrivals_per_100k_year);
  visit(pop.p_arrival_crisis);
  auto& c = p.crisis;
  for (auto* f : {&c.rate_home, &c.mult_group_home, &c.mult_independent_living, &c.mult_settlement,
                  &c.mult_home_nursing, &c.mult_revolving, &c.post_discharge_k, &c.carer_loss_rate,
                  &c.carer_loss_rate_65plus, &c.p_apply_group_home_alone})
    visit(*f);
  auto& r = p.response;
  for (auto* f : {&r.p_home_with_hub, &r.p_short_stay_with_hub, &r.p_admit_after_short_stay, &r.p_settlement_home,
                  &r.p_group_home_staff_home, &r.p_outpatient})
    visit(*f);
  auto& h = p.hospital;
  for (auto& f : h.type_factor) visit(f);
  for (auto* f : {&h.senior_factor, &h.readmission_factor, &h.community_ward_factor, &h.home_loss_rate_long_stay,
                  &h.death_rate_under65, &h.death_rate_65plus, &h.family_refusal_rate, &h.p_plan_at_review})
    visit(*f);
  visit(p.support.p_home_nursing_at_discharge);
  visit(p.transition.p_success);
  visit(p.transition.p_success_with_trial);
  visit(p.transition.p_wish_month);
  auto& m = p.community;
  for (auto* f : {&m.group_home_move_out_rate, &m.death_rate_under65, &m.death_rate_65plus, &m.elderly_care_rate_65plus,
                  &m.move_away_rate})
    visit(*f);
}

}  // namespace caresim::model
