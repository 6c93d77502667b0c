#include "runner/compare_text.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "runner/fiscal_years.hpp"
#include "runner/number_format.hpp"
#include "runner/summary_text.hpp"

namespace caresim::runner {

namespace {

constexpr std::size_t kColumns = 6;  // run, mean, half-width, difference, its interval, mark
using Row = std::array<std::string, kColumns>;

bool japanese(Language language) {
  return language == Language::Japanese;
}

Row header(Language language) {
  if (japanese(language)) return {"シナリオ", "平均", "95%半幅", "基準との差", "差の95%信頼区間", ""};
  return {"run", "mean", "±95%", "difference", "95% CI of difference", ""};
}

std::string interval_text(double low, double high, std::string_view unit) {
  if (std::isnan(low) || std::isnan(high)) return std::string(kNotAvailable);
  // Appended, not `"[" + ...`: g++ 12 warns a false -Wrestrict on a literal + temporary.
  std::string text(1, '[');
  text.append(format_value(low, unit)).append(", ").append(format_value(high, unit)).push_back(']');
  return text;
}

std::string half_width_text(double half, std::string_view unit) {
  if (std::isnan(half)) return std::string(kNotAvailable);
  std::string text("±");
  return text.append(format_value(half, unit));
}

std::string role_text(std::size_t index, Language language) {
  if (index == 0) return japanese(language) ? "基準" : "base";
  return (japanese(language) ? "案" : "variant ") + std::to_string(index);
}

std::string view_heading(const ComparisonView& view, Language language) {
  if (view.id.empty()) return japanese(language) ? "圏域全体" : "Region";
  if (view.name.empty() || view.name == view.id) return view.id;
  return japanese(language) ? view.name + " (" + view.id + ")" : view.id + " (" + view.name + ")";
}

std::string with_unit(const std::string& label, const std::string& unit, Language language) {
  if (unit.empty()) return label;
  return japanese(language) ? label + "（" + unit_label(unit, language) + "）" : label + " (" + unit + ")";
}

constexpr std::size_t kTerminalColumns = 100;

// `text` as lines of at most kTerminalColumns display columns (a longer word stays whole),
// the later ones after `indent`; lines break at spaces and after Japanese 、 and 。
std::string wrapped(const std::string& text, const std::string& indent) {
  std::vector<std::string> pieces;  // each ends at a break point
  std::string piece;
  for (std::size_t i = 0; i < text.size(); ++i) {
    piece += text[i];
    const bool space = text[i] == ' ';
    const bool comma = piece.ends_with("、") || piece.ends_with("。");
    if (space || comma) {
      pieces.push_back(piece);
      piece.clear();
    }
  }
  if (!piece.empty()) pieces.push_back(piece);
  std::string out, line;
  for (const std::string& p : pieces) {
    std::string trimmed = line + p;
    while (trimmed.ends_with(" ")) trimmed.pop_back();
    if (!line.empty() && display_width(trimmed) > kTerminalColumns) {
      while (line.ends_with(" ")) line.pop_back();
      out.append(line).append("\n");
      line = indent;
    }
    line += p;
  }
  while (line.ends_with(" ")) line.pop_back();
  return out.append(line).append("\n");
}

// The run column is never cut narrower than this.
constexpr std::size_t kShortestRunColumn = 12;

// `text` cut to at most `width` display columns, ending in … when cut.
std::string cut_to_width(const std::string& text, std::size_t width) {
  if (display_width(text) <= width) return text;
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t next = i + 1;
    while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
    const std::string character = text.substr(i, next - i);
    if (display_width(out + character) + 1 > width) break;  // room for the …
    out += character;
    i = next;
  }
  return out + "…";
}

// The lines of one view before they are aligned: a heading line has only column 0 and
// `spanning` set.
struct Line {
  Row cells;
  bool spanning = false;
};

std::vector<Line> view_lines(const ComparisonView& view, const std::vector<ComparedRun>& runs,
                             const model::IndicatorDictionary& dictionary, Language language) {
  std::vector<Line> lines;
  std::string open_indicator;
  for (const ComparisonRow& row : view.rows) {
    std::string indent = "  ";
    if (row.shape != model::IndicatorShape::Scalar) {
      if (row.indicator != open_indicator) {
        lines.push_back(
            {{with_unit(indicator_label(dictionary, row.indicator, language, true), row.unit, language)}, true});
      }
      lines.push_back({{"  " + row_key_label(row, language) + (row.headline ? " ★" : "")}, true});
      indent = "    ";
    } else {
      lines.push_back(
          {{with_unit(indicator_label(dictionary, row.indicator, language, true), row.unit, language)}, true});
    }
    open_indicator = row.indicator;
    for (std::size_t r = 0; r < row.cells.size(); ++r) {
      const ScenarioCell& c = row.cells[r];
      Row cells{indent + run_label(runs[r]),
                format_value(c.summary.mean, row.unit),
                half_width_text(c.summary.half_width, row.unit),
                "",
                "",
                ""};
      if (r > 0) {
        cells[3] = format_value(c.difference.mean, row.unit);
        cells[4] = interval_text(c.difference.ci_low, c.difference.ci_high, row.unit);
        if (c.clear) cells[5] = japanese(language) ? "明確な差" : "clear";
      }
      lines.push_back({cells, false});
    }
  }
  return lines;
}

std::string cost_lines(const ComparisonView& view, const std::vector<ComparedRun>& runs, Language language) {
  const bool ja = japanese(language);
  std::string out =
      ja ? "長期入院患者1人減当たりの費用（cost_yen.total の差 ÷ 長期入院患者数（65歳未満＋65歳以上）の減少、"
           "反復の組のパーセンタイル・ブートストラップ "
         : "Cost per long-stay inpatient avoided (difference of cost_yen.total / fall of the long-stay "
           "inpatients, under 65 + 65 plus; percentile bootstrap over replication pairs, ";
  out += std::to_string(kBootstrapResamples) + (ja ? " 回、シード " : " resamples, seed ") +
         std::to_string(kBootstrapSeed) + (ja ? "）" : "):");
  out = wrapped(out, "");
  for (std::size_t v = 0; v < view.cost_per_avoided.size(); ++v) {
    const CostPerAvoided& c = view.cost_per_avoided[v];
    std::string line = "  " + run_label(runs[v + 1]) + ": ";
    if (c.status == CostPerAvoided::Status::Shown) {
      line += format_yen(c.ratio.estimate) + (ja ? "／人・年 " : " per inpatient per year ") +
              interval_text(c.ratio.ci_low, c.ratio.ci_high, "yen per year") +
              (ja ? "（長期入院患者数の差 " : " (long-stay difference ") + format_number(c.long_stay.mean) + " " +
              interval_text(c.long_stay.ci_low, c.long_stay.ci_high, "people") + (ja ? "）" : ")");
    } else {
      line += cost_per_avoided_note(c, language);
    }
    out += wrapped(line, "    ");
  }
  return out;
}

}  // namespace

std::string run_label(const ComparedRun& run) {
  std::string name =
      run.path.substr(run.path.find_last_of('/') == std::string::npos ? 0 : run.path.find_last_of('/') + 1);
  if (name.size() > 3 && name.ends_with(".h5")) name.resize(name.size() - 3);
  return name;
}

std::string indicator_label(const model::IndicatorDictionary& dictionary, const std::string& name, Language language,
                            bool star) {
  const model::IndicatorRow* declared = dictionary.find(name);
  if (declared == nullptr) return name;
  const std::string& label = japanese(language) ? declared->label_ja : declared->label_en;
  return (star && declared->headline ? "★ " : "") + (label.empty() ? name : label);
}

std::string row_key_label(const ComparisonRow& row, Language language) {
  return key_label(row.key, language);
}

std::string pairing_text(const VariantPairing& pairing, const ComparedRun& base, const ComparedRun& variant,
                         Language language) {
  const bool ja = japanese(language);
  if (pairing.pairing == Pairing::Paired) {
    return ja ? "対応あり（共通乱数）：共通の反復 " + std::to_string(pairing.common_ids.size()) + " 組、シード " +
                    std::to_string(base.seed)
              : "paired (common random numbers) on " + std::to_string(pairing.common_ids.size()) +
                    " common replications, seed " + std::to_string(base.seed);
  }
  const std::string why = base.seed != variant.seed
                              ? (ja ? "シード " + std::to_string(base.seed) + " と " + std::to_string(variant.seed)
                                    : "seeds " + std::to_string(base.seed) + " and " + std::to_string(variant.seed))
                              : (ja ? "共通の反復が2未満" : "fewer than two common replication ids");
  return ja ? "Welch（独立な実行：" + why + "）" : "Welch (independent runs: " + why + ")";
}

std::string cost_per_avoided_note(const CostPerAvoided& c, Language language) {
  const bool ja = japanese(language);
  switch (c.status) {
    case CostPerAvoided::Status::Shown:
      return "";
    case CostPerAvoided::Status::NotClear:
      return (ja ? "表示しない：長期入院患者数の差 " : "not shown: the long-stay difference ") +
             format_number(c.long_stay.mean) + " " + interval_text(c.long_stay.ci_low, c.long_stay.ci_high, "people") +
             (ja ? " は明確でない" : " is not clear") + " (p × m = " + format_number(c.long_stay_bonferroni_p) + ")";
    case CostPerAvoided::Status::NoFall:
      return (ja ? "表示しない：長期入院患者数が明確に増えている "
                 : "not shown: long-stay inpatients clearly rise, by ") +
             format_number(c.long_stay.mean) + " " + interval_text(c.long_stay.ci_low, c.long_stay.ci_high, "people") +
             (ja ? "（減った人がいない）" : " (nobody is avoided)");
    case CostPerAvoided::Status::TooFew:
      return ja ? "表示しない：反復が2未満の実行がある（区間がない）"
                : "not shown: a run has fewer than two replications (no interval)";
    case CostPerAvoided::Status::NotPaired:
      return ja ? "表示しない：対応のない実行（Welch）では反復の組がない"
                : "not shown: the runs are not paired (Welch), so there are no replication pairs to resample";
    case CostPerAvoided::Status::Unavailable:
      break;
  }
  return ja ? "表示しない：cost_yen.total または長期入院患者数の値がない"
            : "not shown: a run has no cost_yen.total or long-stay values";
}

std::string compare_text(const Comparison& comparison, const std::vector<ComparedRun>& runs,
                         const CompareContext& context) {
  const Language language = context.language;
  const bool ja = japanese(language);
  std::string out = ja ? "caresim compare: " + std::to_string(runs.size()) + " 件の実行"
                       : "caresim compare: " + std::to_string(runs.size()) + " runs";
  const std::string years = fiscal_years_text(context.fiscal_years, language);
  if (!years.empty()) out += ja ? "、報告期間 " + years : ", report window " + years;
  out += "\n";
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const std::string& name =
        ja && !runs[r].scenario_name_ja.empty() ? runs[r].scenario_name_ja : runs[r].scenario_name;
    out += wrapped("  " + role_text(r, language) + " " + run_label(runs[r]) + ": " + runs[r].path + " — " + name +
                       " (" + (ja ? "シード " : "seed ") + std::to_string(runs[r].seed) + ", " +
                       std::to_string(runs[r].replications.size()) + (ja ? " 反復)" : " replications)"),
                   "    ");
    if (r > 0) out += wrapped("    " + pairing_text(comparison.pairings[r - 1], runs[0], runs[r], language), "    ");
  }
  const std::size_t family = comparison.views.front().family_size;
  out += wrapped(ja ? "差は案−基準とその95%信頼区間。「明確な差」は★の主要指標のうち、各表・各案ごとに " +
                          std::to_string(family) +
                          " 行にわたる Holm 補正後の p < 0.05 のもの。ほかの行は区間のみ（判定しない）。"
                    : "Differences are variant − base with their 95% intervals. \"clear\" marks a ★ headline row whose "
                      "Holm-adjusted p < 0.05 across its " +
                          std::to_string(family) +
                          " headline rows (per table and variant); other rows show their intervals unmarked.",
                 "");
  const Row head = header(language);
  for (const ComparisonView& view : comparison.views) {
    const std::vector<Line> lines = view_lines(view, runs, *comparison.dictionary, language);
    std::array<std::size_t, kColumns> width{};
    for (std::size_t c = 0; c < kColumns; ++c) width[c] = display_width(head[c]);
    for (const Line& l : lines)
      if (!l.spanning)
        for (std::size_t c = 0; c < kColumns; ++c) width[c] = std::max(width[c], display_width(l.cells[c]));
    // Long file names give way to the numbers: the run column shrinks (names cut with …,
    // the header above lists them whole) so a line fits kTerminalColumns.
    std::size_t numbers = 0;
    for (std::size_t c = 1; c < kColumns; ++c) numbers += 2 + width[c];
    if (width[0] + numbers > kTerminalColumns)
      width[0] = std::max(kShortestRunColumn, kTerminalColumns > numbers ? kTerminalColumns - numbers : 0);
    const auto line = [&](const Row& r) {
      std::string text = pad_right(cut_to_width(r[0], width[0]), width[0]);
      for (std::size_t c = 1; c < kColumns - 1; ++c) text.append("  ").append(pad_left(r[c], width[c]));
      text.append("  ").append(r[kColumns - 1]);
      while (!text.empty() && text.back() == ' ') text.pop_back();
      return text + "\n";
    };
    out.append("\n").append(view_heading(view, language)).append("\n").append(line(head));
    for (const Line& l : lines) out.append(l.spanning ? l.cells[0] + "\n" : line(l.cells));
    out.append("\n").append(cost_lines(view, runs, language));
  }
  return out;
}

}  // namespace caresim::runner
