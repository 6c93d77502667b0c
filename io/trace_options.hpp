#pragma once
// How much a trace file holds, and how it is written.
#include <cstdint>
#include <string_view>

namespace caresim::io {

/** What a trace file holds beyond its provenance, dictionaries and indicators.
 *  Ordered: each level contains everything of the levels before it. */
enum class TraceLevel : std::uint8_t {
  None,     ///< provenance, dictionaries, each replication's indicator table
  Summary,  ///< + daily occupancy per facility and the monthly snapshot series
  Events,   ///< + the event trace (one row per movement)
};

/** "none", "summary" or "events" (the spelling of `--trace`). */
std::string_view to_string(TraceLevel level);

/** Parses the spelling of `--trace`; throws std::invalid_argument naming the accepted
 *  values for anything else. */
TraceLevel parse_trace_level(std::string_view text);

/** Choices of the person who runs the simulation. */
struct TraceOptions {
  TraceLevel level = TraceLevel::Events;
  /** Replace an existing target (only if it is an HDF5 file: anything else is refused). */
  bool force = false;
  /** Install SIGINT/SIGTERM/SIGHUP/SIGQUIT handlers that delete the temporary file before the process
   *  dies. Tests that fork turn it off or on deliberately; the CLI leaves it on. */
  bool handle_signals = true;
};

}  // namespace caresim::io
