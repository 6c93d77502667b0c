// caresim-trace-sample [--force] PATH: writes a small trace of the reference region (two
// replications of 400 days, trace level events) for the analysis package's test. The
// datasets are the same at every run; only created_utc and command_line differ.
#include <cstring>
#include <exception>
#include <iostream>
#include <string>

#include "care_scenario/bundled.hpp"
#include "io/hdf5_process.hpp"
#include "io/trace_writer.hpp"
#include "models/care_model.hpp"
#include "models/parameters.hpp"

int main(int argc, char** argv) {
  using namespace caresim;
  io::skip_hdf5_cleanup_at_exit();
  std::string path;
  io::TraceOptions options;
  options.level = io::TraceLevel::Events;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--force") == 0) {
      options.force = true;
    } else {
      path = argv[i];
    }
  }
  if (path.empty()) {
    std::cerr << "usage: caresim-trace-sample [--force] PATH\n";
    return 2;
  }
  try {
    model::Parameters params = care_scenario::reference_region_parameters();
    params.run.horizon_days = 400;
    params.run.warmup_days = 0;
    io::TraceProvenance provenance;
    provenance.scenario_yaml = "# the reference region of scenarios/reference-region.yaml, 400 days\n";
    provenance.scenario_path = "(built in)";
    provenance.scenario_hash = "0000000000000000";
    provenance.master_seed = 20250401;
    provenance.replications = {0, 1};
    for (int i = 0; i < argc; ++i) provenance.command_line.append(i ? " " : "").append(argv[i]);

    io::TraceWriter writer(path, params, provenance, options);
    // Replication 0 streams; replication 1 is buffered and submitted, as a worker thread would.
    {
      model::CareModel model(params, provenance.master_seed, 0);
      auto trace = writer.replication(0);
      trace->attach(model);
      trace->finish(model.run());
    }
    {
      model::CareModel model(params, provenance.master_seed, 1);
      auto trace = writer.buffered_replication(1);
      trace->attach(model);
      trace->finish(model.run());
      writer.submit(std::move(trace));
    }
    writer.finish();
    std::cout << "wrote " << path << "\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "caresim-trace-sample: " << e.what() << "\n";
    return 1;
  }
}
