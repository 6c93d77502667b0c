#pragma once
// The parameter table: a tree of groups holding parameters. A section is a fixed map of
// keys (`simulation: {...}`); a collection is a map of user-named members that all have
// the same keys (`hubs: {north: {...}, south: {...}}`). One Schema drives parsing,
// validation, the --help listing, the Markdown reference and the JSON Schema.
#include <cstddef>
#include <functional>
#include <list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "scenario/param.hpp"

namespace caresim::scenario {

/** Raised when the parameter table itself is malformed (a programming error, not bad
 *  input): the message lists every problem found by Schema::problems(). */
class SchemaError : public std::logic_error {
 public:
  explicit SchemaError(const std::string& what) : std::logic_error(what) {}
};

/** A map of keys in the table: the root, a section or a collection's member layout. */
class Group {
 public:
  /** What kind of map this group describes. */
  enum class Kind { Root, Section, Collection };

  /** One entry of the group in declaration order: exactly one pointer is set. */
  struct Item {
    const Param* param = nullptr;
    const Group* group = nullptr;
    /** The key of the entry. */
    const std::string& name() const { return param ? param->name() : group->name(); }
  };

  /** A group of the given kind; `member_label` names one member of a collection
   *  ("hub" for "hubs") in messages and listings. */
  Group(Kind kind, std::string name, std::string member_label = {});

  /** Adds a parameter. A dotted name ("simulation.start") places it in that section,
   *  creating the section if needed. Returns this group, for chaining. */
  Group& add(Param param);

  /** The section `name`, created empty if it does not exist yet. */
  Group& section(std::string name);

  /** A new collection `name` whose members are called `member_label` in messages. An
   *  absent collection has no members; see min_members(). */
  Group& collection(std::string name, std::string member_label);

  /** Description shown in listings. */
  Group& describe(std::string description);

  /** Smallest number of members a collection must have (default 0: the whole section is
   *  optional). */
  Group& min_members(std::size_t count);

  /** Root, section or collection. */
  Kind kind() const { return kind_; }
  /** The key of the group in its parent (empty for the root). */
  const std::string& name() const { return name_; }
  /** What one member of a collection is called ("hub"); empty for other groups. */
  const std::string& member_label() const { return member_label_; }
  /** Description shown in listings, possibly empty. */
  const std::string& description() const { return description_; }
  /** Fewest members a collection must have. */
  std::size_t min_member_count() const { return min_members_; }

  /** Parameters and subgroups in declaration order. */
  std::vector<Item> items() const;
  /** The keys valid in this map, in declaration order. */
  std::vector<std::string> keys() const;
  /** The item with key `key`, or an Item with both pointers null. */
  Item find(std::string_view key) const;

 private:
  Kind kind_;
  std::string name_;
  std::string member_label_;
  std::string description_;
  std::size_t min_members_ = 0;
  std::vector<Param> params_;
  std::list<Group> groups_;                          // a list keeps references from section()/collection() valid
  std::vector<std::pair<bool, std::size_t>> order_;  // (is group, index in params_ or groups_)
};

/** A parameter with its place in the table, as visited by for_each_param(). */
struct ParamSite {
  const Param& param;
  /** Documentation path: "hubs.<hub>.crisis_beds" (collection members as <label>). */
  std::string doc_path;
  /** The group holding the parameter. */
  const Group& group;
};

/** The whole parameter table (the root group) plus table-wide settings. */
class Schema : public Group {
 public:
  /** An empty table titled `title` (the heading of the generated reference). */
  explicit Schema(std::string title = "Scenario parameters");

  /** Names the date parameter holding the scenario start: the first step of every phased
   *  value must then be at or before it. */
  Schema& start_date(std::string path);

  /** Heading of the generated reference. */
  const std::string& title() const { return title_; }
  /** Path of the start-date parameter, or empty. */
  const std::string& start_date_path() const { return start_date_; }

  /** Everything wrong with the table: bad or repeated names, defaulted parameters without
   *  a source, defaults of the wrong type or out of range, empty enumerations, references
   *  to something that is not a top-level collection, phased types that cannot be. Empty
   *  when the table is usable; the loader throws SchemaError otherwise. */
  std::vector<std::string> problems() const;

  /** The collection group at dotted path `path` through sections ("municipalities"),
   *  or nullptr. Collections inside collections are not found. */
  const Group* find_collection(std::string_view path) const;
  /** As find_collection() const, to add keys to a collection of a table being extended
   *  (care_scenario/service_keys.hpp adds a service's keys to each municipality). */
  Group* find_collection(std::string_view path);

  /** The parameter at dotted path `path` through sections only, or nullptr. */
  const Param* find_fixed_param(std::string_view path) const;

 private:
  std::string title_;
  std::string start_date_;
};

/** Visits every parameter depth-first in declaration order. */
void for_each_param(const Group& group, const std::function<void(const ParamSite&)>& visit);

/** Visits every group below `group` (not `group` itself) with its documentation path. */
void for_each_group(const Group& group, const std::function<void(const Group&, const std::string&)>& visit);

}  // namespace caresim::scenario
