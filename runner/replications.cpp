#include "runner/replications.hpp"

#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>
#include <utility>

namespace caresim::runner {

namespace {

std::string what_of(const std::exception_ptr& cause) {
  try {
    std::rethrow_exception(cause);
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "an exception that is not a std::exception";
  }
}

}  // namespace

ReplicationError::ReplicationError(std::uint32_t id, std::exception_ptr cause)
    : std::runtime_error("replication " + std::to_string(id) + ": " + what_of(cause)),
      id_(id),
      cause_(std::move(cause)) {}

std::vector<ReplicationResult> run_replications(const model::Parameters& params, std::uint64_t seed,
                                                const std::vector<std::uint32_t>& ids, unsigned threads,
                                                const BeforeRun& before_run, const AfterRun& after_run) {
  std::vector<ReplicationResult> results(ids.size());
  constexpr std::size_t kNone = ~std::size_t{0};
  // Positions are handed out in increasing order, so when position k fails every earlier
  // one has started; they run on and may replace it as the earliest failure.
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> first_failed{kNone};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto work = [&] {
    for (std::size_t i = next++; i < ids.size() && i < first_failed.load(); i = next++) {
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
        if (i < first_failed.load()) {
          first_failed = i;
          failure = std::current_exception();
        }
      }
    }
  };
  const unsigned n = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(ids.size())));
  std::vector<std::thread> pool;
  try {
    pool.reserve(n - 1);
    for (unsigned t = 1; t < n; ++t) pool.emplace_back(work);
  } catch (const std::exception&) {
    // The system gives no more threads (std::system_error, or no memory for one): the ones
    // started and this one share the work, and the results are the same (they never depend
    // on the thread count).
  }
  work();
  for (auto& t : pool) t.join();
  if (failure) throw ReplicationError(ids[first_failed.load()], failure);
  return results;
}

}  // namespace caresim::runner
