// The context a service acts through: thin calls into the model's state, so that a
// service needs no part of ModelState but what is listed in models/service.hpp.
#include "models/service.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "models/model_state.hpp"

namespace caresim::model {

double ServiceContext::now() const {
  return state_.sim.now();
}

const Parameters& ServiceContext::parameters() const {
  return state_.p;
}

const FacilityTable& ServiceContext::facilities() const {
  return state_.facilities;
}

const Person& ServiceContext::person(std::uint64_t id) const {
  return state_.people_[id];
}

bool ServiceContext::take(FacilityId f, std::uint64_t id) {
  return ModelState::take(state_.resource(f), id);
}

void ServiceContext::release(FacilityId f, std::uint64_t id) {
  state_.resource(f).release(id);
}

std::int64_t ServiceContext::in_use(FacilityId f) const {
  return state_.resource(f).in_use();
}

engine::RandomStream ServiceContext::stream(std::uint32_t purpose, std::uint64_t entity,
                                            std::uint64_t first_draw) const {
  return state_.rng.stream(purpose, entity, first_draw);
}

engine::EventKind ServiceContext::define_event(std::string name,
                                               std::function<void(ServiceContext&, std::uint64_t)> handler) {
  return state_.sim.define_event(
      std::move(name),
      [this, h = std::move(handler)](engine::Simulator&, std::uint64_t payload) { h(*this, payload); });
}

engine::EventHandle ServiceContext::schedule(double day, engine::Priority priority, engine::EventKind kind,
                                             std::uint64_t payload) {
  return state_.sim.schedule(day, priority, kind, payload);
}

void ServiceContext::cancel(engine::EventHandle& handle) {
  state_.cancel(handle);
}

void ServiceContext::redraw_crisis(std::uint64_t id) {
  state_.reschedule_crisis(state_.people_[id]);
}

namespace {
/** Every field of `rows`, as one string: equal keys mean equal rows. */
std::string key_of(const std::vector<IndicatorRow>& rows) {
  std::string key;
  const auto field = [&key](const std::string& f) { key.append(f).push_back('\x1f'); };
  for (const IndicatorRow& r : rows) {
    field(r.name);
    field(std::string(shape_name(r.shape)));
    for (const std::string& k : r.keys) field(k);
    field(r.keys_note), field(r.unit), field(r.definition), field(r.reference), field(r.label_en), field(r.label_ja);
    field(r.headline ? "h" : "-");
    key.push_back('\x1e');
  }
  return key;
}
}  // namespace

const IndicatorDictionary* service_indicator_dictionary(const Services& services) {
  std::vector<IndicatorRow> extra;
  for (const auto& s : services) s->declare_indicators(extra);
  if (extra.empty()) return nullptr;
  // Replications run on several threads and every table keeps a pointer to its dictionary:
  // one dictionary per distinct list of rows, never freed.
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<const IndicatorDictionary>> made;
  const std::lock_guard<std::mutex> lock(mutex);
  std::unique_ptr<const IndicatorDictionary>& d = made[key_of(extra)];
  if (d == nullptr) {
    std::vector<IndicatorRow> rows = indicator_dictionary().rows();
    rows.insert(rows.end(), extra.begin(), extra.end());
    try {
      d = std::make_unique<const IndicatorDictionary>(std::move(rows));
    } catch (...) {
      made.erase(key_of(extra));
      throw;
    }
  }
  return d.get();
}

}  // namespace caresim::model
