#pragma once
// The comparison as flat rows, one per (view, indicator, key, run): what `caresim compare
// --csv` prints and what `--xlsx` writes, one sheet per view (columns: docs/compare-json.md,
// "CSV and xlsx").
#include <string>
#include <vector>

#include "runner/compare_text.hpp"

namespace caresim::runner {

/** One cell: a number (NaN: empty) or a text. */
struct FlatCell {
  bool is_number = false;
  double number = 0;
  std::string text;
};

/** The position of the `unit` column in flat_columns() and flat_rows(). */
inline constexpr std::size_t kFlatUnitColumn = 6;

/** The column names: stable English names (CSV), or Japanese headers (xlsx). */
std::vector<std::string> flat_columns(Language language);

/** The rows of `view`, in the order of its rows and runs; labels in `language`. */
std::vector<std::vector<FlatCell>> flat_rows(const ComparisonView& view, const Comparison& comparison,
                                             const std::vector<ComparedRun>& runs, Language language);

/** The name of `view` as a sheet's: "region" / "圏域全体", or the municipality's id / name. */
std::string view_name(const ComparisonView& view, Language language);

/** The CSV document (RFC 4180: CRLF line ends, fields with a comma, quote or line end
 *  quoted, quotes doubled), UTF-8 starting with a byte-order mark so that Excel reads
 *  Japanese text as UTF-8: the English column names, then the rows of every view.
 *  Numbers are written so they read back as the same doubles; undefined ones are empty. */
std::string compare_csv(const Comparison& comparison, const std::vector<ComparedRun>& runs, Language language);

}  // namespace caresim::runner
