#include "runner/summary_text.hpp"

#include <algorithm>
#include <array>

#include "runner/fiscal_years.hpp"
#include "runner/number_format.hpp"

namespace caresim::runner {

namespace {

constexpr std::size_t kColumns = 7;  // label, unit, mean, half-width, min, max, n
using Row = std::array<std::string, kColumns>;

/** A scope's table before it is aligned: a heading (empty for none) and its rows. */
struct Table {
  std::string heading;
  std::vector<Row> rows;
};

Row header(Language language) {
  if (language == Language::Japanese) return {"指標", "単位", "平均", "95%信頼区間の半幅", "最小", "最大", "n"};
  return {"indicator", "unit", "mean", "±95% half-width", "min", "max", "n"};
}

Row numbers(std::string label, std::string unit_text, const Summary& s, std::string_view unit) {
  return {std::move(label),           std::move(unit_text),
          format_value(s.mean, unit), format_value(s.half_width, unit),
          format_value(s.min, unit),  format_value(s.max, unit),
          std::to_string(s.n)};
}

std::vector<Row> rows_of(const ScopeSummary& scope, const model::IndicatorDictionary& dictionary, Language language) {
  std::vector<Row> rows;
  for (const IndicatorSummary& ind : scope.indicators) {
    const model::IndicatorRow* declared = dictionary.find(ind.name);
    std::string label = ind.name;  // an indicator of an older results file the dictionary no longer has
    std::string unit;
    if (declared != nullptr) {
      const std::string& l = language == Language::Japanese ? declared->label_ja : declared->label_en;
      if (!l.empty()) label = l;
      unit = declared->unit;
    }
    const std::string unit_text = unit_label(unit, language);
    if (ind.shape == model::IndicatorShape::Scalar) {
      rows.push_back(numbers(label, unit_text, ind.entries.at(0).second, unit));
      continue;
    }
    rows.push_back(Row{label, unit_text, "", "", "", "", ""});
    for (std::size_t i = 0; i < ind.entries.size(); ++i) {
      std::string key = ind.entries[i].first;
      if (ind.shape == model::IndicatorShape::Array)
        key = declared != nullptr && i < declared->keys.size() ? declared->keys[i] : std::to_string(i + 1);
      std::string indented = "  ";
      indented += key_label(key, language);
      rows.push_back(numbers(std::move(indented), "", ind.entries[i].second, unit));
    }
  }
  return rows;
}

std::string heading_of(const ScopeSummary& scope, Language language) {
  if (scope.id.empty()) return language == Language::Japanese ? "圏域全体" : "Region";
  if (scope.name.empty() || scope.name == scope.id) return scope.id;
  return language == Language::Japanese ? scope.name + " (" + scope.id + ")" : scope.id + " (" + scope.name + ")";
}

}  // namespace

std::string key_label(const std::string& key, Language language) {
  if (const auto year = fiscal_year_of_label(key)) return fiscal_year_text(*year, language);
  constexpr std::string_view month = "month ";
  if (language == Language::Japanese && key.starts_with(month) && key.size() > month.size() &&
      key.find_first_not_of("0123456789", month.size()) == std::string::npos) {
    return key.substr(month.size()) + "か月目";
  }
  return key;
}

std::string summary_text(const RunSummary& summary, const TextOptions& options) {
  const Language language = options.language;
  std::vector<Table> tables;
  tables.push_back({options.by_municipality ? heading_of(summary.region, language) : "",
                    rows_of(summary.region, *summary.dictionary, language)});
  if (options.by_municipality) {
    for (const ScopeSummary& m : summary.municipalities)
      tables.push_back({heading_of(m, language), rows_of(m, *summary.dictionary, language)});
  }
  // One set of widths for every table, so the municipalities' columns line up with the
  // region's.
  const Row head = header(language);
  std::array<std::size_t, kColumns> width{};
  for (std::size_t c = 0; c < kColumns; ++c) width[c] = display_width(head[c]);
  for (const Table& t : tables)
    for (const Row& r : t.rows)
      for (std::size_t c = 0; c < kColumns; ++c) width[c] = std::max(width[c], display_width(r[c]));

  const auto line = [&](const Row& r) {
    std::string out = pad_right(r[0], width[0]) + "  " + pad_right(r[1], width[1]);
    for (std::size_t c = 2; c < kColumns; ++c) {
      out += "  ";
      out += pad_left(r[c], width[c]);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out;
  for (std::size_t i = 0; i < tables.size(); ++i) {
    if (i > 0) out += "\n";
    if (!tables[i].heading.empty()) out += tables[i].heading + "\n";
    out += line(head);
    for (const Row& r : tables[i].rows) out += line(r);
  }
  return out;
}

}  // namespace caresim::runner
