#pragma once
// The result of one run: named indicators (docs/indicators.md), in a fixed order, with a
// JSON and a readable text form.
#include <string>
#include <utility>
#include <vector>

namespace caresim::model {

/** Version of the model's behaviour and indicator definitions; bumped whenever either
 *  changes, and stored with every result. */
inline constexpr int model_version = 1;

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

  /** JSON: {"model_version": 1, "indicators": {...}, "by_municipality": {"id": {...}}}.
   *  Numbers are printed with 17 significant digits (round-trip); NaN becomes null. */
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
