#include "io/trace_options.hpp"

#include <stdexcept>
#include <string>

namespace caresim::io {

std::string_view to_string(TraceLevel level) {
  switch (level) {
    case TraceLevel::None:
      return "none";
    case TraceLevel::Summary:
      return "summary";
    case TraceLevel::Events:
      return "events";
  }
  return "?";
}

TraceLevel parse_trace_level(std::string_view text) {
  for (const TraceLevel level : {TraceLevel::None, TraceLevel::Summary, TraceLevel::Events}) {
    if (text == to_string(level)) return level;
  }
  throw std::invalid_argument("unknown trace level '" + std::string(text) + "' (expected none, summary or events)");
}

}  // namespace caresim::io
