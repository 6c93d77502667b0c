#pragma once
// Whole numbers from real parameters: how many people a rate per 100,000 puts in the day-0
// population, how many units a capacity has, how many claims the coordinators may make.
// Every such conversion in the model goes through whole_count(), which refuses a value
// that does not fit instead of wrapping: a cast of a too-large double is undefined, and
// std::llround returns LLONG_MIN beyond 2^63 (raising only FE_INVALID, which nothing reads).
// The scenario table's bounds keep every count from a scenario file far below the limit
// (docs/model.md, "Sizes"); the check is for parameters built in code.
#include <cstdint>
#include <string_view>

namespace caresim::model {

/** The largest count whole_count() returns: 2^31 - 1, so that every count fits an int. */
inline constexpr int kMaxCount = 2147483647;

/** `value` rounded to the nearest whole number (halves away from zero, as std::llround),
 *  as a count of `quantity` of `subject` (e.g. "day-0 community cohort", "chuo"; the
 *  subject may be empty). Throws std::invalid_argument naming both and the value, e.g.
 *  "day-0 community cohort of chuo: 4294967301 is not a whole count from 0 to 2147483647",
 *  when the value is not finite or rounds to a number below 0 or above kMaxCount. */
int whole_count(double value, std::string_view quantity, std::string_view subject);

/** The whole units of a capacity of `value` of the resource named `resource`: none for a
 *  value at or below 0 (beds net of outside patients may be negative), else
 *  whole_count(value, "capacity", resource), which throws for NaN, infinity and values
 *  above kMaxCount. */
inline std::int64_t capacity_units(double value, std::string_view resource) {
  return value <= 0 ? 0 : whole_count(value, "capacity", resource);
}

}  // namespace caresim::model
