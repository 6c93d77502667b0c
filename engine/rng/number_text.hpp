#pragma once
// Internal to engine/rng: how numbers appear in error messages and describe().
#include <charconv>
#include <string>

namespace caresim::engine::detail {

/** The shortest text that reads back as exactly `x` ("0.1", "-1", "1e+300", "nan", "inf"),
 *  so a message shows the value the user gave, not a rounded or padded one. */
inline std::string number_text(double x) {
  char buf[32];
  const auto result = std::to_chars(buf, buf + sizeof buf, x);
  return std::string(buf, result.ptr);
}

}  // namespace caresim::engine::detail
