// An office-hours hub answers crises only on weekdays in office hours: its opening hours
// are a weekly schedule, not a probability.
#include <doctest/doctest.h>

#include <cmath>

#include "engine/observe/memory_recorder.hpp"
#include "model_test_support.hpp"

using namespace caresim::model;

TEST_CASE("an office-hours hub responds only to crises on weekdays between its opening hours") {
  Parameters p = testing::short_reference(2);
  for (auto& hub : p.hubs) hub.hours = HubHours::Office;
  caresim::engine::MemoryRecorder<CrisisRecord> crises;
  CareModel model(p, 11, 0);
  model.attach(&crises);
  model.run();
  int answered = 0, unanswered_in_hours = 0;
  for (const CrisisRecord& c : crises.records()) {
    const int weekday = weekday_of_model_day(p.run.start, c.time);
    const double hour = (c.time - std::floor(c.time)) * 24.0;
    const bool open = weekday < 5 && hour >= p.response.office_open_hour && hour < p.response.office_close_hour;
    if (c.hub >= 0) {
      ++answered;
      CHECK(open);
    } else if (open) {
      ++unanswered_in_hours;
    }
  }
  CHECK(answered > 50);  // the check above saw real responses
}
