// RandomStream and RandomSource: independence of keys, no shift between streams, resuming.
#include <doctest/doctest.h>

#include <cmath>
#include <concepts>
#include <cstdint>
#include <random>
#include <vector>

#include "engine/rng/distributions.hpp"
#include "engine/rng/random_stream.hpp"

using namespace caresim::engine;

// The concept only; no std:: distribution is used anywhere in caresim.
static_assert(std::uniform_random_bit_generator<RandomStream>);

namespace {
const StreamKey kBase{99, 1, purpose_id("arrival"), 7};

std::vector<double> uniforms(StreamKey key, std::size_t n) {
  RandomStream s(key);
  std::vector<double> u(n);
  for (double& x : u) x = s.uniform01();
  return u;
}

double pearson(const std::vector<double>& x, const std::vector<double>& y) {
  const double n = static_cast<double>(x.size());
  double mx = 0, my = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxy / std::sqrt(sxx * syy);
}
}  // namespace

TEST_CASE("a stream is small enough to keep one per entity") {
  CHECK(sizeof(RandomStream) <= 80);
}

TEST_CASE("streams with equal keys give equal sequences") {
  RandomStream a(kBase), b(kBase);
  for (int i = 0; i < 1000; ++i) REQUIRE(a() == b());
  const RandomSource source(99, 1);
  RandomStream c = source.stream(purpose_id("arrival"), 7);
  CHECK(c.key() == kBase);
  RandomStream d(kBase);
  for (int i = 0; i < 100; ++i) REQUIRE(c() == d());
}

TEST_CASE("changing any key field gives an uncorrelated sequence") {
  constexpr std::size_t n = 100000;
  const double bound = 4 / std::sqrt(static_cast<double>(n));
  const auto base = uniforms(kBase, n);
  std::vector<StreamKey> others(4, kBase);
  others[0].master_seed += 1;
  others[1].replication += 1;
  others[2].purpose = purpose_id("departure");
  others[3].entity += 1;
  for (const StreamKey& key : others) {
    const auto other = uniforms(key, n);
    int equal_prefix = 0;
    for (int i = 0; i < 8; ++i) equal_prefix += other[i] == base[i];
    CHECK(equal_prefix == 0);
    CHECK(std::abs(pearson(base, other)) < bound);
    // Also one draw apart, so a shifted copy of the same sequence would be caught.
    const std::vector<double> shifted(other.begin() + 1, other.end());
    const std::vector<double> trimmed(base.begin(), base.end() - 1);
    CHECK(std::abs(pearson(trimmed, shifted)) < bound);
  }
}

TEST_CASE("the k-th draw of a stream does not depend on what other streams drew") {
  const RandomSource source(2024, 0);
  const std::uint32_t a = purpose_id("length_of_stay");
  const std::uint32_t b = purpose_id("referral");
  constexpr int k = 25;
  std::vector<double> reference;
  {
    RandomStream s = source.stream(a, 7);
    for (int i = 0; i < k; ++i) reference.push_back(s.uniform01());
  }
  // A policy change elsewhere: neighbouring streams draw few or many numbers, through
  // distributions with rejection loops, interleaved with stream (a, 7).
  for (int other_draws : {0, 1, 3, 1000}) {
    RandomStream target = source.stream(a, 7);
    RandomStream neighbour_purpose = source.stream(b, 8);
    RandomStream neighbour_entity = source.stream(a, 6);
    const auto gamma = Distribution::gamma(0.7, 2);
    for (int i = 0; i < k; ++i) {
      for (int j = 0; j < other_draws; ++j) {
        gamma.sample(neighbour_purpose);
        neighbour_entity();
      }
      CHECK(target.uniform01() == reference[static_cast<std::size_t>(i)]);
    }
  }
}

TEST_CASE("a stream resumed at a stored draw index continues the exact sequence") {
  RandomStream original(kBase);
  for (int i = 0; i < 37; ++i) original();  // not a multiple of the 4-word block
  const StreamKey stored_key = original.key();
  const std::uint64_t stored_index = original.draw_index();
  CHECK(stored_index == 37);
  RandomStream resumed(stored_key, stored_index);
  RandomStream sought(kBase);
  sought.seek(stored_index);
  for (int i = 0; i < 50; ++i) {
    const std::uint64_t x = original();
    REQUIRE(resumed() == x);
    REQUIRE(sought() == x);
  }
  CHECK(resumed.draw_index() == 87);
}

TEST_CASE("a copied stream continues independently of its original") {
  RandomStream original(kBase);
  original();
  RandomStream copy = original;
  const std::uint64_t x = original();
  CHECK(copy() == x);
  CHECK(copy.draw_index() == original.draw_index());
}

TEST_CASE("uniform draws lie in the open unit interval even at the extreme words") {
  CHECK(RandomStream::open_unit(0) == 0x1.0p-53);
  CHECK(RandomStream::open_unit(~std::uint64_t{0}) == 1 - 0x1.0p-53);
  CHECK(RandomStream::open_unit(~std::uint64_t{0}) < 1);
  RandomStream s(kBase);
  for (int i = 0; i < 100000; ++i) {
    const double u = s.uniform01();
    REQUIRE(u > 0);
    REQUIRE(u < 1);
  }
}

TEST_CASE("a random source hands out streams keyed by its seed and replication") {
  const RandomSource source(5, 2);
  CHECK(source.master_seed() == 5);
  CHECK(source.replication() == 2);
  const RandomStream s = source.stream(11, 12, 13);
  CHECK(s.key() == StreamKey{5, 2, 11, 12});
  CHECK(s.draw_index() == 13);
}
