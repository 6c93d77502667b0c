// `caresim merge PART.h5... -o ALL.h5`: the results files of one run made in parts
// (replication ranges, docs/cluster.md) as one file equal to a single run over the range.
#include <boost/program_options.hpp>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/exit_status.hpp"
#include "cli/parse_options.hpp"
#include "cli/traced_run.hpp"
#include "io/results_merge.hpp"
#include "io/trace_error.hpp"

namespace po = boost::program_options;

namespace caresim::cli {

int run_merge(const std::vector<std::string>& args) {
  po::options_description desc(
      "caresim merge PART.h5 PART.h5 ... -o ALL.h5 [--force]\n\n"
      "Merges the results files of one run made in parts (caresim run --replications FIRST:LAST,\n"
      "docs/cluster.md) into one file with the same datasets as a single run over the whole\n"
      "range. The parts must share scenario, seed, trace level and model and results format\n"
      "versions, and hold disjoint replication ranges that together leave no gap.\n\nOptions");
  std::string output;
  std::vector<std::string> inputs;
  desc.add_options()("help,h", "show this help")("output,o", po::value(&output), "the merged results file")(
      "force", "replace an existing results file");
  po::variables_map vm;
  if (!parse_options("merge", args, desc, inputs, vm)) return kExitUsage;
  if (vm.count("help")) {
    std::cout << desc << '\n';
    return kExitOk;
  }
  if (inputs.empty()) {
    std::cerr << "caresim merge: name the results files to merge, e.g. caresim merge part-*.h5 -o all.h5\n";
    return kExitUsage;
  }
  if (!output_named("merge", vm, output)) return kExitUsage;
  if (!vm.count("output")) {
    std::cerr << "caresim merge: name the merged file with -o, e.g. caresim merge part-*.h5 -o all.h5\n";
    return kExitUsage;
  }
  io::MergeRequest request;
  request.inputs = inputs;
  request.target = output;
  request.force = vm.count("force") > 0;
  request.command_line = command_line("merge", args);
  try {
    const io::TraceProvenance merged = io::merge_results(request);
    std::cout << "caresim merge: wrote " << output << ": " << merged.replications.size() << " replication(s), ids "
              << io::describe_ids(merged.replications) << ", from " << inputs.size() << " file(s)\n";
    return kExitOk;
  } catch (const io::TraceError& e) {
    std::cerr << "caresim merge: " << e.what() << '\n';
    return kExitProblem;
  } catch (...) {
    return report_failure("merge", std::current_exception());
  }
}

}  // namespace caresim::cli
