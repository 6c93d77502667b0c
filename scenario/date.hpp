#pragma once
// Scenario files name dates as YYYY-MM-DD; the loader holds them as the project's one
// calendar date, engine::Date (engine/core/date.hpp), under the loader's own names.
#include "engine/core/date.hpp"

namespace caresim::scenario {

/** A calendar date of a scenario value: engine::Date. */
using Date = engine::Date;

using engine::days_in_month;
using engine::is_leap_year;

}  // namespace caresim::scenario
