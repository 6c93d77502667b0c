#pragma once
// Every number the care-system model reads, as plain structs. The values (and their
// sources) live in the scenario parameter table (care_scenario/) and the scenario files
// (scenarios/); care_scenario::to_parameters() fills these structs. Units: days for durations and
// model times (days since run.start), rates per person-year unless a name says otherwise,
// probabilities in [0, 1], travel times in minutes.
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
};

/** A community life support hub (地域生活支援拠点等). */
struct Hub {
  std::string id;
  HubType type = HubType::multi_function;
  std::vector<int> municipalities;  ///< served; people are served only by a hub listing theirs
  double open_day = 0;              ///< model day the hub opens
  HubHours hours = HubHours::always;
  std::vector<HubSite> sites;       ///< one for multi_function, several for network
  Phased coordinators;              ///< 拠点コーディネーター (100 claims each per month)
  Phased transition_places;         ///< concurrent 地域移行支援 programmes
  double max_short_stay_days = 7;
};

/** Community housing capacities of one municipality. */
struct Housing {
  Phased group_home_places;
  Phased group_home_trial_slots;
  Phased supported_housing_places;  ///< 居住サポート住宅
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

/** Who is in the model at day 0 and who arrives later. */
struct PopulationParams {
  double community_per_100k = 0;     ///< people known to services living in the community
  double community_share_65plus = 0;
  double share_alone = 0;            ///< live alone (the rest with carers)
  Mix3 diagnosis_mix{};              ///< F2 / F0 / other
  double share_independent_living = 0;  ///< 自立生活援助
  double share_settlement = 0;          ///< 地域定着支援
  double share_home_nursing = 0;        ///< 訪問看護
  double share_revolving = 0;           ///< revolving-door subgroup
  double share_has_home_community = 1;  ///< of community people at home
  std::vector<StayBand> initial_inpatients;
  Mix3 stock_type_mix{};             ///< voluntary / 医療保護 / 措置 of initial inpatients
  double initial_inpatient_has_home = 0.5;  ///< share with a home to return to
  double arrivals_per_100k_year = 0;   ///< new people (Poisson per municipality)
  double arrival_share_65plus = 0;
  double arrival_share_alone = 0;
  double p_arrival_crisis = 0;         ///< a new person first becomes known through a crisis
};

/** Crisis onset in the community. */
struct CrisisParams {
  double rate_home = 0;             ///< per person-year at home
  double rate_group_home = 0;       ///< per person-year in a group home
  double mult_independent_living = 1;
  double mult_settlement = 1;
  double mult_home_nursing = 1;
  double mult_revolving = 1;
  double post_discharge_k = 0;      ///< hazard factor 1 + k exp(-t / tau) after discharge
  double post_discharge_tau_days = 1;
  double carer_loss_rate = 0;       ///< per person-year living with carers, <65
  double carer_loss_rate_65plus = 0;
  double p_apply_group_home_alone = 0;  ///< after carer loss without a home of one's own
};

/** How a crisis is met. */
struct ResponseParams {
  double p_home_with_hub = 0;         ///< triaged to support at home
  double p_short_stay_with_hub = 0;   ///< of the rest, a short stay is tried
  /** Office hours of a hub with HubHours::office: Monday to Friday from office_open_hour
   *  to office_close_hour (local time, hours after midnight). A crisis outside them finds
   *  no coordinator. Assumption: 9 to 17, 40 of the week's 168 hours. */
  double office_open_hour = 9;
  double office_close_hour = 17;
  double crisis_travel_limit_min = 60;
  double short_stay_mean_days = 4;
  double p_admit_after_short_stay = 0;
  double p_settlement_home_without_hub = 0;  ///< 地域定着支援 emergency support
  double p_outpatient = 0;
  std::array<double, 4> response_hours{};   ///< home / short stay / admission / outpatient
};

/** Admission and the stay. */
struct HospitalParams {
  Mix3 admission_type_mix{};           ///< voluntary / 医療保護 / 措置 of new admissions
  double travel_limit_min = 90;
  bool allow_far_placement = true;
  /** Readiness hazard: (from_day, rate per day) pieces in increasing day order. */
  std::vector<std::pair<double, double>> readiness_hazard;
  Mix3 type_factor{1, 1, 1};           ///< hazard factors by admission type
  double senior_factor = 1;            ///< hazard factor for inpatients aged 65+
  double readmission_factor = 1;       ///< hazard factor for stays begun <=365 days after a discharge
  double community_ward_cap_days = 180;
  double community_ward_factor = 1;    ///< readiness hazard factor in that ward
  double planning_day = 7;             ///< 2024 fee revision: plan within 7 days
  double review_interval_days = 90;
  double home_loss_rate_long_stay = 0; ///< per year of stay beyond 365 days
  double death_rate_under65 = 0;       ///< per person-year in hospital
  double death_rate_65plus = 0;
  /** Baseline destinations at readiness: home, group home, elderly facility (65+ only),
   *  transfer out, other (deaths are the separate hazard above). */
  std::array<double, 5> destination_mix{};
  double p_independent_living_after_long_stay = 1;  ///< support in place for those alone
};

/** 地域移行 (long-stay transition) programmes run by hubs. */
struct TransitionParams {
  double min_stay_days = 365;          ///< engage only inpatients staying at least this long
  double programme_mean_days = 180;
  double programme_sd_days = 45;
  double p_success = 0.5;
  double trial_nights = 3;
  double trial_at_fraction = 0.6;      ///< of the programme's length
};

/** The community: leaving, moving and dying. */
struct CommunityParams {
  double group_home_move_out_rate = 0;  ///< per resident-year, to one's own home
  double death_rate_under65 = 0;        ///< per person-year in the community
  double death_rate_65plus = 0;
  double elderly_care_rate_65plus = 0;  ///< moves to elderly care, per person-year
  double move_away_rate = 0;
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
