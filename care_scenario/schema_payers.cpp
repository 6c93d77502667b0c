// Who pays: the shares of the nation, the prefecture and the municipalities in each cost
// the laws split (models/payers.hpp; docs/model.md, Costs by payer). Insured medical days
// are the insurers' and have no shares here.
#include "care_scenario/care_schema.hpp"

namespace caresim::care_scenario {

using scenario::Param;

void declare_payers(Table& t) {
  scenario::Schema& s = t.schema;
  const std::vector<std::string> payers = {"national", "prefecture", "municipality"};
  bind_field(t, s,
             Param::probability_map("costs.welfare_payers")
                 .keys(payers)
                 .default_shares({{"national", 0.5}, {"prefecture", 0.25}, {"municipality", 0.25}})
                 .source("障害者総合支援法 第92条 (the municipality pays 自立支援給付), 第94条第1項 (the prefecture "
                         "bears 1/4), 第95条第1項 (the nation bears 1/2)")
                 .describe("Who pays the 自立支援給付 welfare services (地域移行支援, 地域定着支援, 自立生活援助, "
                           "共同生活援助 and its 体験利用, 短期入所, 計画相談支援) and the 機能強化加算 billed with "
                           "them"),
             &model::CostParams::welfare_payers);
  bind_field(t, s,
             Param::probability_map("costs.administrative_payers")
                 .keys(payers)
                 .default_shares({{"national", 0.75}, {"prefecture", 0.25}, {"municipality", 0.0}})
                 .source("精神保健福祉法 第30条第1項 (the prefecture bears the costs of 措置入院), 第2項 (the nation "
                         "bears 3/4 of them); the whole day as public expense is an assumption: as read "
                         "(UNVERIFIED), 第30条の2 lets health insurance pay first for an insured patient")
                 .describe("Who pays a day of a 措置入院 stay (the whole stay: the model does not lift a 措置)"),
             &model::CostParams::administrative_payers);
  bind_field(t, s,
             Param::probability_map("costs.public_assistance_payers")
                 .keys(payers)
                 .default_shares({{"national", 0.75}, {"prefecture", 0.0}, {"municipality", 0.25}})
                 .source("生活保護法 第70条 (a city pays 保護費), 第75条第1項 (the nation bears 3/4); where a town "
                         "has no welfare office the prefecture pays instead of the municipality (第71条), as it "
                         "bears the quarter for a recipient with no residence (第73条第1号): set prefecture 0.25, "
                         "municipality 0 for such a region")
                 .describe("Who pays a 医療扶助 day in hospital or month of home nursing of a person on 生活保護 "
                           "(not a 措置入院 day)"),
             &model::CostParams::public_assistance_payers);
}

}  // namespace caresim::care_scenario
