#include "cli/parse_options.hpp"

#include <algorithm>
#include <iostream>
#include <thread>

namespace po = boost::program_options;

namespace caresim::cli {

bool parse_options(const char* command, const std::vector<std::string>& args, const po::options_description& desc,
                   std::string* positional, po::variables_map& vm) {
  po::options_description hidden;
  if (positional) hidden.add_options()("positional-argument", po::value(positional));
  po::options_description all;
  all.add(desc).add(hidden);
  po::positional_options_description where;
  if (positional) where.add("positional-argument", 1);
  try {
    po::store(po::command_line_parser(args).options(all).positional(where).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "caresim " << command << ": " << e.what() << "\n\n" << desc << '\n';
    return false;
  }
  return true;
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
