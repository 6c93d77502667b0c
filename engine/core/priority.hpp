#pragma once
// The one same-time order of the engine. Events at equal times fire by this priority,
// then in the order they were scheduled. Models map their own events onto these names
// (a discharge is a Release, an admission an Acquire, a new person an Arrival...).
#include <cstdint>
#include <string_view>

namespace caresim::engine {

/** Same-time priority of an event: lower values fire first at equal times. */
enum class Priority : std::uint8_t {
  Release = 0,         ///< something held is given back (a discharge frees a bed)
  CapacityChange = 1,  ///< a capacity schedule step (beds opened or closed)
  Acquire = 2,         ///< something is taken (an admission, a grant from a waiting line)
  Arrival = 3,         ///< a new entity or request enters the system
  Observe = 4,         ///< recorders sample the state after everything else at that time
};

/** Number of priorities; the order key keeps the priority in its top byte. */
inline constexpr int priority_count = 5;

/** The priority's name, as written in traces and error messages. */
constexpr std::string_view to_string(Priority p) {
  switch (p) {
    case Priority::Release:
      return "Release";
    case Priority::CapacityChange:
      return "CapacityChange";
    case Priority::Acquire:
      return "Acquire";
    case Priority::Arrival:
      return "Arrival";
    case Priority::Observe:
      return "Observe";
  }
  return "?";
}

}  // namespace caresim::engine
