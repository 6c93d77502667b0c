#include "runner/work_estimate.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace caresim::runner {

namespace {

// Calibration (docs/reliability.md, "Work and memory estimates"), from g++ -O3 runs of
// scenarios/reference-region.yaml with its populations scaled 1x, 4x and 10x and its
// crisis rate from 0 to 5 (peak RSS by /usr/bin/time, events by --stats, file sizes at
// each trace level with 1 and 2 replications); bench/estimate-check prints the figures:
constexpr double kProgramBytes = 20e6;    // the program with one small replication
constexpr double kBytesPerPerson = 800;   // every person who entered stays in the model
constexpr double kEventsAtRest = 0.7;     // per person-year with no crises
constexpr double kEventsPerCrisis = 4.7;  // per crisis-rate unit, saturating as more are in hospital
constexpr double kCrisisSaturation = 0.3;
constexpr double kEventsPerSecond = 1.5e5;  // one thread
// People leave the model (death, elderly care, moving away) at about 5 % a year: the
// reference region's day-0 cohort is its arrivals over that rate (docs/model.md,
// Calibration), so its population stays flat.
constexpr double kExitsPerYear = 0.05;
// Results file: a fixed part, each replication's indicator tables, its daily occupancy and
// monthly series (summary), and each event (events, deflated).
constexpr double kFileBytes = 60e3;
constexpr double kIndicatorBytes = 125e3;
constexpr double kSummaryBytesPerDay = 8;
constexpr double kBytesPerEvent = 3.6;
constexpr double kTraceWriterBytes = 9e6;  // the event trace's buffers while it is written

// The largest value a phased parameter takes over the run.
double peak(const model::Phased& v) {
  return v.peak();
}

std::string amount(double v, const char* unit) {
  char text[64];
  if (v >= 1e9)
    std::snprintf(text, sizeof text, "%.3g billion %s", v / 1e9, unit);
  else if (v >= 1e6)
    std::snprintf(text, sizeof text, "%.3g million %s", v / 1e6, unit);
  else
    std::snprintf(text, sizeof text, "%.0f %s", v, unit);
  return text;
}

std::string bytes(double v) {
  char text[64];
  if (v >= 1e9)
    std::snprintf(text, sizeof text, "%.3g GB", v / 1e9);
  else
    std::snprintf(text, sizeof text, "%.3g MB", v / 1e6);
  return text;
}

std::string duration(double seconds) {
  char text[64];
  if (seconds >= 2 * 3600)
    std::snprintf(text, sizeof text, "%.3g hours", seconds / 3600);
  else if (seconds >= 120)
    std::snprintf(text, sizeof text, "%.3g minutes", seconds / 60);
  else
    std::snprintf(text, sizeof text, "%.2g s", seconds);
  return text;
}

}  // namespace

WorkEstimate estimate_work(const model::Parameters& p, std::size_t replications, unsigned threads, ResultsFile file) {
  const double years = p.run.horizon_days / 365.25;
  double residents = 0, group_home_residents = 0;
  for (std::size_t m = 0; m < p.municipalities.size(); ++m) {
    residents += p.municipalities[m].population;
    if (m < p.housing.size())
      group_home_residents += p.housing[m].group_home_initial_fill * p.housing[m].group_home_places.at(0);
  }
  double inpatients_per_100k = 0;
  for (const auto& band : p.population.initial_inpatients) inpatients_per_100k += band.per_100k;
  const double day0 = residents * (p.population.community_per_100k + inpatients_per_100k) / 1e5 + group_home_residents;
  const double arrivals = residents * peak(p.population.arrivals_per_100k_year) / 1e5 * years;
  WorkEstimate e;
  e.people = day0 + arrivals;
  // Person-years: the day-0 people leave at kExitsPerYear and arrivals come at a steady
  // rate, N(t) = N0 e^(-xt) + (a/x)(1 - e^(-xt)), integrated over the run.
  const double x = kExitsPerYear;
  const double a = years > 0 ? arrivals / years : 0;
  const double person_years = (day0 - a / x) * (1 - std::exp(-x * years)) / x + a / x * years;
  const double crisis_rate = peak(p.crisis.rate_home);
  const double per_person_year = kEventsAtRest + kEventsPerCrisis * crisis_rate / (1 + kCrisisSaturation * crisis_rate);
  const double events_one = person_years * per_person_year;
  const double n = static_cast<double>(replications);
  e.events = events_one * n;
  e.cpu_seconds = e.events / kEventsPerSecond;
  const double at_once =
      static_cast<double>(std::min<std::size_t>(std::max(1u, threads), std::max<std::size_t>(1, replications)));
  e.memory_bytes =
      kProgramBytes + at_once * e.people * kBytesPerPerson + (file == ResultsFile::Events ? kTraceWriterBytes : 0);
  if (file != ResultsFile::None) {
    double per_replication = kIndicatorBytes;
    if (file != ResultsFile::Indicators) per_replication += kSummaryBytesPerDay * p.run.horizon_days;
    if (file == ResultsFile::Events) per_replication += kBytesPerEvent * events_one;
    e.file_bytes = kFileBytes + n * per_replication;
  }
  return e;
}

std::string describe(const WorkEstimate& e) {
  std::string text = "about " + amount(e.events, "events") + " (" + duration(e.cpu_seconds) + " of one core), " +
                     bytes(e.memory_bytes) + " of memory";
  if (e.file_bytes > 0) text += ", a " + bytes(e.file_bytes) + " results file";
  return text;
}

std::optional<std::string> refusal(const WorkEstimate& e, const WorkLimits& limits, bool forced,
                                   const std::string& force_option) {
  if (forced) return std::nullopt;
  std::string over;
  auto add = [&](const std::string& what) { over += (over.empty() ? "" : "; ") + what; };
  if (e.events > limits.events)
    add(amount(e.events, "events") + " (the limit is " + amount(limits.events, "events") + ")");
  if (e.memory_bytes > limits.memory_bytes)
    add(bytes(e.memory_bytes) + " of memory (the limit is " + bytes(limits.memory_bytes) + ")");
  if (e.file_bytes > limits.file_bytes)
    add("a " + bytes(e.file_bytes) + " results file (the limit is " + bytes(limits.file_bytes) + ")");
  if (over.empty()) return std::nullopt;
  return "this run is estimated at " + over + ": " + describe(e) +
         " in all. Nothing was run; fewer replications, years or people make it smaller, or " + force_option +
         " runs it anyway";
}

}  // namespace caresim::runner
