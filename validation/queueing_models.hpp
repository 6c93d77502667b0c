#pragma once
// Queueing models with known answers, built from engine parts only (Simulator, Resource,
// random streams, statistics). `caresim validate`, the tests and the benchmark run them.
#include <cstdint>

#include "engine/rng/distributions.hpp"

namespace caresim::validation {

/** An M/M/c queue (FIFO line) or, with `loss`, an M/M/c/c loss system where an arrival
 *  that finds every server busy leaves (try_acquire). Rates per day. */
struct MmcConfig {
  int servers = 10;
  double arrival_rate = 9.0;
  double service_rate = 1.0;
  bool loss = false;
  std::uint64_t arrivals = 200'000;        ///< arrivals in total, warm-up included
  std::uint64_t warmup_arrivals = 20'000;  ///< statistics restart at this arrival
};

/** What one replication of MmcConfig measured after the warm-up. Times in days. */
struct MmcResult {
  double mean_wait = 0;                       ///< mean wait in line of granted customers (Wq)
  double mean_queue_length = 0;               ///< time-average number waiting (Lq)
  double mean_busy = 0;                       ///< time-average busy servers
  double blocking = 0;                        ///< share of arrivals turned away (loss system)
  double arrival_rate = 0;                    ///< observed arrivals per day in the window
  double accepted_rate = 0;                   ///< observed accepted arrivals per day
  double mean_service = 0;                    ///< mean service time of accepted customers
  std::uint64_t events = 0;                   ///< events fired, warm-up included (the Resource's grants too)
  std::uint64_t arrivals_and_departures = 0;  ///< of those, arrival and departure events
};

/** Runs one replication with streams keyed by (seed, replication). */
MmcResult run_mmc(const MmcConfig& config, std::uint64_t seed, std::uint32_t replication);

/** An M/G/inf system: Poisson arrivals, general service, unlimited servers. */
struct MgInfConfig {
  double arrival_rate = 9.0;
  /** Service time; lognormal with mean 1 and sd 2 by default (far from exponential). */
  engine::Distribution service = engine::Distribution::lognormal_mean_sd(1.0, 2.0);
  std::uint64_t arrivals = 200'000;
  std::uint64_t warmup_arrivals = 20'000;
};

/** What one replication of MgInfConfig measured after the warm-up. */
struct MgInfResult {
  double mean_occupancy = 0;  ///< time-average number in service (L)
  double arrival_rate = 0;    ///< observed arrivals per day in the window
  double mean_service = 0;    ///< mean realised service time (W)
  std::uint64_t events = 0;
};

/** Runs one replication with streams keyed by (seed, replication). */
MgInfResult run_mginf(const MgInfConfig& config, std::uint64_t seed, std::uint32_t replication);

}  // namespace caresim::validation
