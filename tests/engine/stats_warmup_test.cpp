// The warm-up convention: one Observe-priority event resets the registered statistics, or,
// for an observer without a Simulator, the first observation at or after the warm-up time.
#include <doctest/doctest.h>

#include <cstdint>

#include "engine/core/error.hpp"
#include "engine/core/simulator.hpp"
#include "engine/resource/resource.hpp"
#include "engine/stats/tally.hpp"
#include "engine/stats/time_weighted.hpp"
#include "engine/stats/warmup_cutoff.hpp"

using namespace caresim::engine;

TEST_CASE("the warm-up cut-off resets statistics after every other event at its time") {
  Simulator sim;
  WarmupCutoff warmup(sim, 10);
  TimeWeighted level(0, 0);
  Tally waits;
  warmup.on_cutoff([&](Time t) { level.reset(t); });
  warmup.on_cutoff([&](Time) { waits.clear(); });
  // An arrival at exactly t = 10 is scheduled after the cut-off but fires before it.
  const EventKind arrive = sim.define_event("arrive", [&](Simulator& s, std::uint64_t v) {
    level.update(s.now(), static_cast<double>(v));
    waits.add(static_cast<double>(v));
  });
  sim.schedule(4, Priority::Arrival, arrive, 6);
  sim.schedule(10, Priority::Arrival, arrive, 2);
  sim.schedule(15, Priority::Arrival, arrive, 4);
  sim.run_until(20);
  CHECK(warmup.passed());
  CHECK(level.start_time() == 10);
  CHECK(level.mean(20) == doctest::Approx((2 * 5 + 4 * 5) / 10.0));
  CHECK(waits.count() == 1);
  CHECK(waits.mean() == 4);
}

TEST_CASE("a resource's statistics restart at the warm-up cut-off") {
  Simulator sim;
  Resource res(sim, "pool", 2, QueueDiscipline::Fifo, [](std::uint64_t) {});
  WarmupCutoff warmup(sim, 5);
  warmup.on_cutoff([&](Time) { res.reset_statistics(); });
  res.acquire(1, 2);
  res.acquire(2);
  sim.run_until(8);
  CHECK(res.in_use_stats().mean(8) == doctest::Approx(2.0));
  CHECK(res.queue_stats().mean(8) == doctest::Approx(1.0));
  CHECK(res.grants() == 0);
  CHECK(res.waiting_times().count() == 0);
  CHECK(res.in_use() == 2);  // the state is untouched
}

TEST_CASE("a warm-up in the past or a reset registered too late is rejected") {
  Simulator sim;
  sim.run_until(3);
  CHECK_THROWS_WITH_AS(WarmupCutoff(sim, 2),
                       "WarmupCutoff at t=2: the warm-up time must be finite and not before the current time t=3",
                       UsageError);
  WarmupCutoff warmup(sim, 4);
  sim.run_until(5);
  CHECK_THROWS_WITH_AS(warmup.on_cutoff([](Time) {}),
                       "WarmupCutoff::on_cutoff: the cut-off at t=4 has already passed; register resets before running "
                       "past it",
                       UsageError);
}

TEST_CASE("a cut-off without a simulator resets at its time on the first observation at or after it") {
  WarmupCutoff warmup(10);
  TimeWeighted level(0, 0);
  Tally counts;
  int resets = 0;
  warmup.on_cutoff([&](Time t) {
    level.reset(t);
    counts.clear();
    ++resets;
  });
  auto observe = [&](Time t, double v) {
    warmup.observe(t);
    level.update(t, v);
    counts.add(v);
  };
  observe(4, 6);
  observe(8, 3);
  CHECK_FALSE(warmup.passed());
  observe(12, 5);  // the first observation past the cut: the window starts at 10, not 12
  CHECK(warmup.passed());
  CHECK(level.start_time() == 10);
  observe(12, 1);
  observe(16, 2);
  CHECK(resets == 1);
  CHECK(level.integral(20) == doctest::Approx(3 * 2 + 1 * 4 + 2 * 4));
  CHECK(counts.count() == 3);
  // An observation at exactly the cut-off time is measured.
  WarmupCutoff at_ten(10);
  Tally measured;
  at_ten.on_cutoff([&](Time) { measured.clear(); });
  for (const Time t : {9.0, 10.0, 11.0}) {
    at_ten.observe(t);
    measured.add(t);
  }
  CHECK(measured.count() == 2);
  CHECK(measured.min() == 10);
}

TEST_CASE("a cut-off without a simulator rejects a negative time and observe() is only for it") {
  CHECK_THROWS_WITH_AS(WarmupCutoff(-1), "WarmupCutoff at t=-1: the warm-up time must be finite and not negative",
                       UsageError);
  Simulator sim;
  WarmupCutoff scheduled(sim, 5);
  CHECK_THROWS_WITH_AS(scheduled.observe(6),
                       "WarmupCutoff::observe(t=6): this cut-off at t=5 is an event of its Simulator; observe() drives "
                       "a cut-off made without one",
                       UsageError);
  WarmupCutoff driven(5);
  driven.observe(5);
  CHECK_THROWS_WITH_AS(driven.on_cutoff([](Time) {}),
                       "WarmupCutoff::on_cutoff: the cut-off at t=5 has already passed; register resets before running "
                       "past it",
                       UsageError);
}
