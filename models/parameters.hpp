#pragma once
// Every number the care-system model reads, as plain structs. The values (and their
// sources) live in the scenario parameter table (care_scenario/) and the scenario files
// (scenarios/); care_scenario::to_parameters() fills these structs. Units: days for durations and
// model times (days since run.start), rates per person-year unless a name says otherwise,
// probabilities in [0, 1], travel times in minutes. A `Phased` field is a step function of
// the model day: capacities councils phase in, and the rates and probabilities a policy
// can move (the model reads them at the simulated time, see models/rate_steps.cpp).
#include <array>
#include <string>
#include <vector>

#include "models/calendar.hpp"
#include "models/phased.hpp"

namespace caresim::model {

/** A municipality (市町村). One flagged outside_region (population 0) holds hospitals
 *  outside the region that residents may be admitted to. */
struct Municipality {
  std::string id;             ///< stable key, e.g. "minami"
  std::string name;           ///< Japanese name, e.g. "南市"
  double population = 0;      ///< residents (all ages)
  double share_65plus = 0;    ///< share of residents aged 65+ (context; the cohort has its own)
  std::string health_region;  ///< 障害保健福祉圏域 it belongs to
  bool outside_region = false;
};

/** An undirected road link between two municipalities (indices), in minutes. */
struct TravelEdge {
  int a = 0;
  int b = 0;
  double minutes = 0;
};

/** A psychiatric hospital. */
struct Hospital {
  std::string id;
  int municipality = 0;        ///< where it stands (may be the outside_region one)
  Phased beds;                 ///< general psychiatric beds
  Phased outside_patients;     ///< beds held by patients from outside the region
  Phased community_ward_beds;  ///< 地域包括ケア病棟-like psychiatric community-care ward (stay cap)
  std::string name;            ///< Japanese name, e.g. "中央病院"; may be empty
};

/** 多機能拠点整備型 (one site) or 面的整備型 (a network of provider sites). */
enum class HubType { multi_function, network };
/** Opening hours of a hub's crisis line. */
enum class HubHours { always, office };

/** One provider site of a hub: geography plus its beds. */
struct HubSite {
  int municipality = 0;
  Phased crisis_beds;  ///< 短期入所 beds for crises
  Phased trial_slots;  ///< 体験の機会: places for trial overnight stays
  std::string id;      ///< the site's key in the scenario, e.g. "chuo"
};

/** A community life support hub (地域生活支援拠点等). */
struct Hub {
  std::string id;
  std::string name;  ///< Japanese name, e.g. "圏域 多機能拠点"; may be empty
  HubType type = HubType::multi_function;
  std::vector<int> municipalities;  ///< served; people are served only by a hub listing theirs
  double open_day = 0;              ///< model day the hub opens
  HubHours hours = HubHours::always;
  std::vector<HubSite> sites;  ///< one for multi_function, several for network
  Phased coordinators;         ///< 拠点コーディネーター (100 claims each per month)
  Phased transition_places;    ///< concurrent 地域移行支援 programmes
  double max_short_stay_days = 7;

  /** The name reports show: the Japanese name, or "地域生活支援拠点等 <id>" without one. */
  std::string display_name() const { return name.empty() ? "地域生活支援拠点等 " + id : name; }
};

/** Community housing capacities of one municipality. */
struct Housing {
  Phased group_home_places;
  Phased group_home_trial_slots;
  Phased supported_housing_places;       ///< 居住サポート住宅
  double group_home_initial_fill = 0.9;  ///< share of places occupied at day 0
};

/** Order of the group-home waiting list. */
enum class WaitingRule { fifo, hospital_first };

/** An initial inpatient band by length of stay. */
struct StayBand {
  double min_days = 0;
  double max_days = 0;
  double per_100k = 0;      ///< inpatients in this band per 100,000 residents at day 0
  double share_65plus = 0;  ///< share aged 65+
};

/** Shares of three categories (order: first, second, third). */
using Mix3 = std::array<double, 3>;

/** Who is in the model at day 0 and who arrives later. The arrival rate and
 *  p_arrival_crisis are phased. */
struct PopulationParams {
  double community_per_100k = 0;  ///< people known to services living in the community
  double community_share_65plus = 0;
  double share_alone = 0;               ///< live alone (the rest with carers)
  Mix3 diagnosis_mix{};                 ///< F2 / F0 / other
  double share_independent_living = 0;  ///< 自立生活援助
  double share_settlement = 0;          ///< 地域定着支援
  double share_home_nursing = 0;        ///< 訪問看護
  double share_revolving = 0;           ///< revolving-door subgroup
  double share_has_home_community = 1;  ///< of community people at home
  std::vector<StayBand> initial_inpatients;
  Mix3 stock_type_mix{};                                ///< voluntary / 医療保護 / 措置 of initial inpatients
  double initial_inpatient_has_home = 0.5;              ///< share with a home to return to
  Phased arrivals_per_100k_year = Phased::constant(0);  ///< new people (Poisson per municipality)
  double arrival_share_65plus = 0;
  double arrival_share_alone = 0;
  Phased p_arrival_crisis = Phased::constant(0);  ///< a new person first becomes known through a crisis
};

/** Crisis onset in the community. Every field but the decay time is phased. */
struct CrisisParams {
  Phased rate_home = Phased::constant(0);        ///< per person-year at home
  Phased rate_group_home = Phased::constant(0);  ///< per person-year in a group home
  Phased mult_independent_living = Phased::constant(1);
  Phased mult_settlement = Phased::constant(1);
  Phased mult_home_nursing = Phased::constant(1);
  Phased mult_revolving = Phased::constant(1);
  Phased post_discharge_k = Phased::constant(0);  ///< hazard factor 1 + k exp(-t / tau) after discharge
  double post_discharge_tau_days = 1;
  Phased carer_loss_rate = Phased::constant(0);  ///< per person-year living with carers, <65
  Phased carer_loss_rate_65plus = Phased::constant(0);
  Phased p_apply_group_home_alone = Phased::constant(0);  ///< after carer loss without a home of one's own
  /** Severity of a crisis, as the admission type it needs if admitted (voluntary / 医療保護 /
   *  措置 level): 措置-level crises go to hospital, the others are triaged (crisis.cpp). */
  Mix3 severity_mix{};
};

/** How a crisis is met. The probabilities are phased; hours, limits and lengths are not. */
struct ResponseParams {
  Phased p_home_with_hub = Phased::constant(0);        ///< triaged to support at home
  Phased p_short_stay_with_hub = Phased::constant(0);  ///< of the rest, a short stay is tried
  /** Office hours of a hub with HubHours::office: Monday to Friday from office_open_hour
   *  to office_close_hour (local time, hours after midnight). A crisis outside them finds
   *  no coordinator. Assumption: 9 to 17, 40 of the week's 168 hours. */
  double office_open_hour = 9;
  double office_close_hour = 17;
  double crisis_travel_limit_min = 60;
  double short_stay_mean_days = 4;
  Phased p_admit_after_short_stay = Phased::constant(0);
  Phased p_settlement_home = Phased::constant(0);  ///< 地域定着支援 emergency support keeps a user at home
  Phased p_outpatient = Phased::constant(0);
  std::array<double, 4> response_hours{};  ///< home / short stay / admission / outpatient
};

/** Admission and the stay. Hazard factors, rates and p_independent_living_after_long_stay
 *  are phased; mixes, the readiness pieces and durations are not. */
struct HospitalParams {
  /** Days waited at home for a bed until the crisis worsens and the prefectural emergency
   *  system admits out of the region: a rate per day (assumption). */
  double wait_deterioration_per_day = 0.1;
  /** A blocked inpatient planned for a group home who still has a home goes home at the
   *  first review after waiting this many days for a place (assumption). */
  double group_home_wait_before_home_days = 180;
  double travel_limit_min = 90;
  bool allow_far_placement = true;
  /** Readiness hazard: (from_day, rate per day) pieces in increasing day order. */
  std::vector<std::pair<double, double>> readiness_hazard;
  /** Hazard factors by admission type (voluntary / 医療保護 / 措置). */
  std::array<Phased, 3> type_factor{Phased::constant(1), Phased::constant(1), Phased::constant(1)};
  Phased senior_factor = Phased::constant(1);       ///< hazard factor for inpatients aged 65+
  Phased readmission_factor = Phased::constant(1);  ///< for stays begun <=365 days after a discharge
  double community_ward_cap_days = 180;
  Phased community_ward_factor = Phased::constant(1);  ///< readiness hazard factor in that ward
  double planning_day = 7;                             ///< 2024 fee revision: plan within 7 days
  double review_interval_days = 90;
  Phased home_loss_rate_long_stay = Phased::constant(0);  ///< per year of stay beyond 365 days
  Phased death_rate_under65 = Phased::constant(0);        ///< per person-year in hospital
  Phased death_rate_65plus = Phased::constant(0);
  /** Baseline destinations at readiness: home, group home, elderly facility (65+ only),
   *  transfer out, other (deaths are the separate hazard above). */
  std::array<double, 5> destination_mix{};
  Phased p_independent_living_after_long_stay = Phased::constant(1);  ///< support in place for those alone
};

/** 地域移行 (long-stay transition) programmes run by hubs. p_success is phased. */
struct TransitionParams {
  double min_stay_days = 365;  ///< engage only inpatients staying at least this long
  double programme_mean_days = 180;
  double programme_sd_days = 45;
  Phased p_success = Phased::constant(0.5);
  double trial_nights = 3;
  double trial_at_fraction = 0.6;  ///< of the programme's length
};

/** The community: leaving, moving and dying. Every rate is phased. */
struct CommunityParams {
  Phased group_home_move_out_rate = Phased::constant(0);  ///< per resident-year, to one's own home
  Phased death_rate_under65 = Phased::constant(0);        ///< per person-year in the community
  Phased death_rate_65plus = Phased::constant(0);
  Phased elderly_care_rate_65plus = Phased::constant(0);  ///< moves to elderly care, per person-year
  Phased move_away_rate = Phased::constant(0);
  WaitingRule waiting_rule = WaitingRule::hospital_first;
};

/** Costs (units from seed 003 L559–L615). */
struct CostParams {
  double units_transition = 3613;
  double units_independent_living = 1566;
  double units_settlement = 315;
  double units_emergency_day = 734;
  double units_coordinator_claim = 500;
  double yen_per_unit = 10;
  double hospital_day_yen = 0;
};

/** The run's calendar. */
struct RunParams {
  CivilDate start{};
  double horizon_days = 3652;
  double warmup_days = 730;
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
  HospitalParams hospital;
  TransitionParams transition;
  CommunityParams community;
  CostParams cost;
  RunParams run;
};

}  // namespace caresim::model
