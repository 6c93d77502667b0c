#pragma once
// The event loop: a clock in days, a future event set in one total order, and event
// kinds that models register once with a handler. Events carry only a kind and a
// 64-bit payload (typically an entity id), so no callable is stored per event.
#include <concepts>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "engine/core/event.hpp"
#include "engine/core/future_event_set.hpp"

namespace caresim::engine {

class Simulator;

/** What reacts to one fired event: any callable as void(Simulator&, std::uint64_t payload),
 *  where `payload` is what was passed to schedule(). */
template <class F>
concept EventHandler = std::invocable<F&, Simulator&, std::uint64_t>;

/** Discrete-event simulator: owns the clock and the future event set.
 *
 *  Order of firing: time, then Priority, then the order of schedule() calls.
 *  Handlers may schedule and cancel events, including at the current time. */
class Simulator {
 public:
  Simulator() = default;
  Simulator(const Simulator&) = delete;
  Simulator& operator=(const Simulator&) = delete;

  /** Registers an event kind with a readable name (for traces and errors) and the
   *  handler run when such an event fires; the Simulator keeps its own copy of the handler.
   *  Throws UsageError if the handler is empty (a null function pointer or an empty
   *  std::function). */
  template <EventHandler Handler>
  EventKind define_event(std::string name, Handler handler) {
    if constexpr (std::is_constructible_v<bool, const Handler&>) {
      if (!static_cast<bool>(handler)) reject_empty_handler(name);
    }
    // Type-erased by hand rather than by std::function: the call is then one indirect call
    // through a 16-byte entry, with no emptiness test and no extra hop to the handler.
    OwnedHandler owned(new Handler(std::move(handler)), [](void* h) { delete static_cast<Handler*>(h); });
    const Invoker invoker{
        [](void* h, Simulator& sim, std::uint64_t payload) { (*static_cast<Handler*>(h))(sim, payload); }, owned.get()};
    return add_kind(std::move(name), invoker, std::move(owned));
  }

  /** Name given to a kind by define_event(). */
  const std::string& event_name(EventKind kind) const;

  /** Schedules `kind` at absolute time `at` (days). Throws UsageError if `at` is
   *  before now(), not finite, or `kind` was never defined. */
  EventHandle schedule(Time at, Priority priority, EventKind kind, std::uint64_t payload = 0) {
    // One test on the usual path; the exact complaint is worked out out of line.
    const bool valid = kind < invokers_.size() && at >= now_ && at <= std::numeric_limits<Time>::max() &&
                       static_cast<unsigned>(priority) < static_cast<unsigned>(priority_count);
    if (!valid) [[unlikely]]
      reject_schedule(at, priority, kind);
    const std::uint64_t sequence = next_sequence_++;
    const auto slot = queue_.push(at, make_order(priority, sequence), kind, payload);
    return EventHandle{slot, queue_.generation(slot)};
  }

  /** Schedules `kind` after `delay` days (>= 0). */
  EventHandle schedule_in(Time delay, Priority priority, EventKind kind, std::uint64_t payload = 0) {
    return schedule(now_ + delay, priority, kind, payload);
  }

  /** Makes room for `pending` events scheduled at once (an optional hint: without it the
   *  event store grows by doubling as needed). */
  void reserve(std::size_t pending) { queue_.reserve(pending); }

  /** Removes a pending event. Throws UsageError if it already fired or was cancelled. */
  void cancel(EventHandle handle);

  /** True while the event is scheduled and has neither fired nor been cancelled. */
  bool is_pending(EventHandle handle) const;

  /** A hint run by step() before each handler with the kind and payload of the event that
   *  fires next, when the queue already knows it (kind kCancelledKind for a cancelled one).
   *  It lets a model ask for the memory that event will read (engine::prefetch()) while
   *  this one runs: in a large model the state of the entity an event names is seldom in
   *  the cache. A hint must not change any state: results are the same with or without. */
  using Lookahead = void (*)(const void* context, EventKind kind, std::uint64_t payload);
  void set_lookahead(Lookahead hint, const void* context) {
    lookahead_ = hint;
    lookahead_context_ = context;
  }

  /** Fires the next event (advancing the clock to its time). False if none is left. */
  bool step() {
    Event e;
    if (!queue_.pop(e)) return false;  // the queue drops cancelled events itself
    now_ = e.time;
    ++fired_;
    if (lookahead_ != nullptr) {
      // The node of the event after next was asked for one step ago; ask for the one after.
      queue_.prefetch_ahead(1);
      if (const Event* next = queue_.held_ahead(0)) lookahead_(lookahead_context_, next->kind, next->payload);
    }
    const Invoker& handler = invokers_[e.kind];
    handler.call(handler.object, *this, e.payload);
    return true;
  }

  /** Fires every event with time <= `until`, then sets the clock to `until`.
   *  Throws UsageError if `until` is before now(). */
  void run_until(Time until);

  /** Fires events until none is left. */
  void run();

  /** Current simulated time in days. */
  Time now() const { return now_; }

  /** Events scheduled and neither fired nor cancelled. */
  std::size_t pending() const { return queue_.size(); }

  /** Events fired since construction (cancelled ones are not counted). */
  std::uint64_t events_fired() const { return fired_; }

  /** Time of the next event to fire, or +infinity if none. */
  Time next_time();

 private:
  [[noreturn]] void reject_schedule(Time at, Priority priority, EventKind kind) const;
  [[noreturn]] static void reject_empty_handler(const std::string& name);

  // A handler is called through `call(object, ...)`; `object` is owned by owned_handlers_.
  struct Invoker {
    void (*call)(void* object, Simulator&, std::uint64_t payload);
    void* object;
  };
  using OwnedHandler = std::unique_ptr<void, void (*)(void*)>;
  EventKind add_kind(std::string name, Invoker invoker, OwnedHandler owned);

  std::vector<Invoker> invokers_;   // by EventKind; the only part step() reads
  std::vector<std::string> names_;  // by EventKind
  std::vector<OwnedHandler> owned_handlers_;
  SimulatorQueue queue_;  // the ladder queue (future_event_set.hpp)
  Lookahead lookahead_ = nullptr;
  const void* lookahead_context_ = nullptr;
  Time now_ = 0;
  std::uint64_t next_sequence_ = 0;
  std::uint64_t fired_ = 0;
};

}  // namespace caresim::engine
