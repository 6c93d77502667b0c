// caresim-thread-bench: do replications scale from one worker thread to two? Runs the same
// replications of the reference region as shipped (ids 0..R-1, seed 2025, no results file:
// the runner alone, as `caresim run --trace none` without -o) on 1 and on 2 threads,
// interleaved, several times, and prints for each thread count the wall seconds of every
// repeat, their median with min and max (the machine's noise), the process CPU seconds, and
// the speed-up median(1 thread) / median(2 threads) against the target of 1.8. The
// load average before and after is printed too, and the cores the process had (CPU / wall):
// on a shared machine other work takes cores and lowers the speed-up, while equal CPU per
// replication on 1 and 2 threads shows the threads do not slow each other (no lock or
// allocator contention). From each worker thread's own CPU time it also prints the speed-up
// an idle machine would give: the one-thread run's CPU time over that of the busiest of the
// T threads (the work's balance and any slowdown of a thread by the other, without the
// other programs' share of the cores). Prints figures; never pass/fail.
//
//   caresim-thread-bench [--replications R] [--repeats N] [--threads T]
//
// R defaults to 20 (even, so two threads get equal shares), N to 5, T (the larger thread
// count) to 2.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <map>
#include <mutex>
#include <numeric>
#include <string>
#include <thread>
#include <vector>

#include "care_scenario/bundled.hpp"
#include "engine/stats/confidence_interval.hpp"
#include "runner/replications.hpp"

namespace {

using caresim::engine::median;

using namespace caresim;

double wall_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double clock_seconds(clockid_t clock) {
  timespec t{};
  clock_gettime(clock, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

double cpu_seconds() {
  return clock_seconds(CLOCK_PROCESS_CPUTIME_ID);
}

std::string load_average() {
  char text[128] = "?";
  if (std::FILE* f = std::fopen("/proc/loadavg", "r")) {
    if (std::fgets(text, sizeof text, f) == nullptr) std::strcpy(text, "?");
    std::fclose(f);
  }
  std::string s(text);
  if (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

struct Series {
  unsigned threads = 1;
  std::vector<double> wall, cpu;
  std::vector<double> busiest;  ///< CPU seconds of the busiest worker thread, per repeat
};

/** Per worker thread, the CPU seconds its replications took (CLOCK_THREAD_CPUTIME_ID from
 *  before a replication's model runs to after its indicators). Independent of other load on
 *  the machine, so the busiest thread's share bounds the speed-up an idle machine gives. */
class ThreadCpu {
 public:
  runner::BeforeRun before() {
    return [](std::uint32_t, model::CareModel&) { start() = clock_seconds(CLOCK_THREAD_CPUTIME_ID); };
  }
  runner::AfterRun after() {
    return [this](std::uint32_t, model::CareModel&, const model::IndicatorTable&) {
      const double used = clock_seconds(CLOCK_THREAD_CPUTIME_ID) - start();
      const std::lock_guard lock(mutex_);
      by_thread_[std::this_thread::get_id()] += used;
    };
  }
  double busiest() const {
    double most = 0;
    for (const auto& [id, seconds] : by_thread_) most = std::max(most, seconds);
    return most;
  }

 private:
  static double& start() {
    thread_local double at = 0;
    return at;
  }
  std::mutex mutex_;
  std::map<std::thread::id, double> by_thread_;
};

long parse_count(const char* flag, const char* value) {
  char* end = nullptr;
  const long n = std::strtol(value, &end, 10);
  if (end == value || *end != '\0' || n < 1 || n > 100000) {
    std::fprintf(stderr, "caresim-thread-bench: %s must be a whole number from 1 to 100000, found \"%s\"\n", flag,
                 value);
    std::exit(2);
  }
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  long replications = 20, repeats = 5, threads = 2;
  for (int i = 1; i < argc; ++i) {
    const bool has_value = i + 1 < argc;
    if (std::strcmp(argv[i], "--replications") == 0 && has_value) {
      replications = parse_count("--replications", argv[++i]);
    } else if (std::strcmp(argv[i], "--repeats") == 0 && has_value) {
      repeats = parse_count("--repeats", argv[++i]);
    } else if (std::strcmp(argv[i], "--threads") == 0 && has_value) {
      threads = parse_count("--threads", argv[++i]);
    } else {
      std::fprintf(stderr, "usage: caresim-thread-bench [--replications R] [--repeats N] [--threads T]\n");
      return 2;
    }
  }
  try {
    const model::Parameters p = care_scenario::reference_region_parameters();
    std::vector<std::uint32_t> ids(static_cast<std::size_t>(replications));
    std::iota(ids.begin(), ids.end(), 0u);
    std::printf(
        "caresim-thread-bench: %ld replications of the reference region, seed 2025, %ld repeats, "
        "1 and %ld threads interleaved\nload average before: %s\n",
        replications, repeats, threads, load_average().c_str());
    Series one{1, {}, {}, {}}, many{static_cast<unsigned>(threads), {}, {}, {}};
    std::uint64_t events = 0;
    for (long r = 0; r < repeats; ++r) {
      for (Series* s : {&one, &many}) {
        ThreadCpu per_thread;
        const double w0 = wall_seconds(), c0 = cpu_seconds();
        const auto results =
            runner::run_replications(p, 2025, ids, s->threads, per_thread.before(), per_thread.after());
        s->wall.push_back(wall_seconds() - w0);
        s->cpu.push_back(cpu_seconds() - c0);
        s->busiest.push_back(per_thread.busiest());
        events = 0;
        for (const auto& x : results) events += x.events;
      }
    }
    for (const Series* s : {&one, &many}) {
      std::printf("%u thread(s): wall", s->threads);
      for (const double w : s->wall) std::printf(" %.3f", w);
      // CPU over wall is the cores the process got: a speed-up cannot pass the ratio of
      // those of the two runs, and a shared machine grants fewer than asked.
      std::printf(" s; median %.3f s (min %.3f, max %.3f); CPU median %.3f s, so %.2f cores in use\n", median(s->wall),
                  *std::min_element(s->wall.begin(), s->wall.end()), *std::max_element(s->wall.begin(), s->wall.end()),
                  median(s->cpu), median(s->cpu) / median(s->wall));
    }
    const double speedup = median(one.wall) / median(many.wall);
    // The spread of the ratio from the repeats' extremes: the best and worst pairing.
    const double low =
        *std::min_element(one.wall.begin(), one.wall.end()) / *std::max_element(many.wall.begin(), many.wall.end());
    const double high =
        *std::max_element(one.wall.begin(), one.wall.end()) / *std::min_element(many.wall.begin(), many.wall.end());
    std::printf(
        "speed-up 1 -> %ld threads: %.2fx (median over median; %.2f..%.2f from the extremes), target 1.8x\n"
        "CPU per replication: %.1f ms on 1 thread, %.1f ms on %ld threads; %llu events per run\n"
        "idle-machine bound from thread CPU time (1-thread CPU / busiest of %ld threads' CPU, medians): %.2fx\n"
        "load average after: %s\n",
        threads, speedup, low, high, 1000 * median(one.cpu) / static_cast<double>(replications),
        1000 * median(many.cpu) / static_cast<double>(replications), threads, static_cast<unsigned long long>(events),
        threads, median(one.busiest) / median(many.busiest), load_average().c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "caresim-thread-bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
