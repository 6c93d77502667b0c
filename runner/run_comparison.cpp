#include "runner/run_comparison.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>

#include "engine/core/error.hpp"

namespace caresim::runner {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Where a row's number sits in an indicator table.
struct RowSpec {
  std::string indicator;
  model::IndicatorShape shape = model::IndicatorShape::Scalar;
  std::string key;          // a map's key
  std::size_t element = 0;  // an array's element
  std::string label;        // ComparisonRow::key
};

const model::IndicatorTable* scope_table(const model::IndicatorTable& table, const std::string& scope) {
  if (scope.empty()) return &table;
  for (const model::MunicipalityIndicators& m : table.by_municipality)
    if (m.id == scope) return &m.table;
  return nullptr;
}

double value_of(const model::IndicatorTable& table, const std::string& scope, const RowSpec& row) {
  const model::IndicatorTable* t = scope_table(table, scope);
  if (t == nullptr) return kNaN;
  const model::IndicatorValue* v = t->find(row.indicator);
  if (v == nullptr || v->shape != row.shape) return kNaN;
  switch (row.shape) {
    case model::IndicatorShape::Scalar:
      return v->scalar;
    case model::IndicatorShape::Map:
      for (const auto& [key, x] : v->map)
        if (key == row.key) return x;
      return kNaN;
    case model::IndicatorShape::Array:
      return row.element < v->array.size() ? v->array[row.element] : kNaN;
  }
  return kNaN;
}

// The rows of a view: indicators in the order of the base's first table, map keys in the
// order they first appear over every run, arrays as long as the longest.
std::vector<RowSpec> row_specs(const std::vector<ComparedRun>& runs, const std::string& scope,
                               const model::IndicatorDictionary& dictionary) {
  std::vector<RowSpec> rows;
  const model::IndicatorTable* first = scope_table(runs.front().replications.front().indicators, scope);
  if (first == nullptr) return rows;
  for (const auto& [name, value] : first->entries) {
    if (value.shape == model::IndicatorShape::Scalar) {
      rows.push_back({name, value.shape, "", 0, ""});
      continue;
    }
    std::vector<std::string> keys;
    std::size_t length = 0;
    for (const ComparedRun& run : runs) {
      for (const ReplicationResult& r : run.replications) {
        const model::IndicatorTable* t = scope_table(r.indicators, scope);
        const model::IndicatorValue* v = t == nullptr ? nullptr : t->find(name);
        if (v == nullptr || v->shape != value.shape) continue;
        for (const auto& entry : v->map)
          if (std::find(keys.begin(), keys.end(), entry.first) == keys.end()) keys.push_back(entry.first);
        length = std::max(length, v->array.size());
      }
    }
    if (value.shape == model::IndicatorShape::Map) {
      for (const std::string& key : keys) rows.push_back({name, value.shape, key, 0, key});
      continue;
    }
    const model::IndicatorRow* declared = dictionary.find(name);
    for (std::size_t i = 0; i < length; ++i) {
      const std::string label =
          declared != nullptr && i < declared->keys.size() ? declared->keys[i] : std::to_string(i + 1);
      rows.push_back({name, value.shape, "", i, label});
    }
  }
  return rows;
}

// One row's values of `run`, in the order of `run.replications`.
std::vector<double> values_of(const ComparedRun& run, const std::string& scope, const RowSpec& row) {
  std::vector<double> out;
  out.reserve(run.replications.size());
  for (const ReplicationResult& r : run.replications) out.push_back(value_of(r.indicators, scope, row));
  return out;
}

// One row's values of `run` at replication `ids`, in their order.
std::vector<double> values_at(const ComparedRun& run, const std::vector<std::uint32_t>& ids, const std::string& scope,
                              const RowSpec& row) {
  std::vector<double> out;
  out.reserve(ids.size());
  for (const std::uint32_t id : ids) {
    const auto it = std::find_if(run.replications.begin(), run.replications.end(),
                                 [id](const ReplicationResult& r) { return r.id == id; });
    out.push_back(it == run.replications.end() ? kNaN : value_of(it->indicators, scope, row));
  }
  return out;
}

Difference difference_of(const ComparedRun& base, const ComparedRun& variant, const VariantPairing& pairing,
                         const std::string& scope, const RowSpec& row) {
  if (pairing.pairing == Pairing::Paired) {
    return paired_difference(values_at(base, pairing.common_ids, scope, row),
                             values_at(variant, pairing.common_ids, scope, row));
  }
  return welch_difference(values_of(base, scope, row), values_of(variant, scope, row));
}

// Per replication, the sum of the long-stay indicators of `scope` (NaN if one is missing).
std::vector<double> long_stay_sum(const ComparedRun& run, const std::vector<std::uint32_t>& ids,
                                  const std::string& scope) {
  std::vector<double> sum(ids.size(), 0.0);
  for (const char* name : kLongStayIndicators) {
    const std::vector<double> part =
        values_at(run, ids, scope, RowSpec{name, model::IndicatorShape::Scalar, "", 0, ""});
    for (std::size_t i = 0; i < sum.size(); ++i) sum[i] += part[i];
  }
  return sum;
}

std::vector<std::uint32_t> all_ids(const ComparedRun& run) {
  std::vector<std::uint32_t> ids;
  for (const ReplicationResult& r : run.replications) ids.push_back(r.id);
  return ids;
}

CostPerAvoided cost_per_avoided(const ComparedRun& base, const ComparedRun& variant, const VariantPairing& pairing,
                                const std::string& scope, std::size_t family_size) {
  CostPerAvoided out;
  const RowSpec cost{kCostIndicator, model::IndicatorShape::Map, kCostKey, 0, kCostKey};
  const bool paired = pairing.pairing == Pairing::Paired;
  const std::vector<std::uint32_t> base_ids = paired ? pairing.common_ids : all_ids(base);
  const std::vector<std::uint32_t> variant_ids = paired ? pairing.common_ids : all_ids(variant);
  const std::vector<double> stay_base = long_stay_sum(base, base_ids, scope);
  const std::vector<double> stay_variant = long_stay_sum(variant, variant_ids, scope);
  const std::vector<double> cost_base = values_at(base, base_ids, scope, cost);
  const std::vector<double> cost_variant = values_at(variant, variant_ids, scope, cost);
  out.long_stay = paired ? paired_difference(stay_base, stay_variant) : welch_difference(stay_base, stay_variant);
  out.cost = paired ? paired_difference(cost_base, cost_variant) : welch_difference(cost_base, cost_variant);
  if (stay_base.size() < 2 || stay_variant.size() < 2) {
    out.status = CostPerAvoided::Status::TooFew;
    return out;
  }
  if (std::isnan(out.long_stay.p_value) || std::isnan(out.cost.mean)) return out;  // Unavailable
  // The sum is not one of the family's rows: it is tested at the family's strictest Holm
  // threshold, alpha / m (Bonferroni), so a "clear" here is at least as sure as any mark.
  out.long_stay_bonferroni_p =
      std::min(1.0, out.long_stay.p_value * static_cast<double>(std::max<std::size_t>(family_size, 1)));
  if (!(out.long_stay_bonferroni_p < kFamilyAlpha)) {
    out.status = CostPerAvoided::Status::NotClear;
    return out;
  }
  if (!(out.long_stay.mean < 0)) {  // more long-stay inpatients: a cost per one avoided means nothing
    out.status = CostPerAvoided::Status::NoFall;
    return out;
  }
  if (!paired) {
    out.status = CostPerAvoided::Status::NotPaired;
    return out;
  }
  out.status = CostPerAvoided::Status::Shown;
  out.ratio = paired_ratio_bootstrap(cost_base, cost_variant, stay_base, stay_variant);
  return out;
}

ComparisonView compare_view(const std::vector<ComparedRun>& runs, const std::vector<VariantPairing>& pairings,
                            const model::IndicatorDictionary& dictionary, std::string id, std::string name) {
  ComparisonView view;
  view.id = std::move(id);
  view.name = std::move(name);
  for (const RowSpec& spec : row_specs(runs, view.id, dictionary)) {
    ComparisonRow row;
    row.indicator = spec.indicator;
    row.shape = spec.shape;
    row.key = spec.label;
    const model::IndicatorRow* declared = dictionary.find(spec.indicator);
    row.unit = declared != nullptr ? declared->unit : "";
    row.headline = headline_row(dictionary, spec.indicator, spec.shape == model::IndicatorShape::Map ? spec.key : "");
    for (std::size_t r = 0; r < runs.size(); ++r) {
      ScenarioCell cell;
      cell.summary = summarise_values(values_of(runs[r], view.id, spec));
      if (r > 0) cell.difference = difference_of(runs.front(), runs[r], pairings[r - 1], view.id, spec);
      row.cells.push_back(cell);
    }
    view.family_size += row.headline ? 1 : 0;
    view.rows.push_back(std::move(row));
  }
  // Holm across the view's headline rows, for each variant on its own.
  for (std::size_t r = 1; r < runs.size(); ++r) {
    std::vector<double> p;
    std::vector<std::size_t> at;
    for (std::size_t i = 0; i < view.rows.size(); ++i) {
      if (!view.rows[i].headline) continue;
      p.push_back(view.rows[i].cells[r].difference.p_value);
      at.push_back(i);
    }
    const std::vector<double> adjusted = holm_adjusted(p);
    for (std::size_t k = 0; k < at.size(); ++k) {
      ScenarioCell& cell = view.rows[at[k]].cells[r];
      cell.holm_p = adjusted[k];
      cell.clear = adjusted[k] < kFamilyAlpha;
    }
    view.cost_per_avoided.push_back(
        cost_per_avoided(runs.front(), runs[r], pairings[r - 1], view.id, view.family_size));
  }
  return view;
}

}  // namespace

bool headline_row(const model::IndicatorDictionary& dictionary, const std::string& indicator, const std::string& key) {
  const model::IndicatorRow* r = dictionary.find(indicator);
  if (r == nullptr || !r->headline) return false;
  if (r->shape != model::IndicatorShape::Map) return true;
  const bool has_total = std::find(r->keys.begin(), r->keys.end(), "total") != r->keys.end();
  return !has_total || key == "total";
}

VariantPairing pairing_of(const ComparedRun& base, const ComparedRun& variant) {
  VariantPairing out;
  if (base.seed != variant.seed) return out;
  std::vector<std::uint32_t> a = all_ids(base), b = all_ids(variant);
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out.common_ids));
  if (out.common_ids.size() < 2) {
    out.common_ids.clear();
    return out;
  }
  out.pairing = Pairing::Paired;
  return out;
}

Comparison compare_runs(const std::vector<ComparedRun>& runs, bool by_municipality) {
  if (runs.size() < 2) throw engine::UsageError("compare_runs: needs a base and at least one variant");
  for (const ComparedRun& run : runs)
    if (run.replications.empty()) throw engine::UsageError("compare_runs: " + run.path + " holds no replication");
  Comparison out;
  out.dictionary = &runs.front().replications.front().indicators.dictionary();
  for (std::size_t r = 1; r < runs.size(); ++r) out.pairings.push_back(pairing_of(runs.front(), runs[r]));
  out.views.push_back(compare_view(runs, out.pairings, *out.dictionary, "", ""));
  if (by_municipality) {
    for (const model::MunicipalityIndicators& m : runs.front().replications.front().indicators.by_municipality)
      out.views.push_back(compare_view(runs, out.pairings, *out.dictionary, m.id, m.name));
  }
  return out;
}

}  // namespace caresim::runner
