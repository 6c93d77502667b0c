#include "care_scenario/to_parameters.hpp"

#include "care_scenario/binding.hpp"
#include "care_scenario/care_schema.hpp"
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

/** One element of `Target` per member of the collection at `path`, filled by its bindings;
 *  `start` sets what the bindings do not (the id). */
template <class Target, class Start>
std::vector<Target> build_list(const Reader& r, const std::vector<Binding<Target>>& bindings, const std::string& path,
                               Start start) {
  std::vector<Target> out;
  for (const auto& id : r.scenario().members(path)) {
    Target element{};
    start(element, id);
    fill_all(bindings, r, path + "." + id + ".", element);
    out.push_back(std::move(element));
  }
  return out;
}

/** The structural parts: the lists of municipalities, roads, hospitals and hubs, each
 *  element filled by its bindings, with the checks on one element. */
void build_region(Reader& r, const Bindings& b, model::Parameters& p, std::vector<std::string>& problems) {
  const Scenario& s = r.scenario();
  const auto none = [](auto&, const std::string&) {};
  for (const auto& id : s.members("municipalities")) {
    const std::string base = "municipalities." + id + ".";
    model::Municipality m{};
    m.id = id;
    fill_all(b.municipality, r, base, m);
    model::Housing h{};
    fill_all(b.housing, r, base, h);
    if (m.outside_region && m.population > 0)
      problems.push_back(base + "population: an outside_region entry has no residents in the model; set 0");
    r.index("municipalities", id, static_cast<int>(p.municipalities.size()));
    p.municipalities.push_back(std::move(m));
    p.housing.push_back(std::move(h));
  }
  p.travel = build_list(r, b.road, "roads", none);
  p.hospitals = build_list(r, b.hospital, "hospitals", [](model::Hospital& h, const std::string& id) { h.id = id; });
  for (const auto& id : s.members("hubs")) {
    const std::string base = "hubs." + id + ".";
    model::Hub hub{};
    hub.id = id;
    fill_all(b.hub, r, base, hub);
    hub.sites =
        build_list(r, b.site, base + "sites", [](model::HubSite& site, const std::string& key) { site.id = key; });
    if (hub.type == model::HubType::MultiFunction && hub.sites.size() != 1)
      problems.push_back(base + "sites: a multi_function hub has exactly one site (found " +
                         std::to_string(hub.sites.size()) + "); use type: network for several provider sites");
    if (hub.municipalities.empty())
      problems.push_back(base + "municipalities: a hub must serve at least one municipality");
    p.hubs.push_back(std::move(hub));
  }
  p.population.initial_inpatients = build_list(r, b.band, "population.initial_inpatients", none);
  for (std::size_t i = 0; i < p.population.initial_inpatients.size(); ++i) {
    const model::StayBand& band = p.population.initial_inpatients[i];
    if (!(band.max_days > band.min_days))
      problems.push_back("population.initial_inpatients." + s.members("population.initial_inpatients")[i] +
                         ".max_days: must be greater than min_days");
  }
}

/** The checks across keys of sections, and the readiness hazard built from two lists. */
void check_sections(const Scenario& s, model::Parameters& p, std::vector<std::string>& problems) {
  const auto& x = p.response;
  if (!(x.office_close_hour > x.office_open_hour))
    problems.push_back("response.office_close_hour: must be later than response.office_open_hour");
  if (s.get_reals("response.response_hours").size() != x.response_hours.size())
    problems.push_back("response.response_hours: needs 4 values (home, short stay, admission, outpatient)");

  auto& h = p.hospital;
  const auto& from = s.get_reals("hospital.readiness_hazard_from_days");
  const auto& rate = s.get_reals("hospital.readiness_hazard_per_day");
  if (from.size() != rate.size() || from.empty())
    problems.push_back("hospital.readiness_hazard_per_day: needs one value per entry of readiness_hazard_from_days (" +
                       std::to_string(from.size()) + "), found " + std::to_string(rate.size()));
  else if (from.front() != 0)
    problems.push_back("hospital.readiness_hazard_from_days: the first piece must start at day 0");
  for (std::size_t i = 0; i < from.size() && i < rate.size(); ++i) {
    if (i > 0 && !(from[i] > from[i - 1]))
      problems.push_back("hospital.readiness_hazard_from_days: days must increase (entry " + std::to_string(i + 1) +
                         ")");
    h.readiness_hazard.emplace_back(from[i], rate[i]);
  }

  // The length is gamma with shape (mean / sd)^2: below this spread the shape overflows
  // (the table keeps the mean within 1 to 3650 days, so the shape stays under 1.4e13).
  constexpr double kMinProgrammeSd = 0.001;
  const double sd = p.transition.programme_sd_days;
  if (sd > 0 && sd < kMinProgrammeSd)
    problems.push_back(
        "transition.programme_sd_days: " + scenario::format_number(sd) +
        " days is too small a spread to draw; write 0 for programmes of fixed length, or at least 0.001");
}

}  // namespace

RunWindow run_window(const Scenario& s) {
  const Date start = s.get_date("simulation.start");
  const auto warmup = static_cast<int>(s.get_int("simulation.warmup_years"));
  const auto years = static_cast<int>(s.get_int("simulation.years"));
  RunWindow w;
  w.warmup_days = model::model_day(start, start.add_years(warmup));
  w.horizon_days = model::model_day(start, start.add_years(warmup + years));
  return w;
}

model::Parameters to_parameters(const Scenario& scenario) {
  const Bindings& bindings = care_bindings();
  Reader reader(scenario);
  model::Parameters p{};
  std::vector<std::string> problems;
  build_region(reader, bindings, p, problems);
  for (const auto& b : bindings.scalars) b.fill(reader, b.key, p);
  check_sections(scenario, p, problems);
  p.run.start = reader.start();
  const RunWindow w = run_window(scenario);
  p.run.warmup_days = w.warmup_days;
  p.run.horizon_days = w.horizon_days;
  if (!problems.empty()) throw BindingError(problems);
  return p;
}

}  // namespace caresim::care_scenario
