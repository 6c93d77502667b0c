#pragma once
// Services added to the model from outside it: a service is one class that declares its
// facility rows (of a kind it names, models/facilities.hpp), hears the moments a service
// needs (a movement, a crisis, a month start, the end of the run), takes and releases its
// facilities' resources, adjusts the crisis hazard through a factor the model asks for
// whenever it draws a crisis, and adds its own indicators to the run's table. The built-in
// model has no service; every hook is skipped when the list is empty, so it pays one test
// of an empty vector per hook and nothing else. tests/example_service/ walks through one.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/event.hpp"
#include "engine/core/priority.hpp"
#include "engine/rng/random_stream.hpp"
#include "models/facilities.hpp"
#include "models/indicator_dictionary.hpp"
#include "models/indicator_table.hpp"
#include "models/parameters.hpp"
#include "models/person.hpp"
#include "models/records.hpp"

namespace caresim::model {

class ModelState;

/** What a service may read and do during a run: the clock, people, its resources, its
 *  own random streams and events, and a redraw of a person's crisis. Handed to every hook
 *  of Service; valid for the run of the model that owns it. */
class ServiceContext {
 public:
  /** The context of `state` (the model builds it; a service never does). */
  explicit ServiceContext(ModelState& state) : state_(state) {}

  /** The simulated time, in model days. */
  double now() const;
  /** The model's parameters. */
  const Parameters& parameters() const;
  /** The model's facility table, the service's rows included. */
  const FacilityTable& facilities() const;
  /** The person `id` (ids are stable; a person who left has present == false). */
  const Person& person(std::uint64_t id) const;

  /** Takes one unit of facility `f` for person `id` if one is free and nobody waits;
   *  false otherwise. */
  bool take(FacilityId f, std::uint64_t id);
  /** Gives back the unit person `id` holds of facility `f` (precondition: it holds one). */
  void release(FacilityId f, std::uint64_t id);
  /** Units of facility `f` in use now. */
  std::int64_t in_use(FacilityId f) const;

  /** A random stream of the service's own: purpose `purpose` (engine::purpose_id of a name
   *  no built-in process uses), entity `entity`, starting at draw `first_draw`. Drawing
   *  from it leaves every built-in stream alone (common random numbers). */
  engine::RandomStream stream(std::uint32_t purpose, std::uint64_t entity, std::uint64_t first_draw = 0) const;

  /** Defines an event kind of the service, fired with the payload it was scheduled with.
   *  Call from Service::start. */
  engine::EventKind define_event(std::string name, std::function<void(ServiceContext&, std::uint64_t)> handler);
  /** Schedules event `kind` at model day `day` (>= now) with same-time priority
   *  `priority`; events after the horizon never fire. */
  engine::EventHandle schedule(double day, engine::Priority priority, engine::EventKind kind, std::uint64_t payload);
  /** Cancels `handle` if it is still pending and clears it. */
  void cancel(engine::EventHandle& handle);

  /** Redraws the pending crisis of person `id` from now: call it after a change that
   *  changes Service::crisis_factor for that person. Not from on_move (the model redraws
   *  a person's hazards after every movement by itself). */
  void redraw_crisis(std::uint64_t id);

 private:
  ModelState& state_;
};

/** A service of the model. Override what the service needs; every hook but declare()
 *  does nothing by default. One instance serves one replication. */
class Service {
 public:
  virtual ~Service() = default;

  /** Adds the service's facility rows to `table` (FacilityTable::add), while the model is
   *  built and before its resources are. */
  virtual void declare(FacilityTable& table) = 0;
  /** At day 0, before the day-0 population enters: define events, size per-person state. */
  virtual void start(ServiceContext& /*context*/) {}
  /** After every movement record, once the person's place is `r.to`. */
  virtual void on_move(ServiceContext& /*context*/, const MovementRecord& /*r*/) {}
  /** After every crisis record. */
  virtual void on_crisis(ServiceContext& /*context*/, const CrisisRecord& /*r*/) {}
  /** At the start of month `month` (1, 2, ...; after the model's own month work). */
  virtual void on_month(ServiceContext& /*context*/, int /*month*/) {}
  /** At the horizon, after the last event. */
  virtual void on_end(ServiceContext& /*context*/) {}
  /** Factor on the crisis-onset rate of `who` at model day `day` (1: no effect). The
   *  model multiplies it into the rate whenever it draws or redraws a crisis, and a step
   *  of a phased rate compares it before and after (rate_steps.cpp). */
  virtual double crisis_factor(const Person& /*who*/, double /*day*/) const { return 1.0; }
  /** Appends the dictionary rows of the indicators the service adds (indicators()) to
   *  `rows`: the run's table declares the built-in dictionary followed by every service's
   *  rows, so a service declares its own without editing the central list. */
  virtual void declare_indicators(std::vector<IndicatorRow>& /*rows*/) const {}
  /** Adds the service's indicators to the run's table, after the model's own; only names
   *  it declared in declare_indicators(). */
  virtual void indicators(IndicatorTable& /*table*/) const {}
};

/** The services of one replication. */
using Services = std::vector<std::unique_ptr<Service>>;

/** Makes the services of one replication (each replication needs its own instances). */
using ServiceFactory = std::function<Services()>;

/** The dictionary of a run with `services`: indicator_dictionary() followed by the rows
 *  every service declares (Service::declare_indicators), in the services' order; nullptr
 *  when they declare none (the run's table then uses the built-in dictionary). Equal lists
 *  of row names share one dictionary, kept for the life of the process, so a table
 *  outlives the model that made it. Throws std::invalid_argument when a service row is
 *  invalid or takes a name already declared, naming the indicator. */
const IndicatorDictionary* service_indicator_dictionary(const Services& services);

}  // namespace caresim::model
