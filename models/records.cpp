// Record emission and readable names of the record enums.
#include "models/records.hpp"

#include "models/model_state.hpp"

namespace caresim::model {

std::string_view to_string(Place p) {
  switch (p) {
    case Place::Outside:
      return "outside";
    case Place::Home:
      return "home";
    case Place::SupportedHousing:
      return "supported_housing";
    case Place::GroupHome:
      return "group_home";
    case Place::CrisisStay:
      return "crisis_stay";
    case Place::Hospital:
      return "hospital";
    case Place::CommunityWard:
      return "community_ward";
    case Place::HospitalElsewhere:
      return "hospital_elsewhere";
  }
  return "?";
}

std::string_view to_string(MoveKind k) {
  switch (k) {
    case MoveKind::Enter:
      return "enter";
    case MoveKind::Admit:
      return "admit";
    case MoveKind::Discharge:
      return "discharge";
    case MoveKind::WardChange:
      return "ward_change";
    case MoveKind::ShortStay:
      return "short_stay";
    case MoveKind::StayEnd:
      return "stay_end";
    case MoveKind::Move:
      return "move";
    case MoveKind::Exit:
      return "exit";
    case MoveKind::Transfer:
      return "transfer";
  }
  return "?";
}

std::string_view to_string(Cause c) {
  switch (c) {
    case Cause::Initial:
      return "initial";
    case Cause::NewPerson:
      return "new_person";
    case Cause::Crisis:
      return "crisis";
    case Cause::AdmissionQueue:
      return "admission_queue";
    case Cause::Ready:
      return "ready";
    case Cause::Transition:
      return "transition";
    case Cause::WardCap:
      return "ward_cap";
    case Cause::ShortStayOver:
      return "short_stay_over";
    case Cause::GroupHomeGrant:
      return "group_home_grant";
    case Cause::MoveOut:
      return "move_out";
    case Cause::Death:
      return "death";
    case Cause::ElderlyCare:
      return "elderly_care";
    case Cause::MovedAway:
      return "moved_away";
    case Cause::TransferOut:
      return "transfer_out";
    case Cause::OtherExit:
      return "other_exit";
    case Cause::Deterioration:
      return "deterioration";
  }
  return "?";
}

void ModelState::move(Person& who, MoveKind kind, Place to, int facility, Cause cause) {
  MovementRecord r;
  r.time = sim.now();
  r.person = who.id;
  r.kind = kind;
  r.from = who.place;
  r.to = to;
  r.from_facility = who.facility;
  r.facility = facility;
  r.cause = cause;
  r.admission = who.type;
  r.municipality = who.municipality;
  r.birth = who.birth;
  r.admitted = who.admitted_at;
  r.diagnosis = static_cast<std::uint8_t>(who.diagnosis);
  r.public_assistance = who.public_assistance;
  if (in_hospital(who.place) && !in_hospital(to)) --inpatients_;
  if (!in_hospital(who.place) && in_hospital(to)) {
    ++inpatients_;
    inpatient_ids_.push_back(who.id);
  }
  if (kind == MoveKind::Enter) present_ids_.push_back(who.id);
  who.place = to;
  who.facility = facility;
  note_monthly(who);
  movements.record(r);
  for (const auto& s : services_) s->on_move(service_context_, r);
}

void ModelState::service(const Person& who, ServiceKind kind, int facility, double value, bool flag,
                         std::uint8_t detail) {
  services.record(ServiceRecord{sim.now(), who.id, kind, who.municipality, facility, value, flag, detail});
}

}  // namespace caresim::model
