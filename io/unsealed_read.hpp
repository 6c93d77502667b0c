#pragma once
// Internal to caresim::io: files without a seal (results format 1, or not results files
// at all) are first read in a child process, so that a libhdf5 crash on a damaged file
// ends the child, not the program.
#include <string>

namespace caresim::io::detail {

/** Reads everything the readers read of the unsealed file at `path` (its provenance, its
 *  dictionaries' sizes and every replication's indicator tables) in a forked child. Returns
 *  if the child finished; throws TraceError with the child's reason if it failed,
 *  std::bad_alloc if it ran out of memory, and TraceError::damaged if it crashed or ended
 *  without a report. Every open of such a file reads it in a child again: a cache keyed on
 *  the file's times could hand libhdf5 a file rewritten within one clock tick. Call only
 *  while this process runs no other threads that hold locks the child would need (readers
 *  run before or after the replications, never during). */
void read_unsealed_in_child(const std::string& path);

/** True inside that child: its own readers must not fork again. */
bool inside_unsealed_read();

}  // namespace caresim::io::detail
