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
