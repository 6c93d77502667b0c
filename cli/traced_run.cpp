#include "cli/traced_run.hpp"

#include <map>
#include <memory>
#include <mutex>

#include "io/trace_writer.hpp"

namespace caresim::cli {

std::vector<runner::ReplicationResult> run_traced(const LoadedScenario& loaded, const std::string& scenario_path,
                                                  std::uint64_t seed, const std::vector<std::uint32_t>& ids,
                                                  unsigned threads, const TraceRequest& trace,
                                                  runner::CapacityWatch* watch, runner::Progress* progress) {
  runner::BeforeRun watched;
  if (watch != nullptr) watched = [watch](std::uint32_t, model::CareModel& model) { watch->attach(model); };
  runner::AfterRun counted;
  if (progress != nullptr)
    counted = [progress](std::uint32_t, model::CareModel&, const model::IndicatorTable&) { progress->done(); };
  if (trace.path.empty()) return runner::run_replications(loaded.parameters, seed, ids, threads, watched, counted);

  io::TraceProvenance provenance;
  provenance.scenario_yaml = loaded.resolved.to_yaml();
  provenance.scenario_path = scenario_path;
  provenance.scenario_hash = loaded.resolved.hash_hex();
  provenance.master_seed = seed;
  provenance.replications = ids;
  provenance.command_line = trace.command_line;
  io::TraceOptions options;
  options.level = trace.level;
  options.force = trace.force;
  io::TraceWriter writer(trace.path, loaded.parameters, provenance, options);

  // One thread streams (bounded memory); worker threads fill buffered traces that the
  // writer writes in replication order as they are submitted.
  const bool streaming = threads <= 1 || ids.size() <= 1;
  std::mutex mutex;
  std::map<std::uint32_t, std::unique_ptr<io::ReplicationTrace>> open;
  const auto before = [&](std::uint32_t id, model::CareModel& model) {
    if (watched) watched(id, model);
    auto t = streaming ? writer.replication(id) : writer.buffered_replication(id);
    t->attach(model);
    const std::lock_guard lock(mutex);
    open[id] = std::move(t);
  };
  const auto after = [&](std::uint32_t id, model::CareModel&, const model::IndicatorTable& table) {
    std::unique_ptr<io::ReplicationTrace> t;
    {
      const std::lock_guard lock(mutex);
      t = std::move(open.at(id));
      open.erase(id);
    }
    t->finish(table);
    if (!streaming) writer.submit(std::move(t));
    if (progress != nullptr) progress->done();
  };
  auto results = runner::run_replications(loaded.parameters, seed, ids, threads, before, after);
  writer.finish();
  return results;
}

std::string command_line(const std::string& command, const std::vector<std::string>& args) {
  std::string line = "caresim " + command;
  for (const std::string& a : args) line.append(" ").append(a);
  return line;
}

}  // namespace caresim::cli
