#pragma once
// Walker's alias method with Vose's construction (Vose, IEEE TSE 17(9), 1991): O(n) set-up,
// O(1) sampling with one draw, for categorical choices such as a referral destination.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/rng/random_stream.hpp"

namespace caresim::engine {

/** A categorical distribution over {0, ..., size()-1} with probabilities proportional to
 *  given weights. Construction is deterministic (fixed work-list order, no hashing), so the
 *  same weights give the same table, and so the same draws, on every platform. */
class AliasTable {
 public:
  /** Builds the table. `weights` need not sum to 1; each must be finite and >= 0, at least
   *  one must be > 0 and there must be fewer than 2^32 of them. Throws UsageError otherwise. */
  explicit AliasTable(std::vector<double> weights);

  /** A category index drawn with probability probability(i). Uses exactly one draw. */
  std::size_t sample(RandomStream& stream) const {
    const double x = stream.uniform01() * static_cast<double>(columns_.size());
    std::size_t i = static_cast<std::size_t>(x);
    // (1 - 2^-54) * n can round up to n for large n; the last column takes that sliver.
    if (i >= columns_.size()) i = columns_.size() - 1;
    const Column& c = columns_[i];
    // The fractional part of x is uniform on [0, 1) given the column, so one draw
    // chooses both the column and the side of its split.
    return x - static_cast<double>(i) < c.keep ? i : c.alias;
  }

  /** Number of categories (the number of weights given). */
  std::size_t size() const { return columns_.size(); }

  /** The normalised probability of category i: weight i / sum of weights. Precondition:
   *  i < size(). */
  double probability(std::size_t i) const { return probability_.at(i); }

 private:
  struct Column {
    double keep;          // probability of returning this column's own index
    std::uint32_t alias;  // the index returned otherwise
  };
  std::vector<Column> columns_;
  std::vector<double> probability_;
};

}  // namespace caresim::engine
