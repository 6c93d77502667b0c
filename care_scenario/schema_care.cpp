// Hospital stays, long-stay transition, life in the community, and costs.
#include "care_scenario/care_schema.hpp"

namespace caresim::care_scenario {

using scenario::Param;

void declare_care(Table& t) {
  scenario::Schema& s = t.schema;
  s.section("hospital").describe("Admission, stay and discharge");
  bind_field(t, s,
             Param::real("hospital.travel_limit_min")
                 .greater_than(0)
                 .default_value(90)
                 .unit("minutes")
                 .source("assumption")
                 .assumption_range(60, 120)
                 .describe("Farthest hospital a crisis admission goes to while a nearer bed is free"),
             &model::HospitalParams::travel_limit_min);
  bind_field(t, s,
             Param::boolean("hospital.allow_far_placement")
                 .default_value(true)
                 .source("assumption (true: a bed beyond the limit before a wait at home)")
                 .describe("With no bed within the limit, admit to the nearest free bed beyond it (else wait at home)"),
             &model::HospitalParams::allow_far_placement);
  bind_field(t, s,
             Param::real("hospital.wait_deterioration_per_day")
                 .at_least(0)
                 .default_value(0.1)
                 .unit("per day")
                 .source("assumption: mean 10 days at home before the prefectural emergency system admits")
                 .assumption_range(0.02, 0.5)
                 .describe("Hazard that a person waiting at home for a bed worsens and is admitted out of the region"),
             &model::HospitalParams::wait_deterioration_per_day);
  bind_field(
      t, s,
      Param::real("hospital.group_home_wait_before_home_days")
          .greater_than(0)
          .default_value(180)
          .unit("days")
          .source("assumption: the family takes the person back, or the plan changes to home, when no group-home "
                  "place comes; a very large value means never")
          .assumption_range(90, 730)
          .describe("Days a blocked inpatient planned for a group home who still has a home waits before going "
                    "home instead (at the next review)"),
      &model::HospitalParams::group_home_wait_before_home_days);
  unbound(t, s,
          Param::real_list("hospital.readiness_hazard_from_days")
              .at_least(0)
              .default_reals({0, 30, 90, 180, 365, 1826})
              .unit("days")
              .source(kCalibrated)
              .describe("Start days of the pieces of the readiness hazard (first 0, increasing)"),
          "read by to_parameters with readiness_hazard_per_day (the pieces of one hazard)");
  unbound(t, s,
          Param::real_list("hospital.readiness_hazard_per_day")
              .at_least(0)
              .default_reals({0.022, 0.016, 0.0093, 0.0042, 0.0008, 0.0003})
              .unit("per day")
              .source(kCalibrated)
              .describe("Hazard of becoming ready to leave, one value per piece"),
          "read by to_parameters with readiness_hazard_from_days (the pieces of one hazard)");
  bind_to<model::Parameters>(t, s,
                             Param::real("hospital.type_factor_voluntary")
                                 .greater_than(0)
                                 .default_value(1.1)
                                 .phased()
                                 .unit("factor")
                                 .source(kCalibrated)
                                 .describe("Readiness hazard factor of voluntary admissions"),
                             [](model::Parameters& p) -> model::Phased& { return p.hospital.type_factor[0]; });
  bind_to<model::Parameters>(t, s,
                             Param::real("hospital.type_factor_involuntary")
                                 .greater_than(0)
                                 .default_value(0.85)
                                 .phased()
                                 .unit("factor")
                                 .source(kCalibrated)
                                 .describe("Readiness hazard factor of 医療保護 admissions (longer stays)"),
                             [](model::Parameters& p) -> model::Phased& { return p.hospital.type_factor[1]; });
  bind_to<model::Parameters>(
      t, s,
      Param::real("hospital.type_factor_administrative")
          .greater_than(0)
          .default_value(0.8)
          .phased()
          .unit("factor")
          .source("calibrated at model version 1; not refitted by scripts/calibrate (措置 is about 1% of the stock)")
          .describe("Readiness hazard factor of 措置 admissions"),
      [](model::Parameters& p) -> model::Phased& { return p.hospital.type_factor[2]; });
  bind_field(
      t, s,
      Param::real("hospital.readmission_factor")
          .greater_than(0)
          .default_value(0.56)
          .phased()
          .unit("factor")
          .source(kCalibrated)
          .describe("Readiness hazard factor of stays begun within 365 days of a discharge (readmissions stay longer)"),
      &model::HospitalParams::readmission_factor);
  bind_field(
      t, s,
      Param::real("hospital.senior_factor")
          .greater_than(0)
          .default_value(0.6)
          .phased()
          .unit("factor")
          .source("calibrated at model version 1 (about two thirds of long-stay inpatients are 65+, 630 survey); not "
                  "refitted by scripts/calibrate")
          .describe("Readiness hazard factor of inpatients aged 65+"),
      &model::HospitalParams::senior_factor);
  bind_field(t, s,
             Param::real("hospital.community_ward_cap_days")
                 .greater_than(0)
                 .default_value(180)
                 .unit("days")
                 .source("domain.md: community-care ward caps stays at 180 days")
                 .describe("Longest stay in that ward"),
             &model::HospitalParams::community_ward_cap_days);
  bind_field(t, s,
             Param::real("hospital.community_ward_factor")
                 .greater_than(0)
                 .default_value(1.3)
                 .phased()
                 .unit("factor")
                 .source("assumption (range guessed)")
                 .assumption_range(1.0, 1.6)
                 .describe("Readiness hazard factor in the community-care ward"),
             &model::HospitalParams::community_ward_factor);
  bind_field(t, s,
             Param::real("hospital.planning_day")
                 .at_least(0)
                 .default_value(7)
                 .unit("days")
                 .source("domain.md: 2024 fee revision, plan within 7 days")
                 .describe("Day of the stay of the discharge planning conference: the "
                           "destination is chosen and a place needed is applied for before readiness; a stay "
                           "that ends before this day (or begun before day 0) has none"),
             &model::HospitalParams::planning_day);
  bind_field(t, s,
             Param::real("hospital.review_interval_days")
                 .at_least(1)
                 .default_value(90)
                 .unit("days")
                 .source("domain.md: reviews about every 3 months")
                 .describe("Interval of stay reviews; at least a day (each review is an event, so a tiny interval "
                           "floods the run and falls below the precision of the clock)"),
             &model::HospitalParams::review_interval_days);
  bind_field(t, s,
             Param::real("hospital.home_loss_rate_long_stay")
                 .at_least(0)
                 .default_value(0.03)
                 .phased()
                 .unit("per year")
                 .source("assumption (range guessed)")
                 .assumption_range(0.01, 0.06)
                 .describe("Rate at which someone living alone loses their tenancy, per year of stay beyond one year"),
             &model::HospitalParams::home_loss_rate_long_stay);
  bind_field(t, s,
             Param::real("hospital.death_rate_under65")
                 .at_least(0)
                 .default_value(0.02)
                 .phased()
                 .unit("per person-year")
                 .source(kCalibrated)
                 .describe("Death rate in hospital under 65 (deaths ~5.9% of discharges)"),
             &model::HospitalParams::death_rate_under65);
  bind_field(t, s,
             Param::real("hospital.death_rate_65plus")
                 .at_least(0)
                 .default_value(0.07)
                 .phased()
                 .unit("per person-year")
                 .source(kCalibrated)
                 .describe("Death rate in hospital at 65+"),
             &model::HospitalParams::death_rate_65plus);
  bind_field(t, s,
             Param::probability_map("hospital.destination_mix")
                 .keys({"home", "group_home", "elderly_care", "transfer_out", "other"})
                 .default_shares({{"home", 0.647 / 0.94},
                                  {"group_home", 0.053 / 0.94},
                                  {"elderly_care", 0.060 / 0.94},
                                  {"transfer_out", 0.168 / 0.94},
                                  {"other", 0.012 / 0.94}})
                 .source("630 survey 2011 discharges: home 64.7, group home 5.3, elderly 6.0, transfer 16.8, other 1.2 "
                         "(death 5.9 is the separate hazard)")
                 .describe("Baseline destinations when ready to leave (elderly care only at 65+)"),
             &model::HospitalParams::destination_mix);
  bind_field(t, s,
             Param::real("hospital.family_refusal_rate")
                 .at_least(0)
                 .default_value(0.15)
                 .phased()
                 .unit("per year")
                 .source("assumption, calibrated by scripts/calibrate to blocked_share (家族の受け入れ困難 is the "
                         "leading barrier, 64.8% in 精神療養病棟: national-figures.md §1)")
                 .assumption_range(0.05, 0.4)
                 .describe("Rate per year of stay at which the family of an inpatient living with carers stops "
                           "accepting a return home (checked at each review)"),
             &model::HospitalParams::family_refusal_rate);
  bind_field(t, s,
             Param::real("hospital.p_plan_at_review")
                 .range(0, 1)
                 .default_value(0.25)
                 .phased()
                 .unit("probability")
                 .source("assumption, calibrated by scripts/calibrate to blocked_share (hospitals' discharge "
                         "support for long stays: national-figures.md §1, 中医協 検証部会 第72回)")
                 .assumption_range(0.1, 0.6)
                 .describe("Hospital discharge planning makes a plan for a ready long-stay inpatient who has none, "
                           "at readiness and at each review (a transition programme is the other way to a plan)"),
             &model::HospitalParams::p_plan_at_review);
  bind_field(t, s,
             Param::real("hospital.place_arrangement_days")
                 .at_least(0)
                 .default_value(30)
                 .unit("days")
                 .source("assumption: moving an inpatient into a group home or supported housing needs an "
                         "application and 支給決定 (障害支援区分), a visit and a contract; weeks, length guessed; 0 "
                         "moves at once")
                 .assumption_range(7, 60)
                 .describe("Days from an inpatient's application for a group-home or supported-housing place to "
                           "the day they can move in; a ready inpatient with a place waits meanwhile (blocked), "
                           "so an application made at the planning conference is arranged before readiness"),
             &model::HospitalParams::place_arrangement_days);
  bind_field(
      t, s,
      Param::integer("hospital.involuntary_first_period_months")
          .range(1, 12)
          .default_value(3)
          .unit("months")
          .source("精神保健福祉法 from 2024-04: 医療保護入院 for 3 months, then to 6 months after admission, then "
                  "6 months per renewal (national-figures.md §4)")
          .describe("First legal period of a 医療保護入院, in calendar months from the admission day; a "
                    "renewal review falls at its end"),
      &model::HospitalParams::involuntary_first_period_months);
  bind_field(t, s,
             Param::integer("hospital.involuntary_second_period_months")
                 .range(1, 12)
                 .default_value(3)
                 .unit("months")
                 .source("精神保健福祉法 from 2024-04: the first renewal runs to 6 months after admission "
                         "(national-figures.md §4)")
                 .describe("Second legal period of a 医療保護入院 (the first renewal), in calendar months"),
             &model::HospitalParams::involuntary_second_period_months);
  bind_field(t, s,
             Param::integer("hospital.involuntary_renewal_period_months")
                 .range(1, 12)
                 .default_value(6)
                 .unit("months")
                 .source("精神保健福祉法 from 2024-04: 6 months per renewal after the first 6 months "
                         "(national-figures.md §4)")
                 .describe("Every later legal period of a 医療保護入院, in calendar months"),
             &model::HospitalParams::involuntary_renewal_period_months);
  bind_field(t, s,
             Param::real("hospital.p_convert_at_renewal")
                 .range(0, 1)
                 .default_value(0.05)
                 .unit("probability")
                 .source("assumption: no national count of conversions to 任意入院 in our sources (the 更新届 "
                         "replaces the periodic report, national-figures.md §4); small, because the stock stays about "
                         "half 医療保護 "
                         "(national-figures.md §4) while a third of admissions are")
                 .assumption_range(0.01, 0.2)
                 .describe("At a renewal review of a 医療保護入院, the stay goes on as 任意入院 (the voluntary "
                           "readiness factor applies from then on)"),
             &model::HospitalParams::p_convert_at_renewal);
  bind_field(t, s,
             Param::real("hospital.p_committee_plan_at_renewal")
                 .range(0, 1)
                 .default_value(0.3)
                 .unit("probability")
                 .source("assumption: a renewal needs a 退院支援委員会 (national-figures.md §4); how often it "
                         "leads to a discharge plan is guessed")
                 .assumption_range(0.1, 0.6)
                 .describe("At a renewal review not converted to 任意入院, the 退院支援委員会 makes a discharge plan "
                           "(a long stay's plan, and the search for a place it needs starts); otherwise the "
                           "period is renewed"),
             &model::HospitalParams::p_committee_plan_at_renewal);

  s.section("support").describe("Support services with a caseload: who needs them to leave hospital for home");
  bind_field(t, s,
             Param::real("support.independent_living_min_stay_days")
                 .at_least(0)
                 .default_value(365)
                 .unit("days")
                 .source("assumption: 自立生活援助 is for people moving to live alone from a hospital or facility "
                         "(seed 000 L2867); the stay that makes it needed is assumed")
                 .assumption_range(180, 730)
                 .describe("Going home alone after a stay at least this long needs 自立生活援助 (so does leaving "
                           "through a transition programme to live alone)"),
             &model::SupportParams::independent_living_min_stay_days);
  bind_field(t, s,
             Param::real("support.independent_living_period_days")
                 .greater_than(0)
                 .default_value(365)
                 .unit("days")
                 .source("自立生活援助: standard period of one year (標準利用期間, issue text; domain.md)")
                 .describe("How long a user keeps a 自立生活援助 caseload place"),
             &model::SupportParams::independent_living_period_days);
  bind_field(t, s,
             Param::real("support.settlement_period_days")
                 .greater_than(0)
                 .default_value(365)
                 .unit("days")
                 .source("地域定着支援: granted for one year at a time (支給決定期間); renewed while the need lasts")
                 .describe("How long a user keeps a 地域定着支援 caseload place before the need is reassessed"),
             &model::SupportParams::settlement_period_days);
  bind_field(t, s,
             Param::real("support.p_home_nursing_at_discharge")
                 .range(0, 1)
                 .default_value(0.5)
                 .phased()
                 .unit("probability")
                 .source("assumption, scaled so that users come near the ~176 per 100,000 of psychiatric "
                         "home-nursing stations (national-figures.md §8)")
                 .assumption_range(0.3, 0.8)
                 .describe("A discharge home needs psychiatric home nursing (訪問看護)"),
             &model::SupportParams::p_home_nursing_at_discharge);
  bind_field(t, s,
             Param::real("support.home_nursing_episode_days")
                 .greater_than(0)
                 .default_value(540)
                 .unit("days")
                 .source("assumption (range guessed)")
                 .assumption_range(180, 1460)
                 .describe("Mean length of an episode of home nursing (exponential)"),
             &model::SupportParams::home_nursing_episode_days);
  bind_field(t, s,
             Param::real("support.wait_before_home_days")
                 .greater_than(0)
                 .default_value(180)
                 .unit("days")
                 .source("assumption: as hospital.group_home_wait_before_home_days; a very large value means never")
                 .assumption_range(90, 730)
                 .describe("Days a blocked inpatient with a home waits for a support caseload place before going "
                           "home without it (at the next review)"),
             &model::SupportParams::wait_before_home_days);
  bind_field(t, s,
             Param::real("support.arrangement_days")
                 .at_least(0)
                 .default_value(14)
                 .unit("days")
                 .source("assumption: a サービス等利用計画 by 計画相談支援 and the municipality's 支給決定 before "
                         "自立生活援助 or 地域定着支援 starts")
                 .assumption_range(7, 30)
                 .describe("Days from the application for 自立生活援助 or 地域定着支援 (at the planning conference "
                           "for someone planned for home, else at readiness) until the service can start; a ready "
                           "inpatient needing it waits for the rest"),
             &model::SupportParams::arrangement_days);

  s.section("transition").describe("地域移行支援: a stated wish, a referral, a programme of a provider with places");
  bind_field(t, s,
             Param::real("transition.min_stay_days")
                 .at_least(0)
                 .default_value(365)
                 .unit("days")
                 .source("domain.md: long stay is one year or more")
                 .describe("Inpatients staying at least this long are asked their wish to leave (意向確認) and can "
                           "be referred"),
             &model::TransitionParams::min_stay_days);
  bind_field(t, s,
             Param::real("transition.p_wish_month")
                 .range(0, 1)
                 .default_value(0.0007)
                 .phased()
                 .unit("probability per month")
                 .source("assumption, set so that a region without hubs has about 0.5 users of 地域移行支援 per "
                         "100,000 a month (national-figures.md §2)")
                 .assumption_range(0.0003, 0.005)
                 .describe("Monthly chance that a long-stay inpatient states a wish to leave through the hospital's "
                           "own 意向確認 (退院後生活環境相談員), without a coordinator's support"),
             &model::TransitionParams::p_wish_month);
  bind_field(t, s,
             Param::real("transition.programme_mean_days")
                 .range(1, 3650)
                 .default_value(180)
                 .unit("days")
                 .source("domain.md: typically ~6 months")
                 .describe("Mean length of a 地域移行支援 programme; from a day to ten years (the length is drawn from "
                           "a gamma distribution of this mean)"),
             &model::TransitionParams::programme_mean_days);
  bind_field(
      t, s,
      Param::real("transition.programme_sd_days")
          .range(0, 3650)
          .default_value(45)
          .unit("days")
          .source("assumption (range guessed)")
          .assumption_range(20, 90)
          .describe("Its standard deviation: 0 for a fixed length, else at least 0.001 days and at most ten years"),
      &model::TransitionParams::programme_sd_days);
  bind_field(t, s,
             Param::real("transition.p_success")
                 .range(0, 1)
                 .default_value(0.5)
                 .phased()
                 .unit("probability")
                 .source("assumption (range guessed)")
                 .assumption_range(0.3, 0.7)
                 .describe("A programme without a trial stay ends in a move out of hospital"),
             &model::TransitionParams::p_success);
  bind_field(t, s,
             Param::real("transition.p_success_with_trial")
                 .range(0, 1)
                 .default_value(0.65)
                 .phased()
                 .unit("probability")
                 .source("assumption: a trial stay (体験利用, 体験宿泊) raises the odds of success; range guessed")
                 .assumption_range(0.5, 0.85)
                 .describe("A programme whose trial stay took place (a trial slot was free) ends in a move out of "
                           "hospital"),
             &model::TransitionParams::p_success_with_trial);
  bind_field(t, s,
             Param::real("transition.trial_nights")
                 .at_least(0)
                 .default_value(3)
                 .unit("nights")
                 .source("assumption (range guessed)")
                 .assumption_range(1, 7)
                 .describe("Trial overnight stay during the programme"),
             &model::TransitionParams::trial_nights);
  bind_field(t, s,
             Param::real("transition.trial_at_fraction")
                 .range(0, 1)
                 .default_value(0.6)
                 .unit("fraction")
                 .source("assumption (range guessed)")
                 .assumption_range(0.3, 0.8)
                 .describe("When in the programme the trial stay happens"),
             &model::TransitionParams::trial_at_fraction);

  s.section("coordination").describe("What a hub's coordinators spend their hours on (seed 003 L329-L353)");
  bind_field(t, s,
             Param::real("coordination.hours_per_fte_month")
                 .range(0, 744)
                 .default_value(140)
                 .unit("hours per full-time equivalent per month")
                 .source("assumption: 40 h a week (173 h a month) less leave, training and the network work of "
                         "(d), which changes no modelled probability; range guessed")
                 .assumption_range(100, 160)
                 .describe("Staff hours one full-time coordinator spends on named people in a month"),
             &model::CoordinationParams::hours_per_fte_month);
  bind_field(t, s,
             Param::real("coordination.emergency_reserve_share")
                 .range(0, 1)
                 .default_value(0.3)
                 .unit("fraction")
                 .source("assumption (range guessed)")
                 .assumption_range(0.1, 0.5)
                 .describe("Share of the month's hours kept for emergency backup when registration and motivation "
                           "support are given out at the start of the month"),
             &model::CoordinationParams::emergency_reserve_share);
  bind_field(t, s,
             Param::real("coordination.motivation_hours")
                 .greater_than(0)
                 .default_value(10)
                 .unit("hours per inpatient-month")
                 .source("assumption: interviews, an accompanied outing or 体験宿泊, peer support, with the "
                         "hospital's 退院後生活環境相談員 (seed 003 L349-L353); range guessed")
                 .assumption_range(4, 16)
                 .describe("(a) 意向確認 and 動機付け支援 for one long-stay inpatient for a month"),
             &model::CoordinationParams::motivation_hours);
  bind_field(t, s,
             Param::real("coordination.p_wish_motivated")
                 .range(0, 1)
                 .default_value(0.03)
                 .unit("probability per month")
                 .source("assumption (range guessed; no published effect size)")
                 .assumption_range(0.01, 0.08)
                 .describe("Chance that an inpatient given a month of motivation support states a wish to leave "
                           "that month (instead of transition.p_wish_month)"),
             &model::CoordinationParams::p_wish_motivated);
  bind_field(t, s,
             Param::real("coordination.backup_hours")
                 .greater_than(0)
                 .default_value(4)
                 .unit("hours per crisis")
                 .source("assumption: searching with the consultation office, calls, a visit (seed 003 L342-L348); "
                         "range guessed")
                 .assumption_range(2, 8)
                 .describe("(b) Emergency backup of one crisis the hub's triage would send to hospital"),
             &model::CoordinationParams::backup_hours);
  bind_field(t, s,
             Param::real("coordination.backup_travel_limit_min")
                 .at_least(0)
                 .default_value(90)
                 .unit("minutes")
                 .source("assumption: the coordinator looks beyond the hub's own sites (seed 003 L348); range "
                         "guessed")
                 .assumption_range(60, 120)
                 .describe("With a coordinator's backup, a short stay is searched at every hub site within this "
                           "travel time"),
             &model::CoordinationParams::backup_travel_limit_min);
  bind_field(t, s,
             Param::real("coordination.p_backup_home_non_user")
                 .range(0, 1)
                 .default_value(0.15)
                 .unit("probability")
                 .source("assumption: direct support of a person not yet using services in an emergency (seed 003 "
                         "L342-L343); range guessed")
                 .assumption_range(0.05, 0.3)
                 .describe("Chance that a coordinator's direct support keeps at home a person using no support "
                           "service, whom the triage would send to hospital"),
             &model::CoordinationParams::p_backup_home_non_user);
  bind_field(t, s,
             Param::real("coordination.registration_hours")
                 .greater_than(0)
                 .default_value(3)
                 .unit("hours per household")
                 .source("assumption: a visit and an emergency plan (seed 003 L161, L340-L341); range guessed")
                 .assumption_range(1, 6)
                 .describe("(c) Registering one household at risk in advance (living with carers, flagged by a "
                           "crisis or a discharge home)"),
             &model::CoordinationParams::registration_hours);
  bind_field(t, s,
             Param::real("coordination.registration_days")
                 .greater_than(0)
                 .default_value(365)
                 .unit("days")
                 .source("assumption: plans reviewed yearly; range guessed")
                 .assumption_range(180, 730)
                 .describe("How long a registration lasts (a new crisis or discharge flags the household again)"),
             &model::CoordinationParams::registration_days);
  bind_field(t, s,
             Param::real("coordination.registration_home_gain")
                 .range(0, 1)
                 .default_value(0.2)
                 .unit("fraction")
                 .source("assumption (range guessed; no published effect size)")
                 .assumption_range(0.05, 0.4)
                 .describe("Share of a registered household's crises that the hub's triage would not keep at home "
                           "and its emergency plan does"),
             &model::CoordinationParams::registration_home_gain);
  bind_field(t, s,
             Param::real("coordination.registration_hours_factor")
                 .range(0, 1)
                 .default_value(0.6)
                 .unit("factor")
                 .source("assumption: the household and its plan are known in advance; range guessed")
                 .assumption_range(0.4, 0.9)
                 .describe("Factor on the response hours of a registered household's crisis met by its hub"),
             &model::CoordinationParams::registration_hours_factor);

  s.section("community").describe("Moves, exits and the group-home waiting list");
  bind_field(t, s,
             Param::real("community.group_home_hold_days")
                 .at_least(0)
                 .default_value(90)
                 .unit("days")
                 .source("assumption: group homes keep a resident's room during a hospital stay, paid by the "
                         "入院時支援特別加算 and 長期入院時支援特別加算 of 共同生活援助 (the length is assumed)")
                 .assumption_range(30, 180)
                 .describe("Days a group home keeps the place of an admitted resident, who goes back to it if "
                           "discharged within them (0: the place is given up on admission)"),
             &model::CommunityParams::group_home_hold_days);
  bind_field(t, s,
             Param::real("community.group_home_move_out_rate")
                 .at_least(0)
                 .default_value(0.1)
                 .phased()
                 .unit("per resident-year")
                 .source("assumption (range guessed)")
                 .assumption_range(0.05, 0.2)
                 .describe("Group home to one's own home (with 自立生活援助)"),
             &model::CommunityParams::group_home_move_out_rate);
  bind_field(t, s,
             Param::real("community.death_rate_under65")
                 .at_least(0)
                 .default_value(0.008)
                 .phased()
                 .unit("per person-year")
                 .source("assumption: excess mortality of serious mental illness; range guessed")
                 .assumption_range(0.004, 0.015)
                 .describe("Deaths in the community under 65"),
             &model::CommunityParams::death_rate_under65);
  bind_field(t, s,
             Param::real("community.death_rate_65plus")
                 .at_least(0)
                 .default_value(0.04)
                 .phased()
                 .unit("per person-year")
                 .source("assumption (range guessed)")
                 .assumption_range(0.025, 0.06)
                 .describe("Deaths in the community at 65+"),
             &model::CommunityParams::death_rate_65plus);
  bind_field(t, s,
             Param::real("community.elderly_care_rate_65plus")
                 .at_least(0)
                 .default_value(0.03)
                 .phased()
                 .unit("per person-year")
                 .source("assumption (range guessed)")
                 .assumption_range(0.01, 0.05)
                 .describe("Moves to elderly care at 65+"),
             &model::CommunityParams::elderly_care_rate_65plus);
  bind_field(t, s,
             Param::real("community.move_away_rate")
                 .at_least(0)
                 .default_value(0.015)
                 .phased()
                 .unit("per person-year")
                 .source("assumption (range guessed)")
                 .assumption_range(0.005, 0.03)
                 .describe("Moves out of the region"),
             &model::CommunityParams::move_away_rate);
  bind_field(t, s,
             Param::enumeration("community.waiting_rule", {"fifo", "hospital_first"})
                 .default_value("hospital_first")
                 .source("assumption")
                 .describe("Group-home and supported-housing waiting lines: first come first served, or blocked "
                           "inpatients before community applicants (first come first served within each)"),
             &model::CommunityParams::waiting_rule,
             {{"fifo", model::WaitingRule::Fifo}, {"hospital_first", model::WaitingRule::HospitalFirst}});

  s.section("costs").describe(
      "Unit prices: welfare rewards (units), medical fees (points or yen) and coordinator salaries "
      "(national-figures.md §10; docs/model.md, Costs); and who pays them, as the laws split them (the *_payers "
      "shares; docs/model.md, Costs by payer)");
  bind_field(t, s,
             Param::real("costs.units_transition")
                 .at_least(0)
                 .default_value(3613)
                 .unit("units per programme month")
                 .source("R6 地域移行支援サービス費 (I) (national-figures.md §10; seed 003 L564-L565)")
                 .describe("地域移行支援"),
             &model::CostParams::units_transition);
  bind_field(t, s,
             Param::real("costs.units_independent_living")
                 .at_least(0)
                 .default_value(1566)
                 .unit("units per person-month")
                 .source("R6 自立生活援助サービス費 (I), <30 users (national-figures.md §10; seed 003 L559-L563)")
                 .describe("自立生活援助"),
             &model::CostParams::units_independent_living);
  bind_field(t, s,
             Param::real("costs.units_settlement")
                 .at_least(0)
                 .default_value(315)
                 .unit("units per person-month")
                 .source("R6 地域定着支援 体制確保費 (national-figures.md §10; seed 003 L566-L567)")
                 .describe("地域定着支援 (monthly)"),
             &model::CostParams::units_settlement);
  bind_field(t, s,
             Param::real("costs.units_emergency_day")
                 .at_least(0)
                 .default_value(734)
                 .unit("units per day")
                 .source("R6 地域定着支援 緊急時支援費 (I) (national-figures.md §10; seed 003 L566-L567)")
                 .describe("地域定着支援 emergency support day"),
             &model::CostParams::units_emergency_day);
  bind_field(t, s,
             Param::real("costs.units_coordinator_claim")
                 .at_least(0)
                 .default_value(500)
                 .unit("units per claim")
                 .source("R6 地域生活支援拠点等機能強化加算 (national-figures.md §10; seed 003 L297-L298)")
                 .describe("拠点コーディネーター add-on: a funding line inside the coordinators' salaries, never "
                           "added to the total cost again"),
             &model::CostParams::units_coordinator_claim);
  bind_field(t, s,
             Param::real("costs.units_group_home_day")
                 .at_least(0)
                 .default_value(292)
                 .unit("units per resident-day")
                 .source("assumption: 共同生活援助 (介護サービス包括型) 世話人 4:1, 区分2, the rate to March 2024 "
                         "(national-figures.md §10; the R6 base units are UNVERIFIED); range from 6:1 区分1以下 to "
                         "4:1 区分4")
                 .assumption_range(170, 471)
                 .describe("共同生活援助: a day a resident is at the group home (not while in hospital or on a "
                           "short stay)"),
             &model::CostParams::units_group_home_day);
  bind_field(t, s,
             Param::real("costs.units_group_home_trial_day")
                 .at_least(0)
                 .default_value(322)
                 .unit("units per trial day")
                 .source("assumption: 共同生活援助 体験利用, 区分2, the rate to March 2024 (national-figures.md §10; "
                         "R6 UNVERIFIED); range 区分1以下 to 区分4")
                 .assumption_range(272, 501)
                 .describe("共同生活援助 体験利用: a night of a group-home trial stay of a transition programme"),
             &model::CostParams::units_group_home_trial_day);
  bind_field(t, s,
             Param::real("costs.units_short_stay_day")
                 .at_least(0)
                 .default_value(583)
                 .unit("units per day")
                 .source("R6 福祉型短期入所サービス費 (I), 区分3 (national-figures.md §10, secondary); the 区分 is a "
                         "choice: 区分1・2 509 to 福祉型強化 区分3 824")
                 .assumption_range(509, 824)
                 .describe("短期入所: a day on a crisis short stay"),
             &model::CostParams::units_short_stay_day);
  bind_field(t, s,
             Param::real("costs.units_plan")
                 .at_least(0)
                 .default_value(2014)
                 .unit("units per plan month")
                 .source("R6 計画相談支援 サービス利用支援費, 機能強化型 (I) (national-figures.md §10, secondary)")
                 .describe("計画相談支援: a month in which a service plan is made (a person starting to use a "
                           "welfare service)"),
             &model::CostParams::units_plan);
  bind_field(t, s,
             Param::real("costs.units_monitoring")
                 .at_least(0)
                 .default_value(1613)
                 .unit("units per monitoring month")
                 .source("assumption: 継続サービス利用支援費, 機能強化型 (I), the R3 rate (national-figures.md §10; R6 "
                         "UNVERIFIED); range from the non-enhanced R3 rate")
                 .assumption_range(1260, 1700)
                 .describe("計画相談支援: a monitoring month"),
             &model::CostParams::units_monitoring);
  bind_field(t, s,
             Param::integer("costs.monitoring_months_community")
                 .range(1, 12)
                 .default_value(1)
                 .unit("months")
                 .source("assumption: the standard monitoring period of users of 地域移行支援, 地域定着支援 and "
                         "自立生活援助 is every month (recollection of the ministry's standard, not in "
                         "national-figures.md)")
                 .assumption_range(1, 3)
                 .describe("Months between monitorings of a user of 自立生活援助, 地域定着支援 or 地域移行支援"),
             &model::CostParams::monitoring_months_community);
  bind_field(t, s,
             Param::integer("costs.monitoring_months_group_home")
                 .range(1, 12)
                 .default_value(3)
                 .unit("months")
                 .source("assumption: every 3 months for group-home residents (recollection of the ministry's "
                         "standard period, not in national-figures.md)")
                 .assumption_range(1, 6)
                 .describe("Months between monitorings of a group-home resident using none of 自立生活援助, "
                           "地域定着支援 and 地域移行支援"),
             &model::CostParams::monitoring_months_group_home);
  bind_field(t, s,
             Param::real("costs.home_nursing_visits_per_month")
                 .range(0, 31)
                 .default_value(8)
                 .unit("visits per user-month")
                 .source("assumption: about two visits a week (range guessed)")
                 .assumption_range(4, 12)
                 .describe("Psychiatric home-nursing visits in a user-month"),
             &model::CostParams::home_nursing_visits_per_month);
  bind_field(
      t, s,
      Param::real("costs.home_nursing_visit_yen")
          .at_least(0)
          .default_value(5550)
          .unit("yen per visit")
          .source("精神科訪問看護基本療養費 (I), >=30 min, up to the 3rd day in a week (national-figures.md §10, "
                  "secondary)")
          .describe("Medical fee of one psychiatric home-nursing visit (a station)"),
      &model::CostParams::home_nursing_visit_yen);
  bind_field(t, s,
             Param::real("costs.home_nursing_first_day_yen")
                 .at_least(0)
                 .default_value(7670)
                 .unit("yen per user-month")
                 .source("訪問看護管理療養費, first day of the month (national-figures.md §10, secondary)")
                 .describe("Management fee of the month's first visit day"),
             &model::CostParams::home_nursing_first_day_yen);
  bind_field(t, s,
             Param::real("costs.home_nursing_other_day_yen")
                 .at_least(0)
                 .default_value(2500)
                 .unit("yen per visit day")
                 .source("訪問看護管理療養費, other days (national-figures.md §10, secondary)")
                 .describe("Management fee of every later visit day of the month"),
             &model::CostParams::home_nursing_other_day_yen);
  bind_field(t, s,
             Param::real("costs.yen_per_unit")
                 .greater_than(0)
                 .default_value(10)
                 .unit("yen per unit")
                 .source("domain.md: 1 unit ~ ¥10 (regionally 10-11.4)")
                 .describe("Price of one welfare unit"),
             &model::CostParams::yen_per_unit);
  bind_field(t, s,
             Param::real("costs.yen_per_point")
                 .greater_than(0)
                 .default_value(10)
                 .unit("yen per point")
                 .source("medical fee schedule: 1 point = ¥10 (national-figures.md §10)")
                 .describe("Price of one medical fee point"),
             &model::CostParams::yen_per_point);
  bind_field(t, s,
             Param::real("costs.general_bed_points_per_day")
                 .at_least(0)
                 .default_value(844)
                 .unit("points per bed-day")
                 .source("R6 精神病棟入院基本料 15:1 (national-figures.md §10)")
                 .describe("Basic fee of a general psychiatric bed-day (also for a bed outside the region)"),
             &model::CostParams::general_bed_points_per_day);
  bind_field(t, s,
             Param::real("costs.community_ward_points_per_day")
                 .at_least(0)
                 .default_value(1535)
                 .unit("points per bed-day")
                 .source("R6 精神科地域包括ケア病棟入院料 (national-figures.md §10)")
                 .describe("Fee of a community-care ward bed-day"),
             &model::CostParams::community_ward_points_per_day);
  bind_field(t, s,
             Param::real("costs.inpatient_extra_yen_per_day")
                 .at_least(0)
                 .default_value(3000)
                 .unit("yen per bed-day")
                 .source("assumption: meals (入院時食事療養, about ¥2,000 a day) plus drugs, tests and add-ons beyond "
                         "the basic fee (range guessed)")
                 .assumption_range(2000, 8000)
                 .describe("Medical fees of an inpatient day beyond the ward's basic fee"),
             &model::CostParams::inpatient_extra_yen_per_day);
  bind_field(t, s,
             Param::real("costs.coordinator_salary_yen_per_year")
                 .at_least(0)
                 .default_value(5500000)
                 .unit("yen per full-time year")
                 .source("assumption: a consultation-support specialist's salary with the employer's social "
                         "insurance (range guessed)")
                 .assumption_range(4000000, 8000000)
                 .describe("Employer's cost of one full-time hub coordinator"),
             &model::CostParams::coordinator_salary_yen_per_year);
}

}  // namespace caresim::care_scenario
