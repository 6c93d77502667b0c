#pragma once
// Daily occupancy derived from movements: the engine keeps continuous time, so counting
// per day is a recorder's job (STYLE: aggregation belongs to recorders).
#include <cstddef>
#include <cstdint>
#include <vector>

namespace caresim::io {

/** Head counts per facility, emitted once per day as a midnight census: the row of day d
 *  counts the people in each facility after every movement with time < d + 1. Movements
 *  must arrive in non-decreasing time (as the model emits them). */
class OccupancyCounter {
 public:
  /** Counts `facilities` columns over days [0, days). */
  OccupancyCounter(std::size_t facilities, std::uint32_t days) : counts_(facilities, 0), days_(days) {}

  /** Emits the rows of every day that ends at or before `time` into `rows`, then moves a
   *  person from column `from` to column `to` (-1 for no facility). */
  void move(double time, int from, int to, std::vector<std::int32_t>& rows) {
    advance(time, rows);
    if (from >= 0) --counts_[static_cast<std::size_t>(from)];
    if (to >= 0) ++counts_[static_cast<std::size_t>(to)];
  }

  /** Emits the rows of every day that ends at or before `time` (a day d ends at d + 1). */
  void advance(double time, std::vector<std::int32_t>& rows) {
    while (day_ < days_ && time >= static_cast<double>(day_) + 1.0) {
      rows.insert(rows.end(), counts_.begin(), counts_.end());
      ++day_;
    }
  }

  /** Emits the rows of every remaining day with the current counts (the run is over). */
  void finish(std::vector<std::int32_t>& rows) {
    for (; day_ < days_; ++day_) rows.insert(rows.end(), counts_.begin(), counts_.end());
  }

  /** Days emitted so far. */
  std::uint32_t days_emitted() const { return day_; }

  /** Number of columns. */
  std::size_t columns() const { return counts_.size(); }

 private:
  std::vector<std::int32_t> counts_;
  std::uint32_t days_;
  std::uint32_t day_ = 0;
};

}  // namespace caresim::io
