#pragma once
// Computes the indicators of docs/indicators.md from the model's record streams alone: it
// subscribes like any other recorder and never looks inside the model. Each record updates
// the accumulators of the region and of the municipality concerned, so every indicator
// exists per municipality at no extra cost of code. Occupancy is the engine's own account:
// every facility's Resource records its in-use and capacity (engine::ResourceRecord), which
// an engine::TimeWeighted integrates; one engine::WarmupCutoff, driven by the records' times,
// cuts every time-weighted statistic at the warm-up.
#include <array>
#include <boost/container/small_vector.hpp>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "engine/core/block_arena.hpp"
#include "engine/core/large_pages.hpp"
#include "engine/observe/recorder.hpp"
#include "engine/resource/resource_record.hpp"
#include "engine/stats/time_weighted.hpp"
#include "engine/stats/warmup_cutoff.hpp"
#include "models/calendar.hpp"
#include "models/facilities.hpp"
#include "models/indicator_table.hpp"
#include "models/parameters.hpp"
#include "models/payers.hpp"
#include "models/records.hpp"

namespace caresim::model {

/** Subscriber to every record type of the model; table() gives the indicators. */
class IndicatorCollector : public engine::Recorder<MovementRecord>,
                           public engine::Recorder<CrisisRecord>,
                           public engine::Recorder<ServiceRecord>,
                           public engine::Recorder<SnapshotRecord>,
                           public engine::Recorder<CoordinatorRecord> {
 public:
  /** A collector for a run of the model under `params` with facility table `facilities`
   *  (calendar, warm-up, populations, hubs and costs are read from the first, where a
   *  facility stands and which occupancy group it counts in from the second; the
   *  collector keeps references into both, so they must outlive it). Throws std::invalid_argument if the
   *  warm-up is not within [0, horizon]. */
  IndicatorCollector(const Parameters& params, const FacilityTable& facilities);
  IndicatorCollector(const IndicatorCollector&) = delete;
  IndicatorCollector& operator=(const IndicatorCollector&) = delete;

  /** The recorder for the ResourceRecords of facility `f`, or nullptr if it counts in no
   *  occupancy group (the collector does not need its records). */
  engine::Recorder<engine::ResourceRecord>* occupancy_meter(FacilityId f);

  /** Takes a movement. */
  void record(const MovementRecord& r) override;
  /** Takes a crisis. */
  void record(const CrisisRecord& r) override;
  /** Takes a service event. */
  void record(const ServiceRecord& r) override;
  /** Takes a monthly snapshot. */
  void record(const SnapshotRecord& r) override;
  /** Takes a hub's coordinators at a month boundary or the end of the run. */
  void record(const CoordinatorRecord& r) override;
  /** Asks for the memory of what the collector keeps on person `person` (a hint: the
   *  model's look-ahead calls it for the person of the next event). */
  void expect(std::uint64_t person) const override;

  /** The indicators, computed from everything recorded so far; call after the run. */
  IndicatorTable table() const;

 private:
  // One facility's in-use and capacity, from its Resource's records.
  class Meter : public engine::Recorder<engine::ResourceRecord> {
   public:
    Meter(engine::WarmupCutoff& cut, const Facility& facility) : cut_(&cut), facility_(&facility) {}
    void record(const engine::ResourceRecord& r) override;
    const Facility& facility() const { return *facility_; }
    engine::TimeWeighted in_use, capacity;

   private:
    engine::WarmupCutoff* cut_;
    const Facility* facility_;
  };
  // One scope: a municipality, or the region (the last scope).
  struct Scope {
    double admissions = 0, bed_admissions = 0, discharges = 0;  // decided (triage day) and to a bed
    engine::TimeWeighted inpatients;                            // people in psychiatric beds, the region's or elsewhere
    std::array<double, 3> type_counts{};
    std::array<double, 4> crisis{};
    double response_hours = 0;
    double blocked_days = 0, blocked_long_days = 0;       // the second: days blocked at a stay of a year or more
    std::array<double, kFundings> home_nursing_months{};  // by Funding (never Administrative)
    std::array<double, static_cast<std::size_t>(BlockReason::Count)> blocked_days_by_reason{};
    double hospital_waits = 0, hospital_waited = 0;  // waits ended, and their days
    double far_placements = 0, out_of_region = 0, deaths = 0;
    std::array<double, 7> destinations{}, long_stay_destinations{};  // kDestinations order
    double gh_waits = 0, gh_waited = 0;
    double claims = 0;  // 機能強化加算 user-months billed
    // Coordinators: hours available (of the hubs serving the scope) and spent, by task in
    // the order motivation, backup, registration.
    double coordinator_hours_available = 0;
    std::array<double, 3> coordinator_hours{};
    // 地域移行支援: wishes stated (and those after a coordinator's support), referrals to it
    // (and to the hospital's planning instead), programmes started, trial stays, successes.
    double wishes = 0, wishes_supported = 0, referrals = 0, hospital_planning = 0;
    double programme_starts = 0, trial_stays = 0, programme_successes = 0;
    std::array<double, 5> units{};  // transition, independent living, settlement, emergency, coordinator
    // The scope's residents at each Place (by its value), for the day-priced costs: bed-days
    // by ward, group-home resident-days, short-stay days.
    std::array<engine::TimeWeighted, 8> at_place;
    // The scope's inpatients by Funding and bed (general in the region, community-care
    // ward, elsewhere: bed_of()'s order), for the payers of the bed-days.
    std::array<std::array<engine::TimeWeighted, 3>, kFundings> beds_by_funding;
    double trial_days = 0;                          // group-home trial (体験利用) days
    double plan_months = 0, monitoring_months = 0;  // 計画相談支援
    double snapshots = 0, inpatient_sum = 0, elsewhere_sum = 0, long_sum = 0, long65_sum = 0;
    double transfers = 0, transfers_out_of_region = 0;
    double legal_conversions = 0;  // 医療保護入院 converted to 任意 at a renewal review
    std::array<double, 3> diagnosis_sum{}, stock_type_sum{};
    // Long stay at the fiscal-year ends after the warm-up, keyed "FY2025" for the year that
    // ends at that April 1; and at the last fiscal-year end of the run, warm-up included.
    std::vector<std::pair<std::string, double>> long_under65_series, long_65plus_series;
    double long_under65_last = 0, long_65plus_last = 0;
    double present_start = 0;  // people in the model at the first snapshot after warm-up
    double revolving = 0;
    double present = 0;
  };
  // One hospital stay, across transfers.
  struct Stay {
    double admitted = 0;
    double left_first = 0;  // left the admitting hospital (a transfer or the end), or +inf
    double left = 0;        // left hospital care, or +inf
  };
  // Three cache lines, aligned to them: the look-ahead asks for exactly those (208 bytes,
  // unaligned, spanned four or five). A new field goes into the padding after the flags.
  struct alignas(64) PersonTrack {
    double birth = 0;
    double admitted_at = 0;
    double exit_time = 0;
    double blocked_since = -1;
    int municipality = 0;
    int facility = -1;
    Place place = Place::Outside;
    AdmissionType type = AdmissionType::Voluntary;
    std::uint8_t diagnosis = 0;
    bool public_assistance = false;  // on 生活保護
    Cause exit_cause = Cause::Initial;
    bool exited = false;
    bool revolving = false;
    std::uint8_t blocked_reason = 0;  // a BlockReason
    bool listed = false;              // in inpatients_
    // A person's history. Nine in ten have at most two stays and two discharges to the
    // community (of the reference region's 11,000 tracks over a run, 4,800 have no stay,
    // 3,400 one and 1,500 two): those lie in the track itself, whose memory the look-ahead
    // asks for, not on the heap at an address only the track gives (a second miss in a
    // record, after the track's own).
    boost::container::small_vector<Stay, 2> stays;
    std::vector<std::pair<double, double>> waits;                    // at home for a bed: (triage, admission or +inf)
    boost::container::small_vector<double, 2> community_discharges;  // times of discharges to the community
  };
  static_assert(sizeof(PersonTrack) == 3 * 64, "PersonTrack grew past three cache lines");

  // Where a stay ended, in the order of the keys of discharge_destinations (kDestinationKeys).
  enum Destination { kHome, kGroupHome, kSupportedHousing, kElderlyCare, kTransfer, kDeath, kOther };
  static int destination_of(const MovementRecord& r);
  void count_destination(int municipality, int destination, double length_of_stay);

  Scope& scope(int municipality) { return scopes_[static_cast<std::size_t>(municipality)]; }
  /** The funding of the person's days in hospital now. */
  static Funding funding(const PersonTrack& pt) { return funding_of(pt.type, pt.public_assistance); }
  /** The index of psychiatric bed `p` in Scope::beds_by_funding. */
  static std::size_t bed_of(Place p);
  /** Gives a stay of `pt` (in hospital or not) the type `type` from time `t`: its bed-days
   *  move to the type's funding. */
  void retype(PersonTrack& pt, AdmissionType type, double t);
  template <class F>
  void both(int municipality, F f) {
    f(scopes_[static_cast<std::size_t>(municipality)]);
    f(scopes_.back());
  }
  PersonTrack& track(std::uint64_t id);
  /** Days of [from, to] after the warm-up at which the stay begun at `admitted` had lasted a year. */
  double long_part(double from, double to, double admitted) const;
  // What a scope's indicators take from its people's histories (all of them, the departed
  // too): a table needs them for every scope, and one walk over the tracks gives them all.
  struct Histories {
    std::vector<std::array<double, 12>> left, cohort;  // by monthly admission cohort after the warm-up, by month since
    double cd_sum = 0, cd_n = 0;                       // community days in the year after a discharge, and discharges
    std::array<double, 4> readmitted{};                // within 30, 90, 180 and 365 days
    double readmit_n = 0;
    double present = 0, revolving = 0;
    double long_stay_days = 0;  // bed-days at a stay of a year or more, in the window
    // Blocked bed-days: the scope's ended blocks, and those still running at the end.
    double blocked = 0, blocked_long = 0;
    std::array<double, static_cast<std::size_t>(BlockReason::Count)> by_reason{};
  };
  /** By scope (municipalities, then the region). */
  std::vector<Histories> histories() const;
  void fill(IndicatorTable& t, const Scope& s, const Histories& h, int municipality) const;
  void fill_costs(IndicatorTable& t, const Scope& s, int municipality) const;
  /** Counts the 計画相談支援 plan and monitoring months of the month that starts at `r`. */
  void count_care_plans(const SnapshotRecord& r);

  const Parameters& p_;
  std::vector<MonthSpan> months_;
  double warmup_;
  double horizon_;
  std::vector<Scope> scopes_;
  // By person id, read at random; an arena, so that growing never copies the tracks.
  engine::BlockArena<PersonTrack> people_;
  // Ids of the people who moved into a psychiatric bed since they were last found out of
  // one, once each, in any order: what a snapshot walks instead of everyone ever tracked
  // (its counts are sums of whole numbers, so the order does not change them).
  std::vector<std::uint64_t> inpatients_;
  std::vector<CoordinatorRecord> hubs_;  // per hub, the latest
  // 計画相談支援 of one person: when a 自立生活援助, 地域定着支援 or 地域移行支援 month was last
  // billed, the last month any welfare service was used and the months since the last plan
  // or monitoring.
  struct CarePlan {
    double community_month_at = -1;
    int last_month = -2;
    int since = 0;
  };
  engine::LargeVector<CarePlan> care_plans_;  // by person id
  /** Who count_care_plans() visits: group-home residents (kept while there) and those
   *  billed a month since its last call (added by their records), possibly twice. */
  std::vector<std::uint64_t> plan_candidates_;
  std::vector<double> coordinator_fte_days_;  // per hub: full-time-equivalent days in the report window
  engine::WarmupCutoff cut_;                  // of every TimeWeighted here
  std::vector<Meter> meters_;                 // the facilities with an occupancy group or users, in table order
  std::vector<int> meter_of_;                 // by FacilityId, the index into meters_, or -1
  std::uint64_t present_ = 0;
  bool report_started_ = false;  // the first snapshot at or after the warm-up has been taken
};

}  // namespace caresim::model
