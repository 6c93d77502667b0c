#pragma once
// The options of `caresim run` and `caresim rerun` that choose how the text report looks:
// --lang en|ja and --by region|municipality.
#include <boost/program_options.hpp>
#include <optional>
#include <string>

#include "runner/summary_text.hpp"

namespace caresim::cli {

/** The words given to the report options, before they are checked. */
struct ReportWords {
  std::string lang;  ///< when not given: from the locale (runner::language_of_environment)
  std::string by = "region";
};

/** Adds --lang and --by to `desc`, storing into `words` (which must outlive the parse). */
void add_report_options(boost::program_options::options_description& desc, ReportWords& words);

/** The text options `words` name (`vm` tells whether --lang was given); nothing (after
 *  saying on stderr what is wrong and which values are valid) for a --lang or --by value
 *  that is not one of them, a usage error. */
std::optional<runner::TextOptions> report_options(const char* command, const ReportWords& words,
                                                  const boost::program_options::variables_map& vm);

}  // namespace caresim::cli
