// The Resource's flat bookkeeping structures (and the hash map under them) against
// std::map references, under long random sequences of operations.
#include <doctest/doctest.h>

#include <cstdint>
#include <map>
#include <optional>
#include <utility>

#include "engine/core/flat_id_map.hpp"
#include "engine/resource/holdings_map.hpp"
#include "engine/resource/waiting_line.hpp"
#include "split_mix.hpp"

using namespace caresim::engine;
using caresim::engine::testing::SplitMix;

TEST_CASE("the flat id map agrees with a reference map under random puts, updates and erases") {
  struct Pair {
    int a = 0;
    std::uint64_t b = 0;
    bool operator==(const Pair&) const = default;
  };
  for (std::uint64_t id_range : {std::uint64_t{5}, std::uint64_t{700}, std::uint64_t{50000}}) {
    SplitMix rng{id_range + 11};
    FlatIdMap<Pair> map;
    std::map<std::uint64_t, Pair> reference;
    for (int step = 0; step < 60000; ++step) {
      std::uint64_t id = rng.below(id_range);
      if (rng.below(2) == 0) id = ~id;  // no id is reserved, 0 and 2^64 - 1 included
      const auto it = reference.find(id);
      const Pair before = it == reference.end() ? Pair{} : it->second;
      const std::uint64_t action = rng.below(4);
      if (action == 0) {
        CHECK(map.erase(id) == before);
        reference.erase(id);
      } else if (action == 1) {  // an update that keeps an absent id absent
        CHECK(map.update(id, [](Pair& p) { p.b = p.b == 0 ? 0 : p.b + 1; }) == before);
        if (before.b != 0) ++reference[id].b;
      } else {
        const Pair value{static_cast<int>(rng.below(3)) - 1, rng.below(4)};  // Pair{} one time in 12
        map.put(id, value);
        if (value == Pair{}) {
          reference.erase(id);
        } else {
          reference[id] = value;
        }
      }
      REQUIRE(map.size() == reference.size());
      REQUIRE(map.get(id) == (reference.count(id) ? reference[id] : Pair{}));
    }
    for (const auto& [id, value] : reference) CHECK(map.get(id) == value);
  }
}

TEST_CASE("the holdings map agrees with a reference map under random adds and subtracts") {
  for (std::uint64_t key_range : {std::uint64_t{8}, std::uint64_t{300}, std::uint64_t{100000}}) {
    SplitMix rng{key_range};
    HoldingsMap map;
    std::map<std::uint64_t, std::int64_t> reference;
    for (int step = 0; step < 60000; ++step) {
      // Ids near 0 and near 2^64 - 1 too: no id is reserved as an empty marker.
      std::uint64_t client = rng.below(key_range);
      if (rng.below(2) == 0) client = ~client;
      const std::int64_t held = reference.count(client) ? reference[client] : 0;
      if (held > 0 && rng.below(2) == 0) {
        const std::int64_t units = 1 + static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(held)));
        CHECK(map.subtract(client, held + 1) == held);  // more than held: nothing taken
        REQUIRE(map.get(client) == held);
        CHECK(map.subtract(client, units) == held);
        if ((reference[client] -= units) == 0) reference.erase(client);
      } else {
        const std::int64_t units = 1 + static_cast<std::int64_t>(rng.below(3));
        map.add(client, units);
        reference[client] += units;
      }
      REQUIRE(map.size() == reference.size());
      REQUIRE(map.get(client) == (reference.count(client) ? reference[client] : 0));
    }
    for (const auto& [client, units] : reference) CHECK(map.get(client) == units);
    CHECK(map.get(12345678901ull) == (reference.count(12345678901ull) ? reference[12345678901ull] : 0));
  }
}

TEST_CASE("the holdings map keeps a small id's first unit in bits and its further units in a table") {
  HoldingsMap map;
  map.add(5, 1);
  CHECK(map.get(5) == 1);
  map.add(5, 2);  // now 3: the first in the bits, 2 more in the table
  CHECK(map.get(5) == 3);
  CHECK(map.size() == 1);
  CHECK(map.subtract(5, 4) == 3);  // more than held: nothing taken
  CHECK(map.get(5) == 3);
  CHECK(map.subtract(5, 2) == 3);  // the further units go, the first stays
  CHECK(map.get(5) == 1);
  map.add(5, 1);
  CHECK(map.subtract(5, 2) == 2);  // the first and the further one at once
  CHECK(map.get(5) == 0);
  CHECK(map.size() == 0);
  CHECK(map.subtract(5, 1) == 0);
  // Either side of the last id with bits, and a neighbour that shares their word.
  constexpr std::uint64_t last = HoldingsMap::kDenseClients - 1;
  map.add(last, 2);
  map.add(last + 1, 3);
  map.add(last - 1, 1);
  CHECK(map.size() == 3);
  CHECK(map.get(last) == 2);
  CHECK(map.get(last + 1) == 3);
  CHECK(map.get(last - 1) == 1);
  CHECK(map.subtract(last, 2) == 2);
  CHECK(map.get(last - 1) == 1);
  CHECK(map.get(last + 1) == 3);
  CHECK(map.size() == 2);
}

TEST_CASE("the waiting line agrees with a reference ordered map under random joins and departures") {
  for (const QueueDiscipline discipline : {QueueDiscipline::Fifo, QueueDiscipline::Priority}) {
    for (int levels : {1, 3, 40}) {  // 40 levels: more than the line keeps when they empty
      SplitMix rng{static_cast<std::uint64_t>(levels) * 2 + static_cast<std::uint64_t>(discipline)};
      WaitingLine line(discipline);
      std::map<std::pair<int, RequestId>, WaitingRequest> reference;
      RequestId next_id = 1;
      for (int step = 0; step < 40000; ++step) {
        const std::uint64_t action = rng.below(10);
        if (action < 5 || reference.empty()) {
          WaitingRequest r;
          r.id = next_id++;
          r.client = rng.next();
          r.priority = static_cast<int>(rng.below(static_cast<std::uint64_t>(levels))) - 1;
          line.push(r);
          reference.emplace(std::pair{discipline == QueueDiscipline::Priority ? r.priority : 0, r.id}, r);
        } else if (action < 8) {
          const WaitingRequest popped = line.pop_front();
          REQUIRE(popped.id == reference.begin()->second.id);
          reference.erase(reference.begin());
        } else {
          // Leave from anywhere: a random waiting request, or one that already left.
          const RequestId id = 1 + rng.below(next_id - 1);
          auto it = reference.begin();
          for (; it != reference.end() && it->second.id != id; ++it) {
          }
          const WaitingRequest* found = line.find(id);
          REQUIRE((found != nullptr) == (it != reference.end()));
          if (found != nullptr) {
            CHECK(found->client == it->second.client);
            const std::optional<WaitingRequest> removed = line.remove(id);
            REQUIRE(removed.has_value());
            CHECK(removed->id == id);
            reference.erase(it);
            CHECK(line.find(id) == nullptr);
          } else {
            CHECK_FALSE(line.remove(id).has_value());  // changes nothing: size checked below
          }
        }
        REQUIRE(line.size() == reference.size());
        REQUIRE(line.empty() == reference.empty());
        if (!reference.empty()) REQUIRE(line.front().id == reference.begin()->second.id);
      }
    }
  }
}
