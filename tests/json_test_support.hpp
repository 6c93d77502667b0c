#pragma once
// Helpers shared by the tests that read JSON the project wrote (nlohmann-json).
#include <bit>
#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace caresim::testing {

using Json = nlohmann::ordered_json;

/** Member names of a JSON object, in document order. */
inline std::vector<std::string> keys_of(const Json& object) {
  std::vector<std::string> keys;
  for (const auto& member : object.items()) keys.push_back(member.key());
  return keys;
}

/** `x` as a document must hold it: null when not finite, else a double of the same bits
 *  (so 0.1 is not 0.10000000000000001 read as another double, and -0.0 keeps its sign). */
inline bool holds(const Json& j, double x) {
  if (!std::isfinite(x)) return j.is_null();
  return j.is_number_float() && std::bit_cast<std::uint64_t>(j.get<double>()) == std::bit_cast<std::uint64_t>(x);
}

}  // namespace caresim::testing
