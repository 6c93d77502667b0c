// Scenario identity and the run's calendar.
#include "care_scenario/care_schema.hpp"

namespace caresim::care_scenario {

using scenario::Param;

void declare_run(Table& t) {
  scenario::Schema& s = t.schema;
  s.section("scenario").describe("What this scenario is, for people reading results side by side.");
  unbound(t, s,
          Param::string("scenario.name")
              .default_value("unnamed scenario")
              .source("assumption")
              .describe("Short name shown in reports"),
          "read by the commands (reports, results files)");
  unbound(t, s,
          Param::string("scenario.name_ja")
              .default_value("")
              .source("assumption")
              .describe("Japanese name shown in reports (会議資料)"),
          "read by the commands (reports, results files)");
  unbound(t, s,
          Param::string("scenario.description")
              .default_value("")
              .source("assumption")
              .describe("One paragraph on what the scenario tests"),
          "read by the commands (reports, results files)");

  s.section("simulation").describe("The run's calendar and random numbers.");
  unbound(t, s,
          Param::date("simulation.start")
              .default_value(scenario::Date::parse("2025-04-01").value())
              .source("assumption: the start of FY2025")
              .describe("First day simulated (day 0)"),
          "the run window (to_parameters)");
  unbound(t, s,
          Param::integer("simulation.warmup_years")
              .range(0, 50)
              .default_value(2)
              .unit("years")
              .source("assumption: long enough for the day-0 stock to settle; range guessed")
              .assumption_range(1, 10)
              .describe("Years simulated before indicators are collected"),
          "the run window (to_parameters)");
  unbound(t, s,
          Param::integer("simulation.years")
              .range(1, 100)
              .default_value(8)
              .unit("years")
              .source("run setting: to the end of FY2034")
              .describe("Years reported after the warm-up (fiscal years April-March when start is April 1)"),
          "the run window (to_parameters)");
  unbound(t, s,
          Param::integer("simulation.seed")
              .range(0, 9.0e15)
              .default_value(20250401)
              .unit("-")
              .source("run setting")
              .describe("Master seed of every random stream"),
          "read by the runner (random streams)");
  unbound(t, s,
          Param::integer("simulation.replications")
              .range(1, 100000)
              .default_value(10)
              .unit("runs")
              .source("run setting")
              .describe("Independent replications (0..n-1) for confidence intervals"),
          "read by the runner");
}

}  // namespace caresim::care_scenario
