#pragma once
// The classic hold model: N events pending; each popped event schedules one at
// now + Exp(1). Measures the future event set alone (raw) and the whole Simulator.
#include <boost/random/exponential_distribution.hpp>
#include <cstdint>

#include "bench/measure.hpp"
#include "engine/core/ladder_queue.hpp"
#include "engine/core/simulator.hpp"
#include "engine/rng/random_stream.hpp"

namespace caresim::bench {

inline engine::RandomStream bench_stream(std::uint64_t seed) {
  return engine::RandomStream(engine::StreamKey{seed, 0, engine::purpose_id("hold"), 0});
}

/** Adapts LadderQueue's push signature to the reference heaps' push(Event). */
struct LadderAdapter {
  engine::LadderQueue q;
  void push(const engine::Event& e) { q.push(e.time, e.order, e.kind, e.payload); }
  void reserve(std::size_t n) { q.reserve(n); }
  bool pop(engine::Event& out) { return q.pop(out); }
};

/** Hold model on a bare future event set `Queue` (push(Event), pop(Event&)). */
template <class Queue>
Sample hold_raw(std::size_t pending, std::uint64_t operations, std::uint64_t seed) {
  Queue queue;
  queue.reserve(pending);
  auto rng = bench_stream(seed);
  boost::random::exponential_distribution<double> exp1(1.0);
  std::uint64_t sequence = 0;
  for (std::size_t i = 0; i < pending; ++i) {
    queue.push(engine::Event{exp1(rng), engine::make_order(engine::Priority::Arrival, sequence++), i, 0, 0});
  }
  const double start = now_seconds();
  engine::Event e{};
  for (std::uint64_t i = 0; i < operations; ++i) {
    queue.pop(e);
    e.time += exp1(rng);
    e.order = engine::make_order(engine::Priority::Arrival, sequence++);
    queue.push(e);
  }
  const double seconds = now_seconds() - start;
  // Keep the result observable so the loop is not optimised away.
  if (e.time < 0) std::printf("impossible\n");
  return Sample{static_cast<double>(operations), seconds};
}

/** Hold model through the Simulator: each event's handler schedules the next one. */
inline Sample hold_simulator(std::size_t pending, std::uint64_t operations, std::uint64_t seed) {
  engine::Simulator sim;
  sim.reserve(pending);
  auto rng = bench_stream(seed);
  boost::random::exponential_distribution<double> exp1(1.0);
  engine::EventKind hold = 0;
  hold = sim.define_event("hold", [&](engine::Simulator& s, std::uint64_t payload) {
    s.schedule_in(exp1(rng), engine::Priority::Arrival, hold, payload);
  });
  for (std::size_t i = 0; i < pending; ++i) sim.schedule(exp1(rng), engine::Priority::Arrival, hold, i);
  const double start = now_seconds();
  for (std::uint64_t i = 0; i < operations; ++i) sim.step();
  const double seconds = now_seconds() - start;
  return Sample{static_cast<double>(operations), seconds};
}

}  // namespace caresim::bench
