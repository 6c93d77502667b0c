#include "models/care_model.hpp"

#include <stdexcept>
#include <string>
#include <utility>

#include "models/indicator_collector.hpp"
#include "models/model_state.hpp"

namespace caresim::model {

CareModel::CareModel(const Parameters& params, std::uint64_t seed, std::uint32_t replication)
    : CareModel(params, seed, replication, Services{}) {}

CareModel::CareModel(const Parameters& params, std::uint64_t seed, std::uint32_t replication, Services services)
    : state_(std::make_unique<ModelState>(params, seed, replication, std::move(services))),
      collector_(std::make_unique<IndicatorCollector>(state_->p, state_->facilities)) {
  // The collector listens first, so it has seen a record before any test probe does.
  state_->movements.subscribe(*collector_);
  state_->crises.subscribe(*collector_);
  for (std::size_t i = 0; i < state_->facilities.size(); ++i) {
    if (auto* meter = collector_->occupancy_meter(FacilityId{static_cast<std::uint32_t>(i)}))
      state_->facility_records[i].subscribe(*meter);
  }
  state_->services.subscribe(*collector_);
  state_->snapshots.subscribe(*collector_);
  state_->coordinator_months.subscribe(*collector_);
}

CareModel::~CareModel() = default;

void CareModel::attach(engine::Recorder<MovementRecord>* r) {
  state_->movements.subscribe(*r);
}
void CareModel::attach(engine::Recorder<CrisisRecord>* r) {
  state_->crises.subscribe(*r);
}
void CareModel::attach(FacilityId facility, engine::Recorder<engine::ResourceRecord>* r) {
  const FacilityTable& table = state_->facilities;
  if (index(facility) >= table.size()) {
    throw std::invalid_argument("CareModel::attach: facility row " + std::to_string(index(facility)) +
                                " is out of range; the facility table has " + std::to_string(table.size()) + " rows");
  }
  if (table[facility].kind == CapacityKind::Coordinators) {
    throw std::invalid_argument("CareModel::attach: facility " + table[facility].id +
                                " is a hub's coordinators, which have no Resource; their staff is in "
                                "CoordinatorRecord");
  }
  state_->facility_records[index(facility)].subscribe(*r);
}
void CareModel::attach(engine::Recorder<ServiceRecord>* r) {
  state_->services.subscribe(*r);
}
void CareModel::attach(engine::Recorder<SnapshotRecord>* r) {
  state_->snapshots.subscribe(*r);
}
void CareModel::attach(engine::Recorder<CoordinatorRecord>* r) {
  state_->coordinator_months.subscribe(*r);
}

IndicatorTable CareModel::run() {
  if (ran_) throw std::logic_error("CareModel::run: a model runs once; build a new one for another run");
  ran_ = true;
  state_->start();
  state_->sim.run_until(state_->p.run.horizon_days);
  state_->end();
  IndicatorTable table = collector_->table();
  state_->service_indicators(table);
  return table;
}

const FacilityTable& CareModel::facilities() const {
  return state_->facilities;
}

std::uint64_t CareModel::events() const {
  return state_->sim.events_fired();
}

}  // namespace caresim::model
