#pragma once
// The result of one run: named indicators (docs/indicators.md), in a fixed order, with a
// JSON and a readable text form.
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <utility>
#include <vector>

namespace caresim::model {

/** Version of the model's behaviour and indicator definitions; bumped whenever either
 *  changes, and stored with every result. */
inline constexpr int model_version = 3;

/** One indicator value: a scalar, a named map of scalars, or an array of scalars. */
struct IndicatorValue {
  /** Which of the three shapes this value has. */
  enum class Shape { Scalar, Map, Array };
  Shape shape = Shape::Scalar;
  double scalar = 0;
  std::vector<std::pair<std::string, double>> map;
  std::vector<double> array;
};

struct MunicipalityIndicators;

/** An ordered list of (name, value), plus the same indicators per municipality. */
struct IndicatorTable {
  int version = model_version;
  std::vector<std::pair<std::string, IndicatorValue>> entries;
  std::vector<MunicipalityIndicators> by_municipality;

  /** Appends a scalar. */
  void add(std::string name, double value);
  /** Appends a named map. */
  void add(std::string name, std::vector<std::pair<std::string, double>> map);
  /** Appends an array. */
  void add(std::string name, std::vector<double> array);

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
};

/** The indicators of one municipality. */
struct MunicipalityIndicators {
  std::string id;
  std::string name;
  IndicatorTable table;
};

}  // namespace caresim::model
