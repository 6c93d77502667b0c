#pragma once
// A pool of identical units with a waiting line: the engine part behind every finite
// capacity of a model. Semantics in docs/engine-resources-stats.md; in short:
//  - a request is served at once only if its units are free AND nobody is waiting, so
//    nothing (acquire or try_acquire) ever jumps the line;
//  - waiting requests are granted by one event at the current time with
//    Priority::Acquire, after every release and capacity change at that time;
//  - the line is served strictly from its front: a front request that does not fit
//    blocks those behind it (no starvation of large requests);
//  - lowering the capacity never evicts holders.
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <utility>

#include "engine/core/simulator.hpp"
#include "engine/observe/recorder.hpp"
#include "engine/resource/holdings_map.hpp"
#include "engine/resource/resource_record.hpp"
#include "engine/resource/waiting_line.hpp"
#include "engine/stats/tally.hpp"
#include "engine/stats/time_weighted.hpp"

namespace caresim::engine {

/** Capacity pool with a waiting line, bound to one Simulator.
 *
 *  Clients are identified by a std::uint64_t of the model's choosing; one client may
 *  hold units from several grants and have several requests waiting. The Resource
 *  registers two event kinds with the Simulator (a grant pass and a patience timer)
 *  whose handlers refer to it, so it can be neither copied nor moved and must outlive
 *  the run. */
class Resource {
 public:
  /** Called when a request is granted; the units are already held by `client`. */
  using GrantHandler = std::function<void(std::uint64_t client)>;
  /** Called when a request leaves the line because its patience ran out. */
  using RenegeHandler = std::function<void(std::uint64_t client)>;

  /** Patience of a request that waits as long as it takes. */
  static constexpr Time kForever = std::numeric_limits<Time>::infinity();

  /** A resource named `name` (used in errors, event names and records) with `capacity`
   *  units, a waiting line served by `discipline`, and an optional grant handler.
   *  Throws UsageError if capacity < 0. Statistics start at sim.now(). */
  Resource(Simulator& sim, std::string name, std::int64_t capacity, QueueDiscipline discipline = QueueDiscipline::Fifo,
           GrantHandler on_grant = {});

  Resource(const Resource&) = delete;
  Resource& operator=(const Resource&) = delete;

  /** Sets the handler called on every grant of acquire() (not of try_acquire()).
   *  Throws UsageError if it is empty (requests already waiting need one). */
  void set_grant_handler(GrantHandler on_grant);

  /** Sets the handler called when a request reneges; none by default. */
  void set_renege_handler(RenegeHandler on_renege) { on_renege_ = std::move(on_renege); }

  /** Attaches a recorder of ResourceRecords (not owned; nullptr detaches). */
  void set_recorder(Recorder<ResourceRecord>* recorder) { recorder_ = recorder; }

  /** Takes `amount` units for `client` if they are free and nobody is waiting; returns
   *  whether it did. No handler is called. For "take a place only if one is free".
   *  Throws UsageError if amount <= 0 or can never be served (see acquire()). */
  bool try_acquire(std::uint64_t client, std::int64_t amount = 1);

  /** Asks for `amount` units for `client`.
   *
   *  If they are free and nobody is waiting, they are granted at once and the grant
   *  handler is called synchronously, before acquire() returns (the returned id is then
   *  no longer waiting). Otherwise the request joins the line and is granted later by a
   *  Priority::Acquire event, which calls the grant handler. With a finite `patience`
   *  (days, >= 0) the request reneges if it is still waiting after that long; a grant
   *  and a renege due at the same time resolve in favour of the grant.
   *  `priority` orders the line under QueueDiscipline::Priority (lower first).
   *  Throws UsageError if no grant handler is set, amount <= 0, amount exceeds the
   *  largest capacity the resource has had or was announced to have (it could never be
   *  served and would block the line for good), or patience is negative or NaN. */
  RequestId acquire(std::uint64_t client, std::int64_t amount = 1, int priority = 0, Time patience = kForever);

  /** Withdraws a waiting request (the client gave up for a reason of the model's).
   *  No handler is called. Throws UsageError if the request is not waiting. */
  void cancel_request(RequestId id);

  /** Withdraws the request if it is still waiting (as cancel_request) and returns true;
   *  returns false, changing nothing, if it was granted, reneged or cancelled. */
  bool cancel_if_waiting(RequestId id);

  /** True while the request is in the line. */
  bool is_waiting(RequestId id) const { return line_.find(id) != nullptr; }

  /** Gives back `amount` units held by `client`; waiting requests that now fit are
   *  granted by a Priority::Acquire event at the current time. Throws UsageError if
   *  amount <= 0 or the client holds fewer units. */
  void release(std::uint64_t client, std::int64_t amount = 1);

  /** Sets the capacity from now on. An increase lets waiting requests be granted (by a
   *  Priority::Acquire event at the current time). A decrease below in_use() evicts
   *  nobody: holders keep their units and grants wait until in_use() + amount fits
   *  again. Throws UsageError if capacity < 0. */
  void set_capacity(std::int64_t capacity);

  /** Declares a capacity the resource will reach later (a planned opening), so requests
   *  of up to that many units are accepted now. CapacitySchedule does this for its steps.
   *  Throws UsageError if capacity < 0. */
  void announce_capacity(std::int64_t capacity);

  /** The resource's name. */
  const std::string& name() const { return name_; }
  /** The line's service order. */
  QueueDiscipline discipline() const { return line_.discipline(); }
  /** Current number of units. */
  std::int64_t capacity() const { return capacity_; }
  /** Units held by clients (may exceed capacity() after a decrease). */
  std::int64_t in_use() const { return in_use_; }
  /** Free units, max(0, capacity() - in_use()). */
  std::int64_t available() const { return in_use_ < capacity_ ? capacity_ - in_use_ : 0; }
  /** Number of waiting requests. */
  std::size_t queue_length() const { return line_.size(); }
  /** Units held by `client` (0 if none). */
  std::int64_t held_by(std::uint64_t client) const;

  /** Time-weighted units in use since construction or the last reset_statistics(). */
  const TimeWeighted& in_use_stats() const { return in_use_stat_; }
  /** Time-weighted capacity since construction or the last reset_statistics(). */
  const TimeWeighted& capacity_stats() const { return capacity_stat_; }
  /** Time-weighted queue length since construction or the last reset_statistics(). */
  const TimeWeighted& queue_stats() const { return queue_stat_; }
  /** Waiting times (days) of granted requests, immediate grants counted as 0. */
  const Tally& waiting_times() const { return waiting_times_; }
  /** Grants from the line (excluding immediate ones). */
  std::uint64_t queued_grants() const { return queued_grants_; }
  /** Grants made at once by acquire() or try_acquire(). */
  std::uint64_t immediate_grants() const { return immediate_grants_; }
  /** All grants: queued_grants() + immediate_grants(). */
  std::uint64_t grants() const { return queued_grants_ + immediate_grants_; }
  /** try_acquire() calls that took nothing. */
  std::uint64_t refusals() const { return refusals_; }
  /** Requests whose patience ran out. */
  std::uint64_t reneges() const { return reneges_; }
  /** Requests withdrawn with cancel_request(). */
  std::uint64_t cancellations() const { return cancellations_; }

  /** Restarts every statistic at the current time, keeping the state (the warm-up
   *  cut-off; see WarmupCutoff). Requests already waiting count their full wait when
   *  granted. */
  void reset_statistics();

 private:
  void check_amount(const char* what, std::uint64_t client, std::int64_t amount) const;
  bool fits(std::int64_t amount) const { return in_use_ + amount <= capacity_; }
  void take(std::uint64_t client, std::int64_t amount);
  void schedule_grants();
  void grant_waiting();
  void on_patience_expired(RequestId id);
  void note_queue_length();
  void emit(ResourceEvent event, std::uint64_t client, RequestId request, std::int64_t amount, Time waited) const;

  Simulator& sim_;
  std::string name_;
  std::int64_t capacity_;
  std::int64_t peak_capacity_;  // largest capacity had or announced: bound on amounts
  std::int64_t in_use_ = 0;
  WaitingLine line_;
  HoldingsMap holdings_;  // client -> units held (> 0)
  GrantHandler on_grant_;
  RenegeHandler on_renege_;
  Recorder<ResourceRecord>* recorder_ = nullptr;  // not owned
  EventKind grant_kind_;
  EventKind patience_kind_;
  bool grant_pending_ = false;  // a grant event is scheduled and has not fired
  RequestId next_id_ = 1;

  TimeWeighted in_use_stat_;
  TimeWeighted queue_stat_;
  TimeWeighted capacity_stat_;
  Tally waiting_times_;
  std::uint64_t queued_grants_ = 0;
  std::uint64_t immediate_grants_ = 0;
  std::uint64_t refusals_ = 0;
  std::uint64_t reneges_ = 0;
  std::uint64_t cancellations_ = 0;
};

}  // namespace caresim::engine
