// The region: municipalities with their housing, roads, hospitals and hubs.
#include "care_scenario/care_schema.hpp"

namespace caresim::care_scenario {

using scenario::Param;

void declare_region(scenario::Schema& s) {
  auto& towns = s.collection("municipalities", "municipality")
                    .describe(
                        "市町村 of the region; one may be flagged outside_region to hold hospitals "
                        "outside the region")
                    .min_members(1);
  towns.add(Param::string("name_ja").default_value("").source("assumption").describe("Japanese name, e.g. 中央市"));
  towns.add(Param::real("population")
                .range(0, 4e6)
                .unit("people")
                .describe("Residents of all ages (0 for the outside_region entry); at most 4 million, above Japan's "
                          "largest municipality, Yokohama (about 3.77 million)"));
  towns.add(Param::real("share_65plus")
                .range(0, 1)
                .default_value(0.29)
                .unit("fraction")
                .source("national ageing rate ~29% (2023), assumption for a region")
                .describe("Share of residents aged 65+"));
  towns.add(Param::string("health_region")
                .default_value("")
                .source("assumption")
                .describe("障害保健福祉圏域 the municipality belongs to"));
  towns.add(Param::boolean("outside_region")
                .default_value(false)
                .source("assumption")
                .describe("A place outside the region (its hospitals admit residents; it has no residents)"));
  towns.add(Param::real("group_home_places")
                .range(0, 2e5)
                .default_value(0)
                .unit("places")
                .phased()
                .source("assumption")
                .describe("共同生活援助 places for people with mental illness; at most 200,000, more than all of "
                          "Japan's 共同生活援助 users (about 153,000, 41,790 of them with mental illness, Dec 2022)"));
  towns.add(Param::real("group_home_trial_slots")
                .range(0, 1e4)
                .default_value(0)
                .unit("places")
                .phased()
                .source("assumption")
                .describe("Group-home places kept for trial stays (体験利用); at most 10,000, more than Japan's "
                          "1,742 trial-stay users (about 2023)"));
  towns.add(Param::real("supported_housing_places")
                .range(0, 2e5)
                .default_value(0)
                .unit("places")
                .phased()
                .source("domain.md: 居住サポート住宅 from October 2025; count is an assumption")
                .describe("Supported rental housing places (a home with tenancy support); at most 200,000, the "
                          "bound of group_home_places (the scheme is new, with no national count yet)"));
  towns.add(Param::real("group_home_initial_fill")
                .range(0, 1)
                .default_value(0.9)
                .unit("fraction")
                .source("assumption")
                .describe("Share of group-home places occupied on day 0"));

  auto& roads = s.collection("roads", "road").describe("Undirected road links between municipalities");
  roads.add(Param::reference("from", "municipalities").describe("One end"));
  roads.add(Param::reference("to", "municipalities").describe("The other end"));
  roads.add(Param::real("minutes").greater_than(0).unit("minutes").describe("Travel time by road"));

  auto& hospitals =
      s.collection("hospitals", "hospital").describe("Psychiatric hospitals residents are admitted to").min_members(1);
  hospitals.add(Param::string("name_ja").default_value("").source("assumption").describe("Japanese name"));
  hospitals.add(Param::reference("municipality", "municipalities").describe("Where the hospital stands"));
  // One entry may stand for several hospitals (those outside the region), so bed counts
  // are bounded by the whole country's psychiatric beds rather than by one hospital's.
  hospitals.add(Param::real("beds").range(0, 4e5).unit("beds").phased().describe(
      "General psychiatric beds; at most 400,000, more than all of Japan's psychiatric beds (about 300,000 "
      "registered in July 2022), as one entry may stand for several hospitals"));
  hospitals.add(Param::real("outside_patients")
                    .range(0, 4e5)
                    .default_value(0)
                    .unit("beds")
                    .phased()
                    .source("assumption")
                    .describe("Beds held by patients from outside the region; at most 400,000, the bound of beds"));
  hospitals.add(Param::real("community_ward_beds")
                    .range(0, 4e5)
                    .default_value(0)
                    .unit("beds")
                    .phased()
                    .source("domain.md: psychiatric community-care ward, stays capped at 180 days")
                    .describe("Beds of a community-care ward (stays capped, see hospital.community_ward_cap_days); "
                              "at most 400,000, the bound of beds"));

  auto& hubs = s.collection("hubs", "hub").describe("地域生活支援拠点等; a scenario may have none");
  hubs.add(Param::string("name_ja").default_value("").source("assumption").describe("Japanese name"));
  hubs.add(Param::enumeration("type", {"multi_function", "network"})
               .default_value("multi_function")
               .source("domain.md: 多機能拠点整備型 or 面的整備型")
               .describe("One site, or the same resources spread over several provider sites"));
  hubs.add(Param::reference_list("municipalities", "municipalities")
               .describe("Municipalities served (people are served only by a hub listing theirs)"));
  hubs.add(Param::date("opens").optional().describe("Opening date (absent: open from the start)"));
  hubs.add(Param::enumeration("hours", {"always", "office"})
               .default_value("always")
               .source("domain.md: contact possible at all times")
               .describe("24-hour line, or office hours only"));
  hubs.add(Param::real("coordinators")
               .range(0, 1000)
               .default_value(0)
               .unit("coordinators")
               .phased()
               .source("seed 000: 851 coordinators in 296 of 812 hubs (2024)")
               .describe("拠点コーディネーター; each may make 100 claims per month; at most 1,000, more than the "
                         "whole country's 851"));
  hubs.add(Param::real("transition_places")
               .range(0, 1000)
               .default_value(0)
               .unit("programmes")
               .phased()
               .source("assumption")
               .describe("Concurrent 地域移行支援 programmes the hub can run; at most 1,000, more than Japan's "
                         "587 users a month (Dec 2022)"));
  hubs.add(Param::real("max_short_stay_days")
               .greater_than(0)
               .default_value(7)
               .unit("days")
               .source("assumption: a week of 緊急時の受け入れ")
               .describe("Longest crisis short stay"));
  auto& sites = hubs.collection("sites", "site")
                    .describe("Provider sites: one for multi_function, several for network")
                    .min_members(1);
  sites.add(Param::reference("municipality", "municipalities").describe("Where the site is"));
  sites.add(Param::real("crisis_beds")
                .range(0, 1e4)
                .default_value(0)
                .unit("beds")
                .phased()
                .source("assumption")
                .describe("短期入所 beds for crises (a few per hub); at most 10,000, about all of Japan's "
                          "psychiatric emergency beds (10,875 in 2022)"));
  sites.add(Param::real("trial_slots")
                .range(0, 1e4)
                .default_value(0)
                .unit("places")
                .phased()
                .source("assumption")
                .describe("Places for trial overnight stays (体験の機会); at most 10,000, as "
                          "group_home_trial_slots"));
}

}  // namespace caresim::care_scenario
