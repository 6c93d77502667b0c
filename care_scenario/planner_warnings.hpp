#pragma once
// Warnings a planner needs about a valid scenario that is probably not what was meant:
// places no road reaches, too few beds for the day-0 inpatients, hubs without a
// transition provider or a coordinator. They never stop a run (`caresim check` and `run`
// print them to stderr and exit as they would without them).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "models/facilities.hpp"
#include "models/parameters.hpp"
#include "scenario/diagnostic.hpp"

namespace caresim::care_scenario {

/** One warning: the dotted key of the value at fault and what to change. */
struct PlannerWarning {
  std::string path;     ///< e.g. "hubs.hub-kita.coordinators", or a member ("municipalities.minami")
  std::string message;  ///< what is wrong, and what to change
};

/** The warnings of `p` (the parameters of a valid scenario), in this order:
 *  - a municipality with residents, or a hospital's municipality, that no road of `roads`
 *    connects to the component of the travel graph holding the most residents;
 *  - the scenario's general psychiatric beds net of outside patients at day 0, summed over
 *    the region, below the day-0 inpatients of population.initial_inpatients (the whole
 *    region is compared: day-0 inpatients take the nearest free bed, catchments are not
 *    assigned);
 *  - a hub whose transition_places, or whose coordinators, are 0 from its opening to the
 *    horizon (a hub that never opens within the run is named as such). */
std::vector<PlannerWarning> planner_warnings(const model::Parameters& p);

/** The scenario key that sets the capacity of facility `f` of `p`'s facility table, e.g.
 *  "hospitals.hosp-chuo.beds" or "hubs.hub-joint.sites.chuo.crisis_beds"; for a kind a
 *  service registered (or a hub's coordinators) the key of its owner. */
std::string capacity_key(const model::Parameters& p, const model::Facility& f);

/** The warning of `caresim run --warn-unbound` for facility `f` of `p`, whose units in use
 *  peaked at `peak_in_use` of `peak_capacity` over the run and whose waiting line stayed
 *  empty. */
PlannerWarning unbound_warning(const model::Parameters& p, const model::Facility& f, std::int64_t peak_in_use,
                               std::int64_t peak_capacity);

/** The YAML source of a scenario (the file, the files it extends, the --set overrides),
 *  to find where a warning's value was written. */
class SourcePositions {
 public:
  /** Reads `file` and applies `overrides` as the loader does; if the text cannot be read
   *  again, every location is the file as a whole. */
  SourcePositions(const std::string& file, const std::vector<std::string>& overrides);
  ~SourcePositions();
  SourcePositions(const SourcePositions&) = delete;
  SourcePositions& operator=(const SourcePositions&) = delete;

  /** Where the value at dotted `path` was written; for a key left at its default, where
   *  the nearest enclosing map that was written starts. */
  scenario::Location where(const std::string& path) const;

 private:
  struct Tree;
  std::unique_ptr<Tree> tree_;
  std::string file_;
};

/** "warning: FILE:LINE:COL: PATH: MESSAGE" for each warning, one a line. */
std::string format_warnings(const std::vector<PlannerWarning>& warnings, const SourcePositions& positions);

}  // namespace caresim::care_scenario
