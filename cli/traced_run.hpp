#pragma once
// Running a scenario's replications while writing its trace file (docs/trace-format.md):
// shared by `caresim run -o` and `caresim rerun`.
#include <cstdint>
#include <string>
#include <vector>

#include "cli/scenario_input.hpp"
#include "io/trace_options.hpp"
#include "runner/capacity_watch.hpp"
#include "runner/progress.hpp"
#include "runner/replications.hpp"

namespace caresim::cli {

/** Where and how much to trace. An empty `path` writes no file. */
struct TraceRequest {
  std::string path;
  io::TraceLevel level = io::TraceLevel::Events;
  bool force = false;
  std::string command_line;  ///< stored as provenance
};

/** Runs replications `ids` like run_replications() and, if `trace.path` is set, writes the
 *  trace: streamed with one thread, buffered and written in replication order with more.
 *  The file appears at `trace.path` only when complete. A `watch`, if given, listens to
 *  every replication's facilities (it records, and changes no result); a `progress`, if
 *  given, counts every finished replication. Throws io::TraceError. */
std::vector<runner::ReplicationResult> run_traced(const LoadedScenario& loaded, const std::string& scenario_path,
                                                  std::uint64_t seed, const std::vector<std::uint32_t>& ids,
                                                  unsigned threads, const TraceRequest& trace,
                                                  runner::CapacityWatch* watch = nullptr,
                                                  runner::Progress* progress = nullptr);

/** "caresim <command> <args...>", for the provenance. */
std::string command_line(const std::string& command, const std::vector<std::string>& args);

}  // namespace caresim::cli
