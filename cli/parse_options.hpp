#pragma once
// The option parsing every subcommand shares.
#include <boost/program_options.hpp>
#include <string>
#include <vector>

namespace caresim::cli {

/** Parses a subcommand's `args` against `desc`, plus one positional argument stored in
 *  `*positional` when it is not null. On a usage error prints it with the command's help
 *  to stderr and returns false (the command then exits with status 2). */
bool parse_options(const char* command, const std::vector<std::string>& args,
                   const boost::program_options::options_description& desc, std::string* positional,
                   boost::program_options::variables_map& vm);

}  // namespace caresim::cli
