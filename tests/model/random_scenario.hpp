#pragma once
// A generator of random *valid* scenarios for invariant tests: seeded and deterministic
// (Boost.Random, so every standard library draws the same), written as scenario YAML so
// each one goes through the loader and the translation a user's file goes through, and can
// be printed when a check fails. Its ranges (docs/reliability.md, "Random scenarios"):
//  - 1 to 20 municipalities, each with 0 or 100 to 20,000 residents (day-0 people kept
//    to a few thousand in all, so a run takes well under a second);
//  - every capacity 0, small, or the largest the parameter table allows (hospital beds,
//    group-home and supported-housing places, support caseloads, crisis beds, trial
//    slots, coordinators, transition places); a huge group home starts empty (its day-0
//    fill would be a huge cohort);
//  - 1 to 3 hospitals, 0 to 3 hubs of both types and both hours;
//  - rates 0, ordinary or extreme: crises from home, the revolving multiplier, the
//    post-discharge factor, arrivals, the revolving share, stay bands' per_100k.
#include <cstdint>
#include <string>

namespace caresim::model::testing {

/** One generated scenario. */
struct RandomScenario {
  std::uint64_t seed = 0;  ///< the generator's seed (and the scenario's simulation.seed)
  std::string yaml;        ///< the scenario file's text
  int municipalities = 0;
  int hubs = 0;
  bool zero_arrivals = false;   ///< population.arrivals_per_100k_year is 0
  bool zero_rate_home = false;  ///< crisis.rate_home is 0
};

/** The scenario of generator seed `seed`: the same seed gives the same text. */
RandomScenario random_scenario(std::uint64_t seed);

}  // namespace caresim::model::testing
