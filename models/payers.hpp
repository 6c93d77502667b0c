#pragma once
// Who pays the care system's costs, as the laws split them: the funding of a medical day
// (措置入院, 医療扶助 or health insurance) and the split of every cost line of cost_yen
// among the nation, the prefecture, the municipalities and the insurers. The rules live
// here only; the shares are parameters (costs.*_payers, docs/model.md, Costs).
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "models/parameters.hpp"
#include "models/records.hpp"

namespace caresim::model {

/** Who funds a medical day of a person (an inpatient day, a home-nursing month), in the
 *  order of the keys of bed_days_by_funding. */
enum class Funding : std::uint8_t {
  Administrative,    ///< 措置入院: public expense (精神保健福祉法 第30条)
  PublicAssistance,  ///< 医療扶助 of 生活保護 (生活保護法 第15条, 第70条, 第75条)
  Insured,           ///< health insurance and the patient's co-payment
  Count
};
inline constexpr std::size_t kFundings = static_cast<std::size_t>(Funding::Count);

/** The funding of a day of a stay of `type` of a person on public assistance or not.
 *  Public expense comes first (他法優先 of 生活保護法 第4条第2項): a 措置入院 day of a person
 *  on 生活保護 is a 措置 day. Home nursing has no admission type: pass Voluntary. */
constexpr Funding funding_of(AdmissionType type, bool public_assistance) {
  if (type == AdmissionType::Administrative) return Funding::Administrative;
  return public_assistance ? Funding::PublicAssistance : Funding::Insured;
}

/** The key of a funding in bed_days_by_funding. */
constexpr std::string_view funding_key(Funding f) {
  switch (f) {
    case Funding::Administrative:
      return "administrative";
    case Funding::PublicAssistance:
      return "public_assistance";
    case Funding::Insured:
      return "insured";
    case Funding::Count:
      break;
  }
  return "?";
}

/** The cost lines the payer rules split, in yen per year (as cost_yen). */
struct PayableCosts {
  double welfare = 0;               ///< the 自立支援給付 lines (cost_yen.welfare)
  double coordinator_salaries = 0;  ///< cost_yen.coordinator_salaries
  /** cost_yen.coordinator_addon_funding: the 機能強化加算, a funding line inside the
   *  salaries (paid as a welfare service), not a cost of its own. */
  double coordinator_addon = 0;
  std::array<double, kFundings> medical{};  ///< hospital days and home nursing, by Funding
};

/** One cost split among the payers, in yen per year. */
struct PayerCosts {
  double national = 0;
  double prefecture = 0;
  double municipality = 0;  ///< the municipalities (a municipality's own, per municipality)
  double insurers = 0;      ///< health insurers and patients' co-payments
  /** The sum of the four: the cost split. */
  double total() const { return national + prefecture + municipality + insurers; }
};

/** The split of `c` under the shares of `k` (costs.welfare_payers, administrative_payers,
 *  public_assistance_payers; each sums to 1, so the total is the cost's): welfare at
 *  welfare_payers; 措置 and 医療扶助 days at theirs; insured days and home nursing to the
 *  insurers; the coordinators' salaries to the municipalities, less the 機能強化加算, which
 *  is paid as a welfare service. The municipalities' part of the salaries is negative when
 *  the add-on bills more than the salaries cost. */
PayerCosts split_by_payer(const PayableCosts& c, const CostParams& k);

}  // namespace caresim::model
