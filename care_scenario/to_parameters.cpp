#include "care_scenario/to_parameters.hpp"

#include <map>

#include "scenario/yaml_text.hpp"

namespace caresim::care_scenario {

using scenario::Date;
using scenario::Scenario;

BindingError::BindingError(std::vector<std::string> problems)
    : std::runtime_error([&] {
        std::string text = "the scenario's keys do not fit together:";
        for (const auto& p : problems) text += "\n  " + p;
        return text;
      }()),
      problems_(std::move(problems)) {}

namespace {

model::CivilDate civil(Date d) {
  return {d.year(), static_cast<int>(d.month()), static_cast<int>(d.day())};
}

/** Reads scenario values relative to the start date and collects cross-key problems. */
class Reader {
 public:
  explicit Reader(const Scenario& s) : s_(s), start_(s.get_date("simulation.start")) {}

  double day_of(Date d) const { return static_cast<double>(start_.days_until(d)); }

  /** A phased real as a step function of the model day; steps at or before day 0 collapse
   *  into the value in force on the start date. */
  model::Phased phased(const std::string& path) const {
    model::Phased out;
    const auto function = s_.get_phased<double>(path);  // kept alive: steps() refers into it
    for (const auto& step : function.steps()) {
      const double day = std::max(0.0, day_of(step.from));
      if (!out.steps.empty() && out.steps.back().first == day)
        out.steps.back().second = step.value;
      else
        out.steps.emplace_back(day, step.value);
    }
    return out;
  }

  double real(const std::string& path) const { return s_.get_real(path); }

  /** A probability map read in the order of `keys` (all present: the schema restricts keys
   *  and requires the sum; a missing key reads as 0). */
  template <std::size_t N>
  std::array<double, N> shares(const std::string& path, const std::array<const char*, N>& keys) const {
    std::array<double, N> out{};
    for (const auto& [key, share] : s_.get_shares(path))
      for (std::size_t i = 0; i < N; ++i)
        if (key == keys[i]) out[i] = share;
    return out;
  }

  void problem(std::string text) { problems_.push_back(std::move(text)); }
  std::vector<std::string>& problems() { return problems_; }
  const Scenario& scenario() const { return s_; }
  Date start() const { return start_; }

 private:
  const Scenario& s_;
  Date start_;
  std::vector<std::string> problems_;
};

constexpr std::array<const char*, 3> kTypes = {"voluntary", "involuntary", "administrative"};

void read_region(Reader& r, model::Parameters& p, std::map<std::string, int>& town_index) {
  const Scenario& s = r.scenario();
  for (const auto& id : s.members("municipalities")) {
    const std::string base = "municipalities." + id + ".";
    model::Municipality m;
    m.id = id;
    m.name = s.get_string(base + "name_ja");
    m.population = s.get_real(base + "population");
    m.share_65plus = s.get_real(base + "share_65plus");
    m.health_region = s.get_string(base + "health_region");
    m.outside_region = s.get_bool(base + "outside_region");
    if (m.outside_region && m.population > 0)
      r.problem(base + "population: an outside_region entry has no residents in the model; set 0");
    town_index[id] = static_cast<int>(p.municipalities.size());
    p.municipalities.push_back(m);
    p.housing.push_back(model::Housing{r.phased(base + "group_home_places"), r.phased(base + "group_home_trial_slots"),
                                       r.phased(base + "supported_housing_places"),
                                       s.get_real(base + "group_home_initial_fill")});
  }
  for (const auto& id : s.members("roads")) {
    const std::string base = "roads." + id + ".";
    p.travel.push_back(model::TravelEdge{town_index.at(s.get_string(base + "from")),
                                         town_index.at(s.get_string(base + "to")), s.get_real(base + "minutes")});
  }
  for (const auto& id : s.members("hospitals")) {
    const std::string base = "hospitals." + id + ".";
    p.hospitals.push_back(model::Hospital{id, town_index.at(s.get_string(base + "municipality")),
                                          r.phased(base + "beds"), r.phased(base + "outside_patients"),
                                          r.phased(base + "community_ward_beds"), s.get_string(base + "name_ja")});
  }
  for (const auto& id : s.members("hubs")) {
    const std::string base = "hubs." + id + ".";
    model::Hub hub;
    hub.id = id;
    hub.name = s.get_string(base + "name_ja");
    hub.type = s.get_string(base + "type") == "network" ? model::HubType::network : model::HubType::multi_function;
    for (const auto& town : s.get_names(base + "municipalities")) hub.municipalities.push_back(town_index.at(town));
    hub.open_day = s.has(base + "opens") ? std::max(0.0, r.day_of(s.get_date(base + "opens"))) : 0.0;
    hub.hours = s.get_string(base + "hours") == "office" ? model::HubHours::office : model::HubHours::always;
    hub.coordinators = r.phased(base + "coordinators");
    hub.transition_places = r.phased(base + "transition_places");
    hub.max_short_stay_days = s.get_real(base + "max_short_stay_days");
    for (const auto& site : s.members(base + "sites")) {
      const std::string sb = base + "sites." + site + ".";
      hub.sites.push_back(model::HubSite{town_index.at(s.get_string(sb + "municipality")), r.phased(sb + "crisis_beds"),
                                         r.phased(sb + "trial_slots"), site});
    }
    if (hub.type == model::HubType::multi_function && hub.sites.size() != 1)
      r.problem(base + "sites: a multi_function hub has exactly one site (found " + std::to_string(hub.sites.size()) +
                "); use type: network for several provider sites");
    if (hub.municipalities.empty()) r.problem(base + "municipalities: a hub must serve at least one municipality");
    p.hubs.push_back(std::move(hub));
  }
}

void read_people(Reader& r, model::Parameters& p) {
  const Scenario& s = r.scenario();
  auto& pop = p.population;
  pop.community_per_100k = r.real("population.community_per_100k");
  pop.community_share_65plus = r.real("population.community_share_65plus");
  pop.share_alone = r.real("population.share_alone");
  pop.diagnosis_mix = r.shares<3>("population.diagnosis_mix", {"F2", "F0", "other"});
  pop.share_independent_living = r.real("population.share_independent_living");
  pop.share_settlement = r.real("population.share_settlement");
  pop.share_home_nursing = r.real("population.share_home_nursing");
  pop.share_revolving = r.real("population.share_revolving");
  pop.share_has_home_community = r.real("population.share_has_home_community");
  for (const auto& band : s.members("population.initial_inpatients")) {
    const std::string base = "population.initial_inpatients." + band + ".";
    model::StayBand b{s.get_real(base + "min_days"), s.get_real(base + "max_days"), s.get_real(base + "per_100k"),
                      s.get_real(base + "share_65plus")};
    if (!(b.max_days > b.min_days)) r.problem(base + "max_days: must be greater than min_days");
    pop.initial_inpatients.push_back(b);
  }
  pop.stock_type_mix = r.shares<3>("population.stock_type_mix", kTypes);
  pop.initial_inpatient_has_home = r.real("population.initial_inpatient_has_home");
  pop.arrivals_per_100k_year = r.phased("population.arrivals_per_100k_year");
  pop.arrival_share_65plus = r.real("population.arrival_share_65plus");
  pop.arrival_share_alone = r.real("population.arrival_share_alone");
  pop.p_arrival_crisis = r.phased("population.p_arrival_crisis");

  auto& c = p.crisis;
  c.rate_home = r.phased("crisis.rate_home");
  c.rate_group_home = r.phased("crisis.rate_group_home");
  c.mult_independent_living = r.phased("crisis.mult_independent_living");
  c.mult_settlement = r.phased("crisis.mult_settlement");
  c.mult_home_nursing = r.phased("crisis.mult_home_nursing");
  c.mult_revolving = r.phased("crisis.mult_revolving");
  c.post_discharge_k = r.phased("crisis.post_discharge_k");
  c.post_discharge_tau_days = r.real("crisis.post_discharge_tau_days");
  c.carer_loss_rate = r.phased("crisis.carer_loss_rate");
  c.carer_loss_rate_65plus = r.phased("crisis.carer_loss_rate_65plus");
  c.p_apply_group_home_alone = r.phased("crisis.p_apply_group_home_alone");
  c.severity_mix = r.shares<3>("crisis.severity_mix", kTypes);

  auto& x = p.response;
  x.p_home_with_hub = r.phased("response.p_home_with_hub");
  x.p_short_stay_with_hub = r.phased("response.p_short_stay_with_hub");
  x.office_open_hour = r.real("response.office_open_hour");
  x.office_close_hour = r.real("response.office_close_hour");
  if (!(x.office_close_hour > x.office_open_hour))
    r.problem("response.office_close_hour: must be later than response.office_open_hour");
  x.crisis_travel_limit_min = r.real("response.crisis_travel_limit_min");
  x.short_stay_mean_days = r.real("response.short_stay_mean_days");
  x.p_admit_after_short_stay = r.phased("response.p_admit_after_short_stay");
  x.p_settlement_home = r.phased("response.p_settlement_home");
  x.p_outpatient = r.phased("response.p_outpatient");
  const auto& hours = s.get_reals("response.response_hours");
  if (hours.size() != 4) r.problem("response.response_hours: needs 4 values (home, short stay, admission, outpatient)");
  for (std::size_t i = 0; i < 4 && i < hours.size(); ++i) x.response_hours[i] = hours[i];
}

void read_care(Reader& r, model::Parameters& p) {
  const Scenario& s = r.scenario();
  auto& h = p.hospital;
  h.wait_deterioration_per_day = r.real("hospital.wait_deterioration_per_day");
  h.group_home_wait_before_home_days = r.real("hospital.group_home_wait_before_home_days");
  h.travel_limit_min = r.real("hospital.travel_limit_min");
  h.allow_far_placement = s.get_bool("hospital.allow_far_placement");
  const auto& from = s.get_reals("hospital.readiness_hazard_from_days");
  const auto& rate = s.get_reals("hospital.readiness_hazard_per_day");
  if (from.size() != rate.size() || from.empty())
    r.problem("hospital.readiness_hazard_per_day: needs one value per entry of readiness_hazard_from_days (" +
              std::to_string(from.size()) + "), found " + std::to_string(rate.size()));
  else if (from.front() != 0)
    r.problem("hospital.readiness_hazard_from_days: the first piece must start at day 0");
  for (std::size_t i = 0; i < from.size() && i < rate.size(); ++i) {
    if (i > 0 && !(from[i] > from[i - 1]))
      r.problem("hospital.readiness_hazard_from_days: days must increase (entry " + std::to_string(i + 1) + ")");
    h.readiness_hazard.emplace_back(from[i], rate[i]);
  }
  h.type_factor = {r.phased("hospital.type_factor_voluntary"), r.phased("hospital.type_factor_involuntary"),
                   r.phased("hospital.type_factor_administrative")};
  h.readmission_factor = r.phased("hospital.readmission_factor");
  h.senior_factor = r.phased("hospital.senior_factor");
  h.community_ward_cap_days = r.real("hospital.community_ward_cap_days");
  h.community_ward_factor = r.phased("hospital.community_ward_factor");
  h.planning_day = r.real("hospital.planning_day");
  h.review_interval_days = r.real("hospital.review_interval_days");
  h.home_loss_rate_long_stay = r.phased("hospital.home_loss_rate_long_stay");
  h.death_rate_under65 = r.phased("hospital.death_rate_under65");
  h.death_rate_65plus = r.phased("hospital.death_rate_65plus");
  h.destination_mix =
      r.shares<5>("hospital.destination_mix", {"home", "group_home", "elderly_care", "transfer_out", "other"});
  h.p_independent_living_after_long_stay = r.phased("hospital.p_independent_living_after_long_stay");

  auto& t = p.transition;
  t.min_stay_days = r.real("transition.min_stay_days");
  t.programme_mean_days = r.real("transition.programme_mean_days");
  t.programme_sd_days = r.real("transition.programme_sd_days");
  // The length is gamma with shape (mean / sd)^2: below this spread the shape overflows
  // (the table keeps the mean within 1 to 3650 days, so the shape stays under 1.4e13).
  constexpr double kMinProgrammeSd = 0.001;
  if (t.programme_sd_days > 0 && t.programme_sd_days < kMinProgrammeSd)
    r.problem("transition.programme_sd_days: " + scenario::format_number(t.programme_sd_days) +
              " days is too small a spread to draw; write 0 for programmes of fixed length, or at least 0.001");
  t.p_success = r.phased("transition.p_success");
  t.trial_nights = r.real("transition.trial_nights");
  t.trial_at_fraction = r.real("transition.trial_at_fraction");

  auto& c = p.community;
  c.group_home_move_out_rate = r.phased("community.group_home_move_out_rate");
  c.death_rate_under65 = r.phased("community.death_rate_under65");
  c.death_rate_65plus = r.phased("community.death_rate_65plus");
  c.elderly_care_rate_65plus = r.phased("community.elderly_care_rate_65plus");
  c.move_away_rate = r.phased("community.move_away_rate");
  c.waiting_rule =
      s.get_string("community.waiting_rule") == "fifo" ? model::WaitingRule::fifo : model::WaitingRule::hospital_first;

  auto& k = p.cost;
  k.units_transition = r.real("costs.units_transition");
  k.units_independent_living = r.real("costs.units_independent_living");
  k.units_settlement = r.real("costs.units_settlement");
  k.units_emergency_day = r.real("costs.units_emergency_day");
  k.units_coordinator_claim = r.real("costs.units_coordinator_claim");
  k.yen_per_unit = r.real("costs.yen_per_unit");
  k.hospital_day_yen = r.real("costs.hospital_day_yen");
}

}  // namespace

RunWindow run_window(const Scenario& s) {
  const Date start = s.get_date("simulation.start");
  const auto warmup = static_cast<int>(s.get_int("simulation.warmup_years"));
  const auto years = static_cast<int>(s.get_int("simulation.years"));
  const model::CivilDate c = civil(start);
  RunWindow w;
  w.warmup_days = model::model_day(c, model::CivilDate{c.year + warmup, c.month, c.day});
  w.horizon_days = model::model_day(c, model::CivilDate{c.year + warmup + years, c.month, c.day});
  return w;
}

model::Parameters to_parameters(const Scenario& scenario) {
  Reader reader(scenario);
  model::Parameters p;
  std::map<std::string, int> town_index;
  read_region(reader, p, town_index);
  read_people(reader, p);
  read_care(reader, p);
  p.run.start = civil(reader.start());
  const RunWindow w = run_window(scenario);
  p.run.warmup_days = w.warmup_days;
  p.run.horizon_days = w.horizon_days;
  if (!reader.problems().empty()) throw BindingError(reader.problems());
  return p;
}

}  // namespace caresim::care_scenario
