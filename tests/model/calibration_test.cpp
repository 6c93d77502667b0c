// Calibration of the reference region against the national indicators of
// shared/calibration/public-indicators.md, as means over ten replications of ten years.
// Reproduce the figures with: caresim_tests -ts=slow -tc='the reference region*'
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>

#include "care_scenario/bundled.hpp"
#include "models/care_model.hpp"

using namespace caresim::model;

TEST_SUITE("slow") {
  TEST_CASE("the reference region reproduces the national indicators over ten replications") {
    const Parameters p = caresim::care_scenario::reference_region_parameters();
    constexpr int kReplications = 10;
    double d3 = 0, d6 = 0, d12 = 0, per100k = 0, long_share = 0, long65 = 0, voluntary = 0, involuntary = 0,
           administrative = 0, readmission = 0, community_days = 0, seconds = 0;
    for (std::uint32_t r = 0; r < kReplications; ++r) {
      const auto start = std::chrono::steady_clock::now();
      CareModel model(p, 2025, r);
      const IndicatorTable t = model.run();
      seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      d3 += t.scalar("discharge_rate_3m") / kReplications;
      d6 += t.scalar("discharge_rate_6m") / kReplications;
      d12 += t.scalar("discharge_rate_12m") / kReplications;
      per100k += t.scalar("inpatients_per_100k") / kReplications;
      long_share += t.scalar("long_stay_share") / kReplications;
      long65 += t.scalar("long_stay_65plus_share") / kReplications;
      voluntary += t.map_value("admission_type_mix", "voluntary") / kReplications;
      involuntary += t.map_value("admission_type_mix", "involuntary") / kReplications;
      administrative += t.map_value("admission_type_mix", "administrative") / kReplications;
      readmission += t.scalar("readmission_365d") / kReplications;
      community_days += t.scalar("community_days_mean") / kReplications;
    }
    MESSAGE("discharge 3/6/12m " << d3 << " " << d6 << " " << d12 << "; per 100k " << per100k << "; long-stay share "
                                 << long_share << ", 65+ " << long65 << "; admission mix " << voluntary << " / "
                                 << involuntary << " / " << administrative << "; readmission 365d " << readmission
                                 << "; community days " << community_days << "; mean seconds per replication "
                                 << seconds / kReplications);
    // PI: 障害者部会 第133回 資料1, FY2020: 63.5% / 80.8% / 88.3%, +-2 points.
    CHECK(std::abs(d3 - 0.635) <= 0.02);
    CHECK(std::abs(d6 - 0.808) <= 0.02);
    CHECK(std::abs(d12 - 0.883) <= 0.02);
    // PI: 病院報告 2022, national mean 205.8; prefectures range widely.
    CHECK(per100k >= 180);
    CHECK(per100k <= 230);
    // PI: 630 survey summaries: over half stay >= 1 year, about two thirds of them 65+.
    CHECK(long_share >= 0.5);
    CHECK(long65 >= 0.60);
    CHECK(long65 <= 0.70);
    // PI: 630 survey 2010: 59.6% (+1.4% other) / 37.2% / 1.8%, +-3 points.
    CHECK(std::abs(voluntary - 0.610) <= 0.03);
    CHECK(std::abs(involuntary - 0.372) <= 0.03);
    CHECK(std::abs(administrative - 0.018) <= 0.03);
    // PI: 中医協 総会 第566回: 31.1% +- 3; 障害者部会 第147回: 321.9 days, here 322 +- 5.
    CHECK(std::abs(readmission - 0.311) <= 0.03);
    CHECK(std::abs(community_days - 322.0) <= 5.0);
  }
}
