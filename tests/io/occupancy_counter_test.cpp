// Daily occupancy is a midnight census: the row of day d counts everyone in a facility
// after every movement with time < d + 1.
#include "io/occupancy_counter.hpp"

#include <doctest/doctest.h>

using caresim::io::OccupancyCounter;

TEST_CASE("the occupancy of a day counts the movements before the next midnight") {
  OccupancyCounter counter(2, 4);
  std::vector<std::int32_t> rows;
  counter.move(0.0, -1, 0, rows);  // day 0: into facility 0
  counter.move(0.5, -1, 0, rows);
  counter.move(0.99, 0, 1, rows);  // day 0: 0 -> 1
  CHECK(rows.empty());
  counter.move(1.0, 1, -1, rows);  // at midnight: belongs to day 1
  CHECK(rows == std::vector<std::int32_t>{1, 1});
  counter.move(3.25, 0, -1, rows);  // days 1 and 2 end before it
  CHECK(rows == std::vector<std::int32_t>{1, 1, 1, 0, 1, 0});
  counter.finish(rows);
  CHECK(rows == std::vector<std::int32_t>{1, 1, 1, 0, 1, 0, 0, 0});
  CHECK(counter.days_emitted() == 4);
}

TEST_CASE("occupancy stops at the last day of the horizon") {
  OccupancyCounter counter(1, 2);
  std::vector<std::int32_t> rows;
  counter.move(0.0, -1, 0, rows);
  counter.move(5.0, -1, 0, rows);  // after the horizon: counted, but no row beyond day 1
  CHECK(rows == std::vector<std::int32_t>{1, 1});
  counter.finish(rows);
  CHECK(rows.size() == 2);
}
