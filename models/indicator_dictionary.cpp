#include "models/indicator_dictionary.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace caresim::model {

namespace {

using Keys = std::vector<std::string>;

IndicatorRow scalar(std::string name, std::string unit, std::string en, std::string ja, std::string definition,
                    std::string reference = "—") {
  IndicatorRow r;
  r.name = std::move(name);
  r.unit = std::move(unit);
  r.label_en = std::move(en);
  r.label_ja = std::move(ja);
  r.definition = std::move(definition);
  r.reference = std::move(reference);
  return r;
}

IndicatorRow map(std::string name, Keys keys, std::string unit, std::string en, std::string ja, std::string definition,
                 std::string reference = "—") {
  IndicatorRow r = scalar(std::move(name), std::move(unit), std::move(en), std::move(ja), std::move(definition),
                          std::move(reference));
  r.shape = IndicatorShape::Map;
  r.keys = std::move(keys);
  return r;
}

/** A map whose keys depend on the run; `note` says how they are formed. */
IndicatorRow open_map(std::string name, std::string note, std::string unit, std::string en, std::string ja,
                      std::string definition, std::string reference = "—") {
  IndicatorRow r = map(std::move(name), {}, std::move(unit), std::move(en), std::move(ja), std::move(definition),
                       std::move(reference));
  r.keys_note = std::move(note);
  return r;
}

IndicatorRow array(std::string name, Keys labels, std::string unit, std::string en, std::string ja,
                   std::string definition, std::string reference = "—") {
  IndicatorRow r = map(std::move(name), std::move(labels), std::move(unit), std::move(en), std::move(ja),
                       std::move(definition), std::move(reference));
  r.shape = IndicatorShape::Array;
  return r;
}

IndicatorRow headline(IndicatorRow r) {
  r.headline = true;
  return r;
}

Keys months() {
  Keys k;
  for (int m = 1; m <= 12; ++m) k.push_back("month " + std::to_string(m));
  return k;
}

const Keys kDestinations = {"home", "group_home", "supported_housing", "elderly_care", "transfer", "death", "other"};
const Keys kAdmissionTypes = {"voluntary", "involuntary", "administrative"};
const Keys kCrisisOutcomes = {"home", "short_stay", "admission", "outpatient"};

std::string discharge_rate(int k) {
  return "for every monthly admission cohort (admissions in one calendar month after warm-up) whose month " +
         std::to_string(k) +
         " ends inside the run: share of the cohort that has left hospital by the end of that month, the admission "
         "month being month 1. Discharges to the community, transfers out, moves to elderly care, other exits and "
         "deaths all count as leaving; a move between wards of one hospital does not. Mean over cohorts.";
}

std::string readmission(int days) {
  return "among discharges to the community after warm-up of people discharged within 365 days of admission, whose "
         "follow-up ends inside the run and who did not die within it: share readmitted to any psychiatric hospital "
         "within " +
         std::to_string(days) +
         " days, a readmission counting from the day a crisis was triaged to admission (bed or "
         "no bed)";
}

std::string long_stay(const char* ages) {
  return std::string("inpatients ") + ages +
         " with a stay ≥365 days on the last day of the last fiscal year in the run (31 March), age taken then";
}

std::string long_stay_series(const char* of) {
  return std::string("`") + of +
         "` at every fiscal-year end after the warm-up, up to the end of the run: the snapshot of 1 April Y (the end "
         "of 31 March) is keyed `FY`(Y − 1), the fiscal year that ends there. Report years only; the warm-up's years "
         "are left out. In the --json summary: `summary." +
         of + "_series.FY2025` (docs/results-json.md)";
}

constexpr const char* kFiscalYears = "keyed by fiscal year (`FY2025`, `FY2026`, …)";
constexpr const char* kDischargeRef = "— 障害者部会 第133回 資料1 (FY2020)";

std::vector<IndicatorRow> model_rows() {
  // The order is the order of every IndicatorTable, of the --json output and of results
  // files: a new indicator goes where it belongs, and moving one changes the pinned layout.
  return {
      headline(scalar("discharge_rate_3m", "fraction", "Discharge rate at 3 months", "入院後3か月時点の退院率",
                      discharge_rate(3), std::string("63.5% ") + kDischargeRef)),
      headline(scalar("discharge_rate_6m", "fraction", "Discharge rate at 6 months", "入院後6か月時点の退院率",
                      discharge_rate(6), std::string("80.8% ") + kDischargeRef)),
      headline(scalar("discharge_rate_12m", "fraction", "Discharge rate at 12 months", "入院後1年時点の退院率",
                      discharge_rate(12), std::string("88.3% ") + kDischargeRef)),
      array("discharge_curve_monthly", months(), "fraction", "Discharge rate by month since admission",
            "入院後の月別退院率",
            "the discharge rate at the end of month k, as `discharge_rate_3m` is at month 3, for k = 1..12 (element k "
            "− 1 "
            "is month k)",
            "63.5% / 80.8% / 88.3% at 3/6/12 months " + std::string(kDischargeRef)),
      headline(scalar(
          "community_days_mean", "days", "Mean days in the community in the year after discharge", "地域平均生活日数",
          "地域平均生活日数: for each discharge to the community after warm-up whose 365-day follow-up ends "
          "inside the run, 365 minus the days of the following 365 spent in a psychiatric hospital or "
          "waiting at home for a bed after a crisis triaged to admission; mean over those discharges. Days "
          "after a person leaves the model count as not in hospital.",
          "321.9 days (FY2022, NDB) — 障害者部会 第147回 資料1")),
      scalar("readmission_30d", "fraction", "Readmission within 30 days", "退院後30日以内の再入院率", readmission(30)),
      scalar("readmission_90d", "fraction", "Readmission within 90 days", "退院後90日以内の再入院率", readmission(90)),
      scalar("readmission_180d", "fraction", "Readmission within 180 days", "退院後180日以内の再入院率",
             readmission(180)),
      headline(scalar("readmission_365d", "fraction", "Readmission within a year", "退院後1年以内の再入院率",
                      readmission(365), "31.1% — 中医協 総会 第566回")),
      scalar("revolving_door", "people", "Revolving-door patients", "頻回入院者数",
             "people who at some admission after warm-up had ≥3 admissions within the preceding 365 days "
             "(that one included)",
             "none (named target of the 2027–29 plan)"),
      headline(scalar("long_stay_under65", "people", "Long-stay inpatients under 65",
                      "長期入院患者数（1年以上・65歳未満）", long_stay("under 65"), "630 survey")),
      headline(scalar("long_stay_65plus", "people", "Long-stay inpatients aged 65+",
                      "長期入院患者数（1年以上・65歳以上）", long_stay("aged 65 or more"), "630 survey")),
      open_map("long_stay_under65_series", kFiscalYears, "people", "Long-stay inpatients under 65 by fiscal year",
               "長期入院患者数の推移（65歳未満）", long_stay_series("long_stay_under65"), "630 survey"),
      open_map("long_stay_65plus_series", kFiscalYears, "people", "Long-stay inpatients aged 65+ by fiscal year",
               "長期入院患者数の推移（65歳以上）", long_stay_series("long_stay_65plus"), "630 survey"),
      scalar("inpatients", "people", "Psychiatric inpatients", "精神病床入院患者数",
             "residents of the region in a psychiatric bed, mean over monthly snapshots"),
      headline(scalar("inpatients_per_100k", "per 100,000 residents", "Inpatients per 100,000 residents",
                      "人口10万人当たり入院患者数", "`inpatients` / region population × 100,000",
                      "205.8 (2022, national mean) — 病院報告")),
      scalar("inpatients_elsewhere", "people", "Inpatients in beds elsewhere", "圏域外の病床の入院患者数",
             "the part of `inpatients` in a bed elsewhere (`hospital_elsewhere`: the prefectural emergency system or a "
             "transfer), mean over monthly snapshots; the model does not limit those beds (an assumption), so a bed "
             "cut shows here"),
      map("inpatients_by_diagnosis", {"F2", "F0", "other"}, "people", "Inpatients by diagnosis", "診断別入院患者数",
          "inpatients by diagnosis group (ICD-10 F2, F0, other), mean over snapshots", "ReMHRAD"),
      scalar("long_stay_per_100k_under65", "per 100,000 residents",
             "Long-stay inpatients under 65 per 100,000 residents", "人口10万人当たり1年以上長期入院患者数（65歳未満）",
             "inpatients under 65 staying ≥365 days, mean over the monthly snapshots after warm-up, per "
             "100,000 residents of all ages",
             "46 (2021: 57,537 / 125.5 M) — 630 survey, 障害者部会 第133回"),
      scalar("long_stay_per_100k_65plus", "per 100,000 residents",
             "Long-stay inpatients aged 65+ per 100,000 residents", "人口10万人当たり1年以上長期入院患者数（65歳以上）",
             "the same for inpatients aged 65+ (per 100,000 residents of all ages)",
             "85 (2021: 106,657 / 125.5 M) — 630 survey, 障害者部会 第133回"),
      scalar("long_stay_share", "fraction", "Share of inpatients staying a year or more", "1年以上長期入院患者の割合",
             "inpatients staying ≥365 days / inpatients, mean over snapshots", "over one half — 630 survey"),
      scalar("long_stay_65plus_share", "fraction", "Share aged 65+ among long-stay inpatients",
             "長期入院患者に占める65歳以上の割合",
             "long-stay inpatients aged 65+ / long-stay inpatients, mean over snapshots",
             "about two thirds — 630 survey"),
      map("admission_type_mix", kAdmissionTypes, "fraction", "Admissions by type", "入院形態別の入院の割合",
          "admissions decided after warm-up (on the crisis day, see above) by type, the crisis's severity "
          "(involuntary = 医療保護, administrative = 措置)",
          "59.6%(+1.4% other) / 37.2% / 1.8% — 630 survey 2010"),
      map("stock_type_mix", kAdmissionTypes, "fraction", "Inpatients by admission type", "入院形態別の在院患者の割合",
          "inpatients by admission type, mean over snapshots", "措置 ~1%, 医療保護 47–54% — 検討会 第6回 資料5"),
      scalar("average_length_of_stay", "days", "Average length of stay", "平均在院日数",
             "hospital-report method, per hospital: inpatient days after warm-up / ((admissions to a bed + transfers "
             "+ discharges + transfers) / 2) over the same window; every exit from hospital counts as a discharge",
             "277.0 days (2020) — 病院報告"),
      scalar("admissions_per_year", "people per year", "Admissions", "年間入院数",
             "admissions decided after warm-up (on the crisis day, see above; a transfer is not one)"),
      scalar("discharges_per_year", "people per year", "Discharges", "年間退院数",
             "exits from hospital care after warm-up (to the community, elderly care, death, other; a transfer is not "
             "one)"),
      map("discharge_destinations", kDestinations, "people per year", "Departures from hospital by destination",
          "退院先別の退院数",
          "every departure from a hospital after warm-up by destination: home (incl. the family home), group home, "
          "supported housing (居住サポート住宅), elderly care, a transfer to another psychiatric hospital, death in "
          "hospital, other exits",
          "630 survey / 病院報告 exit shares"),
      map("long_stay_exit_destinations", kDestinations, "people per year", "Departures from long stays by destination",
          "長期入院患者の退院先別の退院数",
          "the same as `discharge_destinations` for departures from stays of 365 days or more",
          "domain.md: most long-stay exits after 10+ years are deaths"),
      scalar("deaths", "people per year", "Deaths", "年間死亡数",
             "deaths after warm-up wherever they happen (community, waiting for a bed, hospital)"),
      headline(scalar("blocked_bed_days", "bed-days per year", "Blocked bed-days", "退院待機の延べ入院日数",
                      "days inpatients spent ready to leave but without an available destination (a stay still "
                      "blocked at the horizon counts up to it); the sum of `blocked_bed_days_by_reason`")),
      map("blocked_bed_days_by_reason", {"group_home", "no_home", "support", "no_plan"}, "bed-days per year",
          "Blocked bed-days by reason", "理由別の退院待機の延べ入院日数",
          "the same by the reason the stay is blocked: `group_home` — the destination drawn at readiness was a group "
          "home and no group-home or supported-housing place was free within the travel limit; `no_home` — home was "
          "drawn (or a 地域移行 programme succeeded) but no home will take the person back (none, the family no "
          "longer accepts, or the carer is gone), and no place was free; `support` — a home to go to, but a "
          "support service needed there (自立生活援助, 地域定着支援, home nursing) has no free caseload place; "
          "`no_plan` — a long-stay inpatient with no discharge plan yet. A blocked person waits on every reachable "
          "list at once (docs/model.md); with none in reach that will ever have a place, someone with a home goes "
          "home (0 blocked days) and someone without stays blocked"),
      scalar("blocked_share", "fraction", "Share of inpatients ready but unable to leave",
             "受入条件が整えば退院可能な入院患者の割合",
             "blocked bed-days / inpatient bed-days after warm-up: the mean share of inpatients clinically "
             "ready to leave whose conditions for leaving are not met",
             "9.0% \"dischargeable now if a residence and support were arranged\" (2008, n = 17,572) — "
             "精神病床の利用状況に関する調査, national-figures.md §1"),
      scalar("blocked_long_stay_share", "fraction", "Share of blocked bed-days at a stay of a year or more",
             "退院待機のうち在院1年以上の割合",
             "blocked bed-days at which the stay had lasted ≥365 days / blocked bed-days (no national split exists: "
             "the model's value is an output of assumptions)"),
      scalar("long_or_blocked_bed_days", "bed-days per year", "Bed-days blocked or at a long stay",
             "退院待機または1年以上在院の延べ入院日数",
             "bed-days (region's beds and elsewhere) at which the inpatient was blocked or the stay had lasted "
             "≥365 days, each day once: the bed-days a place in the community could release. Read "
             "`blocked_bed_days` with it: a 地域移行 programme readies long-stay inpatients, who may then wait "
             "blocked, so fewer programmes can lower blocked bed-days while this rises"),
      headline(map("crisis_outcomes", kCrisisOutcomes, "count per year", "Crises by response", "緊急時の対応別件数",
                   "crises after warm-up by response; `admission` is the crisis admissions")),
      map("crisis_outcome_shares", kCrisisOutcomes, "fraction", "Shares of crises by response", "緊急時の対応別割合",
          "the same as `crisis_outcomes`, as shares"),
      scalar("time_to_response", "hours", "Mean time to response", "緊急時の平均対応時間",
             "mean over crises of the response time (assumed time per path plus travel to the short-stay site or "
             "hospital; a wait for a bed is reported apart in `wait_days_hospital`)"),
      headline(scalar("wait_days_hospital", "days", "Mean wait for a hospital bed", "入院待機の平均日数",
                      "mean wait at home for a bed (the region-wide admission queue) of the waits that ended after "
                      "warm-up, however they ended (a bed, the prefectural emergency system, death, leaving); `null` "
                      "(NaN) when nobody waited, so \"nobody waited\" is not \"no wait\"")),
      scalar("hospital_waits", "people per year", "Waits for a hospital bed", "入院待機者数",
             "waits for a bed that ended after warm-up (0 when nobody waited)"),
      scalar("far_placements", "people per year", "Admissions far from home", "遠隔地への入院数",
             "admissions after warm-up to a bed beyond `hospital.travel_limit_min` from home, in a hospital of a "
             "municipality outside the region, or elsewhere through the prefectural emergency system",
             "ReMHRAD (residents admitted outside their area)"),
      scalar("out_of_region_placements", "people per year", "Admissions outside the region", "圏域外への入院数",
             "the part of `far_placements` outside the region (an outside hospital of the scenario, or a bed "
             "elsewhere)"),
      scalar("transfers_out_of_region", "people per year", "Transfers out of the region", "圏域外への転院数",
             "transfers after warm-up to a bed elsewhere (no bed of the scenario free, or people waiting for one); "
             "not in `far_placements`, which counts admissions"),
      scalar("legal_conversions", "people per year", "Involuntary stays converted to voluntary", "任意入院への切替数",
             "医療保護入院 stays that went on as 任意入院 after a renewal review of the legal period "
             "(`hospital.p_convert_at_renewal`), after warm-up",
             "精神保健福祉法 (2024): renewal reviews of the 医療保護入院 period"),
      scalar("wait_days_group_home", "days", "Mean wait for a group-home place", "グループホーム入居待機の平均日数",
             "mean time on a group-home waiting list of people granted a place"),
      map("occupancy", {"hospitals", "group_homes", "crisis_beds", "transition"}, "fraction", "Occupancy",
          "利用率（病床・居住の場・地域移行支援）",
          "place-days held / place-days available after warm-up, as each facility's engine Resource records its "
          "units in use and its capacity; a place is in use while someone holds it, there or not: a group-home "
          "resident on a crisis short stay keeps the group-home place and counts in group_homes as well as in "
          "crisis_beds, and so does an admitted resident while the group home keeps the place "
          "(community.group_home_hold_days); hospital capacity net of beds held by patients from outside the region; "
          "transition: 地域移行支援 programmes running / programme places of hub offices and offices outside hubs"),
      map("service_users_per_100k", {"group_home", "independent_living", "settlement", "home_nursing"},
          "per 100,000 residents", "Service users per 100,000 residents", "人口10万人当たりサービス利用者数",
          "users at once, mean over the report window, per 100,000 residents: group-home residents (places held), "
          "and the users holding a caseload place of 自立生活援助, 地域定着支援 and psychiatric home nursing",
          "group homes ≥ 33.5 (2022, 国保連); home nursing ≈ 176 (2023, stations only) — national-figures.md §2, §8; "
          "自立生活援助 and 地域定着支援: no national count found"),
      scalar("coordinator_utilisation", "fraction", "Hub coordinator utilisation", "拠点コーディネーターの稼働率",
             "coordinator hours spent on named people (motivation support, emergency backup, registration) / "
             "hours available (coordinators in full-time equivalents × coordination.hours_per_fte_month) over the "
             "months after warm-up"),
      map("coordinator_hours", {"motivation", "backup", "registration", "total"}, "hours per year",
          "Coordinator hours by task", "拠点コーディネーターの業務時間",
          "hours spent after warm-up on (a) 意向確認 and 動機付け支援 for long-stay inpatients, (b) emergency "
          "backup of crises, (c) advance registration of households at risk, per year"),
      map("transition_flow", {"wishes", "wishes_after_support", "hospital_planning", "starts", "trial_stays"},
          "per year", "Community transition steps", "地域移行の過程",
          "per year after warm-up: long-stay inpatients stating a wish to leave (意向確認), of them after a "
          "coordinator's motivation support, wishes taken up by the hospital's discharge planning (no 地域移行支援 "
          "provider), 地域移行支援 programmes started, trial stays taken"),
      scalar("transition_referrals", "per year", "Referrals to community transition support", "地域移行支援への紹介",
             "long-stay inpatients referred to a 地域移行支援 provider after stating a wish to leave, per year after "
             "warm-up"),
      scalar("transition_successes", "per year", "Successful community transition programmes", "地域移行支援の成功",
             "地域移行支援 programmes ending in a move out of hospital (to the person's home, a group home or "
             "supported housing, or blocked waiting for one), per year after warm-up"),
      scalar("transition_users_per_100k", "per 100,000 residents per month", "Community transition support users",
             "人口10万人当たり地域移行支援利用者数（月）",
             "users of 地域移行支援 in a month (programme months billed), mean over the report window, per 100,000 "
             "residents",
             "about 0.5 per 100,000 a month nationally (587 users, Dec 2022) — national-figures.md §2"),
      scalar("hub_coverage", "fraction", "Population covered by a hub", "地域生活支援拠点等の人口カバー率",
             "at the end of the run, share of the region's population living in a municipality served by an open hub",
             "1,270/1,741 municipalities with a hub — seed 000"),
      scalar("coordinator_coverage", "fraction", "Population covered by a hub coordinator",
             "拠点コーディネーター配置の人口カバー率",
             "at the end of the run, share of the region's population living in a municipality served by an open hub "
             "with a coordinator (any full-time equivalent above 0)",
             "296/812 hubs with a coordinator — seed 000"),
      map("cost_units",
          {"transition", "independent_living", "community_settlement", "emergency_days", "group_home",
           "group_home_trial", "short_stay", "care_planning", "care_monitoring", "total", "coordinator_addon"},
          "welfare units per year", "Welfare service units", "障害福祉サービス等の報酬単位数",
          "welfare rewards billed after warm-up, at the `costs.units_*` prices: 地域移行支援 per programme month, "
          "自立生活援助 and 地域定着支援 per user-month, 地域定着支援 emergency days, 共同生活援助 per day a resident "
          "is at the group home, 体験利用 per group-home trial day, 短期入所 per crisis short-stay day, "
          "計画相談支援 per plan month (a month of use of 自立生活援助, 地域定着支援, 地域移行支援 or a group home "
          "after a month without) and per monitoring month (every `costs.monitoring_months_community` months "
          "while one of the first three is used, else every `costs.monitoring_months_group_home` months); total "
          "= their sum; coordinator_addon = 機能強化加算 per coordinator claim, NOT in total (it funds part of "
          "the coordinators' salaries, cost_yen.coordinator_salaries)",
          "national-figures.md §10"),
      headline(map("cost_yen",
                   {"transition", "independent_living", "community_settlement", "emergency_days", "group_home",
                    "group_home_trial", "short_stay", "care_planning", "care_monitoring", "welfare",
                    "inpatient_general", "inpatient_community_ward", "inpatient_elsewhere", "hospital", "home_nursing",
                    "coordinator_salaries", "coordinator_addon_funding", "total"},
                   "yen per year", "Cost", "費用（円）",
                   "the welfare keys = cost_units × `yen_per_unit`, welfare = their sum (cost_units.total); "
                   "inpatient_general = bed-days in the region's general psychiatric beds × "
                   "(`general_bed_points_per_day` × `yen_per_point` + `inpatient_extra_yen_per_day`), "
                   "inpatient_community_ward = ward bed-days × (`community_ward_points_per_day` × `yen_per_point` "
                   "+ `inpatient_extra_yen_per_day`), inpatient_elsewhere = bed-days outside the region at the "
                   "general fee, hospital = the three; home_nursing = user-months × (`home_nursing_visits_per_month` "
                   "× `home_nursing_visit_yen` + `home_nursing_first_day_yen` + (visits − 1) × "
                   "`home_nursing_other_day_yen`); coordinator_salaries = the hubs' coordinators (full-time "
                   "equivalents, phased, 0 before opening) over the window × `coordinator_salary_yen_per_year` "
                   "(a municipality bears its population share of each hub serving it); coordinator_addon_funding "
                   "= cost_units.coordinator_addon × `yen_per_unit`, inside coordinator_salaries, NOT added again; "
                   "total = welfare + hospital + home_nursing + coordinator_salaries",
                   "1 unit ≈ ¥10 (10–11.4), 1 point = ¥10; unit prices in national-figures.md §10")),
      map("bed_days_by_funding", {"administrative", "public_assistance", "insured", "total"}, "bed-days per year",
          "Psychiatric bed-days by funding", "精神病床の入院日数（財源別）",
          "bed-days after warm-up in every psychiatric bed (the region's, the community-care wards, elsewhere) "
          "by who funds them: administrative = days of a 措置入院 stay (public expense, also for a person on "
          "public assistance: 措置 comes first); public_assistance = other days of a person on 生活保護 "
          "(医療扶助; drawn at creation with `population.share_public_assistance`); insured = the other days "
          "(health insurance and the patient's co-payment); total = the three, the bed-days of cost_yen.hospital",
          "精神保健福祉法 第30条; 生活保護法 第15条・第75条"),
      map("cost_yen_by_funding",
          {"welfare", "coordinator_addon", "coordinator_rest", "administrative", "public_assistance", "insured",
           "total"},
          "yen per year", "Cost by funding", "費用の財源別内訳（円）",
          "cost_yen regrouped by how it is funded, the lines cost_yen_by_payer splits: welfare = cost_yen.welfare "
          "(自立支援給付); coordinator_addon = cost_yen.coordinator_addon_funding (機能強化加算, paid as a welfare "
          "service); coordinator_rest = cost_yen.coordinator_salaries less the add-on (the municipality's); "
          "administrative = the 措置入院 bed-days of bed_days_by_funding at their ward's price; public_assistance "
          "= the other bed-days and the home nursing of people on 生活保護 (医療扶助); insured = the other bed-days "
          "and home nursing; total = the six, equal to cost_yen.total",
          "精神保健福祉法 第30条; 生活保護法 第15条"),
      map("cost_yen_by_payer", {"national", "prefecture", "municipality", "insurers", "total"}, "yen per year",
          "Cost by payer", "費用の負担者別内訳（円）",
          "cost_yen split as the laws split it, with the shares `costs.welfare_payers`, "
          "`costs.administrative_payers` and `costs.public_assistance_payers` (national / prefecture / "
          "municipality): cost_yen.welfare (自立支援給付) at welfare_payers; the bed-days of "
          "bed_days_by_funding at their ward's price: administrative at administrative_payers, "
          "public_assistance (and the home nursing of people on 生活保護) at public_assistance_payers, "
          "insured (and the other home nursing) to insurers; coordinator_salaries to the municipality "
          "less coordinator_addon_funding, which is paid at welfare_payers (municipality is below its other "
          "parts, even negative, when the add-on bills more than the salaries cost); per municipality, municipality = "
          "that "
          "municipality's part; total = the four, equal to cost_yen.total",
          "障害者総合支援法 第92条・第94条・第95条; 精神保健福祉法 第30条; 生活保護法 第70条・第75条"),
      scalar("people_present_start", "people", "People known to services at the start of the report window",
             "把握人数（報告期間の初め）",
             "people in the model (known to services, in or out of hospital) at the first monthly snapshot at or "
             "after the end of the warm-up: with `people_present`, the change of the known population over the "
             "report window"),
      scalar("people_present", "people", "People known to services at the end", "把握人数（終了時）",
             "people in the model at the end of the run"),
  };
}

/** Edit distance, for the closest declared name in an error message. */
std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

}  // namespace

IndicatorDictionary::IndicatorDictionary(std::vector<IndicatorRow> rows) : rows_(std::move(rows)) {
  std::size_t headlines = 0;
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    const IndicatorRow& r = rows_[i];
    if (r.name.empty()) throw std::invalid_argument("indicator dictionary: row " + std::to_string(i) + " has no name");
    if (!index_.emplace(r.name, i).second) {
      throw std::invalid_argument("indicator dictionary: two indicators named " + r.name);
    }
    if (r.shape == IndicatorShape::Scalar && !r.keys.empty()) {
      throw std::invalid_argument("indicator dictionary: " + r.name + " is a scalar but declares keys");
    }
    for (std::size_t k = 0; k < r.keys.size(); ++k) {
      if (std::find(r.keys.begin(), r.keys.begin() + static_cast<std::ptrdiff_t>(k), r.keys[k]) !=
          r.keys.begin() + static_cast<std::ptrdiff_t>(k)) {
        throw std::invalid_argument("indicator dictionary: " + r.name + " declares the key " + r.keys[k] + " twice");
      }
    }
    headlines += r.headline ? 1 : 0;
  }
  if (headlines > max_headline) {
    throw std::invalid_argument("indicator dictionary: " + std::to_string(headlines) +
                                " headline indicators; at most " + std::to_string(max_headline) +
                                " may be flagged headline");
  }
}

const IndicatorRow* IndicatorDictionary::find(std::string_view name) const {
  const auto it = index_.find(std::string(name));
  return it == index_.end() ? nullptr : &rows_[it->second];
}

const IndicatorRow& IndicatorDictionary::at(std::string_view name) const {
  return rows_[index_of(name)];
}

std::size_t IndicatorDictionary::index_of(std::string_view name) const {
  const auto it = index_.find(std::string(name));
  if (it != index_.end()) return it->second;
  std::string message = "no indicator named \"" + std::string(name) + "\" is declared in the indicator dictionary";
  const IndicatorRow* closest = nullptr;
  std::size_t best = 0;
  for (const IndicatorRow& r : rows_) {
    const std::size_t d = distance(name, r.name);
    if (closest == nullptr || d < best) {
      closest = &r;
      best = d;
    }
  }
  if (closest != nullptr && best <= std::max<std::size_t>(2, name.size() / 3)) {
    message += " (did you mean " + closest->name + "?)";
  }
  throw std::invalid_argument(message + "; declare it in models/indicator_dictionary.cpp");
}

std::vector<const IndicatorRow*> IndicatorDictionary::headline() const {
  std::vector<const IndicatorRow*> out;
  for (const IndicatorRow& r : rows_) {
    if (r.headline) out.push_back(&r);
  }
  return out;
}

const IndicatorDictionary& indicator_dictionary() {
  static const IndicatorDictionary dictionary(model_rows());
  return dictionary;
}

std::string_view shape_name(IndicatorShape shape) {
  switch (shape) {
    case IndicatorShape::Scalar:
      return "scalar";
    case IndicatorShape::Map:
      return "map";
    case IndicatorShape::Array:
      return "array";
  }
  return "scalar";
}

}  // namespace caresim::model
