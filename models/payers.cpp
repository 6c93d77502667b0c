#include "models/payers.hpp"

namespace caresim::model {

namespace {
// Adds `yen` to the public payers at `shares` (national, prefecture, municipality).
void add_public(PayerCosts& to, double yen, const Mix3& shares) {
  to.national += yen * shares[0];
  to.prefecture += yen * shares[1];
  to.municipality += yen * shares[2];
}
}  // namespace

PayerCosts split_by_payer(const PayableCosts& c, const CostParams& k) {
  PayerCosts p;
  add_public(p, c.welfare, k.welfare_payers);
  // The salary is the municipality's (or its hub's funders') cost; the add-on pays part of
  // it as a welfare service.
  p.municipality += c.coordinator_salaries - c.coordinator_addon;
  add_public(p, c.coordinator_addon, k.welfare_payers);
  add_public(p, c.medical[static_cast<std::size_t>(Funding::Administrative)], k.administrative_payers);
  add_public(p, c.medical[static_cast<std::size_t>(Funding::PublicAssistance)], k.public_assistance_payers);
  p.insurers += c.medical[static_cast<std::size_t>(Funding::Insured)];
  return p;
}

}  // namespace caresim::model
