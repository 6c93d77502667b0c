#include "runner/compare_table.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace caresim::runner {

namespace {

struct Column {
  const char* en;
  const char* ja;
};

constexpr std::array<Column, 23> kColumns = {{
    {"view", "表"},
    {"municipality", "市町村ID"},
    {"municipality_name", "市町村名"},
    {"indicator", "指標ID"},
    {"key", "キー"},
    {"label", "指標"},
    {"unit", "単位"},
    {"headline", "主要指標"},
    {"run", "シナリオ"},
    {"file", "ファイル"},
    {"role", "役割"},
    {"n", "反復数"},
    {"mean", "平均"},
    {"ci_low", "95%信頼区間下限"},
    {"ci_high", "95%信頼区間上限"},
    {"difference", "基準との差"},
    {"difference_ci_low", "差の95%信頼区間下限"},
    {"difference_ci_high", "差の95%信頼区間上限"},
    {"method", "方法"},
    {"pairs", "組数"},
    {"p_value", "p値"},
    {"holm_p", "Holm補正p値"},
    {"clear", "明確な差"},
}};

FlatCell text(std::string s) {
  return FlatCell{false, 0, std::move(s)};
}

FlatCell number(double x) {
  return FlatCell{true, x, ""};
}

// The shortest text that reads back as the same double; empty for NaN.
std::string number_text(double x) {
  if (std::isnan(x)) return "";
  std::array<char, 32> buffer{};
  const auto [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), x);
  return std::string(buffer.data(), end);
}

void append_field(std::string& out, const std::string& field) {
  if (field.find_first_of(",\"\r\n") == std::string::npos) {
    out += field;
    return;
  }
  out += '"';
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

std::vector<std::string> flat_columns(Language language) {
  std::vector<std::string> out;
  for (const Column& c : kColumns) out.emplace_back(language == Language::Japanese ? c.ja : c.en);
  return out;
}

std::string view_name(const ComparisonView& view, Language language) {
  if (view.id.empty()) return language == Language::Japanese ? "圏域全体" : "region";
  return language == Language::Japanese && !view.name.empty() ? view.name : view.id;
}

std::vector<std::vector<FlatCell>> flat_rows(const ComparisonView& view, const Comparison& comparison,
                                             const std::vector<ComparedRun>& runs, Language language) {
  std::vector<std::vector<FlatCell>> out;
  for (const ComparisonRow& row : view.rows) {
    for (std::size_t r = 0; r < row.cells.size(); ++r) {
      const ScenarioCell& c = row.cells[r];
      std::vector<FlatCell> cells = {
          text(view.id.empty() ? "region" : "municipality"),
          text(view.id),
          text(view.name),
          text(row.indicator),
          text(row.key),
          text(indicator_label(*comparison.dictionary, row.indicator, language)),
          text(row.unit),
          text(row.headline ? "true" : "false"),
          text(run_label(runs[r])),
          text(runs[r].path),
          text(r == 0 ? "base" : "variant"),
          number(static_cast<double>(c.summary.n)),
          number(c.summary.mean),
          number(c.summary.ci_low),
          number(c.summary.ci_high),
      };
      if (r == 0) {
        for (int i = 0; i < 8; ++i) cells.push_back(text(""));
      } else {
        const Difference& d = c.difference;
        const VariantPairing& p = comparison.pairings[r - 1];
        cells.push_back(number(d.mean));
        cells.push_back(number(d.ci_low));
        cells.push_back(number(d.ci_high));
        cells.push_back(text(std::string(pairing_name(d.pairing))));
        cells.push_back(p.pairing == Pairing::Paired ? number(static_cast<double>(p.common_ids.size())) : text(""));
        cells.push_back(number(d.p_value));
        cells.push_back(number(c.holm_p));
        cells.push_back(text(row.headline ? (c.clear ? "true" : "false") : ""));
      }
      out.push_back(std::move(cells));
    }
  }
  return out;
}

std::string compare_csv(const Comparison& comparison, const std::vector<ComparedRun>& runs, Language language) {
  std::string out = "\xEF\xBB\xBF";
  const std::vector<std::string> columns = flat_columns(Language::English);
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) out += ',';
    append_field(out, columns[i]);
  }
  out += "\r\n";
  for (const ComparisonView& view : comparison.views) {
    for (const std::vector<FlatCell>& row : flat_rows(view, comparison, runs, language)) {
      for (std::size_t i = 0; i < row.size(); ++i) {
        if (i > 0) out += ',';
        append_field(out, row[i].is_number ? number_text(row[i].number) : row[i].text);
      }
      out += "\r\n";
    }
  }
  return out;
}

}  // namespace caresim::runner
