// Planner warnings (planner_warnings.hpp): graph components over the roads, the day-0
// stock against the beds, and hubs' transition places and coordinators after opening.
#include "care_scenario/planner_warnings.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <sstream>

#include "scenario/compose.hpp"
#include "scenario/yaml_tree.hpp"

namespace caresim::care_scenario {

namespace {

std::string number(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

// The union-find root of `i`.
std::size_t root(std::vector<std::size_t>& parent, std::size_t i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

// True when `ph` is 0 at every day from `from` to `to` (both inclusive).
bool zero_over(const model::Phased& ph, double from, double to) {
  if (ph.at(from) != 0) return false;
  for (const auto& [day, value] : ph.steps)
    if (day > from && day <= to && value != 0) return false;
  return true;
}

void unreachable(const model::Parameters& p, std::vector<PlannerWarning>& out) {
  const std::size_t n = p.municipalities.size();
  if (n == 0) return;
  std::vector<std::size_t> parent(n);
  std::iota(parent.begin(), parent.end(), std::size_t{0});
  for (const model::TravelEdge& e : p.travel) {
    if (e.a < 0 || e.b < 0 || static_cast<std::size_t>(e.a) >= n || static_cast<std::size_t>(e.b) >= n) continue;
    parent[root(parent, static_cast<std::size_t>(e.a))] = root(parent, static_cast<std::size_t>(e.b));
  }
  // The main component: the one with the most residents (the first such in file order).
  std::vector<double> residents(n, 0.0);
  for (std::size_t m = 0; m < n; ++m) residents[root(parent, m)] += p.municipalities[m].population;
  const std::size_t main =
      static_cast<std::size_t>(std::max_element(residents.begin(), residents.end()) - residents.begin());
  std::string main_names;
  for (std::size_t m = 0; m < n; ++m) {
    if (root(parent, m) != main) continue;
    if (!main_names.empty()) main_names += ", ";
    main_names += p.municipalities[m].id;
  }
  auto cut_off = [&](std::size_t m) { return root(parent, m) != main; };
  for (std::size_t m = 0; m < n; ++m) {
    const model::Municipality& mu = p.municipalities[m];
    if (!cut_off(m) || mu.population <= 0) continue;
    out.push_back({"municipalities." + mu.id,
                   "no road reaches " + mu.id + " (" + number(mu.population) +
                       " residents) from the rest of the region (" + main_names +
                       "): its residents reach no hospital, hub or group home there; add a road under `roads` "
                       "from " +
                       mu.id + " to one of them"});
  }
  for (const model::Hospital& h : p.hospitals) {
    if (h.municipality < 0 || static_cast<std::size_t>(h.municipality) >= n) continue;
    if (!cut_off(static_cast<std::size_t>(h.municipality))) continue;
    const std::string& where = p.municipalities[static_cast<std::size_t>(h.municipality)].id;
    out.push_back({"hospitals." + h.id + ".municipality",
                   "no road reaches hospital " + h.id + " (in " + where + ") from the rest of the region (" +
                       main_names + "): nobody there can be admitted to it; add a road under `roads` from " + where +
                       " to one of them, or move the hospital"});
  }
}

void beds_below_stock(const model::Parameters& p, std::vector<PlannerWarning>& out) {
  double stock = 0;
  for (const model::Municipality& mu : p.municipalities)
    for (const model::StayBand& band : p.population.initial_inpatients)
      stock += std::round(band.per_100k * mu.population / 100000.0);
  double beds = 0;
  for (const model::Hospital& h : p.hospitals) beds += std::max(0.0, h.beds.at(0) - h.outside_patients.at(0));
  if (stock <= beds) return;
  out.push_back(
      {"hospitals", "the scenario's hospitals have " + number(beds) +
                        " general psychiatric beds at day 0 net of outside patients (beds - outside_patients, all "
                        "hospitals together), below the " +
                        number(stock) +
                        " day-0 inpatients that population.initial_inpatients puts in the region (per_100k x "
                        "population, summed over the stay bands and municipalities; compared for the whole region, "
                        "since day-0 inpatients take the nearest free bed): " +
                        number(stock - beds) +
                        " start in beds elsewhere; raise hospitals.*.beds or lower "
                        "population.initial_inpatients.*.per_100k"});
}

void hubs_without(const model::Parameters& p, std::vector<PlannerWarning>& out) {
  const double horizon = p.run.horizon_days;
  for (const model::Hub& hub : p.hubs) {
    const std::string base = "hubs." + hub.id;
    if (hub.open_day > horizon) {
      out.push_back({base + ".opens", "hub " + hub.id + " opens after the run ends (" + number(hub.open_day) +
                                          " days after simulation.start, the run lasts " + number(horizon) +
                                          "): it does nothing in this run; open it earlier or run longer"});
      continue;
    }
    const double from = std::max(0.0, hub.open_day);
    // A provider for the hub's residents: its own office, or a consultation office outside
    // hubs in one of its municipalities.
    bool provider = !zero_over(hub.transition_places, from, horizon);
    for (const int m : hub.municipalities)
      provider = provider || (static_cast<std::size_t>(m) < p.housing.size() &&
                              !zero_over(p.housing[static_cast<std::size_t>(m)].transition_caseload, 0, horizon));
    if (!provider)
      out.push_back({base + ".transition_places",
                     "hub " + hub.id +
                         " has no 地域移行支援 provider (transition_places 0 from its opening to the end of the run, "
                         "and no transition_caseload in the municipalities it serves): the wishes its coordinators "
                         "raise go to the hospitals' discharge planning alone; set transition_places to 1 or more"});
    if (zero_over(hub.coordinators, from, horizon))
      out.push_back({base + ".coordinators",
                     "hub " + hub.id +
                         " has no coordinator (coordinators 0) from its opening to the end of the run: nobody "
                         "gives motivation support, emergency backup or advance registration; set coordinators "
                         "above 0 (full-time equivalents)"});
  }
}

}  // namespace

std::vector<PlannerWarning> planner_warnings(const model::Parameters& p) {
  std::vector<PlannerWarning> out;
  unreachable(p, out);
  beds_below_stock(p, out);
  hubs_without(p, out);
  return out;
}

std::string capacity_key(const model::Parameters& p, const model::Facility& f) {
  const auto at = [](int i) { return static_cast<std::size_t>(i); };
  const auto in = [&](const auto& list) { return f.local >= 0 && at(f.local) < list.size(); };
  std::string key;
  switch (f.owner) {
    case model::Owner::Hospital:
      if (!in(p.hospitals)) return {};
      key = "hospitals." + p.hospitals[at(f.local)].id;
      break;
    case model::Owner::Municipality:
      if (!in(p.municipalities)) return {};
      key = "municipalities." + p.municipalities[at(f.local)].id;
      break;
    case model::Owner::Hub:
    case model::Owner::Site:
      if (f.hub < 0 || at(f.hub) >= p.hubs.size()) return {};
      key = "hubs." + p.hubs[at(f.hub)].id;
      break;
  }
  if (f.owner == model::Owner::Site) {
    int first = 0;  // the hub's first global site index
    for (int h = 0; h < f.hub; ++h) first += static_cast<int>(p.hubs[at(h)].sites.size());
    const auto& sites = p.hubs[at(f.hub)].sites;
    if (f.local - first < 0 || at(f.local - first) >= sites.size()) return key;
    key += ".sites." + sites[at(f.local - first)].id;
  }
  switch (f.kind) {
    case model::CapacityKind::HospitalBeds:
      return key + ".beds";
    case model::CapacityKind::CommunityWardBeds:
      return key + ".community_ward_beds";
    case model::CapacityKind::GroupHomePlaces:
      return key + ".group_home_places";
    case model::CapacityKind::GroupHomeTrial:
      return key + ".group_home_trial_slots";
    case model::CapacityKind::SupportedHousing:
      return key + ".supported_housing_places";
    case model::CapacityKind::IndependentLivingCaseload:
      return key + ".independent_living_caseload";
    case model::CapacityKind::SettlementCaseload:
      return key + ".settlement_caseload";
    case model::CapacityKind::HomeNursingCaseload:
      return key + ".home_nursing_caseload";
    case model::CapacityKind::CrisisBeds:
      return key + ".crisis_beds";
    case model::CapacityKind::HubTrial:
      return key + ".trial_slots";
    case model::CapacityKind::TransitionPlaces:
      return key + ".transition_places";
    case model::CapacityKind::Coordinators:
      return key + ".coordinators";
    case model::CapacityKind::TransitionCaseload:
      return key + ".transition_caseload";
    case model::CapacityKind::Registered:
      break;
  }
  return key;
}

PlannerWarning unbound_warning(const model::Parameters& p, const model::Facility& f, std::int64_t peak_in_use,
                               std::int64_t peak_capacity) {
  return {capacity_key(p, f), "capacity never bound over the run: " + f.name_en + " (" + f.id + "), peak " +
                                  std::to_string(peak_in_use) + " of " + std::to_string(peak_capacity) +
                                  " in use in any replication and nobody waiting: it limited nothing in these "
                                  "replications (a lower value, down to the peak, is worth trying)"};
}

struct SourcePositions::Tree {
  std::optional<scenario::YamlNode> root;
};

SourcePositions::SourcePositions(const std::string& file, const std::vector<std::string>& overrides)
    : tree_(std::make_unique<Tree>()), file_(file) {
  scenario::DiagnosticSink ignored;  // the scenario was loaded already; its problems were reported then
  tree_->root = scenario::compose_file(file, ignored);
  if (tree_->root) scenario::apply_overrides(*tree_->root, overrides, ignored);
}

SourcePositions::~SourcePositions() = default;

scenario::Location SourcePositions::where(const std::string& path) const {
  if (!tree_->root) return scenario::Location{file_, 0, 0};
  const scenario::YamlNode* node = &*tree_->root;
  scenario::Location at = node->where.line > 0 ? node->where : scenario::Location{file_, 0, 0};
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t dot = std::min(path.find('.', start), path.size());
    const std::string key = path.substr(start, dot - start);
    const scenario::YamlNode* next = node->kind == scenario::YamlNode::Kind::Map ? node->find(key) : nullptr;
    if (next == nullptr) break;
    node = next;
    at = node->where;
    start = dot + 1;
  }
  return at;
}

std::string format_warnings(const std::vector<PlannerWarning>& warnings, const SourcePositions& positions) {
  std::string out;
  for (const PlannerWarning& w : warnings)
    out += "warning: " + positions.where(w.path).to_string() + ": " + w.path + ": " + w.message + "\n";
  return out;
}

}  // namespace caresim::care_scenario
