#pragma once
// Helpers shared by the model tests: a short reference run, a listener to the facilities'
// ResourceRecords, and the movement fingerprint (tests/regression/movement_fingerprint.hpp).
#include <deque>
#include <functional>
#include <utility>

#include "care_scenario/bundled.hpp"
#include "engine/observe/recorder.hpp"
#include "engine/resource/resource_record.hpp"
#include "models/care_model.hpp"
#include "models/parameters.hpp"
#include "models/records.hpp"
#include "tests/regression/movement_fingerprint.hpp"

namespace caresim::model::testing {

/** The reference region over `years` simulated years with a one-year warm-up. */
inline Parameters short_reference(double years = 3) {
  Parameters p = care_scenario::reference_region_parameters();
  p.run.horizon_days = model_day(p.run.start, Date{std::chrono::year{p.run.start.year() + static_cast<int>(years)} /
                                                   p.run.start.ymd().month() / 1});
  p.run.warmup_days = 365;
  return p;
}

/** Hands every ResourceRecord of the facilities it is attached to, with the facility's row,
 *  to one function, in the order the model emits them. Must outlive the run. */
class FacilityListener {
 public:
  /** Called with the facility and its record (the record's views live as long as the model). */
  using Handler = std::function<void(FacilityId, const engine::ResourceRecord&)>;

  explicit FacilityListener(Handler handler) : handler_(std::move(handler)) {}

  /** Listens to facility `f` of `model`. */
  void attach(CareModel& model, FacilityId f) {
    probes_.emplace_back(this, f);
    model.attach(f, &probes_.back());
  }

  /** Listens to every facility of `model` whose row satisfies `wanted(row)` (never to a
   *  hub's coordinators, which have no Resource). */
  template <class Wanted>
  void attach_all(CareModel& model, Wanted wanted) {
    const FacilityTable& table = model.facilities();
    for (std::size_t i = 0; i < table.size(); ++i) {
      const FacilityId f{static_cast<std::uint32_t>(i)};
      if (table[f].kind != CapacityKind::Coordinators && wanted(table[f])) attach(model, f);
    }
  }

 private:
  struct Probe : engine::Recorder<engine::ResourceRecord> {
    Probe(FacilityListener* o, FacilityId f) : owner(o), facility(f) {}
    void record(const engine::ResourceRecord& r) override { owner->handler_(facility, r); }
    FacilityListener* owner;
    FacilityId facility;
  };
  Handler handler_;
  std::deque<Probe> probes_;  // stable addresses: the model keeps pointers to them
};

}  // namespace caresim::model::testing
