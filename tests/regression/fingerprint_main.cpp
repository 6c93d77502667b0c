// caresim-fingerprint: checks the pinned fingerprints of tests/regression/fingerprints.csv.
//
//   caresim-fingerprint --table T --scenarios DIR --check NAME   one row (a CTest entry each)
//   caresim-fingerprint --table T --scenarios DIR --covers       every scenario has a row
//   caresim-fingerprint --scenarios DIR --print NAME [--seed S] [--years Y]   a new row
//
// Exit status: 0 when the check holds, 1 when it fails (with what differs), 2 on misuse.
#include <algorithm>
#include <boost/program_options.hpp>
#include <exception>
#include <iostream>
#include <set>
#include <type_traits>

#include "engine/core/future_event_set.hpp"
#include "tests/regression/fingerprint_table.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;
using namespace caresim::regression;

namespace {

// Which future event set this build's Simulator runs on (the cross-check build uses the heap).
const char* queue_name() {
  return std::is_same_v<caresim::engine::SimulatorQueue, caresim::engine::HeapQueue> ? "4-ary heap" : "ladder queue";
}

int check_row(const fs::path& table, const fs::path& scenarios, const std::string& name) {
  const auto rows = read_fingerprint_table(table);
  const auto row = std::find_if(rows.begin(), rows.end(), [&](const FingerprintRow& r) { return r.scenario == name; });
  if (row == rows.end()) {
    std::cerr << table.string() << ": no row for scenario '" << name << "'\n";
    return 1;
  }
  const FingerprintRun run = run_fingerprint(scenarios / (name + ".yaml"), row->seed, row->horizon_years);
  std::cout << "fingerprint: " << name << " (seed " << row->seed << ", " << row->horizon_years << " years, "
            << queue_name() << "): " << run.fingerprint << " over " << run.movements << " movements\n";
  if (run.fingerprint == row->fingerprint) return 0;
  std::cerr << table.string() << ":" << row->line << ": scenario '" << name << "' pins " << row->fingerprint
            << " but the run gave " << run.fingerprint
            << ".\nThe model's event sequence changed. If that is intended, update the row (caresim-fingerprint "
               "--print) in a commit whose message says why the behaviour changed.\n";
  return 1;
}

int check_covers(const fs::path& table, const fs::path& scenarios) {
  std::set<std::string> listed, bundled;
  for (const auto& row : read_fingerprint_table(table)) listed.insert(row.scenario);
  for (const auto& entry : fs::directory_iterator(scenarios))
    if (entry.path().extension() == ".yaml") bundled.insert(entry.path().stem().string());
  int problems = 0;
  for (const auto& name : bundled) {
    if (listed.count(name)) continue;
    std::cerr << table.string() << ": scenarios/" << name
              << ".yaml has no row; add one with caresim-fingerprint --print " << name << "\n";
    ++problems;
  }
  for (const auto& name : listed) {
    if (bundled.count(name)) continue;
    std::cerr << table.string() << ": the row for '" << name << "' names no file "
              << (scenarios / (name + ".yaml")).string() << "\n";
    ++problems;
  }
  if (problems == 0) std::cout << "fingerprints: " << listed.size() << " rows, one per bundled scenario\n";
  return problems == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::string table, scenarios, check, print;
  std::uint64_t seed = 2025;
  int years = 3;
  po::options_description desc("caresim-fingerprint: the pinned fingerprints of the bundled scenarios");
  desc.add_options()("help,h", "this help")("table", po::value(&table), "tests/regression/fingerprints.csv")(
      "scenarios", po::value(&scenarios), "the scenarios/ folder")("check", po::value(&check),
                                                                   "check the row of this scenario")(
      "covers", "check that every scenarios/*.yaml has a row and every row a file")(
      "print", po::value(&print), "print a row for this scenario")("seed", po::value(&seed)->default_value(2025),
                                                                   "master seed for --print")(
      "years", po::value(&years)->default_value(3), "simulated years from the start, for --print");
  try {
    po::variables_map vm;
    po::store(po::parse_command_line(argc, argv, desc), vm);
    po::notify(vm);
    const int modes =
        static_cast<int>(!check.empty()) + static_cast<int>(vm.count("covers")) + static_cast<int>(!print.empty());
    if (vm.count("help") || modes != 1 || scenarios.empty() || (print.empty() && table.empty())) {
      std::cerr << desc
                << "\nGive --scenarios and exactly one of --check, --covers, --print (the first two with "
                   "--table).\n";
      return vm.count("help") ? 0 : 2;
    }
    scenarios = fs::absolute(scenarios).string();  // load_parameters reads relative names from the compiled-in folder
    if (!check.empty()) return check_row(table, scenarios, check);
    if (vm.count("covers")) return check_covers(table, scenarios);
    if (years < 1) {
      std::cerr << "caresim-fingerprint: --years must be at least 1\n";
      return 2;
    }
    const FingerprintRun run = run_fingerprint(fs::path(scenarios) / (print + ".yaml"), seed, years);
    std::cout << print << "," << seed << "," << years << "," << run.fingerprint << "\n";
    return 0;
  } catch (const po::error& e) {
    std::cerr << "caresim-fingerprint: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "caresim-fingerprint: " << e.what() << "\n";
    return 1;
  }
}
