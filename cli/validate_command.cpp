// `caresim validate`: the engine's known-answer checks, printed as a table.
#include <boost/program_options.hpp>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/exit_status.hpp"
#include "cli/parse_options.hpp"
#include "validation/known_answer_checks.hpp"

namespace po = boost::program_options;

namespace caresim::cli {

int run_validate(const std::vector<std::string>& args) {
  validation::ValidationOptions options;
  po::options_description desc(
      "caresim validate [options]\n\n"
      "Runs the engine on M/M/c, M/M/c/c and M/G/inf models and compares waiting time,\n"
      "blocking and occupancy with Erlang C, Erlang B and lambda*E[S], and Little's law.\n"
      "Exit status 1 if any check fails.\n\nOptions");
  desc.add_options()("help,h", "show this help")("seed", po::value(&options.seed)->default_value(options.seed),
                                                 "master seed")(
      "replications", po::value(&options.replications)->default_value(options.replications),
      "independent replications per model (>= 2)")("arrivals",
                                                   po::value(&options.arrivals)->default_value(options.arrivals),
                                                   "arrivals per replication, warm-up included")(
      "warmup", po::value(&options.warmup_arrivals)->default_value(options.warmup_arrivals),
      "arrivals discarded as warm-up");
  po::variables_map vm;
  if (!parse_options("validate", args, desc, nullptr, vm)) return kExitUsage;
  if (vm.count("help")) {
    std::cout << desc << '\n';
    return kExitOk;
  }
  if (options.replications < 2 || options.warmup_arrivals + 1000 > options.arrivals) {
    std::cerr << "caresim validate: need --replications >= 2 and --arrivals at least --warmup + 1000 "
                 "(got replications "
              << options.replications << ", arrivals " << options.arrivals << ", warmup " << options.warmup_arrivals
              << ")\n";
    return kExitUsage;
  }
  const auto checks = validation::run_known_answer_checks(options);
  std::cout << validation::format_checks(checks, options);
  for (const auto& c : checks)
    if (!c.pass) return kExitProblem;
  return kExitOk;
}

}  // namespace caresim::cli
