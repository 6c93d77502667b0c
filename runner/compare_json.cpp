#include "runner/compare_json.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "models/indicator_table.hpp"

namespace caresim::runner {

namespace {

using Json = nlohmann::ordered_json;

Json number(double x) {
  return std::isfinite(x) ? Json(x) : Json(nullptr);
}

Json summary_json(const Summary& s) {
  return Json{{"n", s.n},
              {"mean", number(s.mean)},
              {"sd", number(s.sd)},
              {"ci_low", number(s.ci_low)},
              {"ci_high", number(s.ci_high)},
              {"min", number(s.min)},
              {"max", number(s.max)}};
}

Json difference_json(const Difference& d) {
  return Json{{"method", std::string(pairing_name(d.pairing))},
              {"n", d.n},
              {"mean", number(d.mean)},
              {"standard_error", number(d.standard_error)},
              {"dof", number(d.dof)},
              {"ci_low", number(d.ci_low)},
              {"ci_high", number(d.ci_high)},
              {"p_value", number(d.p_value)}};
}

std::string status_name(CostPerAvoided::Status s) {
  switch (s) {
    case CostPerAvoided::Status::Shown:
      return "shown";
    case CostPerAvoided::Status::NotClear:
      return "not_clear";
    case CostPerAvoided::Status::NoFall:
      return "no_fall";
    case CostPerAvoided::Status::NotPaired:
      return "not_paired";
    case CostPerAvoided::Status::TooFew:
      return "too_few_replications";
    case CostPerAvoided::Status::Unavailable:
      break;
  }
  return "unavailable";
}

Json view_json(const ComparisonView& view, const Comparison& comparison) {
  Json rows = Json::array();
  for (const ComparisonRow& row : view.rows) {
    const model::IndicatorRow* declared = comparison.dictionary->find(row.indicator);
    Json runs = Json::array(), differences = Json::array();
    for (std::size_t r = 0; r < row.cells.size(); ++r) {
      const ScenarioCell& c = row.cells[r];
      runs.push_back(summary_json(c.summary));
      if (r == 0) continue;
      Json d = difference_json(c.difference);
      d["run"] = r;
      d["holm_p"] = row.headline ? number(c.holm_p) : Json(nullptr);
      d["clear"] = row.headline && c.clear;
      differences.push_back(std::move(d));
    }
    rows.push_back(Json{{"indicator", row.indicator},
                        {"shape", std::string(model::shape_name(row.shape))},
                        {"key", row.key},
                        {"unit", row.unit},
                        {"label_en", declared != nullptr ? declared->label_en : row.indicator},
                        {"label_ja", declared != nullptr ? declared->label_ja : row.indicator},
                        {"headline", row.headline},
                        {"runs", std::move(runs)},
                        {"differences", std::move(differences)}});
  }
  Json costs = Json::array();
  for (std::size_t v = 0; v < view.cost_per_avoided.size(); ++v) {
    const CostPerAvoided& c = view.cost_per_avoided[v];
    const bool shown = c.status == CostPerAvoided::Status::Shown;
    costs.push_back(Json{{"run", v + 1},
                         {"status", status_name(c.status)},
                         {"yen_per_inpatient", shown ? number(c.ratio.estimate) : Json(nullptr)},
                         {"ci_low", shown ? number(c.ratio.ci_low) : Json(nullptr)},
                         {"ci_high", shown ? number(c.ratio.ci_high) : Json(nullptr)},
                         {"pairs", shown ? Json(c.ratio.pairs) : Json(nullptr)},
                         {"long_stay_difference", difference_json(c.long_stay)},
                         {"long_stay_bonferroni_p", number(c.long_stay_bonferroni_p)},
                         {"cost_difference", difference_json(c.cost)}});
  }
  return Json{{"scope", view.id.empty() ? "region" : "municipality"},
              {"id", view.id.empty() ? Json(nullptr) : Json(view.id)},
              {"name", view.id.empty() ? Json(nullptr) : Json(view.name)},
              {"family_size", view.family_size},
              {"rows", std::move(rows)},
              {"cost_per_long_stay_avoided", std::move(costs)}};
}

}  // namespace

std::string compare_json(const Comparison& comparison, const std::vector<ComparedRun>& runs,
                         const CompareContext& context) {
  Json doc;
  doc["format"] = "caresim-compare";
  doc["format_version"] = 1;
  doc["model_version"] = model::model_version;
  doc["report_fiscal_years"] = context.fiscal_years;
  doc["alpha"] = kFamilyAlpha;
  doc["bootstrap"] =
      Json{{"method", "percentile, paired"}, {"resamples", kBootstrapResamples}, {"seed", kBootstrapSeed}};
  Json run_list = Json::array();
  for (std::size_t r = 0; r < runs.size(); ++r) {
    std::vector<std::uint32_t> ids;
    for (const ReplicationResult& x : runs[r].replications) ids.push_back(x.id);
    run_list.push_back(Json{{"role", r == 0 ? "base" : "variant"},
                            {"file", runs[r].path},
                            {"label", run_label(runs[r])},
                            {"scenario", runs[r].scenario_name},
                            {"scenario_ja", runs[r].scenario_name_ja},
                            {"seed", runs[r].seed},
                            {"replications", ids}});
  }
  doc["runs"] = std::move(run_list);
  Json variants = Json::array();
  for (std::size_t v = 0; v < comparison.pairings.size(); ++v) {
    const VariantPairing& p = comparison.pairings[v];
    variants.push_back(Json{{"run", v + 1},
                            {"method", std::string(pairing_name(p.pairing))},
                            {"pairs", p.common_ids.size()},
                            {"common_replications", p.common_ids},
                            {"description", pairing_text(p, runs.front(), runs[v + 1], Language::English)}});
  }
  doc["variants"] = std::move(variants);
  Json views = Json::array();
  for (const ComparisonView& view : comparison.views) views.push_back(view_json(view, comparison));
  doc["views"] = std::move(views);
  return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace caresim::runner
