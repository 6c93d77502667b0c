#include "validation/queueing_models.hpp"

#include <boost/random/exponential_distribution.hpp>
#include <vector>

#include "engine/core/simulator.hpp"
#include "engine/resource/resource.hpp"
#include "engine/rng/random_stream.hpp"
#include "engine/stats/tally.hpp"

namespace caresim::validation {

using engine::Priority;
using engine::Simulator;

namespace {

// Stream purposes. Service times are keyed by customer, so a customer's service time
// does not depend on what happened to earlier customers (common random numbers).
constexpr std::uint32_t kArrivals = engine::purpose_id("validation.arrivals");
constexpr std::uint32_t kService = engine::purpose_id("validation.service");

/** Counts arrivals and marks the end of the warm-up; shared by both models. */
struct Window {
  std::uint64_t arrived = 0;
  std::uint64_t counted = 0;
  double start = 0;
  double end = 0;
};

}  // namespace

MmcResult run_mmc(const MmcConfig& config, std::uint64_t seed, std::uint32_t replication) {
  Simulator sim;
  const engine::RandomSource source(seed, replication);
  auto arrival_stream = source.stream(kArrivals);
  boost::random::exponential_distribution<double> interarrival(config.arrival_rate);
  boost::random::exponential_distribution<double> service(config.service_rate);
  engine::Tally service_times;
  Window window;
  std::uint64_t accepted = 0;
  std::uint64_t departures = 0;

  engine::EventKind departure = 0;  // defined below; start_service refers to it
  engine::Resource servers(sim, "servers", config.servers);
  auto start_service = [&](std::uint64_t customer) {
    auto stream = source.stream(kService, customer);
    const double s = service(stream);
    if (customer >= config.warmup_arrivals) service_times.add(s);
    sim.schedule_in(s, Priority::Release, departure, customer);
  };
  departure = sim.define_event("departure", [&](Simulator&, std::uint64_t customer) {
    ++departures;
    servers.release(customer);
  });
  servers.set_grant_handler(start_service);

  engine::EventKind arrival = 0;
  arrival = sim.define_event("arrival", [&](Simulator& s, std::uint64_t customer) {
    if (customer == config.warmup_arrivals) {
      servers.reset_statistics();
      window.start = s.now();
    }
    ++window.arrived;
    const bool counted = customer >= config.warmup_arrivals;
    if (counted) {
      ++window.counted;
      window.end = s.now();
    }
    if (config.loss) {
      if (servers.try_acquire(customer)) {
        if (counted) ++accepted;
        start_service(customer);
      }
    } else {
      if (counted) ++accepted;
      servers.acquire(customer);
    }
    if (customer + 1 < config.arrivals)
      s.schedule_in(interarrival(arrival_stream), Priority::Arrival, arrival, customer + 1);
  });

  sim.schedule(interarrival(arrival_stream), Priority::Arrival, arrival, 0);
  // Statistics run up to the last arrival; the queue then drains without being measured.
  while (window.arrived < config.arrivals) sim.step();
  const double end = sim.now();
  MmcResult r;
  r.mean_wait = servers.waiting_times().mean();
  r.mean_queue_length = servers.queue_stats().mean(end);
  r.mean_busy = servers.in_use_stats().mean(end);
  const double span = window.end - window.start;
  r.arrival_rate = static_cast<double>(window.counted) / span;
  r.accepted_rate = static_cast<double>(accepted) / span;
  r.blocking = 1.0 - static_cast<double>(accepted) / static_cast<double>(window.counted);
  r.mean_service = service_times.mean();
  sim.run();
  r.events = sim.events_fired();
  r.arrivals_and_departures = window.arrived + departures;
  return r;
}

MgInfResult run_mginf(const MgInfConfig& config, std::uint64_t seed, std::uint32_t replication) {
  Simulator sim;
  const engine::RandomSource source(seed, replication);
  auto arrival_stream = source.stream(kArrivals);
  boost::random::exponential_distribution<double> interarrival(config.arrival_rate);
  engine::Tally service_times;
  Window window;
  // "Unlimited" servers: a capacity no run can reach, so the Resource's statistics
  // (time-average units in use) measure the occupancy.
  engine::Resource servers(sim, "servers", std::int64_t{1} << 40);

  const engine::EventKind departure =
      sim.define_event("departure", [&](Simulator&, std::uint64_t customer) { servers.release(customer); });
  engine::EventKind arrival = 0;
  arrival = sim.define_event("arrival", [&](Simulator& s, std::uint64_t customer) {
    if (customer == config.warmup_arrivals) {
      servers.reset_statistics();
      window.start = s.now();
    }
    ++window.arrived;
    auto stream = source.stream(kService, customer);
    const double service = config.service.sample(stream);
    if (customer >= config.warmup_arrivals) {
      ++window.counted;
      window.end = s.now();
      service_times.add(service);
    }
    servers.try_acquire(customer);
    s.schedule_in(service, Priority::Release, departure, customer);
    if (customer + 1 < config.arrivals)
      s.schedule_in(interarrival(arrival_stream), Priority::Arrival, arrival, customer + 1);
  });

  sim.schedule(interarrival(arrival_stream), Priority::Arrival, arrival, 0);
  while (window.arrived < config.arrivals) sim.step();
  MgInfResult r;
  r.mean_occupancy = servers.in_use_stats().mean(sim.now());
  r.arrival_rate = static_cast<double>(window.counted) / (window.end - window.start);
  r.mean_service = service_times.mean();
  sim.run();
  r.events = sim.events_fired();
  return r;
}

}  // namespace caresim::validation
