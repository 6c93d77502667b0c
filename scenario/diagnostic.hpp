#pragma once
// What the loader says about bad input. Every problem found in a scenario becomes one
// Diagnostic naming where it is (file, 1-based line and column), which key it concerns,
// what was wrong and, where it helps, a hint; the loader collects them all before failing.
#include <string>
#include <vector>

namespace caresim::scenario {

/** A place in a scenario source: a file path as the user named it (or "--set" for a
 *  command-line override), with a 1-based line and column. Line 0 means "the whole
 *  file" (for example a file that cannot be read). */
struct Location {
  std::string file;  ///< the file as named by the user, or "--set"
  int line = 0;      ///< 1-based line; 0 for the whole file
  int column = 0;    ///< 1-based column

  /** "file:line:col", or just "file" when line is 0. */
  std::string to_string() const;

  friend bool operator==(const Location&, const Location&) = default;
};

/** One problem with a scenario. */
struct Diagnostic {
  /** Where the offending text is; for a missing key, the map that should hold it. */
  Location where;
  /** Dotted key path of the value concerned ("hubs.north.crisis_beds", "mix[2]"); may be
   *  empty for problems with the file as a whole. */
  std::string path;
  /** What is wrong, ideally "expected X, found Y". */
  std::string message;
  /** Optional advice: the valid range, a did-you-mean, the valid keys. */
  std::string hint;

  /** "file:line:col: path: message", plus "\n  hint: ..." when there is a hint. */
  std::string to_string() const;

  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

/** Sorts by file, then line, column, key path and message; removes exact repeats. Files
 *  come in the order of `file_order` ("--set" first, then the files named there, in that
 *  order), then any others by name. The loader lists the scenario file before the files
 *  it extends: a value written over a base (municipalities: [chuo]) is the root cause of
 *  the base's follow-on problems (23 "undefined municipality"), and is listed first. */
void sort_diagnostics(std::vector<Diagnostic>& diagnostics, const std::vector<std::string>& file_order = {});

/** All diagnostics, one to_string() per line, in the given order. */
std::string format_diagnostics(const std::vector<Diagnostic>& diagnostics);

/** Collects diagnostics while a scenario is read. */
class DiagnosticSink {
 public:
  /** Records a problem. */
  void error(Location where, std::string path, std::string message, std::string hint = {});

  /** Problems recorded so far, in the order found. */
  const std::vector<Diagnostic>& all() const { return diagnostics_; }

  /** True when nothing has been recorded. */
  bool empty() const { return diagnostics_.empty(); }

  /** Records that `file` was read, after those recorded before (the order of
   *  sort_diagnostics()); a file recorded twice keeps its first place. */
  void note_file(const std::string& file);

  /** Moves the problems out, sorted (files in the order noted). */
  std::vector<Diagnostic> take_sorted();

 private:
  std::vector<Diagnostic> diagnostics_;
  std::vector<std::string> file_order_;
};

}  // namespace caresim::scenario
