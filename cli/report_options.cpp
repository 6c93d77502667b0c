#include "cli/report_options.hpp"

#include <iostream>

namespace po = boost::program_options;

namespace caresim::cli {

void add_report_options(po::options_description& desc, ReportWords& words) {
  desc.add_options()("lang", po::value(&words.lang),
                     "language of the text report: en or ja (default: ja when the locale, LC_ALL, "
                     "LC_MESSAGES or LANG, starts with ja, else en)")(
      "by", po::value(&words.by),
      "region (default) or municipality: also one table per municipality after the region's");
}

std::optional<runner::TextOptions> report_options(const char* command, const ReportWords& words,
                                                  const po::variables_map& vm) {
  runner::TextOptions options;
  options.language = runner::language_of_environment();
  if (vm.count("lang")) {
    const auto language = runner::parse_language(words.lang);
    if (!language) {
      std::cerr << "caresim " << command << ": --lang: unknown language \"" << words.lang
                << "\"; valid values: " << runner::kLanguageValues << '\n';
      return std::nullopt;
    }
    options.language = *language;
  }
  if (words.by == "municipality") {
    options.by_municipality = true;
  } else if (words.by != "region") {
    std::cerr << "caresim " << command << ": --by: unknown value \"" << words.by
              << "\"; valid values: " << runner::kByValues << '\n';
    return std::nullopt;
  }
  return options;
}

}  // namespace caresim::cli
