#pragma once
// One simulated person: someone with a serious mental-health need known (or becoming
// known) to services. People live in an arena (engine::BlockArena, indexed by id) and are never
// removed, so an id stays valid after the person leaves the model.
#include <array>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/core/event.hpp"
#include "engine/resource/waiting_line.hpp"
#include "models/records.hpp"

namespace caresim::model {

/** Person-level random-number purposes. Each person draws from their own stream per
 *  purpose (entity = person id), so a policy that changes one person's path leaves every
 *  other person's draws alone (common random numbers). */
enum class Draw : std::uint8_t {
  Attributes,
  Crisis,
  Exit,
  Response,
  Admission,
  Readiness,
  Destination,
  Carer,
  MoveOut,
  Programme,
  Review,
  Waiting,  ///< deterioration while waiting for a bed
  Family,   ///< the family's acceptance of a return home, during a stay
  Plan,     ///< hospital discharge planning for a long-stay inpatient
  Support,  ///< support needs and the length of a home-nursing episode
  Wish,     ///< stating a wish to leave hospital (意向確認)
  Backup,   ///< a coordinator's emergency backup of a crisis
  Legal,    ///< the outcome of a 医療保護入院 renewal review
  Count
};

/** Support packages, as bits of Person::packages: bit k is SupportKind k, set while the
 *  person holds a caseload place of that service. */
enum Package : std::uint8_t {
  kIndependentLiving = 1,  ///< 自立生活援助 (regular visits)
  kSettlement = 2,         ///< 地域定着支援 (24-hour on-call)
  kHomeNursing = 4,        ///< 訪問看護
};

/** The Package bit of support `k`. */
constexpr std::uint8_t package_bit(SupportKind k) {
  return static_cast<std::uint8_t>(1u << static_cast<unsigned>(k));
}

/** The processes that keep a pending event on a person, one each: the index of
 *  Person::events. */
enum class Process : std::uint8_t {
  Crisis,                ///< the next crisis (community)
  Exit,                  ///< death, elderly care or moving away
  Readiness,             ///< ready to leave hospital
  Review,                ///< the next review of a hospital stay
  StayEnd,               ///< end of a crisis short stay, or the community-care ward's stay cap
  Birthday,              ///< turning 65
  Carer,                 ///< losing the carers one lives with
  MoveOut,               ///< group home to own home
  Programme,             ///< end of a transition programme
  Trial,                 ///< a trial stay's start or end
  Deterioration,         ///< worse while waiting for a bed
  GroupHomeHold,         ///< end of the time a group home keeps an admitted resident's place
  IndependentLivingEnd,  ///< end of the 自立生活援助 period (Process order of SupportKind)
  SettlementEnd,         ///< end of the 地域定着支援 period
  HomeNursingEnd,        ///< end of the home-nursing episode
  LegalRenewal,          ///< the next renewal review of a 医療保護入院's legal period
  Count
};

/** Diagnosis groups as in ReMHRAD. */
enum class Diagnosis : std::uint8_t { F2, F0, Other };

/** One waiting request of a person: on the group-home or the supported-housing list of a
 *  municipality (a Resource's waiting line). */
struct ListRequest {
  engine::RequestId id = 0;  ///< 0 until the request has joined the line
  int municipality = -1;     ///< whose list
  bool supported_housing = false;
};

/** One stay in the community-care ward: [begin, end) in model days. */
struct WardSpell {
  double begin = 0;
  double end = 0;
};

/** The state of one person. Times are model days.
 *
 *  Laid out hot first: the first cache line holds what the walks over many people
 *  (for_each_inpatient, on_engage, for_each_monthly, for_each_present) and most handlers
 *  read, and a Person starts on a cache line, so a walk reads one line per person. The
 *  pending events and draw counters come next (each handler uses one or two of them), the
 *  rest last. In a large region the arena does not fit in the cache, so this order is what
 *  decides how many lines an event costs (docs/engine.md, caresim-scale-bench). */
struct alignas(64) Person {
  static constexpr double kNever = -std::numeric_limits<double>::infinity();

  // --- the first cache line
  std::uint64_t id = 0;
  double admitted_at = 0;    ///< start of the current (or last) hospital stay
  double blocked_since = 0;  ///< while blocked
  double birth = 0;          ///< model day of birth (negative)
  int municipality = 0;
  int facility = -1;  ///< see MovementRecord::facility
  /** The 地域移行支援 provider running the person's programme (a FacilityId: a hub's
   *  office or a municipality's caseload), -1 if none. */
  int programme_provider = -1;
  int admissions = 0;
  Place place = Place::Outside;
  bool present = false;                               ///< in the model (entered and not exited)
  bool blocked = false;                               ///< clinically ready to leave, waiting for a destination
  BlockReason block_reason = BlockReason::GroupHome;  ///< while blocked
  /** A long-stay inpatient's discharge plan is made (by hospital planning or a transition
   *  programme): the conditions for leaving are being arranged. Reset at admission. */
  bool has_plan = false;
  std::uint8_t packages = 0;       ///< Package bits
  bool alone = false;              ///< lives alone (else with carers)
  bool has_home = true;            ///< a home of their own to return to
  bool revolving = false;          ///< revolving-door subgroup
  bool readmission = false;        ///< the current stay began within 365 days of a discharge
  bool in_hospital_queue = false;  ///< triaged to admission, waiting at home for a bed
  Diagnosis diagnosis = Diagnosis::F2;
  AdmissionType type = AdmissionType::Voluntary;
  /** Stated a wish to leave during this stay (意向確認); reset at admission. */
  bool wish = false;
  bool referred = false;  ///< referred to 地域移行支援 and waiting for a programme

  /** Pending events, one per process (cancelled when the state they assume changes). */
  std::array<engine::EventHandle, static_cast<std::size_t>(Process::Count)> events{};
  /** The pending event of process `p`. */
  engine::EventHandle& pending(Process p) { return events[static_cast<std::size_t>(p)]; }
  /** The pending event of process `p`. */
  const engine::EventHandle& pending(Process p) const { return events[static_cast<std::size_t>(p)]; }

  /** The pending end of support `k`'s period. */
  engine::EventHandle& support_end(SupportKind k) {
    return events[static_cast<std::size_t>(Process::IndependentLivingEnd) + static_cast<std::size_t>(k)];
  }

  /** Draw index per purpose: where each stream resumes. 32 bits, to keep a Person small
   *  (a person draws a few hundred numbers per purpose); set through resume_draws_at(). */
  std::array<std::uint32_t, static_cast<std::size_t>(Draw::Count)> draws{};
  /** The draw index at which the stream of `purpose` resumes. */
  std::uint64_t next_draw(Draw purpose) const { return draws[static_cast<std::size_t>(purpose)]; }
  /** Records that the stream of `purpose` resumes at draw `index`. Throws
   *  std::overflow_error, changing nothing, if `index` does not fit the 32-bit counter,
   *  rather than wrap and repeat the stream's numbers. */
  void resume_draws_at(Draw purpose, std::uint64_t index) {
    if (index > std::numeric_limits<std::uint32_t>::max()) [[unlikely]] {
      throw std::overflow_error("person " + std::to_string(id) + ": draw " + std::to_string(index) +
                                " of random purpose " + std::to_string(static_cast<unsigned>(purpose)) +
                                " (model::Draw) passes the per-person counter's limit of 4294967295 draws");
    }
    draws[static_cast<std::size_t>(purpose)] = static_cast<std::uint32_t>(index);
  }

  // --- the rest
  // Hospital processes with effect (stay.cpp, discharge.cpp).
  /** This stay's planning conference (day hospital.planning_day) is still to come; false
   *  for a stay begun without one (the day is past, or beyond the stay). */
  bool conference_pending = false;
  /** The conference (or a renewal committee, or a review) has applied for a place in this
   *  stay before readiness: later reviews do not apply again. */
  bool searched_early = false;
  /** The destination chosen at the conference (index of hospital.destination_mix), used at
   *  readiness; -1 when none was chosen (drawn at readiness then). */
  std::int8_t planned_destination = -1;
  /** The 自立生活援助 and 地域定着支援 (Package bits) that leaving for home needs and that were
   *  not held at readiness: leaving waits for their arrangements (support.arrangement_days
   *  from the application) while the municipality offers them; none when a transition
   *  programme arranged them. */
  std::uint8_t welfare_to_arrange = 0;
  /** A place kept for this ready inpatient (held_group_home or held_supported_housing)
   *  waits for the arrangements to be done (arranged_at), or, with neither, the support at
   *  home for theirs (support_applied_at + support.arrangement_days): the move happens then. */
  bool arranging = false;
  /** On public assistance (生活保護), drawn at creation: medical days are 医療扶助 unless
   *  措置 (models/payers.hpp). Here, in the padding before applied_at, Person stays 448 bytes. */
  bool public_assistance = false;
  /** This stay's application for a group-home or supported-housing place: the day it was
   *  made (its position on the lists) and the day the arrangements for moving in are done
   *  (hospital.place_arrangement_days later); kNever when none was made. */
  double applied_at = kNever;
  double arranged_at = kNever;  ///< see applied_at
  /** This stay's application for support at home (自立生活援助, 地域定着支援): the day it was
   *  made (at the planning conference for someone planned for home, else at readiness), its
   *  position on the caseload lines; the services start support.arrangement_days later.
   *  kNever when none was made. */
  double support_applied_at = kNever;
  /** Stays in the community-care ward that ended within the last 365 days (the 180-day
   *  cap counts ward days over the past year, across stays), oldest first. */
  std::vector<WardSpell> ward_spells;

  double last_discharge = kNever;
  /** The municipality whose group home keeps this inpatient's place, -1 if none. */
  int held_group_home = -1;
  /** The municipality whose supported housing keeps a unit for this ready inpatient while
   *  the move is arranged, -1 if none. Shares the GroupHomeHold timer with held_group_home. */
  int held_supported_housing = -1;

  // Crisis short stay: where the person returns to.
  Place return_place = Place::Home;
  int return_facility = -1;

  // Waiting.
  double queue_since = 0;  ///< when the wait at home for a bed began
  /** Requests on every reachable group-home list (and supported-housing list, for a blocked
   *  inpatient), nearest first; empty when on no list. The first grant withdraws the rest. */
  std::vector<ListRequest> list_requests;
  int group_home_list = -1;  ///< -1 if on no list, else the municipality of the nearest list
  double list_since = 0;     ///< when the person joined the lists (all at once)

  // Support caseloads: the services the person needs (bits as packages) — to leave hospital
  // for home (support_needs()), or, from entry until take_entry_support(), those wanted on
  // entering at home — and the request waiting on one caseload line (0 if none).
  std::uint8_t support_needs = 0;
  engine::RequestId support_request = 0;
  int support_request_kind = -1;  ///< the SupportKind of support_request

  // Transition programme (programme_provider above) and advance registration.
  int programme_hub = -1;   ///< the hub whose trial slots the programme may use, -1 if none
  bool trial_done = false;  ///< the programme's trial stay took place
  bool holds_trial = false;
  int trial_kind = 0;  ///< 1 group-home trial slot, 2 hub trial slot
  int trial_facility = -1;
  double referred_at = 0;  ///< when the waiting referral was made
  /** The household is registered for emergencies until this day (advance registration). */
  double registered_until = kNever;

  /** True while a 地域移行支援 programme runs for the person. */
  bool in_programme() const { return programme_provider >= 0; }

  /** Age in years at model day t. */
  double age(double t) const { return (t - birth) / 365.25; }
  /** True if aged 65+ at model day t. */
  bool senior(double t) const { return age(t) >= 65.0; }
};
// Seven cache lines: a new field goes into padding or a flags field, or it costs every walk
// over people a line (docs/engine.md, caresim-scale-bench).
static_assert(sizeof(Person) <= 7 * 64, "Person grew past 448 bytes (7 cache lines)");

}  // namespace caresim::model
