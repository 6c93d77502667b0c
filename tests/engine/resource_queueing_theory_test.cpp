// Resource against queueing theory: Erlang B (loss), Erlang C (delay), Little's law and
// flow balance under reneging. Long runs, so they sit in the "slow" suite.
//
// Random numbers come from a local SplitMix64 so that this test depends on nothing but
// the resource and statistics layers; the seeds are fixed, so every run is identical.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "engine/core/simulator.hpp"
#include "engine/observe/recorder.hpp"
#include "engine/resource/resource.hpp"
#include "engine/stats/batch_means.hpp"
#include "engine/stats/warmup_cutoff.hpp"
#include "split_mix.hpp"

using namespace caresim::engine;
using caresim::engine::testing::SplitMix;

namespace {

// Erlang B by the stable recursion B(k) = a B(k-1) / (k + a B(k-1)).
double erlang_b(int c, double a) {
  double b = 1;
  for (int k = 1; k <= c; ++k) b = a * b / (k + a * b);
  return b;
}
double erlang_c(int c, double a) {
  const double b = erlang_b(c, a);
  return c * b / (c - a * (1 - b));
}

// Waiting times of grants after the warm-up, read from the resource's records.
struct WaitLog : Recorder<ResourceRecord> {
  bool on = false;
  std::vector<double> waits;
  void record(const ResourceRecord& r) override {
    if (on && (r.event == ResourceEvent::Grant || r.event == ResourceEvent::ImmediateGrant)) waits.push_back(r.waited);
  }
};

// M/M/c with Poisson arrivals (rate lambda per day) and exponential stays (rate mu).
// With `loss`, arrivals use try_acquire and are lost when it fails (M/M/c/c).
struct MMc {
  Simulator sim;
  SplitMix rng;
  double lambda, mu;
  Time patience;
  bool loss;
  Resource res;
  EventKind arrive = 0, depart = 0;
  std::uint64_t next_client = 0;
  std::vector<double> blocked;  // 1 if an arrival after the warm-up was lost, else 0
  bool after_warmup = false;

  MMc(int c, double lambda_, double mu_, std::uint64_t seed, bool loss_ = false, Time patience_ = Resource::kForever)
      : rng{seed},
        lambda(lambda_),
        mu(mu_),
        patience(patience_),
        loss(loss_),
        res(sim, "servers", c, QueueDiscipline::Fifo,
            [this](std::uint64_t client) { sim.schedule_in(rng.exponential(mu), Priority::Release, depart, client); }) {
    depart = sim.define_event("depart", [this](Simulator&, std::uint64_t client) { res.release(client); });
    arrive = sim.define_event("arrive", [this](Simulator& s, std::uint64_t) {
      const std::uint64_t client = next_client++;
      if (loss) {
        const bool taken = res.try_acquire(client);
        if (taken) s.schedule_in(rng.exponential(mu), Priority::Release, depart, client);
        if (after_warmup) blocked.push_back(taken ? 0.0 : 1.0);
      } else {
        res.acquire(client, 1, 0, patience);
      }
      s.schedule_in(rng.exponential(lambda), Priority::Arrival, arrive);
    });
    sim.schedule(rng.exponential(lambda), Priority::Arrival, arrive);
  }
};
}  // namespace

TEST_SUITE("slow") {
  TEST_CASE("try_acquire refusals on an M/M/c/c resource match Erlang B") {
    const int c = 5;
    const double lambda = 4, mu = 1;
    MMc m(c, lambda, mu, 20240601, true);
    WarmupCutoff warmup(m.sim, 100);
    warmup.on_cutoff([&](Time) {
      m.res.reset_statistics();
      m.after_warmup = true;
    });
    m.sim.run_until(100 + 20000);
    const double expected = erlang_b(c, lambda / mu);  // 0.1991
    const ConfidenceInterval ci = BatchMeans::of_observations(m.blocked, 20).interval(0.99);
    INFO("blocking " << ci.mean << " +- " << ci.half_width << ", Erlang B " << expected);
    CHECK(ci.contains(expected));
    CHECK(ci.half_width < 0.01);
    // Carried load: a (1 - B) servers busy on average.
    CHECK(m.res.in_use_stats().mean(m.sim.now()) == doctest::Approx(lambda / mu * (1 - expected)).epsilon(0.02));
    CHECK(m.res.queue_length() == 0);
    CHECK(static_cast<double>(m.res.refusals()) == doctest::Approx(expected * m.blocked.size()).epsilon(0.03));
  }

  TEST_CASE("waiting on an M/M/c resource matches Erlang C and Little's law") {
    const int c = 5;
    const double lambda = 4, mu = 1, a = lambda / mu;
    MMc m(c, lambda, mu, 77);
    WaitLog log;
    m.res.set_recorder(&log);
    WarmupCutoff warmup(m.sim, 200);
    warmup.on_cutoff([&](Time) {
      m.res.reset_statistics();
      log.on = true;
    });
    const Time end = 200 + 40000;
    m.sim.run_until(end);
    const double p_wait = erlang_c(c, a);          // 0.5541
    const double wq = p_wait / (c * mu - lambda);  // 0.5541 days
    const ConfidenceInterval ci = BatchMeans::of_observations(log.waits, 20).interval(0.99);
    INFO("mean wait " << ci.mean << " +- " << ci.half_width << ", Erlang C " << wq);
    CHECK(ci.contains(wq));
    CHECK(ci.half_width < 0.2 * wq);  // waits at 80% load are strongly autocorrelated
    const double queued_share = static_cast<double>(m.res.queued_grants()) / static_cast<double>(m.res.grants());
    CHECK(queued_share == doctest::Approx(p_wait).epsilon(0.03));
    CHECK(m.res.waiting_times().mean() == doctest::Approx(ci.mean).epsilon(0.01));
    // Little's law on the sample path: Lq = (grants per day) x (mean wait), and both
    // against theory: Lq = lambda Wq, L_busy = a.
    const double window = end - 200;
    const double lq = m.res.queue_stats().mean(end);
    const double throughput = static_cast<double>(m.res.grants()) / window;
    CHECK(lq == doctest::Approx(throughput * m.res.waiting_times().mean()).epsilon(0.01));
    CHECK(lq == doctest::Approx(lambda * wq).epsilon(0.08));
    CHECK(m.res.in_use_stats().mean(end) == doctest::Approx(a).epsilon(0.02));
    CHECK(m.res.in_use_stats().max() == c);
  }

  TEST_CASE("under reneging every request is granted or reneges or still waits") {
    const int c = 3;
    const double lambda = 5, mu = 1;  // overloaded: reneging keeps the line finite
    MMc m(c, lambda, mu, 4242, false, 0.5);
    m.sim.run_until(5000);
    const std::uint64_t arrived = m.next_client;
    CHECK(m.res.reneges() > 0);
    CHECK(m.res.grants() + m.res.reneges() + m.res.queue_length() == arrived);
    CHECK(m.res.waiting_times().max() <= 0.5);
    CHECK(m.res.in_use() <= c);
    // Every pending event is a departure, an arrival, a grant pass or a live patience timer.
    CHECK(m.sim.pending() <= static_cast<std::size_t>(m.res.in_use()) + 2 + m.res.queue_length());
  }
}
