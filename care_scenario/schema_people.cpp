// Who is in the model, and how crises arise and are met.
#include "care_scenario/care_schema.hpp"

namespace caresim::care_scenario {

using scenario::Param;

void declare_people(Table& t) {
  scenario::Schema& s = t.schema;
  s.section("population").describe("People known to services at day 0 and arriving later");
  bind_field(
      t, s,
      Param::real("population.community_per_100k")
          .range(0, 1e4)
          .default_value(1500)
          .unit("people per 100,000")
          .source(kCalibrated)
          .describe("People with serious needs known to services, living in the community; at most 10,000, "
                    "a tenth of the residents and about twice Japan's share of all psychiatric patients, in- and "
                    "outpatients (614.8万 in 2020, about 4,900 per 100,000)"),
      &model::PopulationParams::community_per_100k);
  bind_field(t, s,
             Param::real("population.community_share_65plus")
                 .range(0, 1)
                 .default_value(0.38)
                 .unit("fraction")
                 .source("assumption (range guessed)")
                 .assumption_range(0.3, 0.5)
                 .describe("Share of the community cohort aged 65+"),
             &model::PopulationParams::community_share_65plus);
  bind_field(t, s,
             Param::real("population.share_alone")
                 .range(0, 1)
                 .default_value(0.35)
                 .unit("fraction")
                 .source("assumption (range guessed)")
                 .assumption_range(0.25, 0.45)
                 .describe("Share living alone (the rest live with carers)"),
             &model::PopulationParams::share_alone);
  bind_field(t, s,
             Param::probability_map("population.diagnosis_mix")
                 .keys({"F2", "F0", "other"})
                 .default_shares({{"F2", 0.55}, {"F0", 0.15}, {"other", 0.30}})
                 .source("assumption (ReMHRAD groups)")
                 .describe("Diagnosis groups: schizophrenia spectrum, dementia/organic, other"),
             &model::PopulationParams::diagnosis_mix);
  bind_field(t, s,
             Param::real("population.share_independent_living")
                 .range(0, 1)
                 .default_value(0.05)
                 .unit("fraction")
                 .source("assumption (range guessed)")
                 .assumption_range(0.02, 0.1)
                 .describe("Share with 自立生活援助 (regular visits)"),
             &model::PopulationParams::share_independent_living);
  bind_field(t, s,
             Param::real("population.share_settlement")
                 .range(0, 1)
                 .default_value(0.05)
                 .unit("fraction")
                 .source("assumption (range guessed)")
                 .assumption_range(0.02, 0.1)
                 .describe("Share with 地域定着支援 (24-hour on-call)"),
             &model::PopulationParams::share_settlement);
  bind_field(t, s,
             Param::real("population.share_home_nursing")
                 .range(0, 1)
                 .default_value(0.25)
                 .unit("fraction")
                 .source("assumption (range guessed)")
                 .assumption_range(0.15, 0.35)
                 .describe("Share with home nursing (訪問看護)"),
             &model::PopulationParams::share_home_nursing);
  bind_field(t, s,
             Param::real("population.share_revolving")
                 .range(0, 1)
                 .default_value(0.08)
                 .unit("fraction")
                 .source(kCalibrated)
                 .describe("Share in the revolving-door subgroup (much higher crisis hazard)"),
             &model::PopulationParams::share_revolving);
  bind_field(t, s,
             Param::real("population.share_public_assistance")
                 .range(0, 1)
                 .default_value(0.17)
                 .unit("fraction")
                 .source("assumption from a secondary figure: 36.6 生活保護 recipients in psychiatric beds per "
                         "100,000 residents (医療経済研究機構 study, reported by 日本経済新聞 2019-04-06) against "
                         "218.7 psychiatric inpatients per 100,000 (病院報告 2020, national-figures.md §7): about "
                         "17 %, far above the population's 1.6 %; an inpatients' share applied to everyone in the "
                         "model; prefectures range 12.0 to 83.3 per 100,000")
                 .assumption_range(0.10, 0.25)
                 .describe("Share on public assistance (生活保護), drawn once per person at creation: their "
                           "hospital days and home nursing are 医療扶助 (a 措置入院 day stays 措置)"),
             &model::PopulationParams::share_public_assistance);
  bind_field(t, s,
             Param::real("population.share_has_home_community")
                 .range(0, 1)
                 .default_value(1.0)
                 .unit("fraction")
                 .source("assumption (range guessed)")
                 .assumption_range(0.9, 1.0)
                 .describe("Share of community people who have a home of their own to return to"),
             &model::PopulationParams::share_has_home_community);
  bind_field(t, s,
             Param::real("population.age_min_years")
                 .range(0, 64)
                 .default_value(20)
                 .unit("years")
                 .source("assumption (range guessed): adult services; the age bands are what the indicators use (<65 / "
                         "65+)")
                 .assumption_range(18, 25)
                 .describe("Youngest age of a person under 65: ages are uniform from this age to 65"),
             &model::PopulationParams::age_min_years);
  bind_field(t, s,
             Param::real("population.age_max_years")
                 .greater_than(65)
                 .at_most(120)
                 .default_value(90)
                 .unit("years")
                 .source("assumption (range guessed)")
                 .assumption_range(85, 100)
                 .describe("Oldest age of a person aged 65+: ages are uniform from 65 to this age"),
             &model::PopulationParams::age_max_years);
  bind_field(t, s,
             Param::real("population.min_admission_age_years")
                 .range(0, 64)
                 .default_value(18)
                 .unit("years")
                 .source("assumption (range guessed): children's psychiatric care is outside the model")
                 .assumption_range(15, 20)
                 .describe("Nobody in the day-0 inpatient stock was admitted younger: a birth that would make the stay "
                           "begin earlier is moved back"),
             &model::PopulationParams::min_admission_age_years);
  auto& bands =
      s.section("population")
          .collection("initial_inpatients", "band")
          .describe("Inpatients on day 0 by length of stay so far (so the long-stay stock is right from day 0)")
          .min_members(1);
  bind_field(t, bands, Param::real("min_days").at_least(0).unit("days").describe("Shortest stay so far in the band"),
             &model::StayBand::min_days);
  bind_field(t, bands, Param::real("max_days").greater_than(0).unit("days").describe("Longest stay so far in the band"),
             &model::StayBand::max_days);
  bind_field(t, bands,
             Param::real("per_100k")
                 .range(0, 1000)
                 .unit("inpatients per 100,000")
                 .describe("Inpatients in the band per 100,000 residents; at most 1,000, about twice the highest "
                           "prefecture's psychiatric inpatients of all stays (Kagoshima 522 per 100,000, 2020; "
                           "national 219)"),
             &model::StayBand::per_100k);
  bind_field(t, bands, Param::real("share_65plus").range(0, 1).unit("fraction").describe("Share of the band aged 65+"),
             &model::StayBand::share_65plus);
  bind_field(t, s,
             Param::probability_map("population.stock_type_mix")
                 .keys({"voluntary", "involuntary", "administrative"})
                 .default_shares({{"voluntary", 0.49}, {"involuntary", 0.50}, {"administrative", 0.01}})
                 .source("検討会 第6回 資料5: in-stock 措置 ~1%, 医療保護 47-54%")
                 .describe("Admission types of day-0 inpatients (involuntary = 医療保護, administrative = 措置)"),
             &model::PopulationParams::stock_type_mix);
  bind_field(t, s,
             Param::real("population.initial_inpatient_has_home")
                 .range(0, 1)
                 .default_value(0.8)
                 .unit("fraction")
                 .source("assumption (range guessed)")
                 .assumption_range(0.6, 0.9)
                 .describe("Share of day-0 inpatients with a home to return to"),
             &model::PopulationParams::initial_inpatient_has_home);
  bind_field(t, s,
             Param::real("population.arrivals_per_100k_year")
                 .range(0, 1000)
                 .default_value(150)
                 .phased()
                 .unit("people per 100,000 per year")
                 .source(kCalibrated)
                 .describe("New people becoming known to services (keeps the known population stable); at most 1,000, "
                           "about four times Japan's new psychiatric admissions (about 240-270 per 100,000 a year)"),
             &model::PopulationParams::arrivals_per_100k_year);
  bind_field(t, s,
             Param::real("population.arrival_share_65plus")
                 .range(0, 1)
                 .default_value(0.30)
                 .unit("fraction")
                 .source("assumption (range guessed)")
                 .assumption_range(0.2, 0.4)
                 .describe("Share of new people aged 65+"),
             &model::PopulationParams::arrival_share_65plus);
  bind_field(t, s,
             Param::real("population.arrival_share_alone")
                 .range(0, 1)
                 .default_value(0.3)
                 .unit("fraction")
                 .source("assumption (range guessed)")
                 .assumption_range(0.2, 0.4)
                 .describe("Share of new people living alone"),
             &model::PopulationParams::arrival_share_alone);
  bind_field(t, s,
             Param::real("population.p_arrival_crisis")
                 .range(0, 1)
                 .default_value(0.4)
                 .phased()
                 .unit("probability")
                 .source("assumption (range guessed)")
                 .assumption_range(0.2, 0.6)
                 .describe("A new person first becomes known through a crisis"),
             &model::PopulationParams::p_arrival_crisis);

  s.section("crisis").describe("Crisis onset in the community");
  bind_field(t, s,
             Param::real("crisis.rate_home")
                 .at_least(0)
                 .default_value(0.15)
                 .phased()
                 .unit("per person-year")
                 .source(kCalibrated)
                 .describe("Crisis rate of people at home"),
             &model::CrisisParams::rate_home);
  bind_field(t, s,
             Param::real("crisis.mult_group_home")
                 .range(0, 1)
                 .default_value(0.8)
                 .phased()
                 .unit("factor")
                 .source("assumption: the 世話人's daily support on site lowers the rate at least as much as "
                         "自立生活援助's visits (crisis.mult_independent_living); range guessed")
                 .assumption_range(0.5, 1.0)
                 .describe("Factor on crisis.rate_home for a group-home resident"),
             &model::CrisisParams::mult_group_home);
  bind_field(t, s,
             Param::real("crisis.mult_independent_living")
                 .at_least(0)
                 .default_value(0.8)
                 .phased()
                 .unit("factor")
                 .source("assumption (range guessed)")
                 .assumption_range(0.6, 1.0)
                 .describe("Rate factor with 自立生活援助"),
             &model::CrisisParams::mult_independent_living);
  bind_field(t, s,
             Param::real("crisis.mult_settlement")
                 .at_least(0)
                 .default_value(0.85)
                 .phased()
                 .unit("factor")
                 .source("assumption")
                 .assumption_range(0.7, 1.0)
                 .describe("Rate factor with 地域定着支援"),
             &model::CrisisParams::mult_settlement);
  bind_field(t, s,
             Param::real("crisis.mult_home_nursing")
                 .at_least(0)
                 .default_value(0.8)
                 .phased()
                 .unit("factor")
                 .source("assumption (range guessed)")
                 .assumption_range(0.6, 1.0)
                 .describe("Rate factor with home nursing"),
             &model::CrisisParams::mult_home_nursing);
  bind_field(t, s,
             Param::real("crisis.mult_revolving")
                 .at_least(1)
                 .default_value(10.0)
                 .phased()
                 .unit("factor")
                 .source(kCalibrated)
                 .describe("Rate factor of the revolving-door subgroup"),
             &model::CrisisParams::mult_revolving);
  bind_field(t, s,
             Param::real("crisis.post_discharge_k")
                 .at_least(0)
                 .default_value(4.8)
                 .phased()
                 .unit("factor")
                 .source(kCalibrated)
                 .describe("Extra risk right after discharge: rate x (1 + k exp(-t/tau))"),
             &model::CrisisParams::post_discharge_k);
  bind_field(t, s,
             Param::real("crisis.post_discharge_tau_days")
                 .greater_than(0)
                 .default_value(90)
                 .unit("days")
                 .source("calibrated at model version 1; not refitted by scripts/calibrate (k is)")
                 .describe("Decay time of the post-discharge risk"),
             &model::CrisisParams::post_discharge_tau_days);
  bind_field(t, s,
             Param::real("crisis.carer_loss_rate")
                 .at_least(0)
                 .default_value(0.02)
                 .phased()
                 .unit("per person-year")
                 .source("assumption (親亡き後); range guessed")
                 .assumption_range(0.01, 0.04)
                 .describe("Carer's illness or death, people under 65 living with carers"),
             &model::CrisisParams::carer_loss_rate);
  bind_field(t, s,
             Param::real("crisis.carer_loss_rate_65plus")
                 .at_least(0)
                 .default_value(0.06)
                 .phased()
                 .unit("per person-year")
                 .source("assumption (range guessed)")
                 .assumption_range(0.03, 0.1)
                 .describe("The same for people aged 65+"),
             &model::CrisisParams::carer_loss_rate_65plus);
  bind_field(t, s,
             Param::real("crisis.p_apply_group_home_alone")
                 .range(0, 1)
                 .default_value(0.2)
                 .phased()
                 .unit("probability")
                 .source("assumption (range guessed)")
                 .assumption_range(0.1, 0.4)
                 .describe("After a carer loss, applies for a group home place"),
             &model::CrisisParams::p_apply_group_home_alone);
  bind_field(
      t, s,
      Param::probability_map("crisis.severity_mix")
          .keys({"voluntary", "involuntary", "administrative"})
          .default_shares({{"voluntary", 0.615}, {"involuntary", 0.376}, {"administrative", 0.009}})
          .source("chosen so that admissions after triage match the 630 survey 2010 mix 59.6% (+1.4% other) / "
                  "37.2% / 1.8% (scripts/calibrate checks the admission mix; not fitted)")
          .describe("Severity of a crisis, as the admission type it needs (involuntary = 医療保護, administrative = "
                    "措置: always admitted)"),
      &model::CrisisParams::severity_mix);

  s.section("response").describe("How a crisis is met");
  bind_field(t, s,
             Param::real("response.p_home_with_hub")
                 .range(0, 1)
                 .default_value(0.35)
                 .phased()
                 .unit("probability")
                 .source("assumption")
                 .assumption_range(0.2, 0.5)
                 .describe("A coordinator's triage ends in support at home"),
             &model::ResponseParams::p_home_with_hub);
  bind_field(t, s,
             Param::real("response.p_short_stay_with_hub")
                 .range(0, 1)
                 .default_value(0.4)
                 .phased()
                 .unit("probability")
                 .source("assumption")
                 .assumption_range(0.2, 0.6)
                 .describe("Otherwise a crisis short stay is tried (if a bed is free and near)"),
             &model::ResponseParams::p_short_stay_with_hub);
  bind_field(t, s,
             Param::real("response.office_open_hour")
                 .range(0, 24)
                 .default_value(9)
                 .unit("hour of day")
                 .source("assumption: weekdays 9:00-17:00, 40 of the week's 168 hours; range guessed")
                 .assumption_range(8, 10)
                 .describe("An office-hours hub answers crises from this hour, Monday to Friday"),
             &model::ResponseParams::office_open_hour);
  bind_field(t, s,
             Param::real("response.office_close_hour")
                 .range(0, 24)
                 .default_value(17)
                 .unit("hour of day")
                 .source("assumption: weekdays 9:00-17:00; range guessed")
                 .assumption_range(16, 20)
                 .describe("...until this hour"),
             &model::ResponseParams::office_close_hour);
  bind_field(t, s,
             Param::real("response.crisis_travel_limit_min")
                 .greater_than(0)
                 .default_value(60)
                 .unit("minutes")
                 .source("assumption (range guessed)")
                 .assumption_range(30, 90)
                 .describe("Farthest crisis bed offered"),
             &model::ResponseParams::crisis_travel_limit_min);
  bind_field(t, s,
             Param::real("response.short_stay_mean_days")
                 .greater_than(0)
                 .default_value(4)
                 .unit("days")
                 .source("assumption (range guessed)")
                 .assumption_range(2, 7)
                 .describe("Mean length of a crisis short stay (capped by the hub's maximum)"),
             &model::ResponseParams::short_stay_mean_days);
  bind_field(t, s,
             Param::real("response.p_admit_after_short_stay")
                 .range(0, 1)
                 .default_value(0.2)
                 .phased()
                 .unit("probability")
                 .source("assumption")
                 .assumption_range(0.1, 0.4)
                 .describe("A short stay ends in admission"),
             &model::ResponseParams::p_admit_after_short_stay);
  bind_field(t, s,
             Param::real("response.p_settlement_home")
                 .range(0, 1)
                 .default_value(0.5)
                 .phased()
                 .unit("probability")
                 .source("assumption")
                 .assumption_range(0.3, 0.7)
                 .describe("地域定着支援 emergency support keeps its user at home (first path, with or without a hub)"),
             &model::ResponseParams::p_settlement_home);
  bind_field(t, s,
             Param::real("response.p_group_home_staff_home")
                 .range(0, 1)
                 .default_value(0.5)
                 .phased()
                 .unit("probability")
                 .source("assumption: a group home's night and on-call staff (共同生活援助 夜間支援等体制加算) answer "
                         "a resident's crisis as 地域定着支援 answers a user's (response.p_settlement_home)")
                 .assumption_range(0.3, 0.7)
                 .describe("A group home's own staff see a resident's crisis through there (tried first, as "
                           "地域定着支援 is for its users)"),
             &model::ResponseParams::p_group_home_staff_home);
  bind_field(t, s,
             Param::real("response.p_outpatient")
                 .range(0, 1)
                 .default_value(0.3)
                 .phased()
                 .unit("probability")
                 .source("assumption")
                 .assumption_range(0.15, 0.45)
                 .describe("A crisis not resolved by 地域定着支援 or a hub resolves with outpatient care (last path)"),
             &model::ResponseParams::p_outpatient);
  bind_field(t, s,
             Param::real_list("response.response_hours")
                 .at_least(0)
                 .default_reals({2, 3, 4, 24})
                 .unit("hours")
                 .source("assumption (range guessed)")
                 .assumption_range(1, 48)
                 .describe("Time to a response: home, short stay, admission, outpatient (4 values)"),
             &model::ResponseParams::response_hours);
  bind_field(t, s,
             Param::real("response.claims_per_coordinator")
                 .range(0, 10000)
                 .default_value(100)
                 .unit("claims per coordinator per month")
                 .source("seed 000 L2880: 拠点コーディネーター1名につき合計100回／月を上限 (seed 003 L297-L298)")
                 .describe("Cap of the 機能強化加算: user-months of the host office's consultation services "
                           "(地域移行支援, 自立生活援助, 地域定着支援) it may bill a month per full-time coordinator; "
                           "the hub's cap is floor(coordinators x this); a funding line, not a limit on the "
                           "coordinators' work; at most 10,000"),
             &model::ResponseParams::claims_per_coordinator);
}

}  // namespace caresim::care_scenario
