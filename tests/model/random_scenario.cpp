#include "random_scenario.hpp"

#include <algorithm>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <sstream>
#include <vector>

namespace caresim::model::testing {

namespace {

// Day-0 community people at most (population × community_per_100k / 100,000, summed).
constexpr double kMaxCohort = 2500;

class Draws {
 public:
  explicit Draws(std::uint64_t seed) : engine_(seed) {}
  int integer(int lo, int hi) { return boost::random::uniform_int_distribution<int>(lo, hi)(engine_); }
  double real(double lo, double hi) { return boost::random::uniform_real_distribution<double>(lo, hi)(engine_); }
  bool chance(double p) { return real(0, 1) < p; }
  /** 0 a quarter of the time, the table's largest value a quarter, else a small count. */
  double capacity(int small_max, double largest) {
    switch (integer(0, 3)) {
      case 0:
        return 0;
      case 1:
        return largest;
      default:
        return integer(1, small_max);
    }
  }
  /** 0, an ordinary value or an extreme one. */
  double rate(double ordinary, double extreme) {
    switch (integer(0, 2)) {
      case 0:
        return 0;
      case 1:
        return ordinary;
      default:
        return extreme;
    }
  }

 private:
  boost::random::mt19937_64 engine_;
};

// Appended, not "m" + std::to_string(i): g++ 12 warns on that (-Wrestrict, a false positive).
std::string municipality_name(int i) {
  std::string name = "m";
  name += std::to_string(i);
  return name;
}

}  // namespace

RandomScenario random_scenario(std::uint64_t seed) {
  Draws d(seed);
  RandomScenario out;
  out.seed = seed;
  out.municipalities = d.integer(1, 20);
  const double community_per_100k = d.rate(1650, 10000);  // the table allows 0 to 10,000
  const double arrivals = d.rate(93, 1000);               // 0 to 1,000 a year per 100,000
  const double rate_home = d.rate(0.17, 25);              // crises per person-year at home
  const double short_stays = d.rate(95, 1000);            // day-0 inpatients per 100,000
  const double long_stays = d.rate(110, 1000);
  out.zero_arrivals = arrivals == 0;
  out.zero_rate_home = rate_home == 0;
  // Residents so that neither the day-0 cohort nor a year's arrivals exceed kMaxCohort.
  const double per_resident = std::max({community_per_100k + short_stays + long_stays, 2 * arrivals, 100.0}) / 1e5;
  const double max_population = std::min(20000.0, kMaxCohort / per_resident / out.municipalities);

  std::ostringstream y;
  y << "scenario: {name: random " << seed << "}\n";
  y << "simulation: {start: 2020-04-01, warmup_years: " << d.integer(0, 1) << ", years: " << d.integer(1, 2)
    << ", seed: " << seed << ", replications: 1}\n";
  y << "municipalities:\n";
  for (int m = 0; m < out.municipalities; ++m) {
    const double population = d.chance(0.15) ? 0 : d.integer(100, std::max(100, static_cast<int>(max_population)));
    const double group_home = d.capacity(40, 2e5);
    y << "  " << municipality_name(m) << ": {population: " << population << ", share_65plus: " << d.real(0, 1)
      << ", group_home_places: " << group_home << ", group_home_trial_slots: " << d.capacity(3, 1e4)
      << ", group_home_initial_fill: " << (group_home > 1000 || population == 0 ? 0.0 : d.real(0, 1))
      << ", supported_housing_places: " << d.capacity(20, 2e5)
      << ", independent_living_caseload: " << d.capacity(20, 2e5) << ", settlement_caseload: " << d.capacity(20, 2e5)
      << ", home_nursing_caseload: " << d.capacity(100, 2e5) << ", transition_caseload: " << d.capacity(3, 2e5)
      << "}\n";
  }
  if (out.municipalities > 1) {
    y << "roads:\n";
    for (int m = 1; m < out.municipalities; ++m)
      y << "  r" << m << ": {from: " << municipality_name(d.integer(0, m - 1)) << ", to: " << municipality_name(m)
        << ", minutes: " << d.integer(1, 180) << "}\n";
  }
  y << "hospitals:\n";
  for (int h = 0, n = d.integer(1, 3); h < n; ++h) {
    const double beds = d.capacity(300, 4e5);
    y << "  h" << h << ": {municipality: " << municipality_name(d.integer(0, out.municipalities - 1))
      << ", beds: " << beds
      << ", outside_patients: " << (beds > 0 ? d.integer(0, static_cast<int>(std::min(beds, 100.0))) : 0) << "}\n";
  }
  out.hubs = d.integer(0, 3);
  if (out.hubs > 0) {
    y << "hubs:\n";
    for (int h = 0; h < out.hubs; ++h) {
      // The municipalities served: a run of consecutive ones; its sites stand in them.
      const int first = d.integer(0, out.municipalities - 1);
      const int last = d.integer(first, out.municipalities - 1);
      const bool network = d.chance(0.5);
      y << "  hub" << h << ":\n    type: " << (network ? "network" : "multi_function") << "\n    municipalities: [";
      for (int m = first; m <= last; ++m) y << (m > first ? ", " : "") << municipality_name(m);
      y << "]\n    hours: " << (d.chance(0.5) ? "always" : "office")
        << "\n    coordinators: " << (d.chance(0.2) ? 0.5 : d.capacity(3, 1000))
        << "\n    transition_places: " << d.capacity(4, 1000) << "\n    sites:\n";
      const int sites = network ? d.integer(1, std::min(3, last - first + 1)) : 1;
      for (int s = 0; s < sites; ++s)
        y << "      s" << s << ": {municipality: " << municipality_name(first + s)
          << ", crisis_beds: " << d.capacity(3, 1e4) << ", trial_slots: " << d.capacity(2, 1e4) << "}\n";
    }
  }
  y << "crisis: {rate_home: " << rate_home << ", mult_revolving: " << 1 + d.rate(13, 199)
    << ", post_discharge_k: " << d.rate(6.7, 100) << "}\n";
  y << "population:\n  community_per_100k: " << community_per_100k << "\n  arrivals_per_100k_year: " << arrivals
    << "\n  share_revolving: " << d.real(0, 1) << "\n  initial_inpatients:\n";
  y << "    short: {min_days: 0, max_days: 365, per_100k: " << short_stays << ", share_65plus: " << d.real(0, 1)
    << "}\n";
  y << "    long: {min_days: 365, max_days: 7305, per_100k: " << long_stays << ", share_65plus: " << d.real(0, 1)
    << "}\n";
  out.yaml = y.str();
  return out;
}

}  // namespace caresim::model::testing
