#pragma once
// Helpers shared by the tests of the caresim program: running it as a user does, with its
// standard output and error captured.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "io/h5_attributes.hpp"
#include "io/provenance.hpp"
#include "io/results_seal.hpp"
#include "tests/io/trace_test_support.hpp"

namespace caresim::cli::testing {

/** The bundled default scenario, the one most program tests run. */
inline const std::string kReference = std::string(CARESIM_SCENARIOS_DIR) + "/reference-region.yaml";

/** True if `text` holds `part`. */
inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/** What one run of the program did. */
struct Output {
  int status = -1;  ///< exit status
  std::string out;  ///< standard output
  std::string err;  ///< standard error
};

/** Runs the caresim program with `args` (no quotes in them), its stdout and stderr written
 *  to files in `dir` (so neither is a terminal) and read back. The locale variables are
 *  unset (so the machine's locale never changes the report's language), then `env` is
 *  applied ("NAME=value ...", "-u NAME"). */
inline Output run_program(const io::testing::ScratchDir& dir, const std::vector<std::string>& args,
                          const std::string& env = "") {
  std::string command = "env -u LC_ALL -u LC_MESSAGES -u LANG " + env + " '" + CARESIM_PROGRAM + "'";
  for (const std::string& a : args) command += " '" + a + "'";
  command += " >'" + dir.file("stdout") + "' 2>'" + dir.file("stderr") + "'";
  const int raw = std::system(command.c_str());
  Output o;
  REQUIRE(WIFEXITED(raw));
  o.status = WEXITSTATUS(raw);
  o.out = io::testing::slurp(dir.file("stdout"));
  o.err = io::testing::slurp(dir.file("stderr"));
  return o;
}

/** Rewrites the root attribute `name` of the results file at `path` and seals it again, as
 *  a file written by another caresim (or changed on purpose) would be. */
template <class Value>
void rewrite_attribute(const std::string& path, const char* name, const Value& value) {
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
  REQUIRE(file >= 0);
  caresim::io::detail::write_attribute(file, name, value);
  REQUIRE(H5Fclose(file) >= 0);
  caresim::io::detail::seal_results_file(path, caresim::io::trace_format_version);
}

/** `a` followed by `b`. */
inline std::vector<std::string> with(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

}  // namespace caresim::cli::testing
