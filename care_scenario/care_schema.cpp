#include "care_scenario/care_schema.hpp"

namespace caresim::care_scenario {

const scenario::Schema& care_schema() {
  static const scenario::Schema schema = [] {
    scenario::Schema s("caresim scenario parameters");
    s.start_date("simulation.start");
    declare_run(s);
    declare_region(s);
    declare_people(s);
    declare_care(s);
    return s;
  }();
  return schema;
}

}  // namespace caresim::care_scenario
