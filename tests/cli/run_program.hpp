#pragma once
// Running the caresim program from a test, as a user runs it: its exit status and what it
// wrote to stdout and stderr.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "tests/io/trace_test_support.hpp"

namespace caresim::cli::testing {

/** What one run of the program gave. */
struct Output {
  int status = -1;       ///< exit status
  std::string out, err;  ///< standard output and standard error
};

/** Runs the caresim program with `args` (no single quotes in them) in the current folder,
 *  capturing stdout and stderr in files of `dir`. */
inline Output run_program(const io::testing::ScratchDir& dir, const std::vector<std::string>& args) {
  std::string command = std::string("'") + CARESIM_PROGRAM + "'";
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

}  // namespace caresim::cli::testing
