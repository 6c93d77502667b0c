#include "runner/indicator_summary.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "engine/stats/confidence_interval.hpp"
#include "engine/stats/tally.hpp"

namespace caresim::runner {

namespace {

void flatten(const model::IndicatorTable& table, std::vector<std::pair<std::string, double>>& out) {
  for (const auto& [name, value] : table.entries) {
    switch (value.shape) {
      case model::IndicatorValue::Shape::Scalar:
        out.emplace_back(name, value.scalar);
        break;
      case model::IndicatorValue::Shape::Map:
        for (const auto& [key, v] : value.map) out.emplace_back(name + "." + key, v);
        break;
      case model::IndicatorValue::Shape::Array:
        for (std::size_t i = 0; i < value.array.size(); ++i)
          out.emplace_back(name + "[" + std::to_string(i + 1) + "]", value.array[i]);
        break;
    }
  }
}

}  // namespace

std::vector<SummaryRow> summarise(const std::vector<ReplicationResult>& results) {
  std::vector<SummaryRow> rows;
  std::map<std::string, std::size_t> index;
  for (const auto& r : results) {
    std::vector<std::pair<std::string, double>> flat;
    flatten(r.indicators, flat);
    for (const auto& [name, v] : flat) {
      auto [it, inserted] = index.emplace(name, rows.size());
      if (inserted) rows.push_back(SummaryRow{name, {}, 0, 0, 0, 0});
      rows[it->second].values.push_back(v);
    }
  }
  for (auto& row : rows) {
    engine::Tally t;
    for (double v : row.values)
      if (!std::isnan(v)) t.add(v);
    row.mean = t.count() > 0 ? t.mean() : std::nan("");
    row.half_width = t.count() > 1 ? engine::student_t_interval(t, 0.95).half_width : 0.0;
    row.min = t.count() > 0 ? t.min() : std::nan("");
    row.max = t.count() > 0 ? t.max() : std::nan("");
  }
  return rows;
}

std::string summary_text(const std::vector<SummaryRow>& rows, std::size_t replications) {
  std::string out;
  char line[256];
  std::snprintf(line, sizeof line, "%-44s %14s %12s %14s %14s\n", "indicator", "mean",
                replications > 1 ? "+-95% CI" : "", "min", "max");
  out += line;
  for (const auto& r : rows) {
    std::snprintf(line, sizeof line, "%-44s %14.6g %12.4g %14.6g %14.6g\n", r.name.c_str(), r.mean, r.half_width, r.min,
                  r.max);
    out += line;
  }
  return out;
}

std::string summary_json(const std::vector<SummaryRow>& rows, const std::vector<ReplicationResult>& results,
                         const std::string& scenario_name, const std::string& scenario_hash, unsigned long long seed) {
  using Json = nlohmann::ordered_json;
  Json summary = Json::object();
  for (const auto& r : rows) {
    Json row = Json::object();
    row["mean"] = r.mean;
    row["ci95_half_width"] = r.half_width;
    row["min"] = r.min;
    row["max"] = r.max;
    summary[r.name] = std::move(row);
  }
  Json by_replication = Json::array();
  for (const auto& r : results) {
    Json replication = Json::object();
    replication["replication"] = r.id;
    replication["events"] = r.events;
    replication["table"] = r.indicators.to_json_value();
    by_replication.push_back(std::move(replication));
  }
  Json out = Json::object();
  out["model_version"] = model::model_version;
  out["scenario"] = scenario_name;
  out["scenario_hash"] = scenario_hash;
  out["seed"] = seed;
  out["replications"] = results.size();
  out["summary"] = std::move(summary);
  out["by_replication"] = std::move(by_replication);
  // A name from an older results file may hold bytes that are not UTF-8: replaced by
  // U+FFFD rather than thrown at or passed through, so the output is always valid JSON.
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace caresim::runner
