#pragma once
// M/M/c (c=10, lambda=9, mu=1): a hand-written loop over a bare future event set (the
// baseline), and the engine's own validation model (Simulator + Resource + streams).
#include <boost/random/exponential_distribution.hpp>
#include <cstdint>
#include <deque>

#include "bench/hold_model.hpp"
#include "validation/queueing_models.hpp"

namespace caresim::bench {

/** M/M/c with a FIFO line, written directly against a future event set. */
template <class Queue>
Sample mmc_loop(std::uint64_t arrivals, std::uint64_t seed) {
  constexpr int servers = 10;
  constexpr engine::EventKind arrival = 0, departure = 1;
  Queue queue;
  engine::RandomStream arrival_rng(engine::StreamKey{seed, 0, engine::purpose_id("arrivals"), 0});
  engine::RandomStream service_rng(engine::StreamKey{seed, 0, engine::purpose_id("service"), 0});
  boost::random::exponential_distribution<double> interarrival(9.0), service(1.0);
  std::uint64_t sequence = 0, arrived = 0, events = 0;
  int busy = 0;
  std::deque<double> line;
  double total_wait = 0;
  auto push = [&](double t, engine::Priority p, engine::EventKind k) {
    queue.push(engine::Event{t, engine::make_order(p, sequence++), 0, k, 0});
  };
  const double start = now_seconds();
  push(interarrival(arrival_rng), engine::Priority::Arrival, arrival);
  engine::Event e{};
  while (queue.pop(e)) {
    ++events;
    if (e.kind == arrival) {
      if (++arrived < arrivals) push(e.time + interarrival(arrival_rng), engine::Priority::Arrival, arrival);
      if (busy < servers) {
        ++busy;
        push(e.time + service(service_rng), engine::Priority::Release, departure);
      } else {
        line.push_back(e.time);
      }
    } else if (!line.empty()) {
      total_wait += e.time - line.front();
      line.pop_front();
      push(e.time + service(service_rng), engine::Priority::Release, departure);
    } else {
      --busy;
    }
  }
  const double seconds = now_seconds() - start;
  if (total_wait < 0) std::printf("impossible\n");
  return Sample{static_cast<double>(events), seconds};
}

/** The engine's M/M/c validation model (what `caresim validate` runs). Like the hand
 *  loops it counts arrivals and departures only; the Resource's own grant events (about
 *  0.67 per arrival here) are left out of `events` and reported in `other_events`. */
inline Sample mmc_engine(std::uint64_t arrivals, std::uint64_t seed) {
  validation::MmcConfig config;
  config.servers = 10;
  config.arrival_rate = 9.0;
  config.service_rate = 1.0;
  config.arrivals = arrivals;
  config.warmup_arrivals = 0;
  const double start = now_seconds();
  const auto result = validation::run_mmc(config, seed, 0);
  const double seconds = now_seconds() - start;
  return Sample{static_cast<double>(result.arrivals_and_departures), seconds,
                static_cast<double>(result.events - result.arrivals_and_departures)};
}

}  // namespace caresim::bench
