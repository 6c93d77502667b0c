// Construction of a replication: event kinds, capacities and their phased steps, the
// day-0 population, and the month boundaries (claims reset, monthly services, snapshots).
#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

#include "models/counts.hpp"
#include "models/model_state.hpp"

namespace caresim::model {

namespace {
using engine::Priority;

// Stream purposes by name: renaming one changes its draws (see engine/rng/random_stream.hpp).
constexpr std::uint32_t kPurpose[] = {
    engine::purpose_id("person.attributes"),  engine::purpose_id("person.crisis"),
    engine::purpose_id("person.exit"),        engine::purpose_id("person.response"),
    engine::purpose_id("person.admission"),   engine::purpose_id("person.readiness"),
    engine::purpose_id("person.destination"), engine::purpose_id("person.carer"),
    engine::purpose_id("person.move_out"),    engine::purpose_id("person.programme"),
    engine::purpose_id("person.review"),      engine::purpose_id("person.waiting"),
    engine::purpose_id("person.family"),      engine::purpose_id("person.plan"),
    engine::purpose_id("person.support"),     engine::purpose_id("person.wish"),
    engine::purpose_id("person.backup"),      engine::purpose_id("person.legal"),
};
static_assert(std::size(kPurpose) == static_cast<std::size_t>(Draw::Count));
// Public assistance is drawn once, at creation, as the first number of a stream of its own:
// the person keeps no counter for it (Person stays 448 bytes), and no other draw moves.
constexpr std::uint32_t kPublicAssistancePurpose = engine::purpose_id("person.public_assistance");

// The facility table of `params` with the rows `services` add after the built-in ones.
FacilityTable table_with(const Parameters& params, const Services& services) {
  FacilityTable table(params);
  for (const auto& s : services) s->declare(table);
  return table;
}

}  // namespace

ModelState::ModelState(const Parameters& params, std::uint64_t seed, std::uint32_t replication, Services services)
    : p(params),
      facilities(table_with(params, services)),
      rng(seed, replication),
      travel(static_cast<int>(params.municipalities.size()), params.travel),
      months(months_of_run(params.run.start, params.run.horizon_days)),
      services_(std::move(services)),
      service_dictionary_(service_indicator_dictionary(services_)) {
  const std::size_t n = p.municipalities.size();
  if (n == 0) throw std::invalid_argument("Parameters: no municipality");
  if (p.housing.size() != n) {
    throw std::invalid_argument("Parameters: housing has " + std::to_string(p.housing.size()) +
                                " entries, one per municipality (" + std::to_string(n) + ") is needed");
  }
  for (const Hospital& h : p.hospitals) {
    if (h.municipality < 0 || static_cast<std::size_t>(h.municipality) >= n) {
      throw std::invalid_argument("hospital " + h.id + ": municipality index out of range");
    }
  }
  for (const Hub& h : p.hubs) {
    if (h.sites.empty()) throw std::invalid_argument("hub " + h.id + ": needs at least one site");
    for (const HubSite& s : h.sites) {
      if (s.municipality < 0 || static_cast<std::size_t>(s.municipality) >= n) {
        throw std::invalid_argument("hub " + h.id + ": site municipality index out of range");
      }
    }
  }
  if (p.hospital.readiness_hazard.empty() || p.hospital.readiness_hazard.front().first != 0) {
    throw std::invalid_argument("hospital.readiness_hazard: the first piece must start at day 0");
  }
  define_events();
  build_resources();
}

double ModelState::uniform(Person& who, Draw purpose) {
  engine::RandomStream s = rng.stream(kPurpose[static_cast<std::size_t>(purpose)], who.id, who.next_draw(purpose));
  const double u = s.uniform01();
  who.resume_draws_at(purpose, s.draw_index());
  return u;
}

bool ModelState::draw_public_assistance(const Person& who) const {
  const double share = p.population.share_public_assistance;
  return share > 0 && rng.stream(kPublicAssistancePurpose, who.id, 0).uniform01() < share;
}

double ModelState::exp1(Person& who, Draw purpose) {
  return -std::log(uniform(who, purpose));
}

int ModelState::pick(Person& who, Draw purpose, const double* weights, int n) {
  double total = 0;
  for (int i = 0; i < n; ++i) total += weights[i];
  double x = uniform(who, purpose) * total;
  for (int i = 0; i < n; ++i) {
    if (x < weights[i]) return i;
    x -= weights[i];
  }
  for (int i = n - 1; i >= 0; --i)
    if (weights[i] > 0) return i;  // rounding at the top end
  return 0;
}

void ModelState::cancel(Handle& h) {
  if (sim.is_pending(h)) sim.cancel(h);
  h = Handle{};
}

void ModelState::define_events() {
  auto per_id = [this](void (ModelState::*f)(std::uint64_t)) {
    return [this, f](engine::Simulator&, std::uint64_t payload) { (this->*f)(payload); };
  };
  ev_crisis_ = sim.define_event("crisis", per_id(&ModelState::on_crisis));
  ev_exit_ = sim.define_event("exit", per_id(&ModelState::on_exit));
  ev_birthday_ = sim.define_event("birthday_65", per_id(&ModelState::on_birthday));
  ev_carer_ = sim.define_event("carer_loss", per_id(&ModelState::on_carer_loss));
  ev_move_out_ = sim.define_event("group_home_move_out", per_id(&ModelState::on_move_out));
  ev_arrival_ = sim.define_event("new_person", per_id(&ModelState::on_arrival));
  ev_ready_ = sim.define_event("ready", per_id(&ModelState::on_ready));
  ev_review_ = sim.define_event("review", per_id(&ModelState::on_review));
  ev_ward_cap_ = sim.define_event("ward_cap", per_id(&ModelState::on_ward_cap));
  ev_stay_end_ = sim.define_event("short_stay_end", per_id(&ModelState::on_short_stay_end));
  ev_serve_ = sim.define_event("serve_bed_queue", per_id(&ModelState::on_serve_queue));
  ev_capacity_ = sim.define_event("capacity_step", per_id(&ModelState::apply_capacity));
  ev_month_ = sim.define_event("month", per_id(&ModelState::on_month));
  ev_engage_ = sim.define_event("transition_engage", per_id(&ModelState::on_engage));
  ev_snapshot_ = sim.define_event("snapshot", per_id(&ModelState::on_snapshot));
  ev_trial_ = sim.define_event("trial_stay", per_id(&ModelState::on_trial));
  ev_trial_end_ = sim.define_event("trial_stay_end", per_id(&ModelState::on_trial_end));
  ev_programme_end_ = sim.define_event("programme_end", per_id(&ModelState::on_programme_end));
  ev_rate_step_ = sim.define_event("rate_step", per_id(&ModelState::on_rate_step));
  ev_deteriorate_ = sim.define_event("deterioration_while_waiting", per_id(&ModelState::on_deterioration));
  ev_support_end_ = sim.define_event("support_period_end", per_id(&ModelState::on_support_end));
  ev_hold_end_ = sim.define_event("group_home_hold_end", per_id(&ModelState::on_hold_end));
  ev_legal_renewal_ = sim.define_event("legal_renewal", per_id(&ModelState::on_legal_renewal));
  ev_conference_ = sim.define_event("planning_conference", per_id(&ModelState::on_conference));
  // The kinds whose payload is a person's id: the look-ahead asks for that person's memory.
  for (const engine::EventKind k :
       {ev_crisis_, ev_exit_, ev_birthday_, ev_carer_, ev_move_out_, ev_ready_, ev_review_, ev_ward_cap_, ev_stay_end_,
        ev_trial_, ev_trial_end_, ev_programme_end_, ev_deteriorate_, ev_support_end_, ev_hold_end_, ev_legal_renewal_,
        ev_conference_}) {
    if (k >= payload_is_person_.size()) payload_is_person_.resize(k + 1, false);
    payload_is_person_[k] = true;
  }
  sim.set_lookahead(&ModelState::prefetch_person, this);
}

void ModelState::prefetch_person(const void* context, engine::EventKind kind, std::uint64_t payload) {
  const auto& self = *static_cast<const ModelState*>(context);
  if (kind >= self.payload_is_person_.size() || !self.payload_is_person_[kind] || payload >= self.people_.size())
    return;
  engine::prefetch_bytes(&self.people_[payload], sizeof(Person));
  self.movements.expect(payload);  // the person's records' state in the recorders (the indicator collector's)
}

void ModelState::build_resources() {
  const int n = static_cast<int>(p.municipalities.size());
  const auto rule = p.community.waiting_rule == WaitingRule::HospitalFirst ? engine::QueueDiscipline::Priority
                                                                           : engine::QueueDiscipline::Fifo;
  // Resource names, as error messages give them: "<kind>:<owner>", a hub site "<hub>#<n>".
  static constexpr const char* kPrefix[] = {"beds:",
                                            "ward:",
                                            "group_home:",
                                            "group_home_trial:",
                                            "supported_housing:",
                                            "independent_living:",
                                            "settlement:",
                                            "home_nursing:",
                                            "crisis_beds:",
                                            "hub_trial:",
                                            "transition:",
                                            "coordinators:",
                                            "transition_caseload:"};
  coordinators_.resize(p.hubs.size());
  registration_flags_.resize(p.hubs.size());
  facility_records.resize(facilities.size());  // never resized again: each Resource points into it
  std::vector<int> first_site(p.hubs.size(), -1);
  for (const Facility& f : facilities.rows()) {
    if (f.kind == CapacityKind::Coordinators) {
      set_coordinators(f.hub, f.capacity.at(0));
      resources_.push_back(nullptr);
      continue;
    }
    std::string owner;
    switch (f.owner) {
      case Owner::Hospital:
        owner = p.hospitals[static_cast<std::size_t>(f.local)].id;
        break;
      case Owner::Municipality:
        owner = p.municipalities[static_cast<std::size_t>(f.local)].id;
        break;
      case Owner::Hub:
        owner = p.hubs[static_cast<std::size_t>(f.hub)].id;
        break;
      case Owner::Site: {
        int& first = first_site[static_cast<std::size_t>(f.hub)];
        if (first < 0) first = f.local;
        owner = p.hubs[static_cast<std::size_t>(f.hub)].id + "#" + std::to_string(f.local - first);
        break;
      }
    }
    std::string name =
        (f.kind == CapacityKind::Registered ? f.kind_name + ":" : kPrefix[static_cast<std::size_t>(f.kind)]) + owner;
    const std::int64_t capacity = capacity_units(f.capacity.at(0), name);
    auto r = std::make_unique<engine::Resource>(sim, std::move(name), capacity,
                                                f.waiting_line ? rule : engine::QueueDiscipline::Fifo);
    r->set_recorder(&facility_records[resources_.size()]);
    // "Take one if free" must answer no, not throw, for a facility with no places (yet).
    r->announce_capacity(1);
    if (f.waiting_line) {
      r->announce_capacity(capacity_units(f.capacity.peak(), r->name()));
      const int m = f.local;
      switch (f.kind) {
        case CapacityKind::GroupHomePlaces:
          r->set_grant_handler([this, m](std::uint64_t id) { on_group_home_grant(m, id); });
          break;
        case CapacityKind::SupportedHousing:
          r->set_grant_handler([this, m](std::uint64_t id) { on_supported_housing_grant(m, id); });
          break;
        default: {
          const SupportKind k = support_kind_of(f.kind);
          r->set_grant_handler([this, k](std::uint64_t id) { on_support_grant(k, id); });
        }
      }
    }
    resources_.push_back(std::move(r));
  }
  for (int m = 0; m < n; ++m) {
    hospital_order_.push_back(nearest_first(travel, m, static_cast<int>(p.hospitals.size()), [this](int i) {
      return p.hospitals[static_cast<std::size_t>(i)].municipality;
    }));
    site_order_.push_back(
        nearest_first(travel, m, facilities.sites(), [this](int i) { return facilities.site_municipality(i); }));
    housing_order_.push_back(nearest_first(travel, m, n, [](int i) { return i; }));
    std::vector<int>& hubs = serving_hubs_.emplace_back();
    for (std::size_t k = 0; k < p.hubs.size(); ++k) {
      const auto& served = p.hubs[k].municipalities;
      if (std::find(served.begin(), served.end(), m) != served.end()) hubs.push_back(static_cast<int>(k));
    }
  }
}

void ModelState::start() {
  // Day-0 capacities, so recorders know every capacity from the start (nobody waits yet,
  // so setting a capacity to itself schedules nothing).
  for (const auto& r : resources_) {
    if (r) r->set_capacity(r->capacity());
  }
  schedule_capacity_steps();
  schedule_rate_steps();
  for (const auto& s : services_) s->start(service_context_);
  create_initial_population();
  for (std::size_t m = 0; m < p.municipalities.size(); ++m) {
    arrival_streams_.push_back(rng.stream(engine::purpose_id("arrivals"), m));
  }
  arrival_pending_.resize(p.municipalities.size());
  for (std::size_t m = 0; m < p.municipalities.size(); ++m) schedule_arrival(static_cast<int>(m));
  const double horizon = p.run.horizon_days;
  for (std::size_t i = 0; i < months.size(); ++i) {
    const double t = months[i].begin;
    if (t >= horizon) break;
    if (i > 0) sim.schedule(t, Priority::CapacityChange, ev_month_, i);
    sim.schedule(t, Priority::Acquire, ev_engage_, i);
    sim.schedule(t, Priority::Observe, ev_snapshot_, i);
  }
  sim.schedule(horizon, Priority::Observe, ev_snapshot_, months.size());
}

void ModelState::end() {
  for (const auto& s : services_) s->on_end(service_context_);
}

void ModelState::service_indicators(IndicatorTable& table) const {
  if (service_dictionary_ != nullptr) {
    // The model's entries, in the built-in order, are the start of the extended order.
    IndicatorTable extended(*service_dictionary_);
    extended.version = table.version;
    extended.entries = std::move(table.entries);
    extended.by_municipality = std::move(table.by_municipality);
    table = std::move(extended);
  }
  for (const auto& s : services_) s->indicators(table);
}

void ModelState::on_month(std::uint64_t month) {
  month_ = static_cast<int>(month);
  for (Coordinators& c : coordinators_) c.new_month();
  for_each_monthly([&](Person& who) {
    bool consultation = false;  // a user-month of a service the 機能強化加算 is billed on
    if (in_community(who.place) || who.place == Place::CrisisStay) {
      if (who.packages & kIndependentLiving) service(who, ServiceKind::IndependentLivingMonth);
      if (who.packages & kSettlement) service(who, ServiceKind::SettlementMonth);
      if (who.packages & kHomeNursing) service(who, ServiceKind::HomeNursingMonth);
      consultation = (who.packages & (kIndependentLiving | kSettlement)) != 0;
    }
    if (who.in_programme()) {
      service(who, ServiceKind::TransitionMonth, who.programme_provider);
      consultation = true;
    }
    if (consultation) bill_add_on(who);
  });
  for (const auto& s : services_) s->on_month(service_context_, month_);
}

void ModelState::on_snapshot(std::uint64_t month) {
  for (std::size_t k = 0; k < p.hubs.size(); ++k) {
    const Coordinators& c = coordinators_[k];
    const int hub = static_cast<int>(k);
    coordinator_months.record(CoordinatorRecord{sim.now(), static_cast<int>(month), hub, hub_open(hub), c.staff(),
                                                c.hours(), c.claims_available()});
  }
  SnapshotRecord r;
  r.time = sim.now();
  r.month = static_cast<int>(month);
  r.entered = entered_;
  r.exited = exited_;
  r.present = entered_ - exited_;
  r.inpatients = inpatients_;
  snapshots.record(r);
}

}  // namespace caresim::model
