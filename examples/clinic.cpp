// A walk-in clinic on the engine: M/M/c with reneging (M/M/c+M). Patients arrive at random,
// wait in one line for the first of c doctors, are seen for an exponential time, and leave
// unseen when their exponential patience runs out first. Beside each simulated figure it
// prints the exact Erlang-A value (Palm 1943; Garnett, Mandelbaum & Reiman 2002), so a reader
// can see the engine is right. Times are minutes: the clock is a plain number (the care
// model reads it as days). Build and run: `build/examples/caresim-example-clinic`.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "engine/core/simulator.hpp"
#include "engine/resource/resource.hpp"
#include "engine/rng/distributions.hpp"
#include "engine/rng/random_stream.hpp"

using namespace caresim::engine;

namespace {
constexpr int kDoctors = 3;
constexpr double kArrivalRate = 1.0 / 4;   // patients per minute
constexpr double kServiceRate = 1.0 / 10;  // consultations per doctor per minute
constexpr double kRenegeRate = 1.0 / 15;   // 1 / mean patience (minutes)
constexpr std::uint64_t kPatients = 200'000;
constexpr std::uint64_t kSeed = 2025;

// Erlang-A: the number present is a birth-death chain with birth rate lambda and death rate
// min(n, c) mu + max(n - c, 0) theta; its stationary law, summed until the terms vanish,
// gives the mean line length Lq. Then P(renege) = theta Lq / lambda and, by Little's law, the
// mean wait of all arrivals (served or not) is Lq / lambda.
struct Figures {
  double served, reneged, mean_wait, utilisation;
};
Figures erlang_a() {
  double p = 1, total = 0, busy = 0, line = 0;
  for (int n = 0; p > 1e-18 * total; ++n) {
    total += p;
    busy += std::min(n, kDoctors) * p;
    line += std::max(n - kDoctors, 0) * p;
    p *= kArrivalRate / (std::min(n + 1, kDoctors) * kServiceRate + std::max(n + 1 - kDoctors, 0) * kRenegeRate);
  }
  const double lq = line / total, reneged = kRenegeRate * lq / kArrivalRate;
  return {1 - reneged, reneged, lq / kArrivalRate, busy / total / kDoctors};
}
}  // namespace

int main() {
  Simulator sim;
  Resource doctors(sim, "doctors", kDoctors);  // FIFO line; grants fire as Priority::Acquire
  // One named stream per random process, keyed by (seed, replication, purpose, entity).
  RandomStream gaps({kSeed, 0, purpose_id("arrival"), 0}), consult({kSeed, 0, purpose_id("consultation"), 0}),
      patience({kSeed, 0, purpose_id("patience"), 0});
  const Distribution gap = Distribution::exponential(1 / kArrivalRate);
  const Distribution consultation = Distribution::exponential(1 / kServiceRate);
  const Distribution wait_limit = Distribution::exponential(1 / kRenegeRate);

  std::vector<Time> arrived;  // by patient number: the client id given to the Resource
  double waited = 0;
  std::uint64_t served = 0, reneged = 0;
  const EventKind done = sim.define_event("consultation ends", [&](Simulator&, std::uint64_t who) {
    doctors.release(who);  // Priority::Release: a freed doctor is free before same-time grants
  });
  doctors.set_grant_handler([&](std::uint64_t who) {
    ++served;
    waited += sim.now() - arrived[who];
    sim.schedule_in(consultation.sample(consult), Priority::Release, done, who);
  });
  doctors.set_renege_handler([&](std::uint64_t who) {
    ++reneged;
    waited += sim.now() - arrived[who];
  });
  EventKind arrive = 0;
  arrive = sim.define_event("patient arrives", [&](Simulator& s, std::uint64_t who) {
    arrived.push_back(s.now());
    doctors.acquire(who, 1, 0, wait_limit.sample(patience));  // may be granted at once
    if (who + 1 < kPatients) s.schedule_in(gap.sample(gaps), Priority::Arrival, arrive, who + 1);
  });
  sim.schedule(0, Priority::Arrival, arrive, 0);
  sim.run();

  const Figures theory = erlang_a();
  const double n = static_cast<double>(kPatients);
  std::printf("clinic: M/M/%d+M, %llu patients, seed %llu, %llu events\n", kDoctors,
              static_cast<unsigned long long>(kPatients), static_cast<unsigned long long>(kSeed),
              static_cast<unsigned long long>(sim.events_fired()));
  std::printf("%-28s %10s %10s\n", "", "simulated", "Erlang-A");
  std::printf("%-28s %10.4f %10.4f\n", "served (share of arrivals)", served / n, theory.served);
  std::printf("%-28s %10.4f %10.4f\n", "reneged (share of arrivals)", reneged / n, theory.reneged);
  std::printf("%-28s %10.3f %10.3f\n", "mean wait, all (minutes)", waited / n, theory.mean_wait);
  std::printf("%-28s %10.4f %10.4f\n", "doctor utilisation", doctors.in_use_stats().mean(sim.now()) / kDoctors,
              theory.utilisation);
}
