#pragma once
// The facilities of a trace: the rows of the model's facility table that host a place (a
// person can be in them), as one numbered list. The event trace and the occupancy table
// refer to facilities by their row in this list (the /dictionaries/facilities dataset).
#include <array>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#include "models/facilities.hpp"
#include "models/parameters.hpp"
#include "models/records.hpp"

namespace caresim::io {

/** One facility: a row of the model's facility table (models/facilities.hpp). */
using Facility = model::Facility;

/** The numbered facility list of one region, and the map from a record's (place, model
 *  index) to a row. Rows are ordered: each hospital's general ward, each hospital's
 *  community-care ward, each hub site (hubs in order, their sites in order), each
 *  municipality's group homes, each municipality's supported housing. */
class FacilityIndex {
 public:
  /** Lists the facilities of `params` that host a place, from the model's table. */
  explicit FacilityIndex(const model::Parameters& params);

  /** Row of (place, model index): -1 for home, outside or a negative index. Throws
   *  std::out_of_range for an index beyond the region (a record the region cannot hold). */
  int row(model::Place place, int local) const {
    const auto p = static_cast<std::size_t>(place);
    if (local < 0 || count_[p] == 0) return -1;
    if (local >= count_[p]) {
      throw std::out_of_range("facility " + std::to_string(local) + " of place " +
                              std::string(model::to_string(place)) + " is not in the region");
    }
    return base_[p] + local;
  }

  /** Every facility, by row. */
  const std::vector<Facility>& facilities() const { return facilities_; }

  /** Number of facilities (columns of the occupancy table). */
  std::size_t size() const { return facilities_.size(); }

 private:
  static constexpr std::size_t kPlaces = 8;  // every model::Place
  std::array<int, kPlaces> base_{};
  std::array<int, kPlaces> count_{};
  std::vector<Facility> facilities_;
};

}  // namespace caresim::io
