#include "io/facility_index.hpp"

namespace caresim::io {

FacilityIndex::FacilityIndex(const model::Parameters& params) {
  using model::Place;
  const auto begin = [this](Place place) {
    base_[static_cast<std::size_t>(place)] = static_cast<int>(facilities_.size());
  };
  const auto end = [this](Place place) {
    const auto p = static_cast<std::size_t>(place);
    count_[p] = static_cast<int>(facilities_.size()) - base_[p];
  };
  const auto municipality_name = [&params](int m) {
    return m >= 0 && static_cast<std::size_t>(m) < params.municipalities.size()
               ? params.municipalities[static_cast<std::size_t>(m)].name
               : std::string("?");
  };

  begin(Place::Hospital);
  for (std::size_t h = 0; h < params.hospitals.size(); ++h) {
    const model::Hospital& hospital = params.hospitals[h];
    facilities_.push_back({Place::Hospital, static_cast<int>(h), hospital.id, hospital.id + ": psychiatric beds",
                           hospital.id + " 精神病床", hospital.municipality, -1});
  }
  end(Place::Hospital);

  begin(Place::CommunityWard);
  for (std::size_t h = 0; h < params.hospitals.size(); ++h) {
    const model::Hospital& hospital = params.hospitals[h];
    facilities_.push_back({Place::CommunityWard, static_cast<int>(h), hospital.id + "/community-ward",
                           hospital.id + ": psychiatric community-care ward", hospital.id + " 精神科地域包括ケア病棟",
                           hospital.municipality, -1});
  }
  end(Place::CommunityWard);

  begin(Place::CrisisStay);
  int site_index = 0;
  for (std::size_t h = 0; h < params.hubs.size(); ++h) {
    const model::Hub& hub = params.hubs[h];
    for (std::size_t s = 0; s < hub.sites.size(); ++s) {
      const int m = hub.sites[s].municipality;
      const std::string site = hub.id + "/site-" + std::to_string(s);
      facilities_.push_back({Place::CrisisStay, site_index++, site, site + ": crisis short stay",
                             hub.display_name() + " 緊急短期入所 (" + municipality_name(m) + ")", m,
                             static_cast<int>(h)});
    }
  }
  end(Place::CrisisStay);

  begin(Place::GroupHome);
  for (std::size_t m = 0; m < params.municipalities.size(); ++m) {
    const model::Municipality& mu = params.municipalities[m];
    facilities_.push_back({Place::GroupHome, static_cast<int>(m), mu.id + "/group-home", mu.id + ": group homes",
                           mu.name + " グループホーム", static_cast<int>(m), -1});
  }
  end(Place::GroupHome);

  begin(Place::SupportedHousing);
  for (std::size_t m = 0; m < params.municipalities.size(); ++m) {
    const model::Municipality& mu = params.municipalities[m];
    facilities_.push_back({Place::SupportedHousing, static_cast<int>(m), mu.id + "/supported-housing",
                           mu.id + ": supported housing", mu.name + " 居住サポート住宅", static_cast<int>(m), -1});
  }
  end(Place::SupportedHousing);
}

}  // namespace caresim::io
