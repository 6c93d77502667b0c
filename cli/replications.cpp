#include "cli/replications.hpp"

#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>
#include <thread>

namespace caresim::cli {

std::vector<ReplicationResult> run_replications(const model::Parameters& params, std::uint64_t seed,
                                                const std::vector<std::uint32_t>& ids, unsigned threads,
                                                const BeforeRun& before_run, const AfterRun& after_run) {
  std::vector<ReplicationResult> results(ids.size());
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto work = [&] {
    for (std::size_t i = next++; i < ids.size(); i = next++) {
      try {
        const auto start = std::chrono::steady_clock::now();
        model::CareModel model(params, seed, ids[i]);
        if (before_run) before_run(ids[i], model);
        results[i].indicators = model.run();
        if (after_run) after_run(ids[i], model, results[i].indicators);
        results[i].events = model.events();
        results[i].id = ids[i];
        results[i].seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      } catch (...) {
        const std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        next = ids.size();
      }
    }
  };
  const unsigned n = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(ids.size())));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < n; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
  return results;
}

}  // namespace caresim::cli
