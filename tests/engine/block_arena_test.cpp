#include "engine/core/block_arena.hpp"

#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <vector>

using caresim::engine::BlockArena;

namespace {
struct alignas(64) Wide {
  std::size_t value = 7;  // default-constructed elements read 7
};
}  // namespace

TEST_CASE("block arena: elements keep their index, their address and their alignment as it grows") {
  BlockArena<Wide, 2> arena;  // blocks of 4, so 1000 elements span 250 blocks
  CHECK(arena.empty());
  std::vector<const Wide*> addresses;
  for (std::size_t i = 0; i < 1000; ++i) {
    Wide& w = arena.emplace_back();
    CHECK(w.value == 7);
    w.value = i;
    addresses.push_back(&w);
    CHECK(&arena.back() == &w);
  }
  REQUIRE(arena.size() == 1000);
  for (std::size_t i = 0; i < arena.size(); ++i) {
    INFO("element " << i);
    CHECK(arena[i].value == i);
    CHECK(&arena[i] == addresses[i]);
    CHECK(reinterpret_cast<std::uintptr_t>(&arena[i]) % alignof(Wide) == 0);
  }
}

namespace {
struct alignas(64) PersonSized {  // the size of a model::Person
  unsigned char bytes[448] = {};
};
struct Counted {
  static inline int alive = 0;
  Counted() { ++alive; }
  ~Counted() { --alive; }
};
}  // namespace

TEST_CASE("block arena: by default a block fills a large page and is mapped on one") {
  BlockArena<PersonSized> arena;
  for (int i = 0; i < 8193; ++i) arena.emplace_back();
  // 8,192 elements of 448 bytes (3.5 MiB, the fewest, a power of two, that fill 2 MiB) lie
  // in one block, one after the other; the next starts a block of its own.
  const auto at = [&](std::size_t i) { return reinterpret_cast<std::uintptr_t>(&arena[i]); };
  CHECK(at(8191) - at(0) == 8191 * sizeof(PersonSized));
  if (caresim::engine::large_pages_supported()) {
    CHECK(at(0) % caresim::engine::kLargePage == 0);
    CHECK(at(8192) % caresim::engine::kLargePage == 0);
  }
}

TEST_CASE("block arena: every element is destroyed with the arena") {
  {
    BlockArena<Counted, 3> arena;  // blocks of 8: 20 elements use 3 blocks, 24 constructed
    for (int i = 0; i < 20; ++i) arena.emplace_back();
    CHECK(Counted::alive == 24);
  }
  CHECK(Counted::alive == 0);
}
