// `caresim indicators`: the indicator dictionary, as a list or as docs/indicators.md.
#include <boost/program_options.hpp>
#include <iostream>
#include <string>

#include "cli/commands.hpp"
#include "cli/exit_status.hpp"
#include "cli/parse_options.hpp"
#include "models/indicator_dictionary.hpp"

namespace po = boost::program_options;

namespace caresim::cli {

int run_indicators(const std::vector<std::string>& args) {
  po::options_description desc(
      "caresim indicators [--markdown]\n\nLists every indicator the model produces (name, unit, shape, English and\n"
      "Japanese labels; * marks a headline indicator), or with --markdown the indicator reference\n"
      "(docs/indicators.md is generated this way).\n\nOptions");
  desc.add_options()("help,h", "show this help")("markdown", "print the Markdown indicator reference");
  po::variables_map vm;
  if (!parse_options("indicators", args, desc, nullptr, vm)) return kExitUsage;
  if (vm.count("help")) {
    std::cout << desc << '\n';
    return kExitOk;
  }
  const model::IndicatorDictionary& dictionary = model::indicator_dictionary();
  if (vm.count("markdown")) {
    std::cout << model::render_indicators_markdown(dictionary);
    return kExitOk;
  }
  for (const model::IndicatorRow& r : dictionary.rows()) {
    std::cout << (r.headline ? "* " : "  ") << r.name << '\t' << r.unit << '\t' << model::shape_name(r.shape) << '\t'
              << r.label_en << '\t' << r.label_ja << '\n';
  }
  return kExitOk;
}

}  // namespace caresim::cli
