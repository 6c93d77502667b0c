#pragma once
// The typed records the care model emits. Recorders (engine/observe) subscribe: the
// IndicatorCollector, an HDF5 trace writer, a test's MemoryRecorder. Records are plain
// values (no views), so recorders may keep them.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace caresim::model {

/** Where a person is. Home and SupportedHousing are both "home" for indicators;
 *  Hospital, CommunityWard and HospitalElsewhere are all psychiatric beds. Outside = not in
 *  the model. HospitalElsewhere is a bed outside the scenario's hospitals (another region or
 *  prefecture), found by the prefectural emergency system (精神科救急医療体制) or by a
 *  transfer; the model does not limit those beds, and its facility is -1. */
enum class Place : std::uint8_t {
  Outside,
  Home,
  SupportedHousing,
  GroupHome,
  CrisisStay,
  Hospital,
  CommunityWard,
  HospitalElsewhere
};

/** True for a psychiatric bed of any kind. */
constexpr bool in_hospital(Place p) {
  return p == Place::Hospital || p == Place::CommunityWard || p == Place::HospitalElsewhere;
}
/** True for home, supported housing and group home. */
constexpr bool in_community(Place p) {
  return p == Place::Home || p == Place::SupportedHousing || p == Place::GroupHome;
}

/** What a movement is. */
enum class MoveKind : std::uint8_t {
  Enter,       ///< present at day 0 or a new person arriving
  Admit,       ///< into a psychiatric bed
  Discharge,   ///< from a psychiatric bed to the community
  WardChange,  ///< between wards of one hospital (not a discharge)
  ShortStay,   ///< into a crisis short stay
  StayEnd,     ///< out of a crisis short stay to the community
  Move,        ///< between community places (group home <-> home)
  Exit,        ///< leaves the model (death, elderly care, moving away, other)
  Transfer,    ///< to another psychiatric hospital: the stay goes on (not a discharge to the community)
};

/** Why a movement happened. */
enum class Cause : std::uint8_t {
  Initial,
  NewPerson,
  Crisis,
  AdmissionQueue,
  Ready,
  Transition,
  WardCap,
  ShortStayOver,
  GroupHomeGrant,
  MoveOut,
  Death,
  ElderlyCare,
  MovedAway,
  TransferOut,  ///< a transfer to another psychiatric hospital (MoveKind::Transfer)
  OtherExit,
  Deterioration,  ///< worse while waiting for a bed: the prefectural emergency system admits
};

/** Admission type. Index order matches the parameter mixes. */
enum class AdmissionType : std::uint8_t { Voluntary, Involuntary, Administrative };

/** One change of a person's place. A facility is the hospital index (hospital places),
 *  the hub-site index (crisis stay) or the municipality index (group home, supported
 *  housing); -1 at home and outside. */
struct MovementRecord {
  double time = 0;           ///< model day
  std::uint64_t person = 0;  ///< stable id (also the person's random-stream entity)
  MoveKind kind = MoveKind::Enter;
  Place from = Place::Outside;
  Place to = Place::Outside;
  int from_facility = -1;  ///< facility of `from`
  int facility = -1;       ///< facility of `to`
  Cause cause = Cause::Initial;
  AdmissionType admission = AdmissionType::Voluntary;  ///< for Admit (and the stay's type otherwise)
  int municipality = 0;                                ///< where the person lives
  double birth = 0;                                    ///< model day of birth (negative), so recorders know ages
  double admitted = 0;                                 ///< model day the current (or last) hospital stay began
  std::uint8_t diagnosis = 0;                          ///< 0 F2, 1 F0, 2 other
  bool public_assistance = false;                      ///< on 生活保護: medical days are 医療扶助 unless 措置
};

/** How a crisis was met. */
enum class CrisisOutcome : std::uint8_t { Home, ShortStay, Admission, Outpatient };

/** One crisis and its response. */
struct CrisisRecord {
  double time = 0;
  std::uint64_t person = 0;
  int municipality = 0;
  int hub = -1;  ///< the hub that responded, -1 if none
  CrisisOutcome outcome = CrisisOutcome::Admission;
  double response_hours = 0;  ///< assumed time to a response, incl. travel
  bool carer_loss = false;    ///< triggered by a carer's illness or death (親亡き後)
};

/** The support services with a caseload (the facility kinds IndependentLivingCaseload,
 *  SettlementCaseload and HomeNursingCaseload, in this order). */
enum class SupportKind : std::uint8_t {
  IndependentLiving,  ///< 自立生活援助 (regular visits, a standard one-year period)
  Settlement,         ///< 地域定着支援 (24-hour on-call, a one-year period)
  HomeNursing,        ///< 訪問看護 (staff visits, an episode)
  Count
};
inline constexpr std::size_t kSupportKinds = static_cast<std::size_t>(SupportKind::Count);

/** What a facility of the model's facility table (models/facilities.hpp) is. */
enum class CapacityKind : std::uint8_t {
  HospitalBeds,       ///< net of out-of-region patients; Facility::local = hospital
  CommunityWardBeds,  ///< Facility::local = hospital
  GroupHomePlaces,    ///< Facility::local = municipality
  GroupHomeTrial,     ///< Facility::local = municipality
  SupportedHousing,   ///< Facility::local = municipality
  /** Caseload places of a support service (users served at once); Facility::local =
   *  municipality. The order is that of SupportKind (models/person.hpp). */
  IndependentLivingCaseload,  ///< 自立生活援助
  SettlementCaseload,         ///< 地域定着支援
  HomeNursingCaseload,        ///< 訪問看護 (psychiatric home nursing)
  CrisisBeds,                 ///< Facility::local = hub site (global index)
  HubTrial,                   ///< Facility::local = hub site
  TransitionPlaces,           ///< a hub office's 地域移行支援 programmes; Facility::local = hub
  Coordinators,               ///< Facility::local = hub; capacity = full-time equivalents (0 before opening)
  TransitionCaseload,         ///< 地域移行支援 outside hubs; Facility::local = municipality
  /** A kind a service registers by name (Facility::kind_name, models/service.hpp): rows
   *  added after the built-in ones; Facility::local = the index among the service's owner. */
  Registered,
};

/** A hub's coordinators at a month boundary (and at the end of the run), emitted just
 *  before the SnapshotRecord of that time: the claims the model can make that month. */
struct CoordinatorRecord {
  double time = 0;
  int month = 0;  ///< as SnapshotRecord::month (the number of months at the end of the run)
  int hub = 0;
  bool open = false;         ///< the hub has opened
  double coordinators = 0;   ///< full-time equivalents now (0 before opening)
  double hours = 0;          ///< this month's staff hours for people (coordination.hours_per_fte_month each)
  int claims_available = 0;  ///< 機能強化加算 user-months it may bill this month (0 unless add_on_funded)
};

/** Services, queues and programme steps that are not movements. */
enum class ServiceKind : std::uint8_t {
  /** One user-month of the host office's consultation services billed with the
   *  機能強化加算 (add_on_funded hubs); facility = hub. */
  Claim,
  EmergencyDay,            ///< 地域定着支援 emergency support day
  IndependentLivingMonth,  ///< 自立生活援助 person-month
  SettlementMonth,         ///< 地域定着支援 person-month
  TransitionMonth,         ///< 地域移行支援 programme month
  HospitalQueueJoin,       ///< triaged to admission, waits at home for a bed; `detail` = AdmissionType
  HospitalQueueLeave,      ///< admitted from the queue (`value` = days waited) or left the model
  /** One request on a group-home list: facility = its municipality, `flag` = an inpatient's,
   *  `value` = the day the application was made (an inpatient's position: the day, then
   *  the order of joining). */
  GroupHomeListJoin,
  GroupHomeListLeave,         ///< the request ends: `value` = days waited; `flag` = granted
  SupportedHousingListJoin,   ///< as GroupHomeListJoin (blocked inpatients only)
  SupportedHousingListLeave,  ///< as GroupHomeListLeave
  BlockedStart,               ///< ready to leave hospital but no destination; `detail` = BlockReason
  BlockedEnd,                 ///< `value` = blocked days; `detail` = BlockReason
  ProgrammeStart,             ///< facility = hub
  ProgrammeEnd,               ///< `flag` = success
  TrialStay,                  ///< trial overnight stay, `value` = nights
  FarPlacement,               ///< admitted beyond the travel limit; `flag` = out of the region
  HomeNursingMonth,           ///< 訪問看護 person-month
  /** A support caseload place taken (`flag`) or given back; facility = municipality,
   *  `detail` = SupportKind. */
  SupportPlace,
  WishStated,    ///< a long-stay inpatient states a wish to leave; `flag` = after a coordinator's support
  Referral,      ///< referred to 地域移行支援 (`flag`), or to the hospital's discharge planning
  Motivation,    ///< a coordinator's 意向確認 and 動機付け支援 this month; facility = hub, `value` = hours
  Backup,        ///< a coordinator's emergency backup of a crisis; facility = hub, `value` = hours
  Registration,  ///< a household registered in advance for emergencies; facility = hub, `value` = hours
  /** A 医療保護入院 became 任意入院 at a renewal review of its legal period; facility =
   *  hospital. */
  LegalConversion,
  /** At a renewal review the 退院支援委員会 made a discharge plan; facility = hospital. */
  CommitteePlan,
};

/** Why a ready inpatient stays in hospital (a blocked discharge). */
enum class BlockReason : std::uint8_t {
  GroupHome,  ///< the destination drawn was a group home, and no place was free
  /** Home was drawn (or a programme succeeded) but there is none that will take the person
   *  back (no home, the family no longer accepts, or the carer is gone), and no place was free. */
  NoHome,
  /** A home to go to, but a support service the person needs there has no free caseload place. */
  Support,
  /** A long-stay inpatient with no discharge plan yet (made by hospital planning at a review,
   *  or by a transition programme). */
  NoPlan,
  Count
};

/** The key of a reason in the blocked_bed_days_by_reason indicator. */
constexpr std::string_view block_reason_key(BlockReason r) {
  switch (r) {
    case BlockReason::GroupHome:
      return "group_home";
    case BlockReason::NoHome:
      return "no_home";
    case BlockReason::Support:
      return "support";
    case BlockReason::NoPlan:
      return "no_plan";
    case BlockReason::Count:
      break;
  }
  return "?";
}

/** One service event. */
struct ServiceRecord {
  double time = 0;
  std::uint64_t person = 0;
  ServiceKind kind = ServiceKind::Claim;
  int municipality = 0;
  int facility = -1;
  double value = 0;
  bool flag = false;
  /** ServiceKind-specific code: the BlockReason for BlockedStart/BlockedEnd, the
   *  AdmissionType for HospitalQueueJoin. */
  std::uint8_t detail = 0;
};

/** Emitted at every month boundary (Priority::Observe), after everything else at that
 *  time: the model's own head count, for conservation checks and stock indicators. */
struct SnapshotRecord {
  double time = 0;
  int month = 0;              ///< index of the month that starts at `time`
  std::uint64_t entered = 0;  ///< people who ever entered (day 0 included)
  std::uint64_t exited = 0;   ///< people who left the model
  std::uint64_t present = 0;  ///< people in the model now
  std::uint64_t inpatients = 0;
};

/** Readable names, for traces and test messages. */
std::string_view to_string(Place p);
/** Readable names, for traces and test messages. */
std::string_view to_string(MoveKind k);
/** Readable names, for traces and test messages. */
std::string_view to_string(Cause c);

}  // namespace caresim::model
