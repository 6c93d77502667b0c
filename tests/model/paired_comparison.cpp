#include "tests/model/paired_comparison.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <iomanip>
#include <sstream>
#include <stdexcept>

#include "engine/stats/confidence_interval.hpp"
#include "engine/stats/tally.hpp"
#include "models/care_model.hpp"

namespace caresim::model::testing {

const std::vector<Outcome>& no_free_lunch_outcomes() {
  static const std::vector<Outcome> outcomes = {
      {"community_days_mean", [](const IndicatorTable& t) { return t.scalar("community_days_mean"); }, Better::Higher,
       false},
      {"readmission_365d", [](const IndicatorTable& t) { return t.scalar("readmission_365d"); }, Better::Lower, false},
      {"crisis admissions + far placements",
       [](const IndicatorTable& t) { return t.map_value("crisis_outcomes", "admission") + t.scalar("far_placements"); },
       Better::Lower, false},
      long_stay_outcome(),
      {"long_or_blocked_bed_days", [](const IndicatorTable& t) { return t.scalar("long_or_blocked_bed_days"); },
       Better::Lower, false},
      {"deaths", [](const IndicatorTable& t) { return t.scalar("deaths"); }, Better::Lower, false},
      // Blocked bed-days count only the inpatients readied so far: fewer coordinator hours or
      // programmes ready fewer long-stay inpatients, who then stay unblocked and long
      // (long_or_blocked_bed_days, checked above, holds both).
      {"blocked_bed_days", [](const IndicatorTable& t) { return t.scalar("blocked_bed_days"); }, Better::Lower, true},
      {"inpatients", [](const IndicatorTable& t) { return t.scalar("inpatients"); }, Better::Lower, true},
      {"cost_yen.hospital", [](const IndicatorTable& t) { return t.map_value("cost_yen", "hospital"); }, Better::Lower,
       true},
      // Not-a-number when nobody waited: compared over the replications where both arms waited.
      {"wait_days_hospital", [](const IndicatorTable& t) { return t.scalar("wait_days_hospital"); }, Better::Lower,
       true},
      {"hospital_waits", [](const IndicatorTable& t) { return t.scalar("hospital_waits"); }, Better::Lower, true},
      {"inpatients_elsewhere", [](const IndicatorTable& t) { return t.scalar("inpatients_elsewhere"); }, Better::Lower,
       true},
      {"transfers_out_of_region", [](const IndicatorTable& t) { return t.scalar("transfers_out_of_region"); },
       Better::Lower, true},
      {"far_placements", [](const IndicatorTable& t) { return t.scalar("far_placements"); }, Better::Lower, true},
  };
  return outcomes;
}

const Outcome& crisis_admissions_outcome() {
  static const Outcome outcome{"crisis admissions",
                               [](const IndicatorTable& t) { return t.map_value("crisis_outcomes", "admission"); },
                               Better::Lower, false};
  return outcome;
}

ArmRun run_arm(const Parameters& params, std::uint64_t seed, std::uint32_t replications,
               const std::vector<Outcome>& outcomes) {
  ArmRun arm;
  arm.values.assign(outcomes.size(), std::vector<double>(replications, 0.0));
  const auto start = std::chrono::steady_clock::now();
  for (std::uint32_t r = 0; r < replications; ++r) {
    CareModel model(params, seed, r);
    const IndicatorTable t = model.run();
    for (std::size_t i = 0; i < outcomes.size(); ++i) arm.values[i][r] = outcomes[i].extract(t);
  }
  arm.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return arm;
}

bool PairedResult::significantly_favourable() const {
  return better == Better::Lower ? difference + half_width < 0 : difference - half_width > 0;
}

bool PairedResult::significantly_above_zero() const {
  return difference - half_width > 0;
}

std::string PairedResult::line() const {
  std::ostringstream out;
  out << std::setprecision(6) << name << ": base " << base_mean << ", variant " << variant_mean << ", difference "
      << difference << " +- " << half_width << " (" << level * 100 << "%, n = " << n << "; "
      << (better == Better::Lower ? "lower" : "higher") << " is better";
  if (significantly_favourable()) out << "; significantly favourable";
  if (exempt) out << "; exempt, reported only";
  out << ")";
  return out.str();
}

std::vector<PairedResult> compare(const ArmRun& base, const ArmRun& variant, const std::vector<Outcome>& outcomes,
                                  double level) {
  if (base.values.size() != outcomes.size() || variant.values.size() != outcomes.size())
    throw std::invalid_argument("paired comparison: both arms must hold the " + std::to_string(outcomes.size()) +
                                " outcomes listed");
  std::vector<PairedResult> results;
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    const std::vector<double>& b = base.values[i];
    const std::vector<double>& v = variant.values[i];
    if (b.size() != v.size() || b.size() < 2)
      throw std::invalid_argument("paired comparison of " + outcomes[i].name + ": the arms have " +
                                  std::to_string(b.size()) + " and " + std::to_string(v.size()) +
                                  " replications; they need the same number, at least 2");
    engine::Tally base_tally, variant_tally, difference;
    for (std::size_t r = 0; r < b.size(); ++r) {
      // An exempt figure may be undefined in a replication (no wait at all): that pair is left out.
      if (std::isnan(b[r]) || std::isnan(v[r])) {
        if (outcomes[i].exempt) continue;
        throw std::invalid_argument("paired comparison of " + outcomes[i].name + ": replication " + std::to_string(r) +
                                    " is not a number in an arm (a checked outcome must be defined)");
      }
      base_tally.add(b[r]);
      variant_tally.add(v[r]);
      difference.add(v[r] - b[r]);
    }
    PairedResult res;
    if (difference.count() < 2) {  // an exempt figure undefined in (almost) every replication
      res.name = outcomes[i].name + " (undefined in the replications)";
      res.better = outcomes[i].better;
      res.exempt = true;
      res.difference = res.base_mean = res.variant_mean = res.half_width = std::nan("");
      res.n = static_cast<std::int64_t>(difference.count());
      res.level = level;
      results.push_back(res);
      continue;
    }
    const engine::ConfidenceInterval ci = engine::student_t_interval(difference, level);
    res.name = outcomes[i].name;
    res.better = outcomes[i].better;
    res.exempt = outcomes[i].exempt;
    res.base_mean = base_tally.mean();
    res.variant_mean = variant_tally.mean();
    res.difference = ci.mean;
    res.half_width = ci.half_width;
    res.n = ci.n;
    res.level = level;
    results.push_back(res);
  }
  return results;
}

Outcome scalar_outcome(const std::string& name, Better better) {
  return Outcome{name, [name](const IndicatorTable& t) { return t.scalar(name); }, better, false};
}

Outcome map_outcome(const std::string& name, const std::string& key, Better better) {
  return Outcome{name + "." + key, [name, key](const IndicatorTable& t) { return t.map_value(name, key); }, better,
                 false};
}

Outcome long_stay_outcome() {
  return Outcome{"long stay per 100k (<65 + 65+)",
                 [](const IndicatorTable& t) {
                   return t.scalar("long_stay_per_100k_under65") + t.scalar("long_stay_per_100k_65plus");
                 },
                 Better::Lower, false};
}

std::vector<PairedResult> paired(const Parameters& base, const Parameters& variant, const std::vector<Outcome>& o,
                                 const std::string& what, std::uint32_t replications) {
  const ArmRun a = run_arm(base, kLeverSeed, replications, o);
  const ArmRun b = run_arm(variant, kLeverSeed, replications, o);
  std::vector<PairedResult> results = compare(a, b, o);
  for (const PairedResult& r : results) MESSAGE(what << ": " << r.line());
  return results;
}

}  // namespace caresim::model::testing
