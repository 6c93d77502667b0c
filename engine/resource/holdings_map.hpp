#pragma once
// Units held per client: a Resource looks a client up on every acquire and release, so
// the common case (a small client id holding one unit) costs two bits, not a hash probe.
#include <cstdint>
#include <vector>

#include "engine/core/flat_id_map.hpp"

namespace caresim::engine {

/** Map from client id to the units it holds (always > 0).
 *
 *  A client id below kDenseClients has two bits in a dense array: "holds at least one
 *  unit" and "holds more, the rest in `extra_`". Models number their clients from 0 (a
 *  person's id), and most hold one unit of a resource at a time, so an acquire or release
 *  reads and writes two bits: a resource's array for a region of 88,000 people is 22 KB,
 *  less than the table of 16-byte slots, at most half full, of a resource with thousands
 *  of holders (64 KB from 1,025), so more of it is in cache (docs/engine.md). Larger ids,
 *  and units beyond the first, go to tables. */
class HoldingsMap {
 public:
  /** Client ids below this have bits in the dense array, which grows to cover the largest
   *  such id that has held a unit (at most 4 MiB). */
  static constexpr std::uint64_t kDenseClients = std::uint64_t{1} << 24;

  /** Units held by `client`, 0 if none. */
  std::int64_t get(std::uint64_t client) const {
    if (client >= kDenseClients) return sparse_.get(client);
    const unsigned bits = flags(client);
    if ((bits & kHolds) == 0) return 0;
    return 1 + ((bits & kMore) != 0 ? extra_.get(client) : 0);
  }

  /** Adds `units` (> 0) to what `client` holds. */
  void add(std::uint64_t client, std::int64_t units);

  /** Takes `units` (> 0) from what `client` holds if it holds at least that many (the
   *  client is dropped when it reaches 0); otherwise changes nothing. Returns what the
   *  client held before, so the caller checks and takes with one lookup. */
  std::int64_t subtract(std::uint64_t client, std::int64_t units);

  /** Number of clients holding units. */
  std::size_t size() const { return dense_holders_ + sparse_.size(); }

 private:
  static constexpr unsigned kHolds = 1;  // holds at least one unit
  static constexpr unsigned kMore = 2;   // holds more: the units beyond the first are in extra_
  static constexpr unsigned kClientsPerWord = 32;
  unsigned flags(std::uint64_t client) const {
    const std::uint64_t word = client / kClientsPerWord;
    if (word >= words_.size()) return 0;
    return static_cast<unsigned>(words_[word] >> (2 * (client % kClientsPerWord))) & 3u;
  }
  void set_flags(std::uint64_t client, unsigned bits);  // grows words_ as needed

  std::vector<std::uint64_t> words_;  // two bits per dense client id
  std::size_t dense_holders_ = 0;
  FlatIdMap<std::int64_t> extra_;   // dense clients: the units beyond the first
  FlatIdMap<std::int64_t> sparse_;  // clients from kDenseClients up: all their units
};

}  // namespace caresim::engine
