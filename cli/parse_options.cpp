#include "cli/parse_options.hpp"

#include <iostream>

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

}  // namespace caresim::cli
