#pragma once
// The region's geography: travel minutes between municipalities, and the facilities
// ordered by distance from each municipality.
#include <algorithm>
#include <vector>

#include "models/parameters.hpp"

namespace caresim::model {

/** Shortest travel times between every pair of municipalities (minutes), from the
 *  undirected travel network by Dijkstra from every municipality (Boost.Graph; n is small).
 *  Unconnected pairs are +infinity. */
class TravelMatrix {
 public:
  /** Builds the matrix for `n` municipalities. Throws std::invalid_argument for an edge
   *  with an index out of range or a negative or non-finite time. */
  TravelMatrix(int n, const std::vector<TravelEdge>& edges);

  /** Minutes from municipality a to b. */
  double minutes(int a, int b) const { return m_[static_cast<std::size_t>(a) * n_ + b]; }

  /** Number of municipalities. */
  int size() const { return static_cast<int>(n_); }

 private:
  std::size_t n_;
  std::vector<double> m_;
};

/** Indices of `facilities` (each located in the municipality given by `where(i)`), sorted
 *  by travel minutes from `from`, nearest first, ties by index: the order in which hospitals
 *  and hub sites are tried. */
template <class Where>
std::vector<int> nearest_first(const TravelMatrix& travel, int from, int count, Where where) {
  std::vector<int> order(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) order[static_cast<std::size_t>(i)] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](int x, int y) { return travel.minutes(from, where(x)) < travel.minutes(from, where(y)); });
  return order;
}

}  // namespace caresim::model
