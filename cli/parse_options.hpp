#pragma once
// The option parsing every subcommand shares.
#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <vector>

namespace caresim::cli {

/** Parses a subcommand's `args` against `desc`, plus one positional argument stored in
 *  `*positional` when it is not null. On a usage error prints it with the command's help
 *  to stderr and returns false (the command then exits with status 2). */
bool parse_options(const char* command, const std::vector<std::string>& args,
                   const boost::program_options::options_description& desc, std::string* positional,
                   boost::program_options::variables_map& vm);

/** The same with any number of positional arguments, appended to `positionals` (e.g. the
 *  input files of merge and compare). */
bool parse_options(const char* command, const std::vector<std::string>& args,
                   const boost::program_options::options_description& desc, std::vector<std::string>& positionals,
                   boost::program_options::variables_map& vm);

/** The machine's cores (std::thread::hardware_concurrency(), at least 1): the default of
 *  `-j`, and the most worker threads worker_threads() grants. */
unsigned machine_cores();

/** The worker threads for `-j requested`: nothing (after saying why on stderr) unless it
 *  is at least 1; at most the machine's cores, since more cannot finish sooner and each
 *  running replication holds its own model in memory (saying so when it caps). */
std::optional<unsigned> worker_threads(const char* command, long long requested);

/** False (after saying why on stderr) when `-o` was given an empty name: a script's
 *  `-o "$OUT"` with OUT unset would otherwise write nothing without a word. */
bool output_named(const char* command, const boost::program_options::variables_map& vm, const std::string& output);

}  // namespace caresim::cli
