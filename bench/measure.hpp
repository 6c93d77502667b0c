#pragma once
// Timing and memory harness: each configuration runs in a forked child so its peak
// resident memory is its own, and repeats give min/median/max (the machine's noise).
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace caresim::bench {

/** What one repeat measured: events processed and seconds taken. */
struct Sample {
  double events = 0;
  double seconds = 0;
  double other_events = 0;  ///< also fired but not counted in `events` (a Resource's grants)
};

/** Figures for one configuration over its repeats. */
struct Figures {
  std::vector<double> events_per_second;  // sorted
  double peak_rss_bytes = 0;              // of the child, during its first repeat
  double rss_at_start_bytes = 0;          // the child's resident memory before it started
  double other_per_event = 0;             // Sample::other_events / events, first repeat
};

inline double now_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

inline double current_rss_bytes() {
  long pages = 0, resident = 0;
  if (FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
    std::fclose(f);
  }
  return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE));
}

/** Peak resident memory of this process so far. */
inline double peak_rss_now() {
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) * 1024.0;
}

/** Runs `repeat` `repeats` times in a forked child; returns the figures. */
inline Figures measure(int repeats, const std::function<Sample()>& repeat) {
  int fds[2];
  if (pipe(fds) != 0) return {};
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    std::vector<double> rates;
    double start_rss = current_rss_bytes();
    double first_peak = 0, other_per_event = 0;
    for (int r = 0; r < repeats; ++r) {
      const Sample s = repeat();
      rates.push_back(s.events / s.seconds);
      // Peak memory of one repeat: later ones may add the allocator's leftovers.
      if (r == 0) {
        first_peak = peak_rss_now();
        other_per_event = s.other_events / s.events;
      }
    }
    rates.push_back(other_per_event);
    rates.push_back(first_peak);
    rates.push_back(start_rss);
    const auto bytes = rates.size() * sizeof(double);
    if (write(fds[1], rates.data(), bytes) != static_cast<ssize_t>(bytes)) _exit(1);
    _exit(0);
  }
  close(fds[1]);
  std::vector<double> rates(static_cast<std::size_t>(repeats) + 3);
  const auto bytes = rates.size() * sizeof(double);
  std::size_t got = 0;
  while (got < bytes) {
    const ssize_t n = read(fds[0], reinterpret_cast<char*>(rates.data()) + got, bytes - got);
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  close(fds[0]);
  int status = 0;
  struct rusage usage {};
  wait4(pid, &status, 0, &usage);
  Figures f;
  if (got != bytes) return f;
  f.rss_at_start_bytes = rates.back();
  rates.pop_back();
  f.peak_rss_bytes = rates.back();
  rates.pop_back();
  f.other_per_event = rates.back();
  rates.pop_back();
  std::sort(rates.begin(), rates.end());
  f.events_per_second = rates;
  return f;
}

}  // namespace caresim::bench
