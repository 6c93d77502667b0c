// Psychiatric day care: the story in day_care.hpp. Its random numbers come from its own
// stream per person ("example.day_care"), so it never moves a built-in draw: with no
// places at all the run is the built-in model's, record for record.
#include "day_care.hpp"

#include <cmath>

namespace caresim::example {

namespace {
constexpr std::uint32_t kStream = engine::purpose_id("example.day_care");
}  // namespace

const care_scenario::ServiceKeys<DayCareParams>& day_care_keys() {
  using scenario::Param;
  static const care_scenario::ServiceKeys<DayCareParams> keys =
      care_scenario::ServiceKeys<DayCareParams>("day_care",
                                                "Psychiatric day care (精神科デイ・ケア), an example service")
          .key(Param::real("share_in_need")
                   .range(0, 1)
                   .default_value(0.5)
                   .unit("fraction")
                   .source("assumption (range guessed)")
                   .assumption_range(0.2, 0.8)
                   .describe("Share of discharges home that need day care"),
               &DayCareParams::share_in_need)
          .key(Param::real("episode_days")
                   .greater_than(0)
                   .at_most(3650)
                   .default_value(180)
                   .unit("days")
                   .source("assumption (range guessed)")
                   .assumption_range(90, 365)
                   .describe("Mean length of an episode of attendance (exponential); at most 10 years"),
               &DayCareParams::episode_days)
          .key(Param::real("crisis_factor")
                   .range(0, 1)
                   .default_value(0.5)
                   .unit("factor")
                   .source("assumption (effect size guessed; no public estimate)")
                   .assumption_range(0.3, 0.9)
                   .describe("Factor on the crisis-onset rate while attending (1: no effect)"),
               &DayCareParams::crisis_factor)
          .per_municipality(Param::real("places")
                                .range(0, 1e5)
                                .default_value(0)
                                .unit("places")
                                .phased()
                                .source("scenario input: none unless the scenario gives them")
                                .describe("Day-care places open to the municipality's residents at one time; at "
                                          "most 100,000, a bound no municipality approaches"),
                            &DayCareParams::places);
  return keys;
}

void DayCare::declare(model::FacilityTable& table) {
  // The municipalities first (their ids from their group-home rows, one per municipality, in
  // order): adding rows while walking table.rows() would invalidate the walk.
  std::vector<model::Facility> towns;
  for (const model::Facility& f : table.rows())
    if (f.kind == model::CapacityKind::GroupHomePlaces) towns.push_back(f);
  for (const model::Facility& f : towns) {
    const std::size_t m = static_cast<std::size_t>(f.municipality);
    model::Facility row;
    row.kind = model::CapacityKind::Registered;
    row.kind_name = "day_care";
    row.owner = model::Owner::Municipality;
    row.local = row.municipality = f.municipality;
    row.id = f.id.substr(0, f.id.find('/')) + "/day-care";
    row.name_en = f.id.substr(0, f.id.find('/')) + ": day-care places";
    row.name_ja = "精神科デイ・ケア";
    row.capacity = m < params_.places.size() ? params_.places[m] : model::Phased::constant(0);
    rows_.push_back(table.add(std::move(row)));
  }
}

void DayCare::start(model::ServiceContext& context) {
  warmup_ = context.parameters().run.warmup_days;
  ev_end_ = context.define_event("day_care_episode_end",
                                 [this](model::ServiceContext& c, std::uint64_t id) { on_episode_end(c, id); });
}

DayCare::PersonState& DayCare::state(std::uint64_t id) {
  if (id >= people_.size()) people_.resize(id + 1);
  return people_[id];
}

void DayCare::on_move(model::ServiceContext& context, const model::MovementRecord& r) {
  PersonState& s = state(r.person);
  if (s.holds && r.to != model::Place::Home) stop(context, s, r.person);  // admitted, moved or gone
  if (r.kind != model::MoveKind::Discharge || r.to != model::Place::Home) return;
  const double now = context.now();
  s.discharged_home = now;
  engine::RandomStream draw = context.stream(kStream, r.person, s.draws);
  const bool needs = draw.uniform01() < params_.share_in_need;
  const double episode = -std::log(draw.uniform01()) * params_.episode_days;
  s.draws = draw.draw_index();
  if (!needs) return;
  const model::FacilityId place = rows_[static_cast<std::size_t>(r.municipality)];
  if (!context.take(place, r.person)) {
    if (now >= warmup_) ++went_without_;
    return;  // no place: no attendance, no factor
  }
  s.holds = true;
  s.place = place;
  if (now >= warmup_) ++episodes_;
  // The model redraws the crisis after this discharge by itself, with the factor on.
  s.end = context.schedule(now + episode, engine::Priority::Release, ev_end_, r.person);
}

void DayCare::stop(model::ServiceContext& context, PersonState& s, std::uint64_t id) {
  context.cancel(s.end);
  context.release(s.place, id);
  s.holds = false;
}

void DayCare::on_episode_end(model::ServiceContext& context, std::uint64_t id) {
  PersonState& s = state(id);
  s.end = engine::EventHandle{};
  if (!s.holds) return;
  context.release(s.place, id);
  s.holds = false;
  context.redraw_crisis(id);  // the factor lapses
}

void DayCare::on_crisis(model::ServiceContext& /*context*/, const model::CrisisRecord& r) {
  const PersonState& s = state(r.person);
  if (r.time >= warmup_ && r.time - s.discharged_home <= 365.0) ++crises_after_discharge_;
}

double DayCare::crisis_factor(const model::Person& who, double /*day*/) const {
  return who.id < people_.size() && people_[who.id].holds ? params_.crisis_factor : 1.0;
}

void DayCare::declare_indicators(std::vector<model::IndicatorRow>& rows) const {
  const auto row = [&rows](const char* name, const char* unit, const char* definition, const char* en, const char* ja) {
    model::IndicatorRow r;
    r.name = name, r.unit = unit, r.definition = definition, r.reference = "—", r.label_en = en, r.label_ja = ja;
    rows.push_back(std::move(r));
  };
  row("day_care_crises_after_discharge", "crises",
      "Crises within 365 days of the person's last discharge home, after the warm-up.",
      "Crises within a year of a discharge home", "退院後1年以内の危機");
  row("day_care_episodes", "episodes", "Episodes of day-care attendance begun after the warm-up.", "Day-care episodes",
      "デイ・ケアの利用");
  row("day_care_went_without", "people",
      "Discharges home after the warm-up of people who needed day care and found no place.", "Went without day care",
      "デイ・ケアの不足");
}

void DayCare::indicators(model::IndicatorTable& table) const {
  table.add("day_care_crises_after_discharge", crises_after_discharge_);
  table.add("day_care_episodes", episodes_);
  table.add("day_care_went_without", went_without_);
}

}  // namespace caresim::example
