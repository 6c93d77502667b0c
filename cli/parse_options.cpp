#include "cli/parse_options.hpp"

#include <algorithm>
#include <iostream>
#include <thread>

namespace po = boost::program_options;

namespace caresim::cli {

namespace {
// Parses `args` against `desc` plus the hidden positional option `hidden` (added by the
// caller, or none), placed `count` times (-1: every remaining argument).
bool parse_with(const char* command, const std::vector<std::string>& args, const po::options_description& desc,
                const po::options_description& hidden, int count, po::variables_map& vm) {
  po::options_description all;
  all.add(desc).add(hidden);
  po::positional_options_description where;
  if (count != 0) where.add("positional-argument", count);
  try {
    po::store(po::command_line_parser(args).options(all).positional(where).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "caresim " << command << ": " << e.what() << "\n\n" << desc << '\n';
    return false;
  }
  return true;
}
}  // namespace

bool parse_options(const char* command, const std::vector<std::string>& args, const po::options_description& desc,
                   std::string* positional, po::variables_map& vm) {
  po::options_description hidden;
  if (positional) hidden.add_options()("positional-argument", po::value(positional));
  return parse_with(command, args, desc, hidden, positional ? 1 : 0, vm);
}

bool parse_options(const char* command, const std::vector<std::string>& args, const po::options_description& desc,
                   std::vector<std::string>& positionals, po::variables_map& vm) {
  po::options_description hidden;
  hidden.add_options()("positional-argument", po::value(&positionals));
  return parse_with(command, args, desc, hidden, -1, vm);
}

unsigned machine_cores() {
  return std::max(1u, std::thread::hardware_concurrency());
}

std::optional<unsigned> worker_threads(const char* command, long long requested) {
  if (requested < 1) {
    std::cerr << "caresim " << command << ": -j/--threads must be at least 1, found " << requested << '\n';
    return std::nullopt;
  }
  const unsigned cores = machine_cores();
  if (requested > static_cast<long long>(cores)) {
    std::cerr << "caresim " << command << ": -j " << requested << " is more than the " << cores
              << " cores of this machine; using " << cores << " (results do not depend on it)\n";
    return cores;
  }
  return static_cast<unsigned>(requested);
}

bool output_named(const char* command, const po::variables_map& vm, const std::string& output) {
  if (vm.count("output") && output.empty()) {
    std::cerr << "caresim " << command
              << ": -o/--output names no file (an empty name); give a path such as -o out.h5\n";
    return false;
  }
  return true;
}

}  // namespace caresim::cli
