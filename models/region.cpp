#include "models/region.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace caresim::model {

TravelMatrix::TravelMatrix(int n, const std::vector<TravelEdge>& edges)
    : n_(static_cast<std::size_t>(n)), m_(n_ * n_, std::numeric_limits<double>::infinity()) {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                      boost::property<boost::edge_weight_t, double>>;
  Graph g(n_);
  for (const TravelEdge& e : edges) {
    if (e.a < 0 || e.b < 0 || e.a >= n || e.b >= n) {
      throw std::invalid_argument("travel edge " + std::to_string(e.a) + "-" + std::to_string(e.b) +
                                  ": municipality index out of range 0.." + std::to_string(n - 1));
    }
    if (!std::isfinite(e.minutes) || e.minutes < 0) {
      throw std::invalid_argument("travel edge " + std::to_string(e.a) + "-" + std::to_string(e.b) +
                                  ": minutes must be finite and >= 0");
    }
    boost::add_edge(static_cast<std::size_t>(e.a), static_cast<std::size_t>(e.b), e.minutes, g);
  }
  std::vector<double> dist(n_);
  for (std::size_t s = 0; s < n_; ++s) {
    boost::dijkstra_shortest_paths(g, s, boost::distance_map(dist.data()));
    for (std::size_t t = 0; t < n_; ++t) {
      // Boost marks unreachable vertices with the largest double; keep that as infinity.
      m_[s * n_ + t] =
          dist[t] >= std::numeric_limits<double>::max() ? std::numeric_limits<double>::infinity() : dist[t];
    }
  }
}

}  // namespace caresim::model
