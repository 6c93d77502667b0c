#pragma once
// The result of one run: named indicators (docs/indicators.md), in the order of the
// indicator dictionary, with a JSON and a readable text form.
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <utility>
#include <vector>

#include "models/indicator_dictionary.hpp"

namespace caresim::model {

/** Version of the model's behaviour and indicator definitions; bumped whenever either
 *  changes, and stored with every result. */
inline constexpr int model_version = 8;

/** One indicator value: a scalar, a named map of scalars, or an array of scalars. */
struct IndicatorValue {
  /** Which of the three shapes this value has. */
  using Shape = IndicatorShape;
  Shape shape = Shape::Scalar;
  double scalar = 0;
  std::vector<std::pair<std::string, double>> map;
  std::vector<double> array;
};

struct MunicipalityIndicators;

/** An ordered list of (name, value), plus the same indicators per municipality. The
 *  names, shapes and order come from an IndicatorDictionary (the model's unless told
 *  otherwise): add() accepts only declared names and keeps the entries in the dictionary's
 *  order, whatever the order of the calls. A table read from a results file holds the
 *  file's entries as they are (an older file may hold names no longer declared). */
struct IndicatorTable {
  /** An empty table of the model's indicators (indicator_dictionary()). */
  IndicatorTable();
  /** An empty table of the indicators of `dictionary`, which must outlive the table. */
  explicit IndicatorTable(const IndicatorDictionary& dictionary);

  int version = model_version;
  std::vector<std::pair<std::string, IndicatorValue>> entries;
  std::vector<MunicipalityIndicators> by_municipality;

  /** Adds a scalar at its place in dictionary order. Throws std::invalid_argument when
   *  `name` is not declared, is declared with another shape, or is already in the table. */
  void add(std::string name, double value);
  /** Adds a named map, as add(name, value). Throws std::invalid_argument also when the
   *  dictionary declares the map's keys and `map` has other keys or another order. */
  void add(std::string name, std::vector<std::pair<std::string, double>> map);
  /** Adds an array, as add(name, value). Throws std::invalid_argument also when the
   *  dictionary labels the elements and `array` has another length. */
  void add(std::string name, std::vector<double> array);

  /** The dictionary that declares this table's indicators. */
  const IndicatorDictionary& dictionary() const { return *dictionary_; }

  /** The entry called `name`, or nullptr. */
  const IndicatorValue* find(const std::string& name) const;
  /** The scalar called `name`; throws std::out_of_range if absent or not a scalar. */
  double scalar(const std::string& name) const;
  /** Entry `key` of the map called `name`; throws std::out_of_range if absent. */
  double map_value(const std::string& name, const std::string& key) const;

  /** The JSON document {"model_version": 1, "indicators": {...}, "by_municipality":
   *  {"id": {...}}}, members in table order, as a value to embed in a larger document.
   *  Not-a-number and infinite values become null. Throws std::logic_error when two
   *  entries, two keys of one map or two municipalities share a name (a JSON object cannot
   *  hold both). */
  nlohmann::ordered_json to_json_value() const;
  /** to_json_value() as text, indented by two spaces, ending in a newline. Numbers read
   *  back as exactly the same doubles; bytes of names that are not valid UTF-8 are
   *  written as U+FFFD, so the text is always valid JSON. Throws as to_json_value(). */
  std::string to_json() const;
  /** Aligned text, one indicator a line, for a terminal or a log. */
  std::string to_text() const;

 private:
  /** Checks `v` against the declaration of `name` and inserts it in dictionary order. */
  void insert(std::string name, IndicatorValue v);

  const IndicatorDictionary* dictionary_ = &indicator_dictionary();
};

/** The indicators of one municipality. */
struct MunicipalityIndicators {
  std::string id;
  std::string name;
  IndicatorTable table;
};

}  // namespace caresim::model
