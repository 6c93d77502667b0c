#pragma once
// A dictionary of made-up indicators for the tests of the table's JSON and of summaries:
// names at the edges of what a writer must handle, in the order those tests add them.
#include <string>
#include <utility>
#include <vector>

#include "models/indicator_dictionary.hpp"

namespace caresim::testing {

/** Scalars share … unbounded, caf\xe9 and ok; the open map outcomes; the arrays curve and
 *  empty_curve; every unit "test unit". */
inline const model::IndicatorDictionary& format_test_dictionary() {
  static const model::IndicatorDictionary dictionary = [] {
    std::vector<model::IndicatorRow> rows;
    const auto row = [&](std::string name, model::IndicatorShape shape) {
      model::IndicatorRow r;
      r.name = std::move(name);
      r.shape = shape;
      r.unit = "test unit";
      rows.push_back(std::move(r));
    };
    for (const char* name : {"share", "third", "whole", "negative_zero", "smallest", "largest", "undefined",
                             "unbounded", "caf\xe9", "ok"}) {
      row(name, model::IndicatorShape::Scalar);
    }
    row("outcomes", model::IndicatorShape::Map);
    row("curve", model::IndicatorShape::Array);
    row("empty_curve", model::IndicatorShape::Array);
    return model::IndicatorDictionary(std::move(rows));
  }();
  return dictionary;
}

}  // namespace caresim::testing
