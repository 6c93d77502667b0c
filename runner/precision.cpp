#include "runner/precision.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>
#include <utility>

#include "engine/stats/confidence_interval.hpp"
#include "engine/stats/tally.hpp"

namespace caresim::runner {

namespace {

std::string percent(double share) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3g%%", share * 100);
  return text;
}

// The half-width as a share of the mean, for a message ("12.5%"; "a mean of 0" when there is none).
// A row defined in only some replications (a mean wait when someone waited) says in how
// many: the reason its interval stays wide.
std::string share_of_mean(const PrecisionCheck& c, std::size_t replications) {
  const std::string defined = c.n < replications ? ", defined in " + std::to_string(c.n) + " of " +
                                                       std::to_string(replications) + " replications"
                                                 : std::string();
  if (!std::isfinite(c.half_width)) return "fewer than 2 replications where it is defined" + defined;
  char text[96];
  if (c.mean == 0) {
    std::snprintf(text, sizeof text, "+-%.4g around a mean of 0, floor %.4g", c.half_width, c.limit);
  } else {
    std::snprintf(text, sizeof text, "+-%s of its mean", percent(c.half_width / std::fabs(c.mean)).c_str());
  }
  return text + defined;
}

}  // namespace

double precision_floor(std::string_view unit) {
  static const std::vector<std::pair<std::string_view, double>> floors = {
      {"fraction", 0.001},
      {"days", 0.1},
      {"hours", 0.1},
      {"people", 0.5},
      {"people per year", 0.5},
      {"count per year", 0.5},
      {"per year", 0.5},
      {"per 100,000 residents", 0.05},
      {"per 100,000 residents per month", 0.05},
      {"bed-days per year", 1},
      {"hours per year", 1},
      {"yen per year", 10'000},
      {"welfare units per year", 1'000},
  };
  for (const auto& [u, floor] : floors)
    if (u == unit) return floor;
  return 0;
}

PrecisionSelection::PrecisionSelection(const model::IndicatorDictionary& dictionary,
                                       const std::vector<std::string>& names) {
  // A map with a `total` key is judged by it: its other keys are parts of that total.
  const auto add = [this](const model::IndicatorRow& r) {
    const bool has_total =
        r.shape == model::IndicatorShape::Map && std::find(r.keys.begin(), r.keys.end(), "total") != r.keys.end();
    named_.push_back(has_total ? Named{r.name + ".total", false, r.unit} : Named{r.name, true, r.unit});
  };
  if (names.empty()) {
    for (const model::IndicatorRow* r : dictionary.headline()) add(*r);
    return;
  }
  for (const std::string& name : names) {
    if (const model::IndicatorRow* r = dictionary.find(name)) {
      add(*r);
      continue;
    }
    const auto dot = name.find('.');
    if (dot != std::string::npos) {
      const model::IndicatorRow* r = dictionary.find(std::string_view(name).substr(0, dot));
      if (r != nullptr && r->shape == model::IndicatorShape::Map &&
          std::find(r->keys.begin(), r->keys.end(), name.substr(dot + 1)) != r->keys.end()) {
        named_.push_back(Named{name, false, r->unit});
        continue;
      }
    }
    std::string valid;
    for (const model::IndicatorRow& r : dictionary.rows()) valid += (valid.empty() ? "" : ", ") + r.name;
    throw std::invalid_argument("no indicator called \"" + name +
                                "\"; give an indicator or a map's key (crisis_outcomes.admission) of: " + valid);
  }
}

const PrecisionSelection::Named* PrecisionSelection::match(std::string_view row) const {
  for (const Named& n : named_) {
    if (row == n.name) return &n;
    if (n.whole && row.size() > n.name.size() && row.substr(0, n.name.size()) == n.name &&
        (row[n.name.size()] == '.' || row[n.name.size()] == '['))
      return &n;
  }
  return nullptr;
}

bool PrecisionSelection::selects(std::string_view row) const {
  return match(row) != nullptr;
}

std::string_view PrecisionSelection::unit_of(std::string_view row) const {
  const Named* n = match(row);
  return n != nullptr ? std::string_view(n->unit) : std::string_view();
}

std::vector<PrecisionCheck> check_precision(const RunSummary& summary, const PrecisionSelection& selection,
                                            double relative) {
  std::vector<PrecisionCheck> checks;
  for (const IndicatorSummary& indicator : summary.region.indicators) {
    for (std::size_t i = 0; i < indicator.entries.size(); ++i) {
      const auto& [key, s] = indicator.entries[i];
      std::string name = indicator.name;
      if (indicator.shape == model::IndicatorShape::Map) name.append(".").append(key);
      if (indicator.shape == model::IndicatorShape::Array) name.append("[").append(std::to_string(i + 1)).append("]");
      if (!selection.selects(name)) continue;
      PrecisionCheck c;
      c.name = name;
      c.n = static_cast<std::size_t>(s.n);
      c.defined = c.n > 0;
      c.mean = c.defined ? s.mean : std::nan("");
      c.half_width = c.n > 1 ? s.half_width : std::numeric_limits<double>::infinity();
      c.limit = std::max(relative * std::fabs(c.mean), precision_floor(selection.unit_of(name)));
      c.met = !c.defined || c.half_width <= c.limit;
      checks.push_back(std::move(c));
    }
  }
  return checks;
}

PrecisionOutcome run_to_precision(const PrecisionTarget& target, const PrecisionSelection& selection,
                                  const RunBatch& run_batch, const AfterBatch& after_batch) {
  if (!(target.relative > 0 && target.relative < 1))
    throw std::invalid_argument("precision: the relative half-width must be between 0 and 1 (0.05 for 5%)");
  if (target.batch < 2) throw std::invalid_argument("precision: a batch must hold at least 2 replications");
  if (target.max_replications < 1) throw std::invalid_argument("precision: the maximum must be at least 1 replication");
  PrecisionOutcome outcome;
  while (outcome.results.size() < target.max_replications) {
    const auto size = std::min<std::size_t>(target.batch, target.max_replications - outcome.results.size());
    std::vector<std::uint32_t> ids(size);
    for (std::size_t i = 0; i < size; ++i)
      ids[i] = target.first_id + static_cast<std::uint32_t>(outcome.results.size() + i);
    auto batch = run_batch(ids);
    for (auto& r : batch) outcome.results.push_back(std::move(r));
    ++outcome.batches;
    outcome.checks = check_precision(summarise(outcome.results), selection, target.relative);
    outcome.met = std::all_of(outcome.checks.begin(), outcome.checks.end(), [](const auto& c) { return c.met; });
    if (after_batch) after_batch(outcome);
    if (outcome.met) break;
  }
  return outcome;
}

std::vector<PrecisionCheck> widest(const std::vector<PrecisionCheck>& checks, std::size_t count) {
  std::vector<PrecisionCheck> out;
  for (const auto& c : checks)
    if (c.defined) out.push_back(c);
  const auto ratio = [](const PrecisionCheck& c) { return c.limit > 0 ? c.half_width / c.limit : c.half_width; };
  std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) { return ratio(a) > ratio(b); });
  if (out.size() > count) out.resize(count);
  return out;
}

std::string precision_verdict(const PrecisionOutcome& outcome, const PrecisionTarget& target) {
  std::string line = "precision: " + std::to_string(outcome.results.size()) + " replications (" +
                     std::to_string(outcome.batches) + (outcome.batches == 1 ? " batch" : " batches") + " of up to " +
                     std::to_string(target.batch) + "): ";
  if (outcome.met) {
    return line + "every judged indicator (" + std::to_string(outcome.checks.size()) +
           " rows) has a 95% half-width within " + percent(target.relative) + " of its mean, or within its floor\n";
  }
  std::vector<PrecisionCheck> missed;
  for (const auto& c : outcome.checks)
    if (!c.met) missed.push_back(c);
  line += "stopped at the maximum of " + std::to_string(target.max_replications) + " (--max-replications); " +
          std::to_string(missed.size()) + " row(s) not within " + percent(target.relative) + " of the mean: ";
  missed = widest(missed, missed.size());
  for (std::size_t i = 0; i < missed.size(); ++i)
    line += (i == 0 ? "" : "; ") + missed[i].name + " (" + share_of_mean(missed[i], outcome.results.size()) + ")";
  return line + "\n";
}

}  // namespace caresim::runner
