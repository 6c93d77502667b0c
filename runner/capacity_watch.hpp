#pragma once
// Which capacities never bound over a run's replications: a facility whose units in use
// never reached its capacity and whose waiting line was always empty, from its Resource's
// own records (engine::ResourceRecord), over the whole run (warm-up included). For
// `caresim run --warn-unbound`.
#include <cstdint>
#include <deque>
#include <mutex>
#include <vector>

#include "engine/observe/recorder.hpp"
#include "engine/resource/resource_record.hpp"
#include "models/care_model.hpp"
#include "models/facilities.hpp"

namespace caresim::runner {

/** A facility that never bound, with its peaks over every replication watched. */
struct UnboundCapacity {
  model::FacilityId facility{};
  std::int64_t peak_in_use = 0;
  std::int64_t peak_capacity = 0;
};

/** Watches every facility with a Resource (all but a hub's coordinators) of the models it
 *  is attached to; attach() may be called from several worker threads at once. */
class CapacityWatch {
 public:
  CapacityWatch() = default;
  CapacityWatch(const CapacityWatch&) = delete;
  CapacityWatch& operator=(const CapacityWatch&) = delete;

  /** Listens to `model`'s facilities; call before its run(). The watch must outlive the run. */
  void attach(model::CareModel& model);

  /** The facilities that never bound in any replication watched, in facility-table order:
   *  in use below capacity at every record and nobody waiting. A facility whose capacity
   *  was 0 throughout is not listed (it has nothing to bind). */
  std::vector<UnboundCapacity> never_bound() const;

 private:
  struct Probe : engine::Recorder<engine::ResourceRecord> {
    explicit Probe(model::FacilityId f) : facility(f) {}
    void record(const engine::ResourceRecord& r) override;
    model::FacilityId facility;
    std::int64_t peak_in_use = 0, peak_capacity = 0;
    bool bound = false;
  };
  mutable std::mutex mutex_;
  std::deque<Probe> probes_;  // stable addresses: the models keep pointers to them
};

}  // namespace caresim::runner
