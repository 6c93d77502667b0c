#pragma once
// The care model's state and processes (internal to caresim::model; CareModel is the
// public face). Processes are split by concept over several .cpp files:
//   model_setup.cpp    construction, resources from the facility table, month boundaries
//   capacity.cpp       phased capacities: the steps of every facility, applied as events
//   community.cpp      arrivals, exits, ageing, carer loss, group home -> own home
//   crisis.cpp         crisis onset (hazard) and the crisis response
//   admission.cpp      admission, the region-wide bed queue, short stays
//   stay.cpp           readiness, the planning conference, reviews, 医療保護 renewal reviews,
//                      the community-care ward cap (community_ward.cpp: days over the past year)
//   discharge.cpp      destinations, blocked discharges, the group-home and supported-housing lists
//   support.cpp        support caseloads: who needs them to go home, places, lines, periods
//   coordination.cpp   coordinators' hours: registration, motivation support, emergency backup, the add-on
//   transition.cpp     地域移行支援: wishes, referrals, programmes of providers in and outside hubs
//   rate_steps.cpp     phased rates: the hazards read at a day, and the redraws at their steps
#include <cstdint>
#include <deque>
#include <limits>
#include <memory>
#include <vector>

#include "engine/core/block_arena.hpp"
#include "engine/core/prefetch.hpp"
#include "engine/core/simulator.hpp"
#include "engine/observe/recorder_set.hpp"
#include "engine/resource/resource.hpp"
#include "engine/resource/resource_record.hpp"
#include "engine/rng/random_stream.hpp"
#include "models/calendar.hpp"
#include "models/coordinators.hpp"
#include "models/facilities.hpp"
#include "models/parameters.hpp"
#include "models/person.hpp"
#include "models/records.hpp"
#include "models/region.hpp"
#include "models/service.hpp"

namespace caresim::model {

/** The waiting-line priority of community applicants for a place or support: after every
 *  inpatient's (their priorities are the days of their applications). */
inline constexpr int kCommunityListPriority = std::numeric_limits<int>::max();

/** All state of one replication and the event handlers that change it. */
class ModelState {
 public:
  /** A replication of `params` with `services` (none for the built-in model), whose
   *  facility rows follow the built-in ones. */
  ModelState(const Parameters& params, std::uint64_t seed, std::uint32_t replication, Services services = {});
  ModelState(const ModelState&) = delete;
  ModelState& operator=(const ModelState&) = delete;

  /** Creates the day-0 population and schedules every recurring event. */
  void start();
  /** At the horizon: the services' on_end. */
  void end();
  /** Adds the services' indicators to `table`, moving it first onto the dictionary the
   *  services extend (if they declare rows). */
  void service_indicators(IndicatorTable& table) const;

  const Parameters p;
  const FacilityTable facilities;
  engine::Simulator sim;
  engine::RandomSource rng;
  TravelMatrix travel;
  std::vector<MonthSpan> months;

  engine::RecorderSet<MovementRecord> movements;
  engine::RecorderSet<CrisisRecord> crises;
  engine::RecorderSet<ServiceRecord> services;
  engine::RecorderSet<SnapshotRecord> snapshots;
  engine::RecorderSet<CoordinatorRecord> coordinator_months;
  /** By FacilityId, the ResourceRecords of the facility's Resource (each Resource's one
   *  recorder; a day-0 CapacityChange opens every stream). The set of a hub's coordinators,
   *  which have no Resource, stays silent: their staff is in CoordinatorRecord. */
  std::vector<engine::RecorderSet<engine::ResourceRecord>> facility_records;

 private:
  friend class CareModel;
  friend class ServiceContext;
  using Handle = engine::EventHandle;

  // --- randomness (model_setup.cpp)
  double uniform(Person& who, Draw purpose);
  double exp1(Person& who, Draw purpose);
  bool chance(Person& who, Draw purpose, double p) { return p > 0 && uniform(who, purpose) < p; }
  int pick(Person& who, Draw purpose, const double* weights, int n);
  /** Whether `who` is on public assistance: the one draw of their person.public_assistance
   *  stream against population.share_public_assistance (no draw at a share of 0). */
  bool draw_public_assistance(const Person& who) const;
  void cancel(Handle& h);
  /** Takes one unit of `r` for `client` if one is free and nobody waits. Checks first,
   *  because a refused try_acquire is far dearer than reading two counters. */
  static bool take(engine::Resource& r, std::uint64_t client) {
    return r.available() > 0 && r.queue_length() == 0 && r.try_acquire(client);
  }

  // --- records
  void move(Person& who, MoveKind kind, Place to, int facility, Cause cause);
  void service(const Person& who, ServiceKind kind, int facility = -1, double value = 0, bool flag = false,
               std::uint8_t detail = 0);

  // --- setup (model_setup.cpp)
  void define_events();
  /** The simulator's look-ahead hint (engine::Simulator::set_lookahead): asks for the
   *  cache lines of the person the next event names, while this one runs. */
  static void prefetch_person(const void* context, engine::EventKind kind, std::uint64_t payload);
  void build_resources();
  void schedule_capacity_steps();
  void apply_capacity(std::uint64_t step);
  Person& new_person(int municipality, double share_65plus, double share_alone);
  void create_initial_population();
  void on_month(std::uint64_t month);
  void on_snapshot(std::uint64_t month);

  // --- community (community.cpp)
  void schedule_arrival(int municipality);
  void on_arrival(std::uint64_t municipality);
  void enter(Person& who, Place place, int facility, Cause cause);
  void reschedule_exit(Person& who);
  void on_exit(std::uint64_t id);
  void leave_model(Person& who, Cause cause);
  void schedule_birthday(Person& who);
  void on_birthday(std::uint64_t id);
  void reschedule_carer(Person& who);
  void on_carer_loss(std::uint64_t id);
  void reschedule_move_out(Person& who);
  void on_move_out(std::uint64_t id);
  /** A group-home resident moves to a home of their own (living alone). */
  void leave_group_home_for_home(Person& who);
  void refresh(Person& who);

  // --- crisis (crisis.cpp)
  void reschedule_crisis(Person& who);
  void on_crisis(std::uint64_t id);
  void respond_to_crisis(Person& who, bool carer_loss);
  /** The first open hub (in index order) serving the person's municipality; -1 if none. */
  int serving_hub(const Person& who) const;
  /** True when model day `day` falls in a hub's office hours (Monday-Friday,
   *  response.office_open_hour to office_close_hour): the opening-hours schedule of
   *  office-hours hubs. */
  bool in_office_hours(double day) const;
  /** True once hub `hub` has opened. */
  bool hub_open(int hub) const { return p.hubs[static_cast<std::size_t>(hub)].open_day <= sim.now(); }

  // --- coordinators (coordination.cpp): staff hours on named people
  /** Sets hub `hub`'s coordinators to `staff` full-time equivalents (its add-on cap too). */
  void set_coordinators(int hub, double staff);
  /** At the start of a month, the planned tasks of every hub's coordinators in their order:
   *  registering the households flagged since (c), then motivation support for long-stay
   *  inpatients (a); then every long-stay inpatient's chance of stating a wish to leave. */
  void plan_coordination();
  /** Flags a household at risk (at home with carers, after a crisis or a discharge) for
   *  advance registration by the hub serving it. */
  void flag_for_registration(const Person& who);
  /** True while `who`'s household is registered for emergencies. */
  bool registered(const Person& who) const { return who.registered_until > sim.now(); }
  /** (b) The hub's coordinator backs up a crisis its triage would send to hospital, if the
   *  hours are there: a short stay searched over every hub site within the backup travel
   *  limit when one was tried, else direct support of a person not yet using services.
   *  Returns the outcome it reached (Admission if none). */
  CrisisOutcome back_up_crisis(Person& who, int hub, bool short_stay_tried);
  /** Bills this month's add-on user-month for `who`'s consultation service, if the hub
   *  serving them bills it and its cap allows. */
  void bill_add_on(const Person& who);

  // --- admission (admission.cpp)
  /** Admission decided by need: a bed now (near, else far), else the prefectural
   *  emergency system for a 措置-level crisis, else a wait at home for a bed. */
  void admit_by_need(Person& who, Cause cause);
  bool try_admit(Person& who, Cause cause);
  void admit_to(Person& who, Place ward, int hospital, Cause cause);
  /** Admits to a bed outside the scenario's hospitals (Place::HospitalElsewhere). */
  void admit_elsewhere(Person& who, Cause cause);
  void join_hospital_queue(Person& who);
  void leave_hospital_queue(Person& who, bool admitted);
  void on_deterioration(std::uint64_t id);
  void bed_freed();
  void on_serve_queue(std::uint64_t);
  /** True while some hospital of the scenario has a free general bed or community-care ward
   *  bed (else no one in the hospital queue can be admitted). */
  bool any_bed_free();
  /** A crisis short stay at the nearest free site of `hub` (every hub's sites if `hub` < 0)
   *  within `travel_limit_min`. */
  bool start_short_stay(Person& who, int hub, double travel_limit_min);
  /** The group home of `municipality` keeps the admitted resident's place (already held)
   *  for community.group_home_hold_days. */
  void hold_group_home(Person& who, int municipality);
  /** Gives back a kept group-home place, if any. */
  void end_group_home_hold(Person& who);
  /** Keeps the place just found for a ready inpatient (group home, or supported housing
   *  with `supported_housing`) until the arrangements are done (Person::arranged_at). */
  void reserve_place(Person& who, int municipality, bool supported_housing);
  /** Makes this stay's application for a place now, unless one was made (applied_at,
   *  arranged_at). */
  void apply_for_place(Person& who);
  /** A ready inpatient takes the place found (free now or granted): moves at once when the
   *  arrangements are done, else keeps it until they are. */
  void take_found_place(Person& who, int municipality, bool supported_housing, Cause cause);
  void on_hold_end(std::uint64_t id);
  void on_short_stay_end(std::uint64_t id);

  // --- stay (stay.cpp)
  void on_admitted(Person& who);
  void redraw_readiness(Person& who);
  void on_ready(std::uint64_t id);
  void on_review(std::uint64_t id);
  void on_ward_cap(std::uint64_t id);
  void release_place(Person& who, Place place, int facility);
  /** The planning conference (day hospital.planning_day of the stay): the destination is
   *  chosen and, for a place, the search starts before readiness (early_search). */
  void planning_conference(Person& who);
  /** The conference's event (not cancelled when the stay ends: it checks it still applies). */
  void on_conference(std::uint64_t id);
  /** Applies for a place before readiness when the planned destination needs one (a group
   *  home, or home for someone without a home that takes them), once per stay. */
  void early_search(Person& who);
  /** Schedules the next 医療保護入院 renewal review after now, if the stay is 医療保護. */
  void schedule_legal_renewal(Person& who);
  /** A renewal review: conversion to 任意入院, a committee's discharge plan, or renewal. */
  void on_legal_renewal(std::uint64_t id);
  /** The day a community-care ward stay begun at `begin` reaches the ward's cap, counting
   *  the person's ward days of the past year (community_ward.hpp). */
  double ward_cap_day(const Person& who, double begin) const;

  // --- discharge (discharge.cpp)
  void discharge_at_readiness(Person& who);
  bool place_in_community(Person& who, Cause cause);
  /** Takes the nearest free group-home place within reach, else supported housing, for a
   *  ready inpatient (take_found_place); false if none is free. */
  bool take_place_to_arrange(Person& who);
  bool try_group_home(Person& who, Cause cause);
  bool try_supported_housing(Person& who, Cause cause);
  void discharge_to(Person& who, Place to, int facility, Cause cause);
  /** Moves an inpatient to another psychiatric hospital; the stay goes on. */
  void transfer(Person& who);
  void become_blocked(Person& who, BlockReason reason);
  void end_blocked(Person& who);
  /** Ends a block and leaves for home (with the support needed there, else blocked again). */
  void go_home_after_wait(Person& who);
  /** Joins every list within the travel limit at once: group homes, and supported housing
   *  too for a blocked inpatient. */
  void join_group_home_list(Person& who, bool inpatient);
  /** Leaves every list the person is on, withdrawing the requests still waiting. With
   *  `granted`, the request on (`municipality`, `supported_housing`) was the one granted. */
  void leave_group_home_list(Person& who, bool granted, int municipality = -1, bool supported_housing = false);
  /** True if the person is present and waits on that list (else a grant is stale). */
  bool holds_request(const Person& who, int municipality, bool supported_housing) const;
  /** The resource whose waiting line is that list. */
  engine::Resource& housing_list(int municipality, bool supported_housing) {
    return resource(supported_housing ? facilities.supported_housing(municipality)
                                      : facilities.group_home(municipality));
  }
  /** Withdraws one list request of `who` whose grant was passed up (the unit is given back). */
  void drop_request(Person& who, int municipality, bool supported_housing);
  void on_group_home_grant(int municipality, std::uint64_t id);
  void on_supported_housing_grant(int municipality, std::uint64_t id);
  /** The home is gone (tenancy lost, the family no longer accepts, or the carer is gone):
   *  someone blocked waiting for support at home now waits for a place instead. */
  void lose_home(Person& who);

  // --- support caseloads (support.cpp)
  /** The services `who`, leaving hospital now, needs at home (Package bits). */
  std::uint8_t support_needs(Person& who, bool via_programme);
  /** True when municipality `m` has (or will have) a caseload of service `k`. */
  bool offers_support(int m, SupportKind k) const;
  /** The period (or mean episode) of service `k`, in days. */
  double support_period(SupportKind k) const {
    return k == SupportKind::IndependentLiving ? p.support.independent_living_period_days
           : k == SupportKind::Settlement      ? p.support.settlement_period_days
                                               : p.support.home_nursing_episode_days;
  }
  /** Takes a place of every service in who.support_needs not held yet; on the first with
   *  none free, joins its line (inpatients by the day of their application for support,
   *  before community applicants) and returns false. A need of a service the municipality
   *  does not offer is dropped. */
  bool arrange_support(Person& who);
  /** The application for support at home in this stay (Person::support_applied_at), now
   *  unless made already. */
  void apply_for_support(Person& who);
  /** Leaves hospital for home once the welfare services' arrangements are done
   *  (support.arrangement_days from the application): at once without a service of
   *  Person::welfare_to_arrange still needed, or when the day has come; else the person, holding the
   *  places, waits blocked (reason Support) and leaves that day (on_hold_end). */
  void leave_for_home(Person& who, Cause cause);
  /** Takes a place of `k` if one is free (and holds it), else queues on its line at
   *  `priority` (an inpatient's application day, or kCommunityListPriority) and returns false. */
  bool take_or_queue_support(Person& who, SupportKind k, int priority);
  /** Gives back every support place held. */
  void release_all_support(Person& who);
  /** Moving into a group home: it gives the everyday and on-call support itself, so
   *  自立生活援助 and 地域定着支援 are given back (home nursing goes on). */
  void end_home_support(Person& who);
  /** Holds a place of `k` (already taken) for `days` (an exponential episode of that mean
   *  for home nursing). */
  void hold_support(Person& who, SupportKind k, double days);
  /** Gives back the place of `k`, if held. */
  void release_support(Person& who, SupportKind k);
  /** Withdraws the request waiting on a caseload line, if any. */
  void withdraw_support_request(Person& who);
  /** At entry at home: a place of each service wanted, if free (no waiting). */
  void take_entry_support(Person& who, bool day0);
  /** Leaves hospital for a home that takes the person: once the support needed is in place
   *  and arranged (else blocked, reason Support). */
  void go_home(Person& who, Cause cause, bool via_programme);
  void on_support_end(std::uint64_t payload);
  void on_support_grant(SupportKind k, std::uint64_t id);

  // --- phased rates (rate_steps.cpp). `day` is the model day whose parameter values apply.
  /** Crisis onset rate per person-year before the post-discharge factor. */
  double crisis_rate(const Person& who, double day) const;
  /** Exit hazard per person-year: deaths in hospital, or deaths, elderly care and moving
   *  away in the community. */
  double exit_rate(const Person& who, bool senior, double day) const;
  /** Death rate per person-year of someone in the community: that of home, or, while
   *  waiting for a bed, the larger of it and an inpatient's. */
  double community_death_rate(const Person& who, bool senior, double day) const;
  /** Carer-loss rate per person-year of someone living with carers. */
  double carer_rate(bool senior, double day) const;
  /** Factor on the readiness hazard of an inpatient. */
  double readiness_factor(const Person& who, bool senior, double day) const;
  /** Schedules a rate_step at every day in (0, horizon) where a phased rate changes. */
  void schedule_rate_steps();
  /** Redraws the pending draws whose hazard changes at this step (see rate_steps.cpp). */
  void on_rate_step(std::uint64_t step);

  // --- transition (transition.cpp)
  /** A stated wish to leave leads to a referral to 地域移行支援 when a provider serves the
   *  person, else to the hospital's discharge planning (a plan). */
  void state_wish(Person& who, bool supported);
  /** True when a 地域移行支援 provider serves municipality `m`: a hub's office or a
   *  caseload of its own (now or later in the run). */
  bool transition_provider_for(int m) const;
  /** The hub whose trial slots a programme of `who` may use (-1 if none). */
  int trial_hub(const Person& who) const;
  void on_engage(std::uint64_t);
  void start_programme(Person& who, FacilityId provider);
  void on_trial(std::uint64_t id);
  void on_trial_end(std::uint64_t id);
  void on_programme_end(std::uint64_t id);
  void end_programme(Person& who, bool success);

  // --- services (models/service.hpp); every hook is skipped while there is none
  Services services_;
  /** The built-in dictionary extended by the services' rows, or nullptr (no rows). */
  const IndicatorDictionary* service_dictionary_ = nullptr;
  ServiceContext service_context_{*this};

  // --- state
  std::vector<bool> payload_is_person_;  // by EventKind: the payload is a person's id
  engine::BlockArena<Person> people_;    // never moves: a large region's arena is not copied as it grows
  /** Ids of the people who entered, ascending (ids are handed out in order and nobody
   *  enters twice), with those who left since the last for_each_present() still in it. */
  std::vector<std::uint64_t> present_ids_;
  /** Ids of the people moved into a psychiatric bed since the last for_each_inpatient(), in
   *  any order and possibly twice, after the inpatients of its last walk. */
  std::vector<std::uint64_t> inpatient_ids_;
  std::size_t inpatients_sorted_ = 0;  // inpatient_ids_[0, inpatients_sorted_) is ascending
  /** The walk the for_each_ functions below share: keeps in `ids`, in their order, those
   *  for whom `keep(Person&)` is true, calling `visit(Person&)` on each, and drops the rest
   *  in the same pass, so each is read once; returns how many it kept, which come first.
   *  Ids appended during the walk stay after them, unvisited. While reading one it calls
   *  `ahead(id)` for the id a few places on, to ask for its memory: the people lie far
   *  apart, and a large region's do not fit in the cache. */
  template <class Ahead, class Keep, class Visit>
  std::size_t walk_ids(std::vector<std::uint64_t>& ids, Ahead&& ahead, Keep&& keep, Visit&& visit) {
    constexpr std::size_t kAhead = 8;
    const std::size_t n = ids.size();
    std::size_t kept = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (i + kAhead < n) ahead(ids[i + kAhead]);
      Person& who = people_[ids[i]];
      if (!keep(who)) continue;
      ids[kept++] = who.id;
      visit(who);
    }
    ids.erase(ids.begin() + static_cast<std::ptrdiff_t>(kept), ids.begin() + static_cast<std::ptrdiff_t>(n));
    return kept;
  }
  /** Calls `visit(Person&)` on each person in the model, by ascending id: what a rate
   *  step walks, instead of everyone ever created (its cost then follows the people
   *  present, not the run's length). Drops those who left from present_ids_ on the
   *  way, in the same pass; someone who leaves during the walk is not visited after, and
   *  someone who enters during it is not visited. */
  template <class F>
  void for_each_present(F&& visit) {
    walk_ids(
        present_ids_, [](std::uint64_t) {}, [](const Person& who) { return who.present; }, visit);
  }
  /** Calls `visit(const Person&)` on each inpatient (any psychiatric bed), by ascending
   *  id, and drops those discharged since from inpatient_ids_ in the same pass, so each is
   *  read once; `visit` must not move anyone. */
  template <class F>
  void for_each_inpatient(F&& visit) {
    sort_appended(inpatient_ids_, inpatients_sorted_);
    // The first cache line of a Person holds its place and what the visits of
    // plan_coordination read.
    inpatients_sorted_ = walk_ids(
        inpatient_ids_, [&](std::uint64_t id) { engine::prefetch(&people_[id]); },
        [](const Person& who) { return in_hospital(who.place); }, visit);
  }
  /** Sorts `ids`, whose first `sorted` are ascending: sorts the part appended since the
   *  last walk, merges it into the rest and drops repeats (someone admitted twice since the
   *  last walk of the inpatients; the monthly list has none, monthly_listed_ keeps it so). */
  static void sort_appended(std::vector<std::uint64_t>& ids, std::size_t sorted);
  /** Ids of the people on_month may have work for: a support place billed by the month
   *  (every Package bit) or a transition programme. A place is taken in hold_support() and
   *  a programme starts in start_programme(), which both call note_monthly(); move() and
   *  reschedule_crisis() call it too. Those whose work has ended are dropped by the next
   *  walk (tests/model/monthly_walk_test.cpp checks the walk against one of everyone). */
  std::vector<std::uint64_t> monthly_ids_;
  std::vector<bool> monthly_listed_;  // by person id: in monthly_ids_
  std::size_t monthly_sorted_ = 0;    // monthly_ids_[0, monthly_sorted_) is ascending
  /** Lists `who` in monthly_ids_ if they hold a package billed by the month or run a
   *  programme and are not listed yet. */
  void note_monthly(const Person& who);
  /** True if on_month may have work for `who` while present: a package billed by the
   *  month or a programme. */
  static bool has_monthly_work(const Person& who) { return who.packages != 0 || who.in_programme(); }
  /** Calls `visit(Person&)` on each person on_month may have work for, by ascending id:
   *  about one in seven of those present instead of all of them. Drops those with none
   *  left from monthly_ids_ in the same pass, so each is read once; `visit` must not list
   *  anyone (note_monthly). */
  template <class F>
  void for_each_monthly(F&& visit) {
    sort_appended(monthly_ids_, monthly_sorted_);
    auto ahead = [&](std::uint64_t id) {
      const Person& later = people_[id];
      engine::prefetch(&later.present);
      engine::prefetch(&later.programme_provider);
      services.expect(id);  // the visit bills service months: the recorders' state of them
    };
    auto keep = [&](const Person& who) {
      if (who.present && has_monthly_work(who)) return true;
      monthly_listed_[who.id] = false;
      return false;
    };
    monthly_sorted_ = walk_ids(monthly_ids_, ahead, keep, visit);
  }
  std::uint64_t entered_ = 0;
  std::uint64_t exited_ = 0;
  std::uint64_t inpatients_ = 0;
  int month_ = 0;

  std::vector<std::vector<int>> hospital_order_;  // per municipality, nearest first
  std::vector<std::vector<int>> site_order_;      // per municipality, hub sites nearest first
  std::vector<std::vector<int>> housing_order_;   // per municipality, municipalities nearest first
  std::vector<std::vector<int>> serving_hubs_;    // per municipality, the hubs serving it in index order

  /** The resource of facility `f` (every facility but a hub's coordinators has one). */
  engine::Resource& resource(FacilityId f) { return *resources_[index(f)]; }
  Coordinators& coordinators(int hub) { return coordinators_[static_cast<std::size_t>(hub)]; }
  const Coordinators& coordinators(int hub) const { return coordinators_[static_cast<std::size_t>(hub)]; }

  std::vector<std::unique_ptr<engine::Resource>> resources_;  // by FacilityId; null for coordinators
  std::vector<Coordinators> coordinators_;                    // per hub
  /** Per hub, the households flagged for registration since its last planning, in order. */
  std::vector<std::vector<std::uint64_t>> registration_flags_;
  /** Inpatients referred to 地域移行支援 and waiting for a programme, by referral. */
  std::vector<std::uint64_t> referred_;

  struct CapacityStep {
    double day;
    FacilityId facility;
  };
  std::vector<CapacityStep> steps_;

  std::deque<std::uint64_t> hospital_queue_;
  bool serve_pending_ = false;
  std::vector<engine::RandomStream> arrival_streams_;
  std::vector<Handle> arrival_pending_;  // per municipality, the next arrival
  std::vector<double> rate_step_days_;   // 0, then every day a phased rate changes

  engine::EventKind ev_crisis_, ev_exit_, ev_birthday_, ev_carer_, ev_move_out_, ev_arrival_, ev_ready_, ev_review_,
      ev_ward_cap_, ev_stay_end_, ev_serve_, ev_capacity_, ev_month_, ev_engage_, ev_snapshot_, ev_trial_,
      ev_trial_end_, ev_programme_end_, ev_rate_step_, ev_deteriorate_, ev_support_end_, ev_hold_end_,
      ev_legal_renewal_, ev_conference_;
};

}  // namespace caresim::model
