#include "models/care_model.hpp"

#include <stdexcept>
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
  state_->capacities.subscribe(*collector_);
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
void CareModel::attach(engine::Recorder<CapacityRecord>* r) {
  state_->capacities.subscribe(*r);
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

std::uint64_t CareModel::events() const {
  return state_->sim.events_fired();
}

}  // namespace caresim::model
