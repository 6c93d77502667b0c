// Golden draws of engine/rng. These literals pin the exact numbers every model sees: a change
// of the key/counter layout, of Random123, of Boost.Random's algorithms or of our own
// conversions makes this file fail. Update a literal only in a commit that says why the
// draws changed (docs/engine-rng.md, "Golden-test policy").
#include <Random123/philox.h>
#include <doctest/doctest.h>

#include <array>
#include <cstdint>

#include "engine/rng/distributions.hpp"
#include "engine/rng/random_stream.hpp"

using namespace caresim::engine;

namespace {
// The reference key of every golden test: person 4711's length-of-stay stream in
// replication 3 of master seed 20240601.
const StreamKey kKey{20240601, 3, purpose_id("length_of_stay"), 4711};

std::array<std::uint64_t, 4> philox(std::array<std::uint64_t, 4> ctr, std::array<std::uint64_t, 2> key) {
  const r123::Philox4x64 f;
  const auto out =
      f(r123::Philox4x64::ctr_type{{ctr[0], ctr[1], ctr[2], ctr[3]}}, r123::Philox4x64::key_type{{key[0], key[1]}});
  return {out.v[0], out.v[1], out.v[2], out.v[3]};
}
}  // namespace

TEST_CASE("the installed Random123 reproduces the published Philox4x64-10 known answers") {
  // From Random123's kat_vectors: if these fail, the library itself is broken or different.
  CHECK(philox({0, 0, 0, 0}, {0, 0}) == std::array<std::uint64_t, 4>{0x16554d9eca36314cull, 0xdb20fe9d672d0fdcull,
                                                                     0xd7e772cee186176bull, 0x7e68b68aec7ba23bull});
  const std::uint64_t ones = ~std::uint64_t{0};
  CHECK(philox({ones, ones, ones, ones}, {ones, ones}) ==
        std::array<std::uint64_t, 4>{0x87b092c3013fe90bull, 0x438c3c67be8d0224ull, 0x9cc7d7c69cd777b6ull,
                                     0xa09caebf594f0ba0ull});
  CHECK(philox({0x243f6a8885a308d3ull, 0x13198a2e03707344ull, 0xa4093822299f31d0ull, 0x082efa98ec4e6c89ull},
               {0x452821e638d01377ull, 0xbe5466cf34e90c6cull}) ==
        std::array<std::uint64_t, 4>{0xa528f45403e61d95ull, 0x38c72dbd566e9788ull, 0xa5a1610e72fd18b5ull,
                                     0x57bd43b5e52b7fe6ull});
}

TEST_CASE("purpose ids are the FNV-1a 32-bit hashes of their names") {
  static_assert(purpose_id("") == 0x811c9dc5u);
  static_assert(purpose_id("a") == 0xe40c292cu);
  static_assert(purpose_id("foobar") == 0xbf9cf968u);
  CHECK(purpose_id("length_of_stay") == 3907454801u);
}

TEST_CASE("a stream's draws follow the documented key and counter layout") {
  // key = {master_seed, replication << 32 | purpose}; counter = {block, entity, 0, 0};
  // draw d is word d % 4 of block d / 4.
  const std::array<std::uint64_t, 2> key{kKey.master_seed, (std::uint64_t{kKey.replication} << 32) | kKey.purpose};
  RandomStream s(kKey);
  for (std::uint64_t block = 0; block < 3; ++block) {
    const auto expected = philox({block, kKey.entity, 0, 0}, key);
    for (int word = 0; word < 4; ++word) CHECK(s() == expected[word]);
  }
  // Starting mid-block reads the same words.
  RandomStream mid(kKey, 6);
  CHECK(mid() == philox({1, kKey.entity, 0, 0}, key)[2]);
}

TEST_CASE("the first eight raw draws of the reference stream are pinned") {
  RandomStream s(kKey);
  const std::array<std::uint64_t, 8> expected{0x6aefd744daa77befull, 0xaea7c8df1cc3d4ffull, 0xe93f13f3da50a14aull,
                                              0x56335b6afed59128ull, 0xdbb2ea804a90a2ffull, 0x5d9d93acf31e7afcull,
                                              0x2441d87621b8a052ull, 0x15cf8ebc40408bf9ull};
  for (const std::uint64_t word : expected) CHECK(s() == word);
  CHECK(s.draw_index() == 8);
}

TEST_CASE("the first uniform draws of the reference stream are pinned") {
  RandomStream s(kKey);
  CHECK(s.uniform01() == 0.41772218161591279);
  CHECK(s.uniform01() == 0.68224769064978774);
  CHECK(s.uniform01() == 0.91111874297559103);
  CHECK(s.uniform01() == 0.33672114717668078);
  RandomStream far(kKey, 1000003);
  CHECK(far.uniform01() == 0.44741303937774168);
}

TEST_CASE("the first exponential gamma and normal draws of the reference stream are pinned") {
  {
    RandomStream s(kKey);
    const auto d = Distribution::exponential(7.5);
    CHECK(d.sample(s) == 1.2569720322366098);
    CHECK(d.sample(s) == 8.3819510396934849);
    CHECK(d.sample(s) == 2.4867479410478266);
    CHECK(d.sample(s) == 0.14938918523479949);
    CHECK(s.draw_index() == 8);  // the ziggurat rejected in the fourth draw
  }
  {
    RandomStream s(kKey);
    const auto d = Distribution::gamma(2.5, 3);
    CHECK(d.sample(s) == 2.7796833699962735);
    CHECK(d.sample(s) == 1.635033162670301);
    CHECK(d.sample(s) == 7.3609984524727237);
    CHECK(d.sample(s) == 12.966206163605236);
    CHECK(s.draw_index() == 11);
  }
  {
    RandomStream s(kKey);
    const auto d = Distribution::normal(10, 2);
    CHECK(d.sample(s) == 10.545945045206889);
    CHECK(d.sample(s) == 8.4616732363215057);
    CHECK(d.sample(s) == 9.4706840789577864);
    CHECK(d.sample(s) == 10.081353809985957);
    CHECK(s.draw_index() == 8);
  }
}

TEST_CASE("the first draws of the other distribution kinds are pinned") {
  const auto first_three = [](const Distribution& d) {
    RandomStream s(kKey);
    std::array<double, 3> x{};
    for (double& v : x) v = d.sample(s);
    return x;
  };
  CHECK(first_three(Distribution::lognormal_mean_sd(12, 9)) ==
        std::array<double, 3>{11.520426029294107, 5.7426778801038934, 8.0442623104164426});
  CHECK(first_three(Distribution::weibull(1.5, 20)) ==
        std::array<double, 3>{13.2757332196796, 21.908287633717908, 36.054644424001062});
  CHECK(first_three(Distribution::uniform(2, 5)) ==
        std::array<double, 3>{3.2531665448477387, 4.0467430719493631, 4.7333562289267732});
  CHECK(first_three(Distribution::empirical({0, 1, 7, 30}, {5, 3, 2})) ==
        std::array<double, 3>{6.4667124578535455, 3.1941140922014841, 0.64702552074790942});
}

TEST_CASE("the first discrete draws of the reference stream are pinned") {
  {
    RandomStream s(kKey);
    std::array<std::uint64_t, 4> x{};
    for (auto& v : x) v = poisson(s, 3.5);
    CHECK(x == std::array<std::uint64_t, 4>{3, 4, 6, 3});
  }
  {
    RandomStream s(kKey);
    std::array<std::uint64_t, 4> x{};
    for (auto& v : x) v = poisson(s, 40);
    CHECK(x == std::array<std::uint64_t, 4>{43, 52, 41, 37});
  }
  {
    RandomStream s(kKey);
    std::array<bool, 8> x{};
    for (auto& v : x) v = bernoulli(s, 0.3);
    CHECK(x == std::array<bool, 8>{false, false, false, false, false, false, true, true});
  }
  {
    RandomStream s(kKey);
    const AliasTable table({1, 0, 2, 5, 0.5});
    std::array<std::size_t, 8> x{};
    for (auto& v : x) v = table.sample(s);
    CHECK(x == std::array<std::size_t, 8>{2, 3, 3, 3, 4, 3, 3, 0});
  }
}
