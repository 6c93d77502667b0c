#pragma once
// The model's facility table: every capacity-holding thing of a region (hospital beds,
// community-care ward beds, group-home places, group-home trial slots, supported housing,
// support caseloads (自立生活援助, 地域定着支援, home nursing), hub coordinators, transition places, crisis beds, hub
// trial slots) as one numbered list, built once from the Parameters. The model builds and steps its resources from it,
// the indicators find a facility's municipality and occupancy group in it, and the results file writes its facility
// dictionary from it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "models/parameters.hpp"
#include "models/phased.hpp"
#include "models/records.hpp"

namespace caresim::model {

/** A row of the FacilityTable. A distinct type, so that a facility cannot be confused with
 *  the per-kind index that records carry (hospital, municipality, hub or hub site). */
enum class FacilityId : std::uint32_t {};

/** The row number of `f`, for indexing vectors laid out like the table. */
constexpr std::size_t index(FacilityId f) {
  return static_cast<std::size_t>(f);
}

/** Who a facility belongs to; `Facility::local` indexes that owner's list. */
enum class Owner : std::uint8_t { Hospital, Municipality, Hub, Site };

/** Occupancy groups of the `occupancy` indicator (and the group of a facility that counts
 *  in none: kNoGroup). */
enum OccupancyGroup : int {
  kNoGroup = -1,
  kHospitalGroup = 0,
  kGroupHomeGroup = 1,
  kCrisisBedGroup = 2,
  kTransitionGroup = 3,  ///< 地域移行支援 programme places, in hub offices and outside hubs
};

/** True for the caseload of a support service (its users count in service_users_per_100k). */
constexpr bool counts_users(CapacityKind k) {
  return k == CapacityKind::IndependentLivingCaseload || k == CapacityKind::SettlementCaseload ||
         k == CapacityKind::HomeNursingCaseload;
}

/** The support service of caseload kind `k` (precondition: counts_users(k); the caseload
 *  kinds follow SupportKind's order). */
constexpr SupportKind support_kind_of(CapacityKind k) {
  return static_cast<SupportKind>(static_cast<int>(k) - static_cast<int>(CapacityKind::IndependentLivingCaseload));
}

/** One capacity-holding thing. */
struct Facility {
  CapacityKind kind = CapacityKind::HospitalBeds;
  Owner owner = Owner::Hospital;
  int local = 0;          ///< index among the owner's kind: hospital, municipality, hub or global hub site
  int municipality = -1;  ///< where it stands
  int hub = -1;           ///< the hub of a hub facility or site, else -1
  std::string id;         ///< stable key, e.g. "hosp-chuo", "chuo/group-home", "hub-joint/chuo"
  std::string name_en;
  std::string name_ja;  ///< from the scenario's name_ja (with a generic Japanese name when it gives none)
  /** The capacity at every model day. A hub's facilities are 0 before the hub opens (the
   *  opening is folded in), and hospital beds are net of out-of-region patients. */
  Phased capacity;
  Place place = Place::Outside;  ///< the place a person in it is at; Outside if it hosts none
  int group = kNoGroup;          ///< OccupancyGroup
  /** Cost of one unit of use, in the unit of its CostParams entry: yen per bed-day for
   *  hospital beds and wards, yen per user-month for home nursing, welfare units per
   *  resident-day (group homes), trial day, short-stay day, user-month, claim (coordinators)
   *  and programme month (transition places); 0 where the model costs nothing. */
  double unit_cost = 0;
  /** True for a facility whose resource keeps a waiting line (group homes, supported
   *  housing, support caseloads). */
  bool waiting_line = false;
  /** The name of a CapacityKind::Registered kind, e.g. "day_care"; empty for a
   *  built-in kind. It prefixes the resource's name ("day_care:chuo"). */
  std::string kind_name{};
};

/** The numbered facility list of a region. Rows are ordered by owner: per hospital its beds
 *  and community-care ward; per municipality its group homes, group-home trial slots,
 *  supported housing and three support caseloads (SupportKind order); per hub its coordinators, transition places and,
 * per site, crisis beds and trial slots. Capacity steps on one day apply in this order. */
class FacilityTable {
 public:
  /** The table of `params` (which must outlive nothing: every value is copied). */
  explicit FacilityTable(const Parameters& params);

  /** Every facility, by row. */
  const std::vector<Facility>& rows() const { return rows_; }
  /** Number of facilities. */
  std::size_t size() const { return rows_.size(); }
  /** The facility of row `f`. */
  const Facility& operator[](FacilityId f) const { return rows_[index(f)]; }

  /** The general psychiatric beds of hospital `h`. */
  FacilityId beds(int h) const { return hospital_[at(h)]; }
  /** The community-care ward of hospital `h`. */
  FacilityId ward(int h) const { return offset(hospital_[at(h)], 1); }
  /** The group homes of municipality `m`. */
  FacilityId group_home(int m) const { return municipality_[at(m)]; }
  /** The group-home trial slots of municipality `m`. */
  FacilityId group_home_trial(int m) const { return offset(municipality_[at(m)], 1); }
  /** The supported housing of municipality `m`. */
  FacilityId supported_housing(int m) const { return offset(municipality_[at(m)], 2); }
  /** The caseload of support service `k` in municipality `m`. */
  /** The 地域移行支援 caseload of municipality `m` (providers outside hubs). */
  FacilityId transition_caseload(int m) const { return offset(municipality_[at(m)], 6); }
  FacilityId support(int m, SupportKind k) const {
    return offset(municipality_[at(m)], 3 + static_cast<std::uint32_t>(k));
  }
  /** The coordinators of hub `k`. */
  FacilityId coordinators(int k) const { return hub_[at(k)]; }
  /** The transition places of hub `k`. */
  FacilityId transition_places(int k) const { return offset(hub_[at(k)], 1); }
  /** The crisis beds of hub site `s` (global site index). */
  FacilityId crisis_beds(int s) const { return site_[at(s)]; }
  /** The trial slots of hub site `s`. */
  FacilityId hub_trial(int s) const { return offset(site_[at(s)], 1); }

  /** Adds a row of a kind registered by a service (models/service.hpp) after every row so
   *  far, so the built-in rows keep their ids, and returns its id. `row.kind` must be
   *  CapacityKind::Registered with a kind_name, `row.id` new, `row.group` kNoGroup and
   *  `row.place` Place::Outside (a service hosts nobody's place); throws
   *  std::invalid_argument naming the row otherwise. */
  FacilityId add(Facility row);

  /** The facility a person at `place` with record facility index `local` occupies, if any. */
  bool hosts(Place place, int local, FacilityId& out) const;

  /** Number of hub sites, over all hubs. */
  int sites() const { return static_cast<int>(site_.size()); }
  /** The hub of hub site `s`. */
  int site_hub(int s) const { return rows_[index(site_[at(s)])].hub; }
  /** The municipality of hub site `s`. */
  int site_municipality(int s) const { return rows_[index(site_[at(s)])].municipality; }

 private:
  static std::size_t at(int i) { return static_cast<std::size_t>(i); }
  static FacilityId offset(FacilityId f, std::uint32_t k) { return FacilityId{static_cast<std::uint32_t>(f) + k}; }
  std::vector<Facility> rows_;
  std::vector<FacilityId> hospital_, municipality_, hub_, site_;  // first row of each owner
};

}  // namespace caresim::model
