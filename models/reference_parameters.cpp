// The reference region in C++, for tests and calibration. Sources are named by their row
// in shared/calibration/public-indicators.md ("PI: <row>"); every other number says
// "assumption" or "calibrated" (tuned so the calibration test in tests/model passes; see
// docs/model.md for the tuning procedure).
#include "models/parameters.hpp"

namespace caresim::model {

namespace {
// Model day of a civil date in the reference scenario (start 2025-04-01).
constexpr CivilDate kStart{2025, 4, 1};
constexpr double day_of(int y, int m, int d) { return model_day(kStart, CivilDate{y, m, d}); }
}  // namespace

Parameters reference_region_parameters() {
  Parameters p;
  p.run.start = kStart;                  // assumption: the start of FY2025
  p.run.horizon_days = day_of(2035, 4, 1);  // ten fiscal years
  p.run.warmup_days = day_of(2027, 4, 1);   // two years, so the day-0 stock has settled

  // About 305,000 residents, one town under 10,000 (assumption: a typical 障害保健福祉圏域;
  // PI: "psychiatric beds and inpatients in a real health-centre area" has 779,000 in 5 cities).
  p.municipalities = {
      {"chuo", "中央市", 150000, 0.29, "minami-area", false},
      {"kita", "北市", 80000, 0.31, "minami-area", false},
      {"higashi", "東町", 45000, 0.34, "minami-area", false},
      {"yamazato", "山里町", 8000, 0.42, "minami-area", false},
      {"minami", "南市", 22000, 0.33, "minami-area", false},
      {"outside", "圏域外", 0, 0, "", true},
  };
  // Road minutes (assumption).
  p.travel = {{0, 1, 25}, {0, 2, 30}, {0, 4, 35}, {2, 3, 40}, {1, 5, 60}, {4, 5, 50}};

  // Four hospitals, one outside the region. Beds: PI health-centre area, 2,362 beds for
  // 779,000 people (303 per 100,000) -> ~925 beds; beds held by patients from outside the
  // region are an assumption so that residents occupy ~92% of the rest.
  p.hospitals = {
      {"hosp-chuo", 0, Phased::constant(360), Phased::constant(70), Phased{}},
      {"hosp-kita", 1, Phased::constant(250), Phased::constant(45), Phased{}},
      {"hosp-minami", 4, Phased::constant(170), Phased::constant(30), Phased{}},
      {"hosp-outside", 5, Phased::constant(150), Phased::constant(100), Phased{}},
  };

  // Hubs (assumption; PI "hubs and coordinators nationally": 73% of municipalities have a
  // hub, 36% of hubs a coordinator). A joint network hub for chuo, higashi and yamazato with
  // two sites, coordinators 2 -> 3 on 2027-04-01; kita opens its own one-site hub on
  // 2026-10-01 in office hours; minami has none.
  Hub joint;
  joint.id = "hub-joint";
  joint.type = HubType::network;
  joint.municipalities = {0, 2, 3};
  joint.open_day = 0;
  joint.hours = HubHours::always;
  joint.sites = {{0, Phased::constant(2), Phased::constant(1)}, {2, Phased::constant(1), Phased::constant(1)}};
  joint.coordinators = Phased::step(2, day_of(2027, 4, 1), 3);
  joint.transition_places = Phased::constant(4);
  joint.max_short_stay_days = 7;  // assumption: a week of 緊急時の受け入れ
  Hub kita;
  kita.id = "hub-kita";
  kita.type = HubType::multi_function;
  kita.municipalities = {1};
  kita.open_day = day_of(2026, 10, 1);
  kita.hours = HubHours::office;
  kita.sites = {{1, Phased::constant(1), Phased::constant(1)}};
  kita.coordinators = Phased::constant(1);
  kita.transition_places = Phased::constant(2);
  kita.max_short_stay_days = 7;
  p.hubs = {joint, kita};

  // Group homes for people with mental illness, ~80 places per 100,000 (assumption), trial
  // slots 1 per 20 places; 居住サポート住宅 from October 2025 (domain.md), a few places.
  const double sh_from = day_of(2025, 10, 1);
  p.housing = {
      {Phased::constant(120), Phased::constant(3), Phased::step(0, sh_from, 6), 0.9},
      {Phased::constant(64), Phased::constant(2), Phased::step(0, sh_from, 3), 0.9},
      {Phased::constant(36), Phased::constant(1), Phased::step(0, sh_from, 2), 0.9},
      {Phased::constant(6), Phased::constant(0), Phased{}, 0.9},
      {Phased::constant(18), Phased::constant(1), Phased::step(0, sh_from, 1), 0.9},
      {Phased{}, Phased{}, Phased{}, 0},
  };

  PopulationParams& pop = p.population;
  pop.community_per_100k = 1500;          // calibrated: people with serious needs known to services
  pop.community_share_65plus = 0.38;      // assumption
  pop.share_alone = 0.35;                 // assumption
  pop.diagnosis_mix = {0.55, 0.15, 0.30}; // assumption (ReMHRAD groups F2 / F0 / other)
  pop.share_independent_living = 0.05;    // assumption
  pop.share_settlement = 0.05;            // assumption
  pop.share_home_nursing = 0.25;          // assumption
  pop.share_revolving = 0.08;             // calibrated (readmission 31.1%, PI)
  pop.share_has_home_community = 1.0;     // assumption: everyone at home has that home
  // Initial inpatients per 100,000 by length of stay: total ~205 (PI: 205.8 national mean),
  // over half >= 1 year (PI: 630 survey), two thirds of those 65+ (PI: 630 survey).
  pop.initial_inpatients = {
      {0, 90, 55, 0.35},    {90, 365, 40, 0.40},     {365, 1826, 68, 0.58},
      {1826, 3652, 22, 0.68}, {3652, 7305, 13, 0.75}, {7305, 12000, 7, 0.85},
  };
  pop.stock_type_mix = {0.49, 0.50, 0.01};  // PI: in-stock mix (措置 ~1%, 医療保護 47-54%)
  pop.initial_inpatient_has_home = 0.8;     // assumption
  pop.arrivals_per_100k_year = 150;         // calibrated: keeps the known population stable
  pop.arrival_share_65plus = 0.30;          // assumption
  pop.arrival_share_alone = 0.3;            // assumption
  pop.p_arrival_crisis = 0.4;               // assumption: first contact often through a crisis

  CrisisParams& c = p.crisis;
  c.rate_home = 0.15;               // calibrated: admissions ~265 per 100,000 per year
  c.rate_group_home = 0.15;         // assumption: support on site lowers the rate
  c.mult_independent_living = 0.8;  // assumption
  c.mult_settlement = 0.85;         // assumption
  c.mult_home_nursing = 0.8;        // assumption
  c.mult_revolving = 10.0;           // calibrated (readmission and 地域平均生活日数, PI)
  c.post_discharge_k = 4.8;         // calibrated: risk highest soon after discharge (domain.md)
  c.post_discharge_tau_days = 90;   // calibrated
  c.carer_loss_rate = 0.02;         // assumption: 親亡き後, per person-year under 65
  c.carer_loss_rate_65plus = 0.06;  // assumption
  c.p_apply_group_home_alone = 0.2; // assumption

  ResponseParams& r = p.response;
  r.p_home_with_hub = 0.35;            // assumption
  r.p_short_stay_with_hub = 0.4;       // assumption
  r.office_open_hour = 9;              // assumption: weekdays 9:00-17:00 (40 of 168 hours)
  r.office_close_hour = 17;
  r.crisis_travel_limit_min = 60;      // assumption
  r.short_stay_mean_days = 4;          // assumption
  r.p_admit_after_short_stay = 0.2;    // assumption
  r.p_settlement_home_without_hub = 0.5;  // assumption: 地域定着支援 emergency visit
  r.p_outpatient = 0.3;                // assumption
  r.response_hours = {2, 3, 4, 24};    // assumption: home / short stay / admission / outpatient

  HospitalParams& h = p.hospital;
  h.admission_type_mix = {0.610, 0.372, 0.018};  // PI: June 2010 cohort, "other" counted voluntary
  h.travel_limit_min = 90;        // assumption
  h.allow_far_placement = true;   // assumption
  // Readiness hazard per day by stay day (calibrated to PI discharge rates 63.5/80.8/88.3%).
  h.readiness_hazard = {{0, 0.022}, {30, 0.016}, {90, 0.0093}, {180, 0.0042}, {365, 0.0008}, {1826, 0.0003}};
  h.type_factor = {1.1, 0.85, 0.8};  // calibrated: 医療保護 stays longer (PI in-stock mix)
  h.readmission_factor = 0.56;       // calibrated: 地域平均生活日数 with readmission 31.1% (PI)
  h.senior_factor = 0.6;             // calibrated: two thirds of long stays are 65+ (PI)
  h.community_ward_cap_days = 180;   // domain.md
  h.community_ward_factor = 1.3;     // assumption
  h.planning_day = 7;                // domain.md: 2024 fee revision
  h.review_interval_days = 90;       // domain.md: reviews about every 3 months
  h.home_loss_rate_long_stay = 0.03; // assumption
  h.death_rate_under65 = 0.02;       // calibrated: deaths ~5.9% of discharges (PI)
  h.death_rate_65plus = 0.07;        // calibrated
  // PI: June 2011 discharges: home 64.7, group home etc. 5.3, elderly 6.0, transfer 16.8,
  // other 1.2 (death 5.9 is the separate hazard).
  h.destination_mix = {64.7, 5.3, 6.0, 16.8, 1.2};
  h.p_independent_living_after_long_stay = 0.8;  // assumption

  TransitionParams& t = p.transition;
  t.min_stay_days = 365;           // domain.md: long stay
  t.programme_mean_days = 180;     // domain.md: typically ~6 months
  t.programme_sd_days = 45;        // assumption
  t.p_success = 0.5;               // assumption
  t.trial_nights = 3;              // assumption
  t.trial_at_fraction = 0.6;       // assumption

  CommunityParams& cm = p.community;
  cm.group_home_move_out_rate = 0.1;   // assumption
  cm.death_rate_under65 = 0.008;       // assumption (excess mortality of serious mental illness)
  cm.death_rate_65plus = 0.04;         // assumption
  cm.elderly_care_rate_65plus = 0.03;  // assumption
  cm.move_away_rate = 0.015;           // assumption
  cm.waiting_rule = WaitingRule::hospital_first;

  CostParams& k = p.cost;  // PI: welfare rewards (seed 003 L559-L615)
  k.units_transition = 3613;
  k.units_independent_living = 1566;
  k.units_settlement = 315;
  k.units_emergency_day = 734;
  k.units_coordinator_claim = 500;
  k.yen_per_unit = 10;             // domain.md: 1 unit ~ ¥10
  k.hospital_day_yen = 15000;      // assumption: psychiatric inpatient day
  return p;
}

}  // namespace caresim::model
