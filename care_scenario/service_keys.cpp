#include "care_scenario/service_keys.hpp"

namespace caresim::care_scenario {

using scenario::Param;
using scenario::SchemaError;
using scenario::Type;

Reader service_reader(const scenario::Scenario& s) {
  Reader r(s);
  const std::vector<std::string>& towns = s.members("municipalities");
  for (std::size_t i = 0; i < towns.size(); ++i) r.index("municipalities", towns[i], static_cast<int>(i));
  return r;
}

namespace detail {

void check_service_row(const Param& param, const std::string& where) {
  std::vector<std::string> missing;
  if (param.description().empty()) missing.emplace_back("a description (describe)");
  if (param.source_text().empty()) missing.emplace_back("a source (source: a citation, or \"assumption\")");
  const bool number = param.type() == Type::Integer || param.type() == Type::Real || param.type() == Type::RealList;
  if (number && param.unit_text().empty()) missing.emplace_back("a unit (unit)");
  if (number && !param.min() && !param.max()) missing.emplace_back("a range (range, at_least or greater_than)");
  if (number && param.is_assumption() && !param.assumed_range())
    missing.emplace_back("an assumed range for a number resting on an assumption (assumption_range)");
  if (missing.empty()) return;
  std::string text = where + ": a service's row needs ";
  for (std::size_t i = 0; i < missing.size(); ++i)
    text += (i == 0 ? "" : i + 1 == missing.size() ? " and " : ", ") + missing[i];
  throw SchemaError(text);
}

void add_service_rows(scenario::Schema& schema, const std::string& service, const std::string& description,
                      const std::vector<Param>& section, const std::vector<Param>& per_member) {
  const scenario::Group::Item services = schema.find("services");
  if (services.param || (services.group && services.group->find(service).group))
    throw SchemaError("services." + service + ": the table already has this key; each service needs its own name");
  scenario::Group* towns = schema.find_collection("municipalities");
  if (towns == nullptr) throw SchemaError("services." + service + ": the table has no municipalities collection");
  const scenario::Group::Item taken = towns->find(service);
  if (!per_member.empty() && (taken.param || taken.group))
    throw SchemaError("municipalities.<municipality>." + service +
                      ": the table already has this key; each service needs its own name");
  scenario::Group& own = schema.section("services")
                             .describe("Services added to the model, one section each")
                             .section(service)
                             .describe(description);
  for (const Param& p : section) own.add(p);
  if (per_member.empty()) return;
  scenario::Group& local = towns->section(service).describe(description + ", per municipality");
  for (const Param& p : per_member) local.add(p);
}

}  // namespace detail
}  // namespace caresim::care_scenario
