#pragma once
// `--replications N` (ids 0 to N-1) or `--replications FIRST:LAST` (an inclusive range of
// 0-based ids): which replications a run simulates.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace caresim::cli {

/** What `--replications` asked for: a count, left to the parameter table to check as
 *  `simulation.replications`, or a range of ids. */
struct ReplicationChoice {
  std::optional<long long> count;            ///< N: ids 0 to N-1 (checked by the parameter table)
  std::optional<std::uint32_t> first, last;  ///< FIRST:LAST, inclusive, FIRST <= LAST < max_count

  /** The ids of a range, in order (empty for a count). */
  std::vector<std::uint32_t> range_ids() const;
};

/** Parses the value of `--replications`. A whole number is a count; FIRST:LAST a range of
 *  ids from 0, with LAST below `max_count` (the parameter table's maximum of
 *  `simulation.replications`, so a range reaches no id a count could not). On anything
 *  else says on stderr, prefixed "caresim <command>: ", what is wrong and what would be
 *  valid, and returns nothing (a usage error). */
std::optional<ReplicationChoice> parse_replications(const char* command, const std::string& text, long long max_count);

}  // namespace caresim::cli
