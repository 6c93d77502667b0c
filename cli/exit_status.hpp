#pragma once
// The exit statuses of every caresim command, and how a failure becomes one. Listed by
// `caresim --help` and in the README; tests/cli checks each.
#include <exception>
#include <string>

namespace caresim::cli {

inline constexpr int kExitOk = 0;        ///< done (and, for rerun, the results agree)
inline constexpr int kExitProblem = 1;   ///< input, data or output: a bad scenario, a damaged or unwritable
                                         ///< results file, a full disk; rerun: the results differ
inline constexpr int kExitUsage = 2;     ///< the command line is wrong
inline constexpr int kExitInternal = 3;  ///< out of memory, no threads, or an internal error

/** What `caresim --help` says about them. */
const char* exit_status_help();

/** Prints "caresim <command>: ..." for `failure` to stderr and returns its exit status: a
 *  failed replication is reported by its cause; a results-file error or a model that
 *  rejects its parameters is kExitProblem; a usage error is kExitUsage; running out of memory says so and, like a
 *  refused thread and any other error, is kExitInternal. */
int report_failure(const std::string& command, const std::exception_ptr& failure);

}  // namespace caresim::cli
