#include "cli/compare_xlsx.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>

#include "io/atomic_target.hpp"
#include "io/trace_error.hpp"

namespace caresim::cli {

namespace {

// Excel's limit, in characters (not bytes): names are cut at a UTF-8 character boundary.
constexpr std::size_t kSheetNameCharacters = 31;

std::string cut_to_characters(const std::string& text, std::size_t characters) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool starts_character = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (starts_character && count++ == characters) return text.substr(0, i);
  }
  return text;
}

void check(lxw_error status, const std::string& path, const std::string& what) {
  if (status != LXW_NO_ERROR) throw io::TraceError(path, what + ": " + lxw_strerror(status));
}

}  // namespace

std::string sheet_name(const std::string& wanted, std::vector<std::string>& taken) {
  std::string clean;
  for (const char c : wanted) clean += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '_';
  if (clean.empty() || clean.front() == '\'' || clean.back() == '\'') clean = "_" + clean + "_";
  std::string name = cut_to_characters(clean, kSheetNameCharacters);
  for (int n = 2; std::find(taken.begin(), taken.end(), name) != taken.end(); ++n) {
    const std::string suffix = " (" + std::to_string(n) + ")";
    name = cut_to_characters(clean, kSheetNameCharacters - suffix.size()) + suffix;
  }
  taken.push_back(name);
  return name;
}

void write_compare_xlsx(const std::string& path, bool force, const runner::Comparison& comparison,
                        const std::vector<runner::ComparedRun>& runs, runner::Language language) {
  io::detail::AtomicTarget target(path, force, true, io::detail::Replaceable::AnyFile);
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  lxw_workbook* book = workbook_new_opt(target.temporary().c_str(), &options);
  if (book == nullptr) throw io::TraceError(path, "cannot start the workbook (libxlsxwriter)");
  bool closed = false;
  try {
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    lxw_format* yen = workbook_add_format(book);
    format_set_num_format(yen, "#,##0");
    const std::vector<std::string> header = runner::flat_columns(runner::Language::Japanese);
    std::vector<std::string> taken;
    for (const runner::ComparisonView& view : comparison.views) {
      const std::string name = sheet_name(runner::view_name(view, runner::Language::Japanese), taken);
      lxw_worksheet* sheet = workbook_add_worksheet(book, name.c_str());
      if (sheet == nullptr) throw io::TraceError(path, "cannot add the sheet \"" + name + "\" (libxlsxwriter)");
      for (std::size_t c = 0; c < header.size(); ++c)
        check(worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), header[c].c_str(), bold), path,
              "writing the headers");
      lxw_row_t r = 1;
      for (const std::vector<runner::FlatCell>& row : runner::flat_rows(view, comparison, runs, language)) {
        const bool in_yen = row[runner::kFlatUnitColumn].text.starts_with("yen");
        for (std::size_t c = 0; c < row.size(); ++c) {
          const auto col = static_cast<lxw_col_t>(c);
          const runner::FlatCell& cell = row[c];
          if (cell.is_number) {
            if (!std::isfinite(cell.number)) continue;  // undefined: an empty cell
            check(worksheet_write_number(sheet, r, col, cell.number, in_yen ? yen : nullptr), path, "writing a number");
          } else if (!cell.text.empty()) {
            check(worksheet_write_string(sheet, r, col, cell.text.c_str(), nullptr), path, "writing a text");
          }
        }
        ++r;
      }
      worksheet_freeze_panes(sheet, 1, 0);
    }
    closed = true;
    check(workbook_close(book), path, "writing the workbook");
  } catch (...) {
    if (!closed) workbook_close(book);  // frees it; the temporary file is deleted by `target`
    throw;
  }
  target.commit();
}

}  // namespace caresim::cli
