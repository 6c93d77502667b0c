#pragma once
// Merging results files of one run made in parts (replication ranges run on different
// machines, docs/cluster.md) into one file equal to a single run over the whole range.
#include <cstdint>
#include <string>
#include <vector>

#include "io/provenance.hpp"

namespace caresim::io {

/** What `caresim merge` is asked to do. */
struct MergeRequest {
  std::vector<std::string> inputs;  ///< the parts, in any order (at least one)
  std::string target;               ///< the merged file
  bool force = false;               ///< replace an existing target (an HDF5 file only)
  std::string command_line;         ///< stored as the merged file's `command_line`
  bool handle_signals = true;       ///< as TraceOptions::handle_signals
};

/** Merges the results files `request.inputs` into `request.target` (layout:
 *  docs/trace-format.md, "Merged files").
 *
 *  Every input passes the readers' checks first (the seal, or a separate reader for a
 *  file without one). The inputs must be parts of one run: the same results format (this
 *  caresim's), model version, master seed, trace level and scenario (hash, which fixes
 *  the horizon), holding disjoint replication ids that together form one range without
 *  gaps. The merged file holds the replications in id order, each group copied unchanged
 *  (the same datasets, attributes and stored chunks), the first input's dictionaries,
 *  and the inputs' provenance with the merged ids, this command line and a new creation
 *  time; the root attributes `merged_from*` name every input.
 *
 *  Written through a temporary file renamed onto the target when complete: on any
 *  failure nothing is left and an existing target is untouched. Throws TraceError: the
 *  readers' messages for a damaged or foreign input; for parts that do not belong
 *  together, a message naming both files and what differs; the writers' messages for the
 *  target. Returns the provenance written. */
TraceProvenance merge_results(const MergeRequest& request);

/** The ids as readable ranges: {0, 1, 2, 3, 7} gives "0 to 3, 7" (runs of three or more
 *  ids as "FIRST to LAST"; two ids as "0, 1"). Empty for no ids. */
std::string describe_ids(std::vector<std::uint32_t> ids);

}  // namespace caresim::io
