#include "care_scenario/care_schema.hpp"

namespace caresim::care_scenario {

namespace {

struct CareTable {
  scenario::Schema schema{"caresim scenario parameters"};
  Bindings bindings;
};

const CareTable& care_table() {
  static const CareTable table = [] {
    CareTable t;
    t.schema.start_date("simulation.start");
    Table parts{t.schema, t.bindings};
    declare_run(parts);
    declare_region(parts);
    declare_people(parts);
    declare_care(parts);
    declare_payers(parts);
    return t;
  }();
  return table;
}

}  // namespace

const scenario::Schema& care_schema() {
  return care_table().schema;
}

const Bindings& care_bindings() {
  return care_table().bindings;
}

}  // namespace caresim::care_scenario
