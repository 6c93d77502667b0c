#pragma once
// The scenario a results file stores, checked against the hash the file records: what
// inspect, rerun and compare read before they trust a file's scenario.
#include <optional>
#include <string>

#include "io/provenance.hpp"

namespace caresim::cli {

/** The hash of the scenario stored in a results file, as this caresim resolves it; nothing
 *  if the stored text no longer loads (a file from an older parameter table). */
std::optional<std::string> stored_scenario_hash(const io::TraceProvenance& p);

/** Checks the scenario hash a file records against `stored`, its stored scenario's hash as
 *  resolved here. Written by this very build, a difference means the file was changed after
 *  it was written (and sealed again): an error on stderr ("caresim COMMAND: FILE: the stored
 *  scenario hashes to … but the file records …; it was changed after caresim wrote it").
 *  Written by another build, whose resolved text may differ (a new parameter, other
 *  quoting), it is only a note. False on the error. */
bool hash_agrees(const char* command, const std::string& file, const io::TraceProvenance& p, const std::string& stored);

}  // namespace caresim::cli
