#pragma once
// An example service added to the care model from outside it (docs/architecture.md,
// "Adding a service"): psychiatric day care (精神科デイ・ケア) per municipality, with a
// number of places. Someone discharged home who needs it takes a place of their
// municipality for an episode of attendance; while they attend, their crisis rate is
// multiplied by crisis_factor. Without a free place they go without. It touches no
// enumeration of the model: its rows are of a kind it names ("day_care"), and its scenario
// keys are its own (day_care_keys(), care_scenario/service_keys.hpp).
#include <cstdint>
#include <utility>
#include <vector>

#include "care_scenario/service_keys.hpp"
#include "models/phased.hpp"
#include "models/service.hpp"

namespace caresim::example {

/** The service's own parameters, filled from a scenario by day_care_keys() (the defaults
 *  are the rows' defaults, not these zeros). */
struct DayCareParams {
  /** Day-care places per municipality, by municipality index; a municipality beyond the
   *  list has none. */
  std::vector<model::Phased> places;
  double share_in_need = 0;  ///< fraction of discharges home that need day care
  double episode_days = 0;   ///< mean length of an episode of attendance, days (exponential)
  double crisis_factor = 0;  ///< factor on the crisis rate while attending
};

/** The scenario keys of the service, each bound to its field of DayCareParams:
 *  services.day_care.{share_in_need, episode_days, crisis_factor} and
 *  municipalities.<municipality>.day_care.places. */
const care_scenario::ServiceKeys<DayCareParams>& day_care_keys();

/** Psychiatric day care as a model::Service. One instance serves one replication. */
class DayCare final : public model::Service {
 public:
  /** The service with parameters `params`. */
  explicit DayCare(DayCareParams params) : params_(std::move(params)) {}

  /** One "day_care" row per municipality of `table`'s region. */
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
  /** day_care_crises_after_discharge, day_care_episodes, day_care_went_without. */
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

  DayCareParams params_;
  std::vector<model::FacilityId> rows_;  ///< per municipality
  std::vector<PersonState> people_;      ///< by person id
  engine::EventKind ev_end_ = 0;
  double warmup_ = 0;
  double crises_after_discharge_ = 0, episodes_ = 0, went_without_ = 0;
};

}  // namespace caresim::example
