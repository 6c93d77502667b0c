#include "io/facility_index.hpp"

namespace caresim::io {

FacilityIndex::FacilityIndex(const model::Parameters& params) {
  using model::Place;
  const model::FacilityTable table(params);
  // The documented row order: by place, each in the model's order.
  for (const Place place :
       {Place::Hospital, Place::CommunityWard, Place::CrisisStay, Place::GroupHome, Place::SupportedHousing}) {
    const auto p = static_cast<std::size_t>(place);
    base_[p] = static_cast<int>(facilities_.size());
    for (const model::Facility& f : table.rows()) {
      if (f.place == place) facilities_.push_back(f);
    }
    count_[p] = static_cast<int>(facilities_.size()) - base_[p];
  }
}

}  // namespace caresim::io
