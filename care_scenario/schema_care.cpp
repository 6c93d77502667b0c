// Hospital stays, long-stay transition, life in the community, and costs.
#include "care_scenario/care_schema.hpp"

namespace caresim::care_scenario {

using scenario::Param;

void declare_care(scenario::Schema& s) {
  s.section("hospital").describe("Admission, stay and discharge");
  s.add(Param::real("hospital.travel_limit_min")
            .greater_than(0)
            .default_value(90)
            .unit("minutes")
            .source("assumption (range 60-120 minutes)")
            .describe("Farthest hospital a crisis admission goes to while a nearer bed is free"));
  s.add(Param::boolean("hospital.allow_far_placement")
            .default_value(true)
            .source("assumption (true: a bed beyond the limit before a wait at home)")
            .describe("With no bed within the limit, admit to the nearest free bed beyond it (else wait at home)"));
  s.add(Param::real("hospital.wait_deterioration_per_day")
            .at_least(0)
            .default_value(0.1)
            .unit("per day")
            .source("assumption (range 0.02-0.5): mean 10 days at home before the prefectural emergency system admits")
            .describe("Hazard that a person waiting at home for a bed worsens and is admitted out of the region"));
  s.add(Param::real("hospital.group_home_wait_before_home_days")
            .greater_than(0)
            .default_value(180)
            .unit("days")
            .source("assumption (range 90-730): the family takes the person back, or the plan changes to home, "
                    "when no group-home place comes; a very large value means never")
            .describe("Days a blocked inpatient planned for a group home who still has a home waits before going "
                      "home instead (at the next review)"));
  s.add(Param::real_list("hospital.readiness_hazard_from_days")
            .at_least(0)
            .default_reals({0, 30, 90, 180, 365, 1826})
            .unit("days")
            .source(kCalibrated)
            .describe("Start days of the pieces of the readiness hazard (first 0, increasing)"));
  s.add(Param::real_list("hospital.readiness_hazard_per_day")
            .at_least(0)
            .default_reals({0.022, 0.016, 0.0093, 0.0042, 0.0008, 0.0003})
            .unit("per day")
            .source(kCalibrated)
            .describe("Hazard of becoming ready to leave, one value per piece"));
  s.add(Param::real("hospital.type_factor_voluntary")
            .greater_than(0)
            .default_value(1.1)
            .phased()
            .unit("factor")
            .source(kCalibrated)
            .describe("Readiness hazard factor of voluntary admissions"));
  s.add(Param::real("hospital.type_factor_involuntary")
            .greater_than(0)
            .default_value(0.85)
            .phased()
            .unit("factor")
            .source(kCalibrated)
            .describe("Readiness hazard factor of 医療保護 admissions (longer stays)"));
  s.add(Param::real("hospital.type_factor_administrative")
            .greater_than(0)
            .default_value(0.8)
            .phased()
            .unit("factor")
            .source("calibrated at model version 1; not refitted by scripts/calibrate (措置 is about 1% of the stock)")
            .describe("Readiness hazard factor of 措置 admissions"));
  s.add(Param::real("hospital.readmission_factor")
            .greater_than(0)
            .default_value(0.56)
            .phased()
            .unit("factor")
            .source(kCalibrated)
            .describe(
                "Readiness hazard factor of stays begun within 365 days of a discharge (readmissions stay longer)"));
  s.add(Param::real("hospital.senior_factor")
            .greater_than(0)
            .default_value(0.6)
            .phased()
            .unit("factor")
            .source("calibrated at model version 1 (about two thirds of long-stay inpatients are 65+, 630 survey); not "
                    "refitted by scripts/calibrate")
            .describe("Readiness hazard factor of inpatients aged 65+"));
  s.add(Param::real("hospital.community_ward_cap_days")
            .greater_than(0)
            .default_value(180)
            .unit("days")
            .source("domain.md: community-care ward caps stays at 180 days")
            .describe("Longest stay in that ward"));
  s.add(Param::real("hospital.community_ward_factor")
            .greater_than(0)
            .default_value(1.3)
            .phased()
            .unit("factor")
            .source("assumption")
            .describe("Readiness hazard factor in the community-care ward"));
  s.add(Param::real("hospital.planning_day")
            .at_least(0)
            .default_value(7)
            .unit("days")
            .source("domain.md: 2024 fee revision, plan within 7 days")
            .describe("Discharge planning conference"));
  s.add(Param::real("hospital.review_interval_days")
            .at_least(1)
            .default_value(90)
            .unit("days")
            .source("domain.md: reviews about every 3 months")
            .describe("Interval of stay reviews; at least a day (each review is an event, so a tiny interval "
                      "floods the run and falls below the precision of the clock)"));
  s.add(Param::real("hospital.home_loss_rate_long_stay")
            .at_least(0)
            .default_value(0.03)
            .phased()
            .unit("per year")
            .source("assumption")
            .describe("Rate of losing one's home per year of stay beyond one year"));
  s.add(Param::real("hospital.death_rate_under65")
            .at_least(0)
            .default_value(0.02)
            .phased()
            .unit("per person-year")
            .source(kCalibrated)
            .describe("Death rate in hospital under 65 (deaths ~5.9% of discharges)"));
  s.add(Param::real("hospital.death_rate_65plus")
            .at_least(0)
            .default_value(0.07)
            .phased()
            .unit("per person-year")
            .source(kCalibrated)
            .describe("Death rate in hospital at 65+"));
  s.add(Param::probability_map("hospital.destination_mix")
            .keys({"home", "group_home", "elderly_care", "transfer_out", "other"})
            .default_shares({{"home", 0.647 / 0.94},
                             {"group_home", 0.053 / 0.94},
                             {"elderly_care", 0.060 / 0.94},
                             {"transfer_out", 0.168 / 0.94},
                             {"other", 0.012 / 0.94}})
            .source("630 survey 2011 discharges: home 64.7, group home 5.3, elderly 6.0, transfer 16.8, other 1.2 "
                    "(death 5.9 is the separate hazard)")
            .describe("Baseline destinations when ready to leave (elderly care only at 65+)"));
  s.add(Param::real("hospital.p_independent_living_after_long_stay")
            .range(0, 1)
            .default_value(0.8)
            .phased()
            .unit("probability")
            .source("assumption")
            .describe("Support (自立生活援助) is in place for a long-stay patient going home alone"));

  s.section("transition").describe("地域移行: programmes for people in hospital a year or more");
  s.add(Param::real("transition.min_stay_days")
            .at_least(0)
            .default_value(365)
            .unit("days")
            .source("domain.md: long stay is one year or more")
            .describe("Engage inpatients staying at least this long"));
  s.add(Param::real("transition.programme_mean_days")
            .range(1, 3650)
            .default_value(180)
            .unit("days")
            .source("domain.md: typically ~6 months")
            .describe("Mean length of a 地域移行支援 programme; from a day to ten years (the length is drawn from "
                      "a gamma distribution of this mean)"));
  s.add(Param::real("transition.programme_sd_days")
            .range(0, 3650)
            .default_value(45)
            .unit("days")
            .source("assumption")
            .describe("Its standard deviation: 0 for a fixed length, else at least 0.001 days and at most ten years"));
  s.add(Param::real("transition.p_success")
            .range(0, 1)
            .default_value(0.5)
            .phased()
            .unit("probability")
            .source("assumption")
            .describe("A programme ends in a move out of hospital"));
  s.add(Param::real("transition.trial_nights")
            .at_least(0)
            .default_value(3)
            .unit("nights")
            .source("assumption")
            .describe("Trial overnight stay during the programme"));
  s.add(Param::real("transition.trial_at_fraction")
            .range(0, 1)
            .default_value(0.6)
            .unit("fraction")
            .source("assumption")
            .describe("When in the programme the trial stay happens"));

  s.section("community").describe("Moves, exits and the group-home waiting list");
  s.add(Param::real("community.group_home_move_out_rate")
            .at_least(0)
            .default_value(0.1)
            .phased()
            .unit("per resident-year")
            .source("assumption")
            .describe("Group home to one's own home (with 自立生活援助)"));
  s.add(Param::real("community.death_rate_under65")
            .at_least(0)
            .default_value(0.008)
            .phased()
            .unit("per person-year")
            .source("assumption: excess mortality of serious mental illness")
            .describe("Deaths in the community under 65"));
  s.add(Param::real("community.death_rate_65plus")
            .at_least(0)
            .default_value(0.04)
            .phased()
            .unit("per person-year")
            .source("assumption")
            .describe("Deaths in the community at 65+"));
  s.add(Param::real("community.elderly_care_rate_65plus")
            .at_least(0)
            .default_value(0.03)
            .phased()
            .unit("per person-year")
            .source("assumption")
            .describe("Moves to elderly care at 65+"));
  s.add(Param::real("community.move_away_rate")
            .at_least(0)
            .default_value(0.015)
            .phased()
            .unit("per person-year")
            .source("assumption")
            .describe("Moves out of the region"));
  s.add(Param::enumeration("community.waiting_rule", {"fifo", "hospital_first"})
            .default_value("hospital_first")
            .source("assumption")
            .describe("Group-home and supported-housing waiting lines: first come first served, or blocked "
                      "inpatients before community applicants (first come first served within each)"));

  s.section("costs").describe("Welfare rewards and hospital days");
  s.add(Param::real("costs.units_transition")
            .at_least(0)
            .default_value(3613)
            .unit("units per programme month")
            .source("seed 003 L559-L615: 地域移行支援 (I)")
            .describe("地域移行支援"));
  s.add(Param::real("costs.units_independent_living")
            .at_least(0)
            .default_value(1566)
            .unit("units per person-month")
            .source("seed 003 L559-L615: 自立生活援助 (I), <30 users")
            .describe("自立生活援助"));
  s.add(Param::real("costs.units_settlement")
            .at_least(0)
            .default_value(315)
            .unit("units per person-month")
            .source("seed 003 L559-L615")
            .describe("地域定着支援 (monthly)"));
  s.add(Param::real("costs.units_emergency_day")
            .at_least(0)
            .default_value(734)
            .unit("units per day")
            .source("seed 003 L559-L615")
            .describe("地域定着支援 emergency support day"));
  s.add(Param::real("costs.units_coordinator_claim")
            .at_least(0)
            .default_value(500)
            .unit("units per claim")
            .source("seed 003 L559-L615: coordinator add-on")
            .describe("拠点コーディネーター add-on"));
  s.add(Param::real("costs.yen_per_unit")
            .greater_than(0)
            .default_value(10)
            .unit("yen per unit")
            .source("domain.md: 1 unit ~ ¥10 (regionally 10-11.4)")
            .describe("Price of one unit"));
  s.add(Param::real("costs.hospital_day_yen")
            .at_least(0)
            .default_value(15000)
            .unit("yen per day")
            .source("assumption")
            .describe("Cost of a psychiatric inpatient day"));
}

}  // namespace caresim::care_scenario
