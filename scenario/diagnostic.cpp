#include "scenario/diagnostic.hpp"

#include <algorithm>
#include <functional>
#include <tuple>

#include "text/terminal_text.hpp"

namespace caresim::scenario {

std::string Location::to_string() const {
  if (line <= 0) return file;
  return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

std::string Diagnostic::to_string() const {
  // Every part may quote the scenario (a key, a value, a file name): none reaches the
  // terminal unescaped.
  using text::terminal_text;
  std::string text = terminal_text(where.to_string()) + ": ";
  if (!path.empty()) text += terminal_text(path) + ": ";
  text += terminal_text(message);
  if (!hint.empty()) text += "\n  hint: " + terminal_text(hint);
  return text;
}

void sort_diagnostics(std::vector<Diagnostic>& diagnostics, const std::vector<std::string>& file_order) {
  const auto rank = [&](const std::string& file) -> std::ptrdiff_t {
    if (file == "--set") return -1;
    const auto at = std::find(file_order.begin(), file_order.end(), file);
    return at - file_order.begin();  // files not noted share the last rank, ordered by name
  };
  const auto key = [&](const Diagnostic& d) {
    return std::make_tuple(rank(d.where.file), std::cref(d.where.file), d.where.line, d.where.column, std::cref(d.path),
                           std::cref(d.message), std::cref(d.hint));
  };
  // The key covers every field, so the order is total and std::sort is deterministic.
  std::sort(diagnostics.begin(), diagnostics.end(),
            [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
  diagnostics.erase(std::unique(diagnostics.begin(), diagnostics.end()), diagnostics.end());
}

std::string format_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  std::string text;
  for (const Diagnostic& d : diagnostics) text += d.to_string() + "\n";
  return text;
}

void DiagnosticSink::error(Location where, std::string path, std::string message, std::string hint) {
  diagnostics_.push_back({std::move(where), std::move(path), std::move(message), std::move(hint)});
}

void DiagnosticSink::note_file(const std::string& file) {
  if (std::find(file_order_.begin(), file_order_.end(), file) == file_order_.end()) file_order_.push_back(file);
}

std::vector<Diagnostic> DiagnosticSink::take_sorted() {
  std::vector<Diagnostic> out = std::move(diagnostics_);
  diagnostics_.clear();
  sort_diagnostics(out, file_order_);
  return out;
}

}  // namespace caresim::scenario
