#pragma once
// `caresim compare --xlsx FILE`: the comparison as an Excel workbook (libxlsxwriter), one
// sheet per view with Japanese column headers, written atomically.
#include <string>
#include <vector>

#include "runner/compare_table.hpp"

namespace caresim::cli {

/** Writes the workbook to `path` through a temporary file renamed onto it when complete
 *  (io/atomic_target.hpp): one sheet per view named by view_name() in Japanese (made
 *  valid and unique for Excel: at most 31 characters, none of []:*?/\), a row of the
 *  Japanese column headers (flat_columns()), then flat_rows() with labels in `language`.
 *  An existing `path` is replaced only with `force`. Throws io::TraceError naming the
 *  file; on failure nothing is left at `path`. */
void write_compare_xlsx(const std::string& path, bool force, const runner::Comparison& comparison,
                        const std::vector<runner::ComparedRun>& runs, runner::Language language);

/** A valid, unique Excel sheet name for `wanted` among `taken` (which it is added to). */
std::string sheet_name(const std::string& wanted, std::vector<std::string>& taken);

}  // namespace caresim::cli
