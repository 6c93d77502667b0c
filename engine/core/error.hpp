#pragma once
#include <stdexcept>
#include <string>

namespace caresim::engine {

/** Raised when the engine is used against its contract (scheduling in the past,
 *  a negative capacity, releasing what is not held, cancelling a fired event...).
 *  The message says what was attempted and what would have been valid. */
class UsageError : public std::logic_error {
 public:
  explicit UsageError(const std::string& what) : std::logic_error(what) {}
};

}  // namespace caresim::engine
