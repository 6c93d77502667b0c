#pragma once
// A tiny deterministic generator for engine tests that must not depend on engine/rng
// (they test the structures random streams feed, or check against theory independently).
#include <cmath>
#include <cstdint>

namespace caresim::engine::testing {

/** SplitMix64 (Steele, Lea & Flood 2014). */
struct SplitMix {
  std::uint64_t s;
  std::uint64_t next() {
    std::uint64_t z = (s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  /** Uniform on [0, 1). */
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  /** Uniform on {0, ..., n - 1} (a negligible modulo bias for the small n of tests). */
  std::uint64_t below(std::uint64_t n) { return next() % n; }
  double exponential(double rate) { return -std::log1p(-uniform()) / rate; }
};

}  // namespace caresim::engine::testing
