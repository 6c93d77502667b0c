#include "runner/indicator_summary.hpp"

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "engine/stats/confidence_interval.hpp"
#include "engine/stats/tally.hpp"

namespace caresim::runner {

namespace {

using Json = nlohmann::ordered_json;

/** The values of one indicator over replications, gathered before they are summarised. */
struct Gathered {
  std::string name;
  model::IndicatorShape shape = model::IndicatorShape::Scalar;
  std::vector<std::pair<std::string, std::vector<double>>> entries;
  std::map<std::string, std::size_t> index;  // map key -> entry

  std::vector<double>& entry(const std::string& key) {
    auto [it, inserted] = index.emplace(key, entries.size());
    if (inserted) entries.emplace_back(key, std::vector<double>{});
    return entries[it->second].second;
  }
};

/** The indicators of one scope as they are gathered, in the order they first appear. */
struct GatheredScope {
  std::string id, name;
  std::vector<Gathered> indicators;
  std::map<std::string, std::size_t> index;

  void add(const model::IndicatorTable& table) {
    for (const auto& [name, value] : table.entries) {
      auto [it, inserted] = index.emplace(name, indicators.size());
      if (inserted) indicators.push_back(Gathered{name, value.shape, {}, {}});
      Gathered& g = indicators[it->second];
      switch (value.shape) {
        case model::IndicatorShape::Scalar:
          g.entry("").push_back(value.scalar);
          break;
        case model::IndicatorShape::Map:
          for (const auto& [key, v] : value.map) g.entry(key).push_back(v);
          break;
        case model::IndicatorShape::Array:
          for (std::size_t i = 0; i < value.array.size(); ++i) {
            if (i == g.entries.size()) g.entries.emplace_back("", std::vector<double>{});
            g.entries[i].second.push_back(value.array[i]);
          }
          break;
      }
    }
  }

  ScopeSummary summary() const {
    ScopeSummary s{id, name, {}};
    for (const Gathered& g : indicators) {
      IndicatorSummary out{g.name, g.shape, {}};
      for (const auto& [key, values] : g.entries) out.entries.emplace_back(key, summarise_values(values));
      s.indicators.push_back(std::move(out));
    }
    return s;
  }
};

Json leaf_json(const Summary& s) {
  // Undefined statistics are NaN here and null in the document (the serializer writes
  // every non-finite double as null).
  Json o = Json::object();
  o["mean"] = s.mean;
  o["sd"] = s.sd;
  o["ci_low"] = s.ci_low;
  o["ci_high"] = s.ci_high;
  o["n"] = s.n;
  o["min"] = s.min;
  o["max"] = s.max;
  return o;
}

Json scope_json(const ScopeSummary& scope) {
  Json o = Json::object();
  for (const IndicatorSummary& ind : scope.indicators) {
    switch (ind.shape) {
      case model::IndicatorShape::Scalar:
        o[ind.name] = leaf_json(ind.entries.at(0).second);
        break;
      case model::IndicatorShape::Map: {
        Json m = Json::object();
        for (const auto& [key, s] : ind.entries) m[key] = leaf_json(s);
        o[ind.name] = std::move(m);
        break;
      }
      case model::IndicatorShape::Array: {
        Json a = Json::array();
        for (const auto& entry : ind.entries) a.push_back(leaf_json(entry.second));
        o[ind.name] = std::move(a);
        break;
      }
    }
  }
  return o;
}

}  // namespace

Summary summarise_values(const std::vector<double>& values) {
  engine::Tally t;
  for (double v : values)
    if (!std::isnan(v)) t.add(v);
  Summary s;
  s.n = t.count();
  if (s.n == 0) return s;
  s.mean = t.mean();
  s.min = t.min();
  s.max = t.max();
  if (s.n < 2) return s;
  const engine::ConfidenceInterval ci = engine::student_t_interval(t, 0.95);
  s.sd = t.sd();
  s.half_width = ci.half_width;
  s.ci_low = ci.lower;
  s.ci_high = ci.upper;
  return s;
}

const IndicatorSummary* ScopeSummary::find(const std::string& indicator) const {
  for (const IndicatorSummary& s : indicators)
    if (s.name == indicator) return &s;
  return nullptr;
}

RunSummary summarise(const std::vector<ReplicationResult>& results) {
  GatheredScope region;
  std::vector<GatheredScope> municipalities;
  std::map<std::string, std::size_t> index;
  for (const ReplicationResult& r : results) {
    region.add(r.indicators);
    for (const model::MunicipalityIndicators& m : r.indicators.by_municipality) {
      auto [it, inserted] = index.emplace(m.id, municipalities.size());
      if (inserted) municipalities.push_back(GatheredScope{m.id, m.name, {}, {}});
      municipalities[it->second].add(m.table);
    }
  }
  RunSummary out;
  out.region = region.summary();
  for (const GatheredScope& m : municipalities) out.municipalities.push_back(m.summary());
  if (!results.empty()) out.dictionary = &results.front().indicators.dictionary();
  return out;
}

std::string summary_json(const RunSummary& summary, const std::vector<ReplicationResult>& results,
                         const std::string& scenario_name, const std::string& scenario_hash, unsigned long long seed) {
  Json by_municipality = Json::object();
  for (const ScopeSummary& m : summary.municipalities) by_municipality[m.id] = scope_json(m);
  Json by_replication = Json::array();
  for (const auto& r : results) {
    Json table = r.indicators.to_json_value();
    Json replication = Json::object();
    replication["replication"] = r.id;
    replication["events"] = r.events;
    replication["indicators"] = table.at("indicators");
    replication["by_municipality"] = table.at("by_municipality");
    // The layout before issue 15, kept for one release (docs/results-json.md).
    replication["table"] = std::move(table);
    by_replication.push_back(std::move(replication));
  }
  Json out = Json::object();
  out["model_version"] = model::model_version;
  out["scenario"] = scenario_name;
  out["scenario_hash"] = scenario_hash;
  out["seed"] = seed;
  out["replications"] = results.size();
  out["summary"] = scope_json(summary.region);
  out["summary_by_municipality"] = std::move(by_municipality);
  out["by_replication"] = std::move(by_replication);
  // A name from an older results file may hold bytes that are not UTF-8: replaced by
  // U+FFFD rather than thrown at or passed through, so the output is always valid JSON.
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace caresim::runner
