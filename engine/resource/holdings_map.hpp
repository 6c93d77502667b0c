#pragma once
// Units held per client, in one flat array: a Resource looks a client up on every
// acquire and release, and a node-based hash map would allocate for each new holder.
#include <cstdint>
#include <vector>

namespace caresim::engine {

/** Map from client id to the units it holds (always > 0), with open addressing and
 *  linear probing. A slot whose units are 0 is empty, so no client id is reserved.
 *  Allocates only when it grows; erasing shifts later entries back (no tombstones). */
class HoldingsMap {
 public:
  /** Units held by `client`, 0 if none. */
  std::int64_t get(std::uint64_t client) const {
    if (slots_.empty()) return 0;
    for (std::size_t i = home(client);; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.units == 0) return 0;
      if (s.client == client) return s.units;
    }
  }

  /** Adds `units` (> 0) to what `client` holds. */
  void add(std::uint64_t client, std::int64_t units);

  /** Takes `units` (> 0) from what `client` holds if it holds at least that many (the
   *  client is dropped when it reaches 0); otherwise changes nothing. Returns what the
   *  client held before, so the caller checks and takes with one lookup. */
  std::int64_t subtract(std::uint64_t client, std::int64_t units);

  /** Number of clients holding units. */
  std::size_t size() const { return size_; }

 private:
  struct Slot {
    std::uint64_t client = 0;
    std::int64_t units = 0;  // 0: the slot is empty
  };
  // The splitmix64 finaliser: consecutive ids (the usual case) spread over the table.
  std::size_t home(std::uint64_t client) const {
    client ^= client >> 30;
    client *= 0xbf58476d1ce4e5b9ull;
    client ^= client >> 27;
    client *= 0x94d049bb133111ebull;
    client ^= client >> 31;
    return static_cast<std::size_t>(client) & mask_;
  }
  std::size_t find_slot(std::uint64_t client) const;  // the client's slot or the empty one ending its run
  void grow();
  void erase_at(std::size_t i);

  std::vector<Slot> slots_;  // size 0 or a power of two
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

}  // namespace caresim::engine
