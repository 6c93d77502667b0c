#pragma once
// The waiting line of a Resource: requests in service order, removable from anywhere
// (a request withdrawn or whose patience ran out leaves from the middle).
#include <cstdint>
#include <map>
#include <unordered_map>
#include <utility>

#include "engine/core/event.hpp"

namespace caresim::engine {

/** Identifies one acquire() call on a Resource. Unique per Resource, never reused. */
using RequestId = std::uint64_t;

/** Service order of a waiting line. */
enum class QueueDiscipline : std::uint8_t {
  Fifo,      ///< first come, first served; request priorities are ignored
  Priority,  ///< lower priority number first, first come first served among equals
};

/** A request waiting in a line. */
struct WaitingRequest {
  RequestId id = 0;
  std::uint64_t client = 0;  ///< the model's identifier of who asked
  std::int64_t amount = 1;   ///< units asked for
  int priority = 0;          ///< service priority (used by QueueDiscipline::Priority)
  Time since = 0;            ///< when the request joined the line (days)
  EventHandle patience;      ///< the renege timer, if has_patience
  bool has_patience = false;
};

/** Requests ordered by (priority key, id). Ids grow with time, so the id is the
 *  first-come-first-served tie-break; under Fifo the priority key is always 0.
 *  O(log n) insertion and removal, O(1) lookup of the front. */
class WaitingLine {
 public:
  /** An empty line with the given discipline. */
  explicit WaitingLine(QueueDiscipline discipline) : discipline_(discipline) {}

  /** Adds a request; its id must be larger than any id pushed before. */
  void push(const WaitingRequest& request);

  /** The request served next. Precondition: !empty(). */
  const WaitingRequest& front() const { return order_.begin()->second; }

  /** Removes and returns the request served next. Precondition: !empty(). */
  WaitingRequest pop_front();

  /** The waiting request with this id, or nullptr if it is not waiting. */
  const WaitingRequest* find(RequestId id) const;

  /** Removes and returns the request with this id. Precondition: find(id) != nullptr. */
  WaitingRequest remove(RequestId id);

  /** Number of waiting requests. */
  std::size_t size() const { return order_.size(); }

  /** True if nobody waits. */
  bool empty() const { return order_.empty(); }

  /** The service order. */
  QueueDiscipline discipline() const { return discipline_; }

 private:
  using Key = std::pair<int, RequestId>;
  Key key_of(const WaitingRequest& r) const {
    return {discipline_ == QueueDiscipline::Priority ? r.priority : 0, r.id};
  }

  QueueDiscipline discipline_;
  std::map<Key, WaitingRequest> order_;
  std::unordered_map<RequestId, int> priority_key_;  // id -> first half of its Key
};

}  // namespace caresim::engine
