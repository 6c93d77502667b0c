// The region: municipalities with their housing, roads, hospitals and hubs.
#include <string>

#include "care_scenario/care_schema.hpp"

namespace caresim::care_scenario {

using scenario::Param;

void declare_region(Table& t) {
  scenario::Schema& s = t.schema;
  auto& towns = s.collection("municipalities", "municipality")
                    .describe(
                        "市町村 of the region; one may be flagged outside_region to hold hospitals "
                        "outside the region")
                    .min_members(1);
  bind_field(t, towns,
             Param::string("name_ja").default_value("").source("assumption").describe("Japanese name, e.g. 中央市"),
             &model::Municipality::name);
  bind_field(t, towns,
             Param::real("population")
                 .range(0, 4e6)
                 .unit("people")
                 .describe("Residents of all ages (0 for the outside_region entry); at most 4 million, above Japan's "
                           "largest municipality, Yokohama (about 3.77 million)"),
             &model::Municipality::population);
  bind_field(t, towns,
             Param::real("share_65plus")
                 .range(0, 1)
                 .default_value(0.29)
                 .unit("fraction")
                 .source("national ageing rate ~29% (2023), assumption for a region")
                 .describe("Share of residents aged 65+"),
             &model::Municipality::share_65plus);
  bind_field(t, towns,
             Param::string("health_region")
                 .default_value("")
                 .source("assumption")
                 .describe("障害保健福祉圏域 the municipality belongs to"),
             &model::Municipality::health_region);
  bind_field(t, towns,
             Param::boolean("outside_region")
                 .default_value(false)
                 .source("assumption")
                 .describe("A place outside the region (its hospitals admit residents; it has no residents)"),
             &model::Municipality::outside_region);
  bind_field(t, towns,
             Param::real("group_home_places")
                 .range(0, 2e5)
                 .default_value(0)
                 .unit("places")
                 .phased()
                 .source("scenario input: none unless the scenario gives them")
                 .describe("共同生活援助 places for people with mental illness; at most 200,000, more than all of "
                           "Japan's 共同生活援助 users (about 153,000, 41,790 of them with mental illness, Dec 2022)"),
             &model::Housing::group_home_places);
  bind_field(t, towns,
             Param::real("group_home_trial_slots")
                 .range(0, 1e4)
                 .default_value(0)
                 .unit("places")
                 .phased()
                 .source("scenario input: none unless the scenario gives them")
                 .describe("Group-home places kept for trial stays (体験利用); at most 10,000, more than Japan's "
                           "1,742 trial-stay users (about 2023)"),
             &model::Housing::group_home_trial_slots);
  bind_field(t, towns,
             Param::real("supported_housing_places")
                 .range(0, 2e5)
                 .default_value(0)
                 .unit("places")
                 .phased()
                 .source("domain.md: 居住サポート住宅 from October 2025; count is an assumption")
                 .describe("Supported rental housing places (a home with tenancy support); at most 200,000, the "
                           "bound of group_home_places (the scheme is new, with no national count yet)"),
             &model::Housing::supported_housing_places);
  const auto caseload = [&](const char* key, const char* what, model::Phased model::Housing::*field) {
    bind_field(t, towns,
               Param::real(key)
                   .range(0, 2e5)
                   .default_value(0)
                   .unit("users")
                   .phased()
                   .source("scenario input: none unless the scenario gives them")
                   .describe(std::string(what) +
                             ": users the municipality's providers serve at once; at most 200,000, the bound of "
                             "group_home_places. With none in the municipality, nobody waits for it"),
               field);
  };
  caseload("independent_living_caseload",
           "自立生活援助 caseload (60 users per full-time service manager, seed 000 L2846)",
           &model::Housing::independent_living_caseload);
  caseload("settlement_caseload", "地域定着支援 caseload", &model::Housing::settlement_caseload);
  caseload("home_nursing_caseload", "Psychiatric home-nursing (訪問看護) caseload",
           &model::Housing::home_nursing_caseload);
  caseload("transition_caseload",
           "地域移行支援 caseload of the designated 一般相談支援事業所 outside any hub (programmes at once; "
           "residents referred from hospital take them, a hub's own office first)",
           &model::Housing::transition_caseload);
  bind_field(t, towns,
             Param::real("group_home_initial_fill")
                 .range(0, 1)
                 .default_value(0.9)
                 .unit("fraction")
                 .source("assumption (range guessed)")
                 .assumption_range(0.8, 1.0)
                 .describe("Share of group-home places occupied on day 0"),
             &model::Housing::group_home_initial_fill);

  auto& roads = s.collection("roads", "road").describe("Undirected road links between municipalities");
  bind_field(t, roads, Param::reference("from", "municipalities").describe("One end"), &model::TravelEdge::a);
  bind_field(t, roads, Param::reference("to", "municipalities").describe("The other end"), &model::TravelEdge::b);
  bind_field(t, roads, Param::real("minutes").greater_than(0).unit("minutes").describe("Travel time by road"),
             &model::TravelEdge::minutes);

  auto& hospitals =
      s.collection("hospitals", "hospital").describe("Psychiatric hospitals residents are admitted to").min_members(1);
  bind_field(t, hospitals, Param::string("name_ja").default_value("").source("assumption").describe("Japanese name"),
             &model::Hospital::name);
  bind_field(t, hospitals, Param::reference("municipality", "municipalities").describe("Where the hospital stands"),
             &model::Hospital::municipality);
  // One entry may stand for several hospitals (those outside the region), so bed counts
  // are bounded by the whole country's psychiatric beds rather than by one hospital's.
  bind_field(t, hospitals,
             Param::real("beds").range(0, 4e5).unit("beds").phased().describe(
                 "General psychiatric beds; at most 400,000, more than all of Japan's psychiatric beds (about 300,000 "
                 "registered in July 2022), as one entry may stand for several hospitals"),
             &model::Hospital::beds);
  bind_field(t, hospitals,
             Param::real("outside_patients")
                 .range(0, 4e5)
                 .default_value(0)
                 .unit("beds")
                 .phased()
                 .source("scenario input: none unless the scenario gives them")
                 .describe("Beds held by patients from outside the region; at most 400,000, the bound of beds"),
             &model::Hospital::outside_patients);
  bind_field(t, hospitals,
             Param::real("community_ward_beds")
                 .range(0, 4e5)
                 .default_value(0)
                 .unit("beds")
                 .phased()
                 .source("domain.md: psychiatric community-care ward, stays capped at 180 days")
                 .describe("Beds of a community-care ward (stays capped, see hospital.community_ward_cap_days); "
                           "at most 400,000, the bound of beds"),
             &model::Hospital::community_ward_beds);

  auto& hubs = s.collection("hubs", "hub").describe("地域生活支援拠点等; a scenario may have none");
  bind_field(t, hubs, Param::string("name_ja").default_value("").source("assumption").describe("Japanese name"),
             &model::Hub::name);
  bind_field(t, hubs,
             Param::enumeration("type", {"multi_function", "network"})
                 .default_value("multi_function")
                 .source("domain.md: 多機能拠点整備型 or 面的整備型")
                 .describe("One site, or the same resources spread over several provider sites"),
             &model::Hub::type,
             {{"multi_function", model::HubType::MultiFunction}, {"network", model::HubType::Network}});
  bind_field(t, hubs,
             Param::reference_list("municipalities", "municipalities")
                 .describe("Municipalities served (people are served only by a hub listing theirs)"),
             &model::Hub::municipalities);
  bind_with<model::Hub>(t, hubs, Param::date("opens").optional().describe("Opening date (absent: open from the start)"),
                        [](const Reader& r, const std::string& path, model::Hub& hub) {
                          hub.open_day =
                              r.scenario().has(path) ? std::max(0.0, r.day_of(r.scenario().get_date(path))) : 0.0;
                        });
  bind_field(t, hubs,
             Param::enumeration("hours", {"always", "office"})
                 .default_value("always")
                 .source("domain.md: contact possible at all times")
                 .describe("24-hour line, or office hours only"),
             &model::Hub::hours, {{"always", model::HubHours::Always}, {"office", model::HubHours::Office}});
  bind_field(t, hubs,
             Param::real("coordinators")
                 .range(0, 1000)
                 .default_value(0)
                 .unit("full-time equivalents")
                 .phased()
                 .source("seed 000: 851 coordinators in 296 of 812 hubs (2024); seed 003 L329-L353 (their work)")
                 .describe("拠点コーディネーター in full-time equivalents (0.5 is a half-time post): a monthly budget "
                           "of staff hours (coordination.hours_per_fte_month each) spent on named people; at most "
                           "1,000, more than the whole country's 851"),
             &model::Hub::coordinators);
  bind_field(t, hubs,
             Param::boolean("add_on_funded")
                 .default_value(false)
                 .source("seed 003 L297-L316; seed 000 L3026-L3037: 47 of 851 coordinators funded by it (2024)")
                 .describe("The host office bills the 地域生活支援拠点等機能強化加算 (500 units per user-month of its "
                           "five consultation services, at most response.claims_per_coordinator per full-time "
                           "coordinator, with at least one full-time coordinator): a funding line inside the "
                           "coordinators' cost, not a limit on their work"),
             &model::Hub::add_on_funded);
  bind_field(t, hubs,
             Param::real("transition_places")
                 .range(0, 1000)
                 .default_value(0)
                 .unit("programmes")
                 .phased()
                 .source("scenario input: none unless the scenario gives them")
                 .describe("Concurrent 地域移行支援 programmes the hub's own office can run (its 一般相談支援事業所); "
                           "at most 1,000, more than Japan's 587 users a month (Dec 2022)"),
             &model::Hub::transition_places);
  bind_field(t, hubs,
             Param::real("max_short_stay_days")
                 .greater_than(0)
                 .default_value(7)
                 .unit("days")
                 .source("assumption: a week of 緊急時の受け入れ; range guessed")
                 .assumption_range(3, 14)
                 .describe("Longest crisis short stay"),
             &model::Hub::max_short_stay_days);
  auto& sites = hubs.collection("sites", "site")
                    .describe("Provider sites: one for multi_function, several for network")
                    .min_members(1);
  bind_field(t, sites, Param::reference("municipality", "municipalities").describe("Where the site is"),
             &model::HubSite::municipality);
  bind_field(t, sites,
             Param::real("crisis_beds")
                 .range(0, 1e4)
                 .default_value(0)
                 .unit("beds")
                 .phased()
                 .source("scenario input: none unless the scenario gives them")
                 .describe("短期入所 beds for crises (a few per hub); at most 10,000, about all of Japan's "
                           "psychiatric emergency beds (10,875 in 2022)"),
             &model::HubSite::crisis_beds);
  bind_field(t, sites,
             Param::real("trial_slots")
                 .range(0, 1e4)
                 .default_value(0)
                 .unit("places")
                 .phased()
                 .source("scenario input: none unless the scenario gives them")
                 .describe("Places for trial overnight stays (体験の機会); at most 10,000, as "
                           "group_home_trial_slots"),
             &model::HubSite::trial_slots);
}

}  // namespace caresim::care_scenario
