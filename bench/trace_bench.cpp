// caresim-trace-bench: what writing a trace costs on the reference region. Runs the full
// reference horizon with --trace none, summary and events (interleaved, several times)
// and prints the run times, the extra time of events over none, and the file size per
// million events. Prints figures; never pass/fail. The targets: at most 30% extra
// run time and at most 12 MB per million events.
//
//   caresim-trace-bench [--replications R] [--repeat N] [--dir FOLDER] [--seed S] [--keep]
//
// A run is R replications (default 10, as a study would run) into one file, so the fixed
// cost of a file (dictionaries, fsync on close) weighs as it does in practice.
// --keep leaves the last file of each level in FOLDER (caresim-trace-bench-<level>.h5).
#include <hdf5.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <exception>
#include <string>
#include <vector>

#include "care_scenario/bundled.hpp"
#include "engine/stats/confidence_interval.hpp"
#include "io/hdf5_process.hpp"
#include "io/trace_writer.hpp"
#include "models/care_model.hpp"
#include "models/parameters.hpp"

namespace {

using caresim::engine::median;

using namespace caresim;

struct Run {
  double seconds = 0;
  double cpu_seconds = 0;          // process CPU time, all threads: less disturbed by other work
  double thread_seconds = 0;       // CPU time of the simulating thread (the encoder thread works beside it)
  double open_seconds = 0;         // TraceWriter constructor: checks, provenance, dictionaries
  double finish_seconds = 0;       // indicators, close, fsync, rename
  std::uint64_t events = 0;        // movement records kept
  std::uint64_t model_events = 0;  // events fired by the simulator
  std::uint64_t file_bytes = 0;
  std::uint64_t event_bytes = 0;  // storage of the events dataset
};

std::uint64_t events_storage(const std::string& path) {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (file < 0) return 0;
  std::uint64_t bytes = 0;
  for (std::uint32_t r = 0;; ++r) {
    const hid_t dataset = H5Dopen2(file, ("replications/" + std::to_string(r) + "/events").c_str(), H5P_DEFAULT);
    if (dataset < 0) break;
    bytes += H5Dget_storage_size(dataset);
    H5Dclose(dataset);
  }
  H5Fclose(file);
  return bytes;
}

double thread_cpu();

Run run_once(const model::Parameters& params, std::uint64_t seed, std::uint32_t replications, io::TraceLevel level,
             const std::string& path) {
  Run out;
  const auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();
  const double thread_start = thread_cpu();
  io::TraceProvenance provenance;
  provenance.scenario_yaml = "# reference region\n";
  provenance.master_seed = seed;
  for (std::uint32_t r = 0; r < replications; ++r) provenance.replications.push_back(r);
  io::TraceOptions options;
  options.level = level;
  options.force = true;
  const auto since = [](std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
  };
  io::TraceWriter writer(path, params, provenance, options);
  out.open_seconds = since(start);
  for (std::uint32_t r = 0; r < replications; ++r) {
    model::CareModel model(params, seed, r);
    auto trace = writer.replication(r);
    trace->attach(model);
    trace->finish(model.run());
    out.events += trace->events_recorded();
    out.model_events += model.events();
  }
  const auto finishing = std::chrono::steady_clock::now();
  writer.finish();
  out.finish_seconds = since(finishing);
  out.seconds = since(start);
  out.cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  out.thread_seconds = thread_cpu() - thread_start;
  struct stat info;
  out.file_bytes = ::stat(path.c_str(), &info) == 0 ? static_cast<std::uint64_t>(info.st_size) : 0;
  out.event_bytes = level == io::TraceLevel::Events ? events_storage(path) : 0;
  return out;
}

double thread_cpu() {
  timespec t{};
  ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

}  // namespace

int main(int argc, char** argv) {
  caresim::io::skip_hdf5_cleanup_at_exit();
  int repeat = 5;
  std::uint32_t replications = 10;
  std::string dir = "/tmp";
  std::uint64_t seed = 20250401;
  bool keep = false;
  for (int i = 1; i < argc; ++i) {
    const bool has_value = i + 1 < argc;
    if (std::strcmp(argv[i], "--keep") == 0) {
      keep = true;
    } else if (has_value && std::strcmp(argv[i], "--repeat") == 0) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if (has_value && std::strcmp(argv[i], "--replications") == 0) {
      replications = static_cast<std::uint32_t>(std::max(1, std::atoi(argv[++i])));
    } else if (has_value && std::strcmp(argv[i], "--dir") == 0) {
      dir = argv[++i];
    } else if (has_value && std::strcmp(argv[i], "--seed") == 0) {
      seed = std::strtoull(argv[++i], nullptr, 10);
    } else {
      std::fprintf(stderr,
                   "usage: caresim-trace-bench [--replications R] [--repeat N] [--dir FOLDER] [--seed S] [--keep]\n");
      return 2;
    }
  }
  try {
    const model::Parameters params = care_scenario::reference_region_parameters();
    const io::TraceLevel levels[] = {io::TraceLevel::None, io::TraceLevel::Summary, io::TraceLevel::Events};
    std::vector<double> seconds[3];
    std::vector<double> cpu_seconds[3];
    std::vector<double> thread_seconds[3];
    std::vector<double> open_seconds[3];
    std::vector<double> finish_seconds[3];
    Run last[3];
    run_once(params, seed, 1, io::TraceLevel::None, dir + "/caresim-trace-bench-warm.h5");  // warm caches
    for (int r = 0; r < repeat; ++r) {
      for (int l = 0; l < 3; ++l) {
        const std::string path = dir + "/caresim-trace-bench-" + std::string(io::to_string(levels[l])) + ".h5";
        last[l] = run_once(params, seed, replications, levels[l], path);
        seconds[l].push_back(last[l].seconds);
        cpu_seconds[l].push_back(last[l].cpu_seconds);
        thread_seconds[l].push_back(last[l].thread_seconds);
        open_seconds[l].push_back(last[l].open_seconds);
        finish_seconds[l].push_back(last[l].finish_seconds);
      }
    }
    std::printf(
        "reference region, %.0f days, seed %llu, %u replications per file, %d runs per level "
        "(median / min seconds)\n",
        params.run.horizon_days, static_cast<unsigned long long>(seed), replications, repeat);
    for (int l = 0; l < 3; ++l) {
      std::printf("  --trace %-8s %8.3f s  %8.3f s   cpu %8.3f s   (open %.3f s, finish %.3f s)   file %10llu bytes\n",
                  std::string(io::to_string(levels[l])).c_str(), median(seconds[l]),
                  *std::min_element(seconds[l].begin(), seconds[l].end()), median(cpu_seconds[l]),
                  median(open_seconds[l]), median(finish_seconds[l]),
                  static_cast<unsigned long long>(last[l].file_bytes));
    }
    const double none = median(seconds[0]);
    std::printf("simulator events fired: %llu; movement events traced: %llu\n",
                static_cast<unsigned long long>(last[2].model_events), static_cast<unsigned long long>(last[2].events));
    std::printf("extra run time, events over none: %+.1f %% (median), %+.1f %% (min)   [target <= 30 %%]\n",
                100.0 * (median(seconds[2]) - none) / none,
                100.0 *
                    (*std::min_element(seconds[2].begin(), seconds[2].end()) -
                     *std::min_element(seconds[0].begin(), seconds[0].end())) /
                    *std::min_element(seconds[0].begin(), seconds[0].end()));
    std::printf("extra CPU time, events over none: %+.1f %% all threads, %+.1f %% simulating thread (medians)\n",
                100.0 * (median(cpu_seconds[2]) - median(cpu_seconds[0])) / median(cpu_seconds[0]),
                100.0 * (median(thread_seconds[2]) - median(thread_seconds[0])) / median(thread_seconds[0]));
    const double millions = static_cast<double>(last[2].events) / 1.0e6;
    std::printf(
        "size per million events: %.2f MB whole file, %.2f MB added over --trace none, %.2f MB events "
        "dataset (%.2f bytes per event)   [target <= 12 MB]\n",
        static_cast<double>(last[2].file_bytes) / 1.0e6 / millions,
        static_cast<double>(last[2].file_bytes - last[0].file_bytes) / 1.0e6 / millions,
        static_cast<double>(last[2].event_bytes) / 1.0e6 / millions,
        static_cast<double>(last[2].event_bytes) / static_cast<double>(last[2].events));
    for (const io::TraceLevel level : levels) {
      if (!keep) ::unlink((dir + "/caresim-trace-bench-" + std::string(io::to_string(level)) + ".h5").c_str());
    }
    ::unlink((dir + "/caresim-trace-bench-warm.h5").c_str());
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "caresim-trace-bench: %s\n", e.what());
    return 1;
  }
}
