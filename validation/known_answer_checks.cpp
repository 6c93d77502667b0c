#include "validation/known_answer_checks.hpp"

#include <cmath>
#include <cstdio>
#include <functional>

#include "engine/stats/confidence_interval.hpp"
#include "engine/stats/tally.hpp"
#include "validation/queueing_models.hpp"
#include "validation/theory.hpp"

namespace caresim::validation {

namespace {

Check compare(std::string model, std::string quantity, const engine::Tally& simulated, double theory,
              Criterion criterion) {
  Check c;
  c.model = std::move(model);
  c.quantity = std::move(quantity);
  c.simulated = simulated.mean();
  c.half_width = engine::student_t_interval(simulated, 0.95).half_width;
  c.theory = theory;
  c.relative_error = (c.simulated - theory) / theory;
  c.criterion = criterion;
  if (criterion == Criterion::TheoryInConfidenceInterval) {
    const double hw99 = engine::student_t_interval(simulated, 0.99).half_width;
    c.pass = std::abs(c.simulated - theory) <= hw99 && hw99 <= 0.10 * std::abs(theory);
  } else {
    c.pass = std::abs(c.relative_error) <= 0.01;
  }
  return c;
}

}  // namespace

std::vector<Check> run_known_answer_checks(const ValidationOptions& options) {
  std::vector<Check> checks;
  const int c = 10;
  const double lambda = 9.0, mu = 1.0;
  const std::string mmc_name = "M/M/10 lambda=9 mu=1";
  const std::string loss_name = "M/M/10/10 lambda=9 mu=1";
  const std::string inf_name = "M/G/inf lambda=9 S~LN(1;2)";

  MmcConfig queue;
  queue.servers = c;
  queue.arrival_rate = lambda;
  queue.service_rate = mu;
  queue.arrivals = options.arrivals;
  queue.warmup_arrivals = options.warmup_arrivals;
  MmcConfig loss = queue;
  loss.loss = true;
  MgInfConfig infinite;
  infinite.arrival_rate = lambda;
  infinite.arrivals = options.arrivals;
  infinite.warmup_arrivals = options.warmup_arrivals;

  engine::Tally wq, lq, little_wq, blocking, busy, little_busy, occupancy, little_occupancy;
  for (std::uint32_t r = 0; r < options.replications; ++r) {
    const MmcResult q = run_mmc(queue, options.seed, r);
    wq.add(q.mean_wait);
    lq.add(q.mean_queue_length);
    little_wq.add(q.arrival_rate * q.mean_wait);
    const MmcResult l = run_mmc(loss, options.seed, r);
    blocking.add(l.blocking);
    busy.add(l.mean_busy);
    little_busy.add(l.accepted_rate * l.mean_service);
    const MgInfResult m = run_mginf(infinite, options.seed, r);
    occupancy.add(m.mean_occupancy);
    little_occupancy.add(m.arrival_rate * m.mean_service);
  }
  const double erlang_b_value = erlang_b(c, lambda / mu);
  checks.push_back(compare(mmc_name, "mean wait in line Wq vs Erlang C (days)", wq, mmc_mean_wait(c, lambda, mu),
                           Criterion::TheoryInConfidenceInterval));
  checks.push_back(
      compare(mmc_name, "Little: Lq vs lambda*Wq (observed)", lq, little_wq.mean(), Criterion::WithinOnePercent));
  checks.push_back(compare(loss_name, "blocking probability vs Erlang B", blocking, erlang_b_value,
                           Criterion::TheoryInConfidenceInterval));
  checks.push_back(compare(loss_name, "busy servers vs a(1-B)", busy, (lambda / mu) * (1 - erlang_b_value),
                           Criterion::TheoryInConfidenceInterval));
  checks.push_back(
      compare(loss_name, "Little: busy vs accepted rate*S", busy, little_busy.mean(), Criterion::WithinOnePercent));
  checks.push_back(compare(inf_name, "mean occupancy vs lambda*E[S]", occupancy, lambda * infinite.service.mean(),
                           Criterion::TheoryInConfidenceInterval));
  checks.push_back(compare(inf_name, "Little: L vs lambda*W (observed)", occupancy, little_occupancy.mean(),
                           Criterion::WithinOnePercent));
  return checks;
}

std::string format_checks(const std::vector<Check>& checks, const ValidationOptions& options) {
  std::string out;
  char line[512];
  std::snprintf(line, sizeof line,
                "caresim validate: the engine against queueing theory (%u replications x %llu arrivals, "
                "first %llu as warm-up, seed %llu)\n\n",
                options.replications, static_cast<unsigned long long>(options.arrivals),
                static_cast<unsigned long long>(options.warmup_arrivals),
                static_cast<unsigned long long>(options.seed));
  out += line;
  std::snprintf(line, sizeof line, "%-27s %-41s %10s %9s %10s %9s  %s\n", "model", "quantity", "simulated", "+-95%CI",
                "theory", "rel.err", "result");
  out += line;
  int passed = 0, failed = 0;
  for (const Check& c : checks) {
    std::snprintf(line, sizeof line, "%-27s %-41s %10.5f %9.5f %10.5f %+8.3f%%  %s\n", c.model.c_str(),
                  c.quantity.c_str(), c.simulated, c.half_width, c.theory, 100 * c.relative_error,
                  c.pass ? "pass" : "FAIL");
    out += line;
    (c.pass ? passed : failed)++;
  }
  out += "\ncriteria: theory inside the 99% CI with half-width <= 10% of theory; identities within 1%\n";
  std::snprintf(line, sizeof line, "validate: %d passed, %d failed\n", passed, failed);
  out += line;
  return out;
}

}  // namespace caresim::validation
