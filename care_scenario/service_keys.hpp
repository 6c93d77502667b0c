#pragma once
// A service's own scenario keys (models/service.hpp), declared once with the field of the
// service's own struct they fill, as bind_field (care_scenario/binding.hpp) binds the
// model's. A service has two kinds of key:
//
//   services.<service>.<key>                          one value, a field of its struct
//   municipalities.<municipality>.<service>.<key>     one value per municipality, an
//                                                     element of a list field, by index
//
//   const ServiceKeys<DayCareParams> keys = ServiceKeys<DayCareParams>("day_care", "...")
//       .key(Param::real("crisis_factor")...assumption_range(0.3, 0.9), &DayCareParams::crisis_factor)
//       .per_municipality(Param::real("places")...phased(), &DayCareParams::places);
//
// care_schema_with(keys) is the care table with those rows added; a scenario loaded against
// it has the service's keys checked like every built-in key (file:line:col, the key, what
// is valid, "did you mean"), and keys.fill(scenario) fills the struct. care_schema() itself
// is never changed: the CLI and the bundled scenarios still reject a service's keys.
#include <cstddef>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "care_scenario/binding.hpp"
#include "care_scenario/care_schema.hpp"
#include "scenario/scenario.hpp"
#include "scenario/schema.hpp"

namespace caresim::care_scenario {

/** A Reader of `s` (a scenario loaded against a schema extended by service keys) with
 *  the municipalities' indices registered as to_parameters() registers them: a reference
 *  to a municipality reads as its index in model::Parameters::municipalities. */
Reader service_reader(const scenario::Scenario& s);

namespace detail {

/** Checks that a service row says what it is: a description and a source; for a number,
 *  a unit and a range; for a number whose source is an assumption, an assumed range.
 *  `where` names the row in the message. Throws scenario::SchemaError otherwise. */
void check_service_row(const scenario::Param& param, const std::string& where);

/** Adds the section services.`service` to `schema` with `section` (rows named by their key
 *  in the section) and, in each municipality, the section `service` with `per_member`.
 *  Throws scenario::SchemaError when either section is already in the table. */
void add_service_rows(scenario::Schema& schema, const std::string& service, const std::string& description,
                      const std::vector<scenario::Param>& section, const std::vector<scenario::Param>& per_member);

}  // namespace detail

/** The scenario keys of one service, each bound to a field of its struct `Params` (a
 *  default-constructible struct of the service's parameters). Build once, with key() and
 *  per_municipality(); add its rows with add_to() or care_schema_with(); fill `Params`
 *  from a loaded scenario with fill(). */
template <class Params>
class ServiceKeys {
 public:
  /** The keys of service `name` (a key name: a-z, 0-9, '_'), described in listings by
   *  `description`. */
  ServiceKeys(std::string name, std::string description)
      : name_(std::move(name)), description_(std::move(description)) {}

  /** The service's name: the key of its section under services and in each municipality. */
  const std::string& name() const { return name_; }

  /** Declares services.<name>.<param> bound to `member`. Fields read as bind_field reads
   *  them: a real, integer, boolean, string, phased real (model::Phased), reference to a
   *  municipality (int index), list. Throws scenario::SchemaError when the row lacks a
   *  description, source, unit, range or assumed range (detail::check_service_row). */
  template <class Field>
  ServiceKeys& key(scenario::Param param, Field Params::*member) {
    check(param, "services." + name_ + "." + param.name(), detail::array_size<Field>());
    section_fills_.push_back({param.name(), [row = param, member](const Reader& r, const std::string& path, Params& p) {
                                detail::read_into(r, row, path, p.*member);
                              }});
    section_.push_back(std::move(param));
    return *this;
  }

  /** Declares municipalities.<municipality>.<name>.<param>, one value per municipality,
   *  bound to element m of the list `member` for the municipality of index m (the list
   *  gets one element per municipality, the outside_region entry included). Checked as
   *  key(). */
  template <class Field>
  ServiceKeys& per_municipality(scenario::Param param, std::vector<Field> Params::*member) {
    check(param, "municipalities.<municipality>." + name_ + "." + param.name(), detail::array_size<Field>());
    member_fills_.push_back(
        {name_ + "." + param.name(),
         [row = param, member](const Reader& r, const std::string& path, std::size_t m, std::size_t count, Params& p) {
           std::vector<Field>& list = p.*member;
           list.resize(count);
           detail::read_into(r, row, path, list[m]);
         }});
    per_member_.push_back(std::move(param));
    return *this;
  }

  /** Adds the rows to `schema` (a copy of care_schema(), or one already extended by other
   *  services). Throws scenario::SchemaError when the service's sections are already there. */
  void add_to(scenario::Schema& schema) const {
    detail::add_service_rows(schema, name_, description_, section_, per_member_);
  }

  /** The service's parameters in `s`, a scenario loaded against a schema holding these
   *  rows: every bound field set from its key (its default when the file leaves it out);
   *  fields no key binds keep their value in Params{}. Throws scenario::AccessError when
   *  `s` was loaded without these rows (a programming error). */
  Params fill(const scenario::Scenario& s) const {
    const Reader r = service_reader(s);
    Params p{};
    for (const auto& b : section_fills_) b.fill(r, "services." + name_ + "." + b.key, p);
    const std::vector<std::string>& towns = s.members("municipalities");
    for (std::size_t m = 0; m < towns.size(); ++m)
      for (const auto& b : member_fills_) b.fill(r, "municipalities." + towns[m] + "." + b.key, m, towns.size(), p);
    return p;
  }

 private:
  /** A key of each municipality: its path inside the member and how it fills element m of
   *  a list of `count`. */
  struct MemberFill {
    std::string key;
    std::function<void(const Reader&, const std::string& path, std::size_t m, std::size_t count, Params&)> fill;
  };

  static void check(const scenario::Param& param, const std::string& where, std::size_t array_size) {
    detail::check_service_row(param, where);
    detail::check_fits(param, array_size);
  }

  std::string name_;
  std::string description_;
  std::vector<scenario::Param> section_;     ///< rows of services.<name>
  std::vector<scenario::Param> per_member_;  ///< rows of municipalities.<municipality>.<name>
  std::vector<Binding<Params>> section_fills_;
  std::vector<MemberFill> member_fills_;
};

/** care_schema() with the rows of every service of `keys` added, in order: the table to
 *  load a scenario against when the run has those services. */
template <class... Keys>
scenario::Schema care_schema_with(const Keys&... keys) {
  scenario::Schema schema = care_schema();
  (keys.add_to(schema), ...);
  return schema;
}

}  // namespace caresim::care_scenario
