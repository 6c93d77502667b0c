#pragma once
// Engine-level records a Resource emits to an attached Recorder<ResourceRecord>.
#include <cstdint>
#include <string_view>

#include "engine/core/event.hpp"
#include "engine/resource/waiting_line.hpp"

namespace caresim::engine {

/** What happened to a resource. Every record also carries the state after the change,
 *  so queue-length and occupancy series can be rebuilt from the records alone. */
enum class ResourceEvent : std::uint8_t {
  ImmediateGrant,  ///< units taken at once (acquire() or a successful try_acquire())
  Enqueue,         ///< a request joined the waiting line (queue length grew)
  Grant,           ///< a waiting request was granted (queue length shrank)
  Renege,          ///< a waiting request's patience ran out (queue length shrank)
  Cancel,          ///< a waiting request was withdrawn (queue length shrank)
  Release,         ///< units were given back
  CapacityChange,  ///< the capacity was set
};

/** The name of a ResourceEvent, as written in traces. */
constexpr std::string_view to_string(ResourceEvent e) {
  switch (e) {
    case ResourceEvent::ImmediateGrant:
      return "ImmediateGrant";
    case ResourceEvent::Enqueue:
      return "Enqueue";
    case ResourceEvent::Grant:
      return "Grant";
    case ResourceEvent::Renege:
      return "Renege";
    case ResourceEvent::Cancel:
      return "Cancel";
    case ResourceEvent::Release:
      return "Release";
    case ResourceEvent::CapacityChange:
      return "CapacityChange";
  }
  return "?";
}

/** One change of a resource's state.
 *
 *  `resource` views the Resource's name: valid while the Resource lives, so recorders
 *  that keep records past the run must copy it. Fields that do not apply to an event
 *  (client and request of a CapacityChange) are 0. */
struct ResourceRecord {
  Time time = 0;              ///< when (days)
  std::string_view resource;  ///< the Resource's name
  ResourceEvent event = ResourceEvent::Grant;
  std::uint64_t client = 0;      ///< who (the model's identifier)
  RequestId request = 0;         ///< which acquire() call, for queue events and grants
  std::int64_t amount = 0;       ///< units granted, asked for, or released
  Time waited = 0;               ///< time in the line, for Grant, Renege and Cancel
  std::int64_t in_use = 0;       ///< units held after the change
  std::int64_t capacity = 0;     ///< capacity after the change
  std::size_t queue_length = 0;  ///< waiting requests after the change
};

}  // namespace caresim::engine
