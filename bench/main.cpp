// caresim-bench: throughput and memory of the engine. Prints figures; never pass/fail.
//   caresim-bench [--quick] [--repeats N]
//   caresim-bench --one hold|hold-raw|mmc [--pending N] [--operations K]   (K arrivals for mmc)
// --one runs a single configuration once, in this process (no fork), for profilers:
//   valgrind --tool=callgrind caresim-bench --one hold --operations 2000000
// Each configuration runs in its own forked child (peak memory is its own) and is
// repeated; min/median/max show the machine's noise. Run on an otherwise idle machine.
#include <cstdio>
#include <cstring>
#include <string>

#include "bench/dary_heap.hpp"
#include "bench/hold_model.hpp"
#include "bench/mmc_model.hpp"
#include "caresim/version.hpp"

using namespace caresim::bench;

namespace {

void print_row(const char* name, double n, const Figures& f, double baseline_median) {
  if (f.events_per_second.empty()) {
    std::printf("%-26s %9.0f   (child failed)\n", name, n);
    return;
  }
  const auto& r = f.events_per_second;
  const double median = r[r.size() / 2];
  const double noise = (r.back() - r.front()) / median;
  const double bytes_per_pending = n > 0 ? (f.peak_rss_bytes - f.rss_at_start_bytes) / n : 0;
  std::printf("%-26s %9.0f %8.2f %8.2f %8.2f %9.1f %6.1f%% %9.1f %9.1f %7.2fx\n", name, n, r.front() / 1e6,
              median / 1e6, r.back() / 1e6, 1e9 / median, 100 * noise, f.peak_rss_bytes / 1048576.0, bytes_per_pending,
              median / baseline_median);
}

void print_header(const char* what) {
  std::printf("\n%s\n", what);
  std::printf("%-26s %9s %8s %8s %8s %9s %7s %9s %9s %8s\n", "configuration", "N", "min", "median", "max", "ns/event",
              "noise", "peak MiB", "B/pending", "vs std");
  std::printf("%-26s %9s %8s %8s %8s %9s %7s %9s %9s %8s\n", "", "", "Mev/s", "Mev/s", "Mev/s", "(median)", "", "", "",
              "");
}

int run_one(const std::string& what, std::size_t pending, std::uint64_t operations) {
  Sample s;
  if (what == "hold") {
    s = hold_simulator(pending, operations, 1);
  } else if (what == "hold-raw") {
    s = hold_raw<LadderAdapter>(pending, operations, 1);
  } else if (what == "mmc") {
    s = mmc_engine(operations, 1);  // arrivals and departures; grants in s.other_events
  } else {
    std::fprintf(stderr, "caresim-bench --one: \"%s\" is not hold, hold-raw or mmc\n", what.c_str());
    return 2;
  }
  std::printf("%s: %.0f events in %.3f s, %.2f million events/s", what.c_str(), s.events, s.seconds,
              s.events / s.seconds / 1e6);
  if (s.other_events > 0) std::printf(" (and %.0f grant events, not counted)", s.other_events);
  std::printf("\n");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  bool quick = false;
  int repeats = 5;
  std::string one;
  std::size_t pending = 100000;
  std::uint64_t one_operations = 10'000'000;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--quick") == 0) {
      quick = true;
    } else if (std::strcmp(argv[i], "--repeats") == 0 && i + 1 < argc) {
      repeats = std::max(1, std::atoi(argv[++i]));
    } else if (std::strcmp(argv[i], "--one") == 0 && i + 1 < argc) {
      one = argv[++i];
    } else if (std::strcmp(argv[i], "--pending") == 0 && i + 1 < argc) {
      pending = std::max<std::size_t>(1, std::strtoull(argv[++i], nullptr, 10));
    } else if (std::strcmp(argv[i], "--operations") == 0 && i + 1 < argc) {
      one_operations = std::max<std::uint64_t>(1, std::strtoull(argv[++i], nullptr, 10));
    } else {
      std::fprintf(stderr,
                   "usage: caresim-bench [--quick] [--repeats N]\n"
                   "       caresim-bench --one hold|hold-raw|mmc [--pending N] [--operations K]\n");
      return 2;
    }
  }
  if (!one.empty()) return run_one(one, pending, one_operations);
  if (quick) repeats = std::min(repeats, 2);
  const std::uint64_t operations = quick ? 1'000'000 : 10'000'000;
  std::printf("caresim-bench %s (git %s); %d repeats per row, one core; noise = (max-min)/median\n", caresim::version,
              caresim::git_revision, repeats);
  std::printf("sizeof(Event) = %zu bytes; B/pending = (peak RSS - RSS at start) / N\n", sizeof(caresim::engine::Event));

  print_header("Hold model: N pending; each pop schedules one event at now + Exp(1)");
  for (std::size_t n : {std::size_t{1000}, std::size_t{100000}, std::size_t{1000000}}) {
    const double nd = static_cast<double>(n);
    const Figures base = measure(repeats, [&] { return hold_raw<StdHeap>(n, operations, 1); });
    const double base_median = base.events_per_second[base.events_per_second.size() / 2];
    print_row("std::priority_queue", nd, base, base_median);
    print_row("4-ary heap", nd, measure(repeats, [&] { return hold_raw<QuaternaryHeap>(n, operations, 1); }),
              base_median);
    print_row("ladder queue (raw)", nd, measure(repeats, [&] { return hold_raw<LadderAdapter>(n, operations, 1); }),
              base_median);
    print_row("Simulator (ladder+handler)", nd, measure(repeats, [&] { return hold_simulator(n, operations, 1); }),
              base_median);
  }

  const std::uint64_t arrivals = quick ? 100'000 : 1'000'000;
  print_header("M/M/c, c=10, lambda=9, mu=1 (an event = one arrival or one departure)");
  const Figures base = measure(repeats, [&] { return mmc_loop<StdHeap>(arrivals, 1); });
  const double base_median = base.events_per_second[base.events_per_second.size() / 2];
  print_row("hand loop, priority_queue", 0, base, base_median);
  print_row("hand loop, ladder queue", 0, measure(repeats, [&] { return mmc_loop<LadderAdapter>(arrivals, 1); }),
            base_median);
  const Figures engine = measure(repeats, [&] { return mmc_engine(arrivals, 1); });
  print_row("Simulator + Resource", 0, engine, base_median);
  std::printf("  (the Simulator also fired %.2f Resource grant events per counted event, not counted above)\n",
              engine.other_per_event);
  return 0;
}
