#pragma once
// Helpers shared by the tests of the caresim program: running it as a user does, with its
// standard output and error captured.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "tests/io/trace_test_support.hpp"

namespace caresim::cli::testing {

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

/** `a` followed by `b`. */
inline std::vector<std::string> with(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

}  // namespace caresim::cli::testing
