#pragma once
// The waiting line of a Resource: requests in service order, removable from anywhere
// (a request withdrawn or whose patience ran out leaves from the middle).
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "engine/core/event.hpp"
#include "engine/core/flat_id_map.hpp"

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
 *
 *  Each priority level is a ring buffer in id order, so joining and leaving from the
 *  front are O(1) and allocate nothing once the ring has grown; a request leaving from
 *  the middle leaves a hole that is dropped when it reaches the front. Under Fifo there is
 *  one level, and a lookup by id is a binary search of its ring (ids grow from the front).
 *  Under Priority a flat hash map gives each waiting id its level and its ticket (the
 *  level's count of pushes when it joined); a level counts the entries it dropped from its
 *  front, so the request's place in the ring is ticket minus that count: a lookup is a
 *  probe and a binary search over the levels (a line may use hundreds, e.g. one per
 *  application day), none of the ring. */
class WaitingLine {
 public:
  /** An empty line with the given discipline. */
  explicit WaitingLine(QueueDiscipline discipline) : discipline_(discipline) {}

  /** Adds a request; its id must be larger than any id pushed before. */
  void push(const WaitingRequest& request);

  /** The request served next. Precondition: !empty(). */
  const WaitingRequest& front() const { return first_level().front().request; }

  /** Removes and returns the request served next. Precondition: !empty(). */
  WaitingRequest pop_front();

  /** The waiting request with this id, or nullptr if it is not waiting. */
  const WaitingRequest* find(RequestId id) const;

  /** Removes and returns the request with this id, or nothing if it is not waiting. */
  std::optional<WaitingRequest> remove(RequestId id);

  /** Number of waiting requests. */
  std::size_t size() const { return size_; }

  /** True if nobody waits. */
  bool empty() const { return size_ == 0; }

  /** The service order. */
  QueueDiscipline discipline() const { return discipline_; }

 private:
  struct Entry {
    WaitingRequest request;
    bool waiting = true;  // false: a hole left by remove()
  };
  // Entries of one priority level in id order; the front entry is always waiting.
  class Level {
   public:
    explicit Level(int priority) : priority_(priority) {}
    int priority() const { return priority_; }
    bool empty() const { return count_ == 0; }
    const Entry& front() const { return ring_[head_]; }
    // Adds `request` at the back; returns its ticket (1 for the first push, then 2, ...).
    std::uint64_t push_back(const WaitingRequest& request);
    WaitingRequest pop_front();
    // The entry that got `ticket`, or nullptr if it has left or is a hole.
    const Entry* entry_of(std::uint64_t ticket) const;
    // The waiting entry with this id, or nullptr: a binary search (ids grow from the front).
    const Entry* entry_with_id(RequestId id) const;
    void drop_front_holes();

   private:
    const Entry& at(std::size_t k) const { return ring_[(head_ + k) & (ring_.size() - 1)]; }
    void drop_front();

    int priority_;
    std::vector<Entry> ring_;  // capacity a power of two (or 0)
    std::size_t head_ = 0;
    std::size_t count_ = 0;      // entries, holes included
    std::uint64_t pushed_ = 0;   // tickets given
    std::uint64_t dropped_ = 0;  // entries dropped from the front: the front has ticket dropped_ + 1
  };
  // Where a waiting request is: its level's key and its ticket there (>= 1, so Place{}
  // marks an empty slot of the map).
  struct Place {
    int key = 0;
    std::uint64_t ticket = 0;
    bool operator==(const Place&) const = default;
  };

  int level_key(const WaitingRequest& r) const { return discipline_ == QueueDiscipline::Priority ? r.priority : 0; }
  const Level& first_level() const;  // the first non-empty level; precondition !empty()
  Level& first_level() { return const_cast<Level&>(static_cast<const WaitingLine*>(this)->first_level()); }
  // Moves first_ past the empty levels at the front, and drops them once they are most of
  // the levels (and more than kKeptLevels).
  void forget_empty_front();
  // The level whose key is `key`, or nullptr.
  const Level* level_with(int key) const;
  // The level and the entry of waiting request `id`; the entry is nullptr if it is not waiting.
  std::pair<const Level*, const Entry*> locate(RequestId id) const;

  QueueDiscipline discipline_;
  FlatIdMap<Place> place_of_;      // under Priority: each waiting id's level and ticket
  std::vector<Level> levels_;      // by priority, lowest first; empty ones are kept for reuse
  mutable std::size_t first_ = 0;  // levels_[0, first_) are empty
  std::size_t size_ = 0;           // waiting requests
};

}  // namespace caresim::engine
