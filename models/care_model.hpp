#pragma once
// The care-system model of one region: the public face of caresim::model.
#include <cstdint>
#include <memory>

#include "engine/observe/recorder.hpp"
#include "engine/resource/resource_record.hpp"
#include "models/facilities.hpp"
#include "models/indicator_table.hpp"
#include "models/parameters.hpp"
#include "models/records.hpp"
#include "models/service.hpp"

namespace caresim::model {

class ModelState;
class IndicatorCollector;

/** One replication of the model. Same parameters, seed and replication give bit-identical
 *  records and indicators. Build, attach recorders, run() once. */
class CareModel {
 public:
  /** A replication of `params` (copied) under master seed `seed`. Throws
   *  std::invalid_argument for inconsistent parameters (e.g. housing not one per
   *  municipality, a site in an unknown municipality, a warm-up outside [0, horizon]). */
  CareModel(const Parameters& params, std::uint64_t seed, std::uint32_t replication);
  /** A replication with `services` added (models/service.hpp): their facility rows, hooks,
   *  crisis factors and indicators. With none it is the built-in model. Throws as above,
   *  and std::invalid_argument for a service row FacilityTable::add refuses. */
  CareModel(const Parameters& params, std::uint64_t seed, std::uint32_t replication, Services services);
  ~CareModel();
  CareModel(const CareModel&) = delete;
  CareModel& operator=(const CareModel&) = delete;

  /** Subscribes a recorder of movements (not owned; must outlive run()). */
  void attach(engine::Recorder<MovementRecord>* recorder);
  /** Subscribes a recorder of crises. */
  void attach(engine::Recorder<CrisisRecord>* recorder);
  /** Subscribes a recorder of the ResourceRecords of facility `facility` (see facilities()):
   *  its in-use and capacity after every change, from a day-0 CapacityChange on. Throws
   *  std::invalid_argument for a row out of range or a hub's coordinators, which have no
   *  Resource (their staff is in CoordinatorRecord). */
  void attach(FacilityId facility, engine::Recorder<engine::ResourceRecord>* recorder);
  /** Subscribes a recorder of services, queues and programme steps. */
  void attach(engine::Recorder<ServiceRecord>* recorder);
  /** Subscribes a recorder of monthly snapshots. */
  void attach(engine::Recorder<SnapshotRecord>* recorder);
  /** Subscribes a recorder of the hubs' coordinators and claims available each month. */
  void attach(engine::Recorder<CoordinatorRecord>* recorder);

  /** Runs from day 0 to the horizon and returns the indicators. Call once. */
  IndicatorTable run();

  /** The model's facility table, built from the parameters. */
  const FacilityTable& facilities() const;

  /** Events fired so far. */
  std::uint64_t events() const;

 private:
  std::unique_ptr<ModelState> state_;
  std::unique_ptr<IndicatorCollector> collector_;
  bool ran_ = false;
};

}  // namespace caresim::model
