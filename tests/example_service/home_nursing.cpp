// Home-nursing visits: the story in home_nursing.hpp. Its random numbers come from its own
// stream per person ("example.home_nursing"), so it never moves a built-in draw: with no
// places at all the run is the built-in model's, record for record.
#include "home_nursing.hpp"

#include <cmath>

namespace caresim::example {

namespace {
constexpr std::uint32_t kStream = engine::purpose_id("example.home_nursing");
}  // namespace

void HomeNursing::declare(model::FacilityTable& table) {
  for (const model::Facility& f : table.rows()) {
    if (f.kind != model::CapacityKind::GroupHomePlaces) continue;  // one row per municipality, in order
    const std::size_t m = static_cast<std::size_t>(f.municipality);
    model::Facility row;
    row.kind = model::CapacityKind::Registered;
    row.kind_name = "home_nursing";
    row.owner = model::Owner::Municipality;
    row.local = row.municipality = f.municipality;
    row.id = f.id.substr(0, f.id.find('/')) + "/home-nursing";
    row.name_en = f.id.substr(0, f.id.find('/')) + ": home-nursing caseload";
    row.name_ja = "訪問看護";
    row.capacity = m < params_.places.size() ? params_.places[m] : model::Phased::constant(0);
    rows_.push_back(table.add(std::move(row)));
  }
}

void HomeNursing::start(model::ServiceContext& context) {
  warmup_ = context.parameters().run.warmup_days;
  ev_end_ = context.define_event("home_nursing_episode_end",
                                 [this](model::ServiceContext& c, std::uint64_t id) { on_episode_end(c, id); });
}

HomeNursing::PersonState& HomeNursing::state(std::uint64_t id) {
  if (id >= people_.size()) people_.resize(id + 1);
  return people_[id];
}

void HomeNursing::on_move(model::ServiceContext& context, const model::MovementRecord& r) {
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
    return;  // no place: no visits, no factor
  }
  s.holds = true;
  s.place = place;
  if (now >= warmup_) ++episodes_;
  // The model redraws the crisis after this discharge by itself, with the factor on.
  s.end = context.schedule(now + episode, engine::Priority::Release, ev_end_, r.person);
}

void HomeNursing::stop(model::ServiceContext& context, PersonState& s, std::uint64_t id) {
  context.cancel(s.end);
  context.release(s.place, id);
  s.holds = false;
}

void HomeNursing::on_episode_end(model::ServiceContext& context, std::uint64_t id) {
  PersonState& s = state(id);
  s.end = engine::EventHandle{};
  if (!s.holds) return;
  context.release(s.place, id);
  s.holds = false;
  context.redraw_crisis(id);  // the factor lapses
}

void HomeNursing::on_crisis(model::ServiceContext& /*context*/, const model::CrisisRecord& r) {
  const PersonState& s = state(r.person);
  if (r.time >= warmup_ && r.time - s.discharged_home <= 365.0) ++crises_after_discharge_;
}

double HomeNursing::crisis_factor(const model::Person& who, double /*day*/) const {
  return who.id < people_.size() && people_[who.id].holds ? params_.crisis_factor : 1.0;
}

void HomeNursing::declare_indicators(std::vector<model::IndicatorRow>& rows) const {
  const auto row = [&rows](const char* name, const char* unit, const char* definition, const char* en, const char* ja) {
    model::IndicatorRow r;
    r.name = name, r.unit = unit, r.definition = definition, r.reference = "—", r.label_en = en, r.label_ja = ja;
    rows.push_back(std::move(r));
  };
  row("home_nursing_crises_after_discharge", "crises",
      "Crises within 365 days of the person's last discharge home, after the warm-up.",
      "Crises within a year of a discharge home", "退院後1年以内の危機");
  row("home_nursing_episodes", "episodes", "Episodes of home-nursing visits begun after the warm-up.",
      "Home-nursing episodes", "訪問看護の利用");
  row("home_nursing_went_without", "people",
      "Discharges home after the warm-up of people who needed visits and found no caseload place.",
      "Went without home nursing", "訪問看護の不足");
}

void HomeNursing::indicators(model::IndicatorTable& table) const {
  table.add("home_nursing_crises_after_discharge", crises_after_discharge_);
  table.add("home_nursing_episodes", episodes_);
  table.add("home_nursing_went_without", went_without_);
}

}  // namespace caresim::example
