#pragma once
// An example service added to the care model from outside it (docs/architecture.md,
// "Adding a service"): home-nursing visits (訪問看護) per municipality, with a caseload
// capped by the staff. Someone discharged home who needs visits takes a caseload place of
// their municipality for an episode; while they hold it, their crisis rate is multiplied by
// crisis_factor. Without a free place they go without, and the factor lapses. It touches no
// enumeration of the model: its rows are of a kind it names ("home_nursing").
#include <cstdint>
#include <utility>
#include <vector>

#include "models/phased.hpp"
#include "models/service.hpp"

namespace caresim::example {

/** The service's own parameters (filled by the test here; by its schema rows in a scenario). */
struct HomeNursingParams {
  /** Caseload places per municipality (staff x caseload each), by municipality index;
   *  a municipality beyond the list has none. */
  std::vector<model::Phased> places;
  double share_in_need = 0.5;  ///< fraction of discharges home that need visits
  double episode_days = 180;   ///< mean length of an episode of visits, days (exponential)
  double crisis_factor = 0.5;  ///< factor on the crisis rate while visited
};

/** Home-nursing visits as a model::Service. One instance serves one replication. */
class HomeNursing final : public model::Service {
 public:
  /** The service with parameters `params`. */
  explicit HomeNursing(HomeNursingParams params) : params_(std::move(params)) {}

  /** One "home_nursing" row per municipality of `table`'s region. */
  void declare(model::FacilityTable& table) override;
  /** Defines the end-of-episode event. */
  void start(model::ServiceContext& context) override;
  /** A discharge home draws the need and takes a place; leaving home releases it. */
  void on_move(model::ServiceContext& context, const model::MovementRecord& r) override;
  /** Counts crises within 365 days of a discharge home (after the warm-up). */
  void on_crisis(model::ServiceContext& context, const model::CrisisRecord& r) override;
  /** crisis_factor while the person holds a place, else 1. */
  double crisis_factor(const model::Person& who, double day) const override;
  /** Declares the three indicators below, after the built-in ones. */
  void declare_indicators(std::vector<model::IndicatorRow>& rows) const override;
  /** home_nursing_crises_after_discharge, home_nursing_episodes, home_nursing_went_without. */
  void indicators(model::IndicatorTable& table) const override;

 private:
  struct PersonState {
    model::FacilityId place{};  ///< valid while `holds`
    bool holds = false;
    double discharged_home = -1e300;  ///< model day of the last discharge home
    std::uint64_t draws = 0;          ///< where the person's service stream resumes
    engine::EventHandle end;
  };
  PersonState& state(std::uint64_t id);
  void stop(model::ServiceContext& context, PersonState& s, std::uint64_t id);
  void on_episode_end(model::ServiceContext& context, std::uint64_t id);

  HomeNursingParams params_;
  std::vector<model::FacilityId> rows_;  ///< per municipality
  std::vector<PersonState> people_;      ///< by person id
  engine::EventKind ev_end_ = 0;
  double warmup_ = 0;
  double crises_after_discharge_ = 0, episodes_ = 0, went_without_ = 0;
};

}  // namespace caresim::example
