#pragma once
// Schema rows bound to the model fields they fill: the declaration is the storage. Each
// row of the parameter table is declared once, with the field of model::Parameters (or of
// an element of one of its lists) that receives its value:
//
//   bind_field(t, s, Param::real("crisis.rate_home")...phased(), &model::CrisisParams::rate_home);
//   bind_field(t, hubs, Param::real("coordinators")...phased(), &model::Hub::coordinators);
//
// to_parameters() then fills every field by one loop over the bindings; only the
// structural parts (the lists themselves) and the checks across keys are written there.
// (Not named bind: for a field of a std:: type, argument-dependent lookup would also find
// std::bind, which silently wins for some fields and declares nothing.)
#include <array>
#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "models/parameters.hpp"
#include "scenario/scenario.hpp"
#include "scenario/schema.hpp"

namespace caresim::care_scenario {

/** Reads scenario values as the model wants them: dates relative to simulation.start,
 *  phased values as step functions of the model day, references as list indices. */
class Reader {
 public:
  /** A reader of `s`, a scenario loaded against care_schema(). */
  explicit Reader(const scenario::Scenario& s);

  /** The model day of date `d` (days after simulation.start; negative before it). */
  double day_of(scenario::Date d) const;
  /** A phased real as a step function of the model day; steps at or before day 0 collapse
   *  into the value in force on the start date. */
  model::Phased phased(const std::string& path) const;
  /** The index of member `name` in the list built from collection `collection`
   *  (registered by index()). */
  int index_of(const std::string& collection, const std::string& name) const;
  /** Registers `name` as member number `i` of the list built from `collection`. */
  void index(const std::string& collection, const std::string& name, int i);
  /** The scenario read. */
  const scenario::Scenario& scenario() const { return s_; }
  /** simulation.start. */
  scenario::Date start() const { return start_; }

 private:
  const scenario::Scenario& s_;
  scenario::Date start_;
  std::map<std::string, std::map<std::string, int>> indices_;
};

/** Fills a field of `Target` from the value at a full dotted scenario path. */
template <class Target>
using Fill = std::function<void(const Reader&, const std::string& path, Target&)>;

/** One bound row: its key (the full dotted path for a key of a section; the key inside the
 *  member for a key of a collection) and how it fills its field. */
template <class Target>
struct Binding {
  std::string key;
  Fill<Target> fill;
};

/** Every binding of the table, by the struct the field belongs to. A key of a section
 *  fills model::Parameters; a key of a collection fills an element of one of its lists. */
struct Bindings {
  std::vector<Binding<model::Parameters>> scalars;         ///< keys of sections
  std::vector<Binding<model::Municipality>> municipality;  ///< municipalities.<municipality>
  std::vector<Binding<model::Housing>> housing;            ///< municipalities.<municipality> (housing)
  std::vector<Binding<model::TravelEdge>> road;            ///< roads.<road>
  std::vector<Binding<model::Hospital>> hospital;          ///< hospitals.<hospital>
  std::vector<Binding<model::Hub>> hub;                    ///< hubs.<hub>
  std::vector<Binding<model::HubSite>> site;               ///< hubs.<hub>.sites.<site>
  std::vector<Binding<model::StayBand>> band;              ///< population.initial_inpatients.<band>
  /** Rows no binding fills: (key, why). */
  std::vector<std::pair<std::string, std::string>> unbound;
  /** Number of rows bound or listed as unbound (one per row of the table). */
  std::size_t size() const {
    return scalars.size() + municipality.size() + housing.size() + road.size() + hospital.size() + hub.size() +
           site.size() + band.size() + unbound.size();
  }

  /** The list for fields of `Target`. */
  template <class Target>
  std::vector<Binding<Target>>& of() {
    if constexpr (std::is_same_v<Target, model::Municipality>) return municipality;
    if constexpr (std::is_same_v<Target, model::Housing>) return housing;
    if constexpr (std::is_same_v<Target, model::TravelEdge>) return road;
    if constexpr (std::is_same_v<Target, model::Hospital>) return hospital;
    if constexpr (std::is_same_v<Target, model::Hub>) return hub;
    if constexpr (std::is_same_v<Target, model::HubSite>) return site;
    if constexpr (std::is_same_v<Target, model::StayBand>) return band;
  }
};

/** The parameter table and where each row's value goes, built together (declare_*). */
struct Table {
  scenario::Schema& schema;
  Bindings& bindings;
};

/** Declares a row that no binding fills, with `why`: read by to_parameters() itself (the
 *  run window, two lists that make one field) or by other commands (scenario names). */
void unbound(Table& t, scenario::Group& group, const scenario::Param& param, std::string why);

// The part of model::Parameters holding the fields of one section struct.
inline model::PopulationParams& part(model::Parameters& p, std::type_identity<model::PopulationParams>) {
  return p.population;
}
inline model::CrisisParams& part(model::Parameters& p, std::type_identity<model::CrisisParams>) {
  return p.crisis;
}
inline model::ResponseParams& part(model::Parameters& p, std::type_identity<model::ResponseParams>) {
  return p.response;
}
inline model::CoordinationParams& part(model::Parameters& p, std::type_identity<model::CoordinationParams>) {
  return p.coordination;
}
inline model::HospitalParams& part(model::Parameters& p, std::type_identity<model::HospitalParams>) {
  return p.hospital;
}
inline model::SupportParams& part(model::Parameters& p, std::type_identity<model::SupportParams>) {
  return p.support;
}
inline model::TransitionParams& part(model::Parameters& p, std::type_identity<model::TransitionParams>) {
  return p.transition;
}
inline model::CommunityParams& part(model::Parameters& p, std::type_identity<model::CommunityParams>) {
  return p.community;
}
inline model::CostParams& part(model::Parameters& p, std::type_identity<model::CostParams>) {
  return p.cost;
}

/** True when `Owner` is a section struct of model::Parameters (part() reaches it). */
template <class Owner>
concept SectionStruct = requires(model::Parameters& p) {
  part(p, std::type_identity<Owner>{});
};

namespace detail {

/** The value of row `param` at `path` converted to the field's type. A probability map
 *  fills an array in the order of the row's keys; a real list fills an array up to its
 *  length (to_parameters() checks lengths that must match). */
template <class Field>
void read_into(const Reader& r, const scenario::Param& param, const std::string& path, Field& out) {
  const scenario::Scenario& s = r.scenario();
  if constexpr (std::is_same_v<Field, model::Phased>) {
    out = r.phased(path);
  } else if constexpr (std::is_same_v<Field, double>) {
    out = param.type() == scenario::Type::Integer ? static_cast<double>(s.get_int(path)) : s.get_real(path);
  } else if constexpr (std::is_same_v<Field, bool>) {
    out = s.get_bool(path);
  } else if constexpr (std::is_same_v<Field, std::string>) {
    out = s.get_string(path);
  } else if constexpr (std::is_same_v<Field, int>) {
    out = r.index_of(param.target(), s.get_string(path));
  } else if constexpr (std::is_same_v<Field, std::vector<int>>) {
    out.clear();
    for (const auto& name : s.get_names(path)) out.push_back(r.index_of(param.target(), name));
  } else if constexpr (std::is_same_v<Field, std::vector<double>>) {
    out = s.get_reals(path);
  } else {
    static_assert(std::is_same_v<Field, std::array<double, std::tuple_size_v<Field>>>, "no reader for this field");
    out = {};
    if (param.type() == scenario::Type::ProbabilityMap) {
      for (const auto& [key, share] : s.get_shares(path))
        for (std::size_t i = 0; i < param.words().size() && i < out.size(); ++i)
          if (key == param.words()[i]) out[i] = share;
    } else {
      const auto& values = s.get_reals(path);
      for (std::size_t i = 0; i < out.size() && i < values.size(); ++i) out[i] = values[i];
    }
  }
}

/** Checks at declaration that an array field of `size` elements (0: not an array) can
 *  hold what `param` reads: a probability map with exactly that many keys, or a real list.
 *  Throws scenario::SchemaError otherwise (a programming error). */
void check_fits(const scenario::Param& param, std::size_t size);

/** Checks at declaration that `words` are exactly the words of enumeration `param`. */
void check_words(const scenario::Param& param, const std::vector<std::string>& words);

/** Adds a copy of `param` to `group` (the root Schema with a dotted name for a key of a
 *  section, or a collection) and returns the binding key: the dotted name for a section
 *  key, the key inside the member for a collection. */
std::string add(scenario::Group& group, const scenario::Param& param);

template <class Field>
constexpr std::size_t array_size() {
  if constexpr (requires { std::tuple_size<Field>::value; }) return std::tuple_size_v<Field>;
  return 0;
}

}  // namespace detail

/** Declares `param` in `group` (a section, the root or a collection) and binds it to the
 *  field `access(target)` of `Target`: model::Parameters (or one of its section structs)
 *  for a section, the element struct for a collection. */
template <class Target, class Access>
void bind_to(Table& t, scenario::Group& group, scenario::Param param, Access access) {
  using Field = std::remove_reference_t<std::invoke_result_t<Access, Target&>>;
  detail::check_fits(param, detail::array_size<Field>());
  const std::string key = detail::add(group, param);
  Fill<Target> fill = [row = std::move(param), access](const Reader& r, const std::string& path, Target& target) {
    detail::read_into(r, row, path, access(target));
  };
  if constexpr (std::is_same_v<Target, model::Parameters>) {
    t.bindings.scalars.push_back({key, fill});
  } else {
    t.bindings.of<Target>().push_back({key, fill});
  }
}

/** Declares `param` in `group` and binds it to `member` of a section struct (through
 *  part()) or of a collection's element struct. */
template <class Owner, class Field>
void bind_field(Table& t, scenario::Group& group, scenario::Param param, Field Owner::*member) {
  if constexpr (SectionStruct<Owner>) {
    bind_to<model::Parameters>(t, group, std::move(param), [member](model::Parameters& p) -> Field& {
      return part(p, std::type_identity<Owner>{}).*member;
    });
  } else {
    bind_to<Owner>(t, group, std::move(param), [member](Owner& o) -> Field& { return o.*member; });
  }
}

/** Declares an enumeration row bound to an enum `member`, with the enum value of every
 *  word of the row (checked complete at declaration). */
template <class Owner, class Enum>
void bind_field(Table& t, scenario::Group& group, scenario::Param param, Enum Owner::*member,
                std::vector<std::pair<std::string, Enum>> values) {
  std::vector<std::string> words;
  for (const auto& v : values) words.push_back(v.first);
  detail::check_words(param, words);
  const auto set = [values](const Reader& r, const std::string& path, Enum& out) {
    const std::string& word = r.scenario().get_string(path);
    for (const auto& [w, value] : values)
      if (w == word) out = value;
  };
  if constexpr (SectionStruct<Owner>) {
    const std::string key = detail::add(group, param);
    t.bindings.scalars.push_back({key, [set, member](const Reader& r, const std::string& path, model::Parameters& p) {
                                    set(r, path, part(p, std::type_identity<Owner>{}).*member);
                                  }});
  } else {
    const std::string key = detail::add(group, param);
    t.bindings.of<Owner>().push_back(
        {key, [set, member](const Reader& r, const std::string& path, Owner& o) { set(r, path, o.*member); }});
  }
}

/** Declares `param` in `group` with a hand-written fill (a value that needs more than a
 *  conversion: an optional date that becomes a model day). */
template <class Target>
void bind_with(Table& t, scenario::Group& group, scenario::Param param, Fill<Target> fill) {
  const std::string key = detail::add(group, param);
  if constexpr (std::is_same_v<Target, model::Parameters>) {
    t.bindings.scalars.push_back({key, std::move(fill)});
  } else {
    t.bindings.of<Target>().push_back({key, std::move(fill)});
  }
}

/** Fills `target` from every binding of `bindings` under `base` ("hubs.north."). */
template <class Target>
void fill_all(const std::vector<Binding<Target>>& bindings, const Reader& r, const std::string& base, Target& target) {
  for (const auto& b : bindings) b.fill(r, base + b.key, target);
}

/** The table's bindings (built with care_schema(), once). */
const Bindings& care_bindings();

}  // namespace caresim::care_scenario
