// caresim-scale-bench: does the cost per simulated person-year grow with the population?
// Runs one replication of the reference region as shipped (1x) and of the same region at
// K times its population (default 8x) in rounds, and prints for each scale: people
// simulated, simulated person-years, simulator events, wall and CPU seconds (median of the
// runs, with min and max as the machine's noise), seconds per million person-years; then
// the ratio Kx / 1x against the target of 1.25.
//
// A round is one Kx run between two halves of about K 1x runs (about as many
// person-years on each side), so a change of the machine's speed during a round (shared
// machines drift by tens of percent within a minute) touches both sides alike; the
// round's ratio is its Kx CPU seconds per person-year over its 1x ones. The ratio printed
// is the median of the rounds, with their range and a distribution-free interval for that
// median (order statistics: binomial, at least 95 % if the rounds are independent; a
// drift over minutes makes neighbouring rounds alike, so the level is nominal). Prints
// figures; never pass/fail.
//
//   caresim-scale-bench [--scale K] [--repeats N] [--seed S]
//   caresim-scale-bench --one K [--repeats N] [--seed S]
//       (runs at K times only, once or N times in one process, for profilers:
//       perf record caresim-scale-bench --one 8 --repeats 5; a single run in a new
//       process also pays the kernel's first touch of every page it allocates)
//
// The Kx region is the same system, larger: every municipality's population is multiplied
// by K (the per-100k parameters then give K times the people: day-0 cohorts, inpatients
// and arrivals), and so is every capacity, at every phase step: hospital beds, the beds
// held by outside patients and community-ward beds (the hospital outside the region too,
// since K times the residents use it), group-home places and trial slots, supported
// housing, crisis beds and hub trial slots, coordinators and transition places, the
// municipalities' support caseloads (自立生活援助, 地域定着支援, home nursing) and their
// transition caseloads (until 2026-12 the bench left them at 1x: the 8x region's
// support lines then grew without end, and its cost per person-year with them). Rates per
// person-year, probabilities, durations and travel times are unchanged, so occupancies and
// waits stay about those of the reference, and every person costs about the same work.
// A run is the model's construction, its run() and the indicators at the end; a recorder of
// movements counts people (Enter records) and person-years (days present up to the horizon).
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <fstream>
#include <string>
#include <vector>

#include "care_scenario/bundled.hpp"
#include "engine/core/error.hpp"
#include "engine/observe/recorder.hpp"
#include "engine/stats/confidence_interval.hpp"
#include "models/care_model.hpp"
#include "models/parameters.hpp"
#include "models/records.hpp"

namespace {

using caresim::engine::median;

using namespace caresim;

/** The reference region at `k` times its population and capacities (see the file's head). */
model::Parameters scaled(model::Parameters p, double k) {
  const auto scale = [k](model::Phased& f) {
    for (auto& step : f.steps) step.second *= k;
  };
  for (model::Municipality& m : p.municipalities) m.population *= k;
  for (model::Hospital& h : p.hospitals) {
    scale(h.beds);
    scale(h.outside_patients);
    scale(h.community_ward_beds);
  }
  for (model::Hub& hub : p.hubs) {
    scale(hub.coordinators);
    scale(hub.transition_places);
    for (model::HubSite& site : hub.sites) {
      scale(site.crisis_beds);
      scale(site.trial_slots);
    }
  }
  for (model::Housing& h : p.housing) {
    scale(h.group_home_places);
    scale(h.group_home_trial_slots);
    scale(h.supported_housing_places);
    scale(h.independent_living_caseload);
    scale(h.settlement_caseload);
    scale(h.home_nursing_caseload);
    scale(h.transition_caseload);
  }
  return p;
}

/** Counts the people who entered and the days they were present, up to the horizon. */
class PersonYears final : public engine::Recorder<model::MovementRecord> {
 public:
  explicit PersonYears(double horizon_days) : horizon_(horizon_days) {}
  void record(const model::MovementRecord& r) override {
    if (r.kind == model::MoveKind::Enter) {
      ++people;
      days += horizon_ - r.time;
    } else if (r.kind == model::MoveKind::Exit) {
      days -= horizon_ - r.time;
    }
  }
  std::uint64_t people = 0;  ///< people simulated
  double days = 0;           ///< person-days present

 private:
  double horizon_;
};

/** One replication: what it simulated and what it cost. */
struct Run {
  std::uint64_t people = 0;
  double person_years = 0;
  std::uint64_t events = 0;
  double seconds = 0;      ///< wall
  double cpu_seconds = 0;  ///< of this thread: less disturbed by other work on the machine
};

double thread_cpu() {
  timespec t{};
  ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

Run run_once(const model::Parameters& params, std::uint64_t seed) {
  Run out;
  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = thread_cpu();
  PersonYears counter(params.run.horizon_days);
  model::CareModel model(params, seed, 0);
  model.attach(&counter);
  const model::IndicatorTable table = model.run();
  out.cpu_seconds = thread_cpu() - cpu_start;
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  out.events = model.events();
  out.people = counter.people;
  out.person_years = counter.days / 365.25;
  (void)table;
  return out;
}

/** The runs of one scale: what the last simulated (the same every run) and the times. */
struct Series {
  Run last;
  std::vector<double> seconds;
  std::vector<double> cpu_seconds;
};

void print_row(const char* name, const Series& s) {
  const auto [lo, hi] = std::minmax_element(s.seconds.begin(), s.seconds.end());
  const double wall = median(s.seconds);
  const double cpu = median(s.cpu_seconds);
  const double mpy = s.last.person_years / 1.0e6;
  std::printf("%-4s %10llu %14.0f %12llu %9.3f %9.3f %9.3f %9.3f %12.2f %12.2f\n", name,
              static_cast<unsigned long long>(s.last.people), s.last.person_years,
              static_cast<unsigned long long>(s.last.events), wall, *lo, *hi, cpu, wall / mpy, cpu / mpy);
}

/** The data caches of CPU 0 as Linux lists them ("L1 32K, L2 512K, L3 32768K"), or "unknown".
 *  The ratio depends on them: a 1x run's tables (about 20 MB) fit a large last-level
 *  cache, an 8x run's (about 100 MB) only a very large one (docs/model.md, "Speed"). */
std::string data_caches() {
  std::string out;
  for (int i = 0; i < 8; ++i) {
    const std::string dir = "/sys/devices/system/cpu/cpu0/cache/index" + std::to_string(i) + "/";
    std::ifstream level(dir + "level"), type(dir + "type"), size(dir + "size");
    std::string l, t, z;
    if (!(level >> l) || !(type >> t) || !(size >> z)) break;
    if (t == "Instruction") continue;
    out += (out.empty() ? "L" : ", L") + l + " " + z;
  }
  return out.empty() ? "unknown" : out;
}

}  // namespace

int main(int argc, char** argv) {
  int repeats = 9;
  double k = 8;
  std::uint64_t seed = 20250401;
  double one_scale = 0;  // --one: that scale only, once (--repeats times if given)
  bool repeats_given = false;
  for (int i = 1; i < argc; ++i) {
    const bool has_value = i + 1 < argc;
    if (has_value && std::strcmp(argv[i], "--repeats") == 0) {
      repeats = std::max(1, std::atoi(argv[++i]));
      repeats_given = true;
    } else if (has_value && std::strcmp(argv[i], "--scale") == 0) {
      k = std::atof(argv[++i]);
      if (!(k >= 1 && k <= 64)) {
        std::fprintf(stderr, "caresim-scale-bench: --scale must be a number from 1 to 64\n");
        return 2;
      }
    } else if (has_value && std::strcmp(argv[i], "--one") == 0) {
      one_scale = std::atof(argv[++i]);
      if (!(one_scale >= 1 && one_scale <= 64)) {
        std::fprintf(stderr, "caresim-scale-bench: --one must be a number from 1 to 64\n");
        return 2;
      }
    } else if (has_value && std::strcmp(argv[i], "--seed") == 0) {
      seed = std::strtoull(argv[++i], nullptr, 10);
    } else {
      std::fprintf(stderr,
                   "usage: caresim-scale-bench [--scale K] [--repeats N] [--seed S]\n"
                   "       caresim-scale-bench --one K [--repeats N] [--seed S]\n");
      return 2;
    }
  }
  try {
    const model::Parameters base = care_scenario::reference_region_parameters();
    if (one_scale > 0) {
      const model::Parameters params = scaled(base, one_scale);
      for (int i = 0; i < (repeats_given ? repeats : 1); ++i) {
        const Run r = run_once(params, seed);
        std::printf(
            "%gx: %llu people, %.0f person-years, %llu events, %.3f s wall, %.3f s cpu, %.2f s per million "
            "person-years (wall)\n",
            one_scale, static_cast<unsigned long long>(r.people), r.person_years,
            static_cast<unsigned long long>(r.events), r.seconds, r.cpu_seconds, r.seconds / r.person_years * 1e6);
      }
      return 0;
    }
    const model::Parameters big = scaled(base, k);
    Series one, many;
    std::vector<double> ratios;  // per round: Kx CPU seconds per person-year over 1x ones
    // 1x runs per round: about K, and even, so that both halves are alike.
    const int small_runs = 2 * std::max(1, static_cast<int>(std::lround(k / 2)));
    // The first run of each scale warms the caches and the allocator; it also pays the
    // kernel's first touch of the pages it allocates (on a virtual machine, the host's too),
    // which later runs reuse. Printed apart: a process that runs one replication pays it.
    const Run first_one = run_once(base, seed);
    const Run first_many = run_once(big, seed);
    for (int r = 0; r < repeats; ++r) {
      double small_cpu = 0;
      double small_years = 0;
      const auto small = [&] {
        one.last = run_once(base, seed);
        one.seconds.push_back(one.last.seconds);
        one.cpu_seconds.push_back(one.last.cpu_seconds);
        small_cpu += one.last.cpu_seconds;
        small_years += one.last.person_years;
      };
      for (int i = 0; i < small_runs / 2; ++i) small();
      many.last = run_once(big, seed);
      many.seconds.push_back(many.last.seconds);
      many.cpu_seconds.push_back(many.last.cpu_seconds);
      for (int i = small_runs / 2; i < small_runs; ++i) small();
      ratios.push_back((many.last.cpu_seconds / many.last.person_years) / (small_cpu / small_years));
    }
    std::printf(
        "reference region at 1x and %gx population and capacities, one replication of %.0f days, seed %llu, "
        "%d rounds of one %gx run between %d 1x runs\n",
        k, base.run.horizon_days, static_cast<unsigned long long>(seed), repeats, k, small_runs);
    std::printf("%-4s %10s %14s %12s %9s %9s %9s %9s %12s %12s\n", "", "people", "person-years", "events", "wall s",
                "min s", "max s", "cpu s", "wall s/Mpy", "cpu s/Mpy");
    char name[16];
    print_row("1x", one);
    std::snprintf(name, sizeof name, "%gx", k);
    print_row(name, many);
    const double per_py_one = median(one.seconds) / one.last.person_years;
    const double per_py_many = median(many.seconds) / many.last.person_years;
    const double cpu_one = median(one.cpu_seconds) / one.last.person_years;
    const double cpu_many = median(many.cpu_seconds) / many.last.person_years;
    // The figure this bench printed until 2026-12-02: the two medians come from runs minutes
    // apart, so a drift of the machine's speed between them moves it.
    std::printf("ratio of the medians of the runs, %gx / 1x: %.3f wall, %.3f cpu\n", k, per_py_many / per_py_one,
                cpu_many / cpu_one);
    const auto [lo, hi] = std::minmax_element(ratios.begin(), ratios.end());
    std::string interval;
    try {
      const engine::MedianInterval ci = engine::median_interval(ratios);
      char text[96];
      std::snprintf(text, sizeof text, "%.0f%% interval of the median %.3f to %.3f", 100 * ci.level, ci.lower,
                    ci.upper);
      interval = text;
    } catch (const engine::UsageError& e) {  // too few rounds for one (6 at least), say
      interval = e.what();
    }
    std::printf(
        "cost per person-year, %gx / 1x, cpu, median of %d rounds: %.3f (rounds %.3f to %.3f; %s)   [target <= "
        "1.25]\n",
        k, repeats, median(ratios), *lo, *hi, interval.c_str());
    std::printf("one replication at 1x: %.3f s wall (median)   [target <= 0.2 s]\n", median(one.seconds));
    std::printf("data caches of this machine (cpu 0): %s\n", data_caches().c_str());
    std::printf("first run of each scale in this process, cpu s/Mpy: 1x %.2f, %gx %.2f (ratio %.3f)\n",
                first_one.cpu_seconds / first_one.person_years * 1e6, k,
                first_many.cpu_seconds / first_many.person_years * 1e6,
                (first_many.cpu_seconds / first_many.person_years) / (first_one.cpu_seconds / first_one.person_years));
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "caresim-scale-bench: %s\n", e.what());
    return 1;
  }
}
