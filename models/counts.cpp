#include "models/counts.hpp"

#include <charconv>
#include <cmath>
#include <stdexcept>
#include <string>

namespace caresim::model {

int whole_count(double value, std::string_view quantity, std::string_view subject) {
  const double whole = std::round(value);
  // Written so that NaN fails the test too.
  if (whole >= 0 && whole <= kMaxCount) return static_cast<int>(whole);
  char text[32];
  const auto end = std::to_chars(text, text + sizeof text, value).ptr;  // shortest round trip: "1e+20", "nan"
  std::string what(quantity);
  if (!subject.empty()) what.append(" of ").append(subject);
  what.append(": ").append(text, end).append(" is not a whole count from 0 to ").append(std::to_string(kMaxCount));
  throw std::invalid_argument(what);
}

}  // namespace caresim::model
