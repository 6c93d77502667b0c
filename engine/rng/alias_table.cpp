#include "engine/rng/alias_table.hpp"

#include <cmath>
#include <string>

#include "engine/core/error.hpp"
#include "engine/rng/number_text.hpp"

namespace caresim::engine {

AliasTable::AliasTable(std::vector<double> weights) {
  const std::size_t n = weights.size();
  if (n == 0) throw UsageError("AliasTable: weights is empty; give at least one weight > 0");
  if (n > UINT32_MAX) {
    throw UsageError("AliasTable: " + std::to_string(n) + " weights given; at most 4294967295 are supported");
  }
  double sum = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (!(weights[i] >= 0) || !std::isfinite(weights[i])) {
      throw UsageError("AliasTable: weight[" + std::to_string(i) + "] = " + detail::number_text(weights[i]) +
                       " is invalid; weights must be finite and >= 0");
    }
    sum += weights[i];
  }
  if (!(sum > 0)) {
    throw UsageError("AliasTable: all " + std::to_string(n) + " weights are zero; at least one must be > 0");
  }
  if (!std::isfinite(sum)) {
    throw UsageError("AliasTable: weights sum to inf; scale them down so their sum is finite");
  }

  probability_.resize(n);
  std::vector<double> scaled(n);
  // Work lists filled in index order and used as stacks: the pairing, and so the table,
  // is a pure function of the weights.
  std::vector<std::uint32_t> small, large;
  for (std::size_t i = 0; i < n; ++i) {
    probability_[i] = weights[i] / sum;
    scaled[i] = probability_[i] * static_cast<double>(n);
    (scaled[i] < 1 ? small : large).push_back(static_cast<std::uint32_t>(i));
  }
  columns_.assign(n, Column{1.0, 0});
  for (std::size_t i = 0; i < n; ++i) columns_[i].alias = static_cast<std::uint32_t>(i);
  while (!small.empty() && !large.empty()) {
    const std::uint32_t s = small.back();
    small.pop_back();
    const std::uint32_t l = large.back();
    large.pop_back();
    columns_[s] = Column{scaled[s], l};
    // Vose's form (l + s) - 1 rather than l - (1 - s): it loses less to rounding.
    scaled[l] = (scaled[l] + scaled[s]) - 1.0;
    (scaled[l] < 1 ? small : large).push_back(l);
  }
  // Whatever is left is 1 up to rounding; those columns keep their own index (set above).
}

}  // namespace caresim::engine
