// Calibration of the reference region against the national indicators of
// shared/calibration/public-indicators.md (issue 11 §5): exactly the targets, tolerances,
// window and seeds of scripts/calibrate, which refits them (docs/model.md, Calibration).
// Means over seeds 1, 2, 3 with ten replications each; warm-up 8 years, report 10 years.
// Reproduce the figures with: caresim_tests -ts=slow -tc='the reference region*' -s
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <map>
#include <string>

#include "care_scenario/bundled.hpp"
#include "models/calendar.hpp"
#include "models/care_model.hpp"

using namespace caresim::model;

namespace {

constexpr std::uint64_t kSeeds[] = {1, 2, 3};
constexpr int kReplications = 10;
constexpr int kWarmupYears = 8;
constexpr int kReportYears = 10;
constexpr int kDriftYears = 3;
constexpr double kDriftMargin = 0.05;

double year_day(const Parameters& p, int years) {
  return model_day(p.run.start, p.run.start.add_years(years));
}

// Sum of the first (or last) kDriftYears entries of the two long-stay series.
double long_stay(const IndicatorTable& t, bool first) {
  double sum = 0;
  for (const char* name : {"long_stay_under65_series", "long_stay_65plus_series"}) {
    const auto& m = t.find(name)->map;
    REQUIRE(m.size() >= 2 * kDriftYears);
    for (std::size_t i = 0; i < kDriftYears; ++i) sum += first ? m[i].second : m[m.size() - 1 - i].second;
  }
  return sum / kDriftYears;
}

// Means over every seed and replication of the headline indicators of a run under `p`.
std::map<std::string, double> means(const Parameters& p, double* seconds = nullptr) {
  std::map<std::string, double> m;
  const double n = static_cast<double>(std::size(kSeeds) * kReplications);
  const auto start = std::chrono::steady_clock::now();
  for (const std::uint64_t seed : kSeeds) {
    for (std::uint32_t r = 0; r < kReplications; ++r) {
      const IndicatorTable t = CareModel(p, seed, r).run();
      for (const char* name : {"discharge_rate_3m", "discharge_rate_6m", "discharge_rate_12m", "readmission_365d",
                               "community_days_mean", "inpatients", "people_present_start", "people_present"})
        m[name] += t.scalar(name) / n;
      for (const char* type : {"voluntary", "involuntary", "administrative"})
        m[std::string("admission_type_mix.") + type] += t.map_value("admission_type_mix", type) / n;
      m["stock_type_mix.involuntary"] += t.map_value("stock_type_mix", "involuntary") / n;
      m["occupancy.hospitals"] += t.map_value("occupancy", "hospitals") / n;
      for (const char* name :
           {"blocked_share", "blocked_long_stay_share", "long_stay_per_100k_under65", "long_stay_per_100k_65plus"})
        m[name] += t.scalar(name) / n;
      for (const char* service : {"group_home", "independent_living", "settlement", "home_nursing"})
        m[std::string("service_users_per_100k.") + service] += t.map_value("service_users_per_100k", service) / n;
      if (t.find("long_stay_under65_series")->map.size() >= 2 * kDriftYears) {
        m["long_stay_first"] += long_stay(t, true) / n;
        m["long_stay_last"] += long_stay(t, false) / n;
      }
    }
  }
  if (seconds) *seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / n;
  return m;
}

Parameters reference() {
  const Parameters p = caresim::care_scenario::reference_region_parameters();
  // The file's window is the calibration window.
  REQUIRE(p.run.warmup_days == year_day(p, kWarmupYears));
  REQUIRE(p.run.horizon_days == year_day(p, kWarmupYears + kReportYears));
  return p;
}

}  // namespace

TEST_SUITE("slow") {
  TEST_CASE("the reference region reproduces the national indicators over three seeds of ten replications") {
    double seconds = 0;
    auto m = means(reference(), &seconds);
    MESSAGE("discharge 3/6/12m " << m["discharge_rate_3m"] << " " << m["discharge_rate_6m"] << " "
                                 << m["discharge_rate_12m"] << "; readmission 365d " << m["readmission_365d"]
                                 << "; community days " << m["community_days_mean"] << "; admission mix "
                                 << m["admission_type_mix.voluntary"] << " / " << m["admission_type_mix.involuntary"]
                                 << " / " << m["admission_type_mix.administrative"] << "; stock 医療保護 "
                                 << m["stock_type_mix.involuntary"] << "; hospital occupancy "
                                 << m["occupancy.hospitals"] << "; inpatients (an output) " << m["inpatients"]
                                 << "; seconds per replication " << seconds);
    // PI: 障害者部会 第133回 資料1, FY2020: 63.5% / 80.8% / 88.3%, +-2 points.
    CHECK(std::abs(m["discharge_rate_3m"] - 0.635) <= 0.02);
    CHECK(std::abs(m["discharge_rate_6m"] - 0.808) <= 0.02);
    CHECK(std::abs(m["discharge_rate_12m"] - 0.883) <= 0.02);
    // PI: 中医協 総会 第566回: 31.1% +- 3; 障害者部会 第147回: 321.9 days, here 322 +- 5.
    CHECK(std::abs(m["readmission_365d"] - 0.311) <= 0.03);
    CHECK(std::abs(m["community_days_mean"] - 322.0) <= 5.0);
    // PI: 630 survey 2010: 59.6% (+1.4% other) / 37.2% / 1.8%, here 60 / 37 / 2 +- 3 points.
    CHECK(std::abs(m["admission_type_mix.voluntary"] - 0.60) <= 0.03);
    CHECK(std::abs(m["admission_type_mix.involuntary"] - 0.37) <= 0.03);
    CHECK(std::abs(m["admission_type_mix.administrative"] - 0.02) <= 0.03);
    // PI: 検討会 第6回 資料5: 医療保護 47-54% of the stock.
    CHECK(m["stock_type_mix.involuntary"] >= 0.47);
    CHECK(m["stock_type_mix.involuntary"] <= 0.54);
    // Beds are set so that hospitals run at 85-90% occupancy (inpatients are an output).
    CHECK(m["occupancy.hospitals"] >= 0.85);
    CHECK(m["occupancy.hospitals"] <= 0.90);
    // Social admission (issue 13), as scripts/calibrate: 9.0% ready now if a residence and
    // support were arranged (2008, band 0.05-0.15), +-0.03 here; long stay per 100,000 of
    // the whole population 46 +- 7 (<65) and 85 +- 13 (65+), 630 survey 2021.
    MESSAGE("blocked share " << m["blocked_share"] << " (of it at a stay of a year or more "
                             << m["blocked_long_stay_share"] << "); long stay per 100k <65 "
                             << m["long_stay_per_100k_under65"] << ", 65+ " << m["long_stay_per_100k_65plus"]
                             << "; users per 100k: group homes " << m["service_users_per_100k.group_home"]
                             << ", 自立生活援助 " << m["service_users_per_100k.independent_living"] << ", 地域定着支援 "
                             << m["service_users_per_100k.settlement"] << ", home nursing "
                             << m["service_users_per_100k.home_nursing"]);
    CHECK(std::abs(m["blocked_share"] - 0.09) <= 0.03);
    CHECK(std::abs(m["long_stay_per_100k_under65"] - 46.0) <= 7.0);
    CHECK(std::abs(m["long_stay_per_100k_65plus"] - 85.0) <= 13.0);
    // Psychiatric home-nursing station users ~176 per 100,000 (2023; tolerance assumed, 30);
    // psychiatric group-home residents at least 33.5 per 100,000 (国保連 R4.12).
    CHECK(std::abs(m["service_users_per_100k.home_nursing"] - 176.0) <= 30.0);
    CHECK(m["service_users_per_100k.group_home"] >= 33.5);
  }

  TEST_CASE("the reference region is stationary over its report years") {
    const Parameters p = reference();
    auto full = means(p);
    // The first and the last three report years, as runs on the same paths: a shorter
    // horizon cuts the path, a longer warm-up only moves where indicators start counting.
    Parameters first_years = p;
    first_years.run.horizon_days = year_day(p, kWarmupYears + kDriftYears);
    Parameters last_years = p;
    last_years.run.warmup_days = year_day(p, kWarmupYears + kReportYears - kDriftYears);
    auto first = means(first_years);
    auto last = means(last_years);
    first["long_stay"] = full["long_stay_first"];
    last["long_stay"] = full["long_stay_last"];
    const double change = full["people_present"] / full["people_present_start"] - 1.0;
    MESSAGE("known population " << full["people_present_start"] << " -> " << full["people_present"] << " ("
                                << change * 100 << "%)");
    CHECK(std::abs(change) <= 0.02);
    for (const char* name : {"discharge_rate_3m", "discharge_rate_6m", "discharge_rate_12m", "readmission_365d",
                             "community_days_mean", "inpatients", "long_stay"}) {
      const double relative = (last[name] - first[name]) / first[name];
      INFO(name << ": first " << kDriftYears << " report years " << first[name] << ", last " << last[name] << " ("
                << relative * 100 << "%)");
      CHECK(std::abs(relative) <= kDriftMargin);
    }
  }
}
