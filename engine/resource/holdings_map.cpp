#include "engine/resource/holdings_map.hpp"

#include <algorithm>

namespace caresim::engine {

std::size_t ClientUnitsTable::find_slot(std::uint64_t client) const {
  std::size_t i = home(client);
  while (slots_[i].units != 0 && slots_[i].client != client) i = (i + 1) & mask_;
  return i;
}

void ClientUnitsTable::add(std::uint64_t client, std::int64_t units) {
  // Keep the load at most 1/2 so probe runs stay short.
  if (2 * (size_ + 1) > slots_.size()) grow();
  Slot& s = slots_[find_slot(client)];
  if (s.units == 0) {
    s.client = client;
    ++size_;
  }
  s.units += units;
}

std::int64_t ClientUnitsTable::subtract(std::uint64_t client, std::int64_t units) {
  if (slots_.empty()) return 0;
  const std::size_t i = find_slot(client);
  const std::int64_t held = slots_[i].units;  // 0 if the slot is empty: nobody found
  if (held < units) return held;
  slots_[i].units -= units;
  if (slots_[i].units == 0) erase_at(i);
  return held;
}

void ClientUnitsTable::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 16 : 2 * old.size(), Slot{});
  mask_ = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.units != 0) slots_[find_slot(s.client)] = s;
  }
}

void ClientUnitsTable::erase_at(std::size_t hole) {
  // Backward-shift deletion: move up any later entry of the run whose home is not
  // between the hole and itself, so every entry stays reachable from its home.
  --size_;
  std::size_t i = hole;
  for (;;) {
    slots_[hole].units = 0;
    for (;;) {
      i = (i + 1) & mask_;
      if (slots_[i].units == 0) return;
      const std::size_t h = home(slots_[i].client);
      // Entry i may fill the hole unless its home lies cyclically in (hole, i].
      const bool home_after_hole = hole <= i ? (hole < h && h <= i) : (hole < h || h <= i);
      if (!home_after_hole) break;
    }
    slots_[hole] = slots_[i];
    hole = i;
  }
}

void HoldingsMap::set_flags(std::uint64_t client, unsigned bits) {
  const std::uint64_t word = client / kClientsPerWord;
  if (word >= words_.size()) {
    constexpr std::size_t kMostWords = kDenseClients / kClientsPerWord;
    words_.resize(std::min(kMostWords, std::max(static_cast<std::size_t>(word) + 1, words_.size() + words_.size() / 2)),
                  0);
  }
  const unsigned shift = 2 * static_cast<unsigned>(client % kClientsPerWord);
  std::uint64_t& w = words_[static_cast<std::size_t>(word)];
  w = (w & ~(std::uint64_t{3} << shift)) | (std::uint64_t{bits} << shift);
}

void HoldingsMap::add(std::uint64_t client, std::int64_t units) {
  if (client >= kDenseClients) {
    sparse_.add(client, units);
    return;
  }
  unsigned bits = flags(client);
  if ((bits & kHolds) == 0) {
    bits |= kHolds;
    ++dense_holders_;
    --units;
  }
  if (units > 0) {
    extra_.add(client, units);
    bits |= kMore;
  }
  set_flags(client, bits);
}

std::int64_t HoldingsMap::subtract(std::uint64_t client, std::int64_t units) {
  if (client >= kDenseClients) return sparse_.subtract(client, units);
  const unsigned bits = flags(client);
  if ((bits & kHolds) == 0) return 0;
  const std::int64_t extra = (bits & kMore) != 0 ? extra_.get(client) : 0;
  const std::int64_t held = 1 + extra;
  if (held < units) return held;
  if (held == units) {  // all of it: the first unit and any extra
    if (extra > 0) extra_.subtract(client, extra);
    --dense_holders_;
    set_flags(client, 0);
  } else {  // the first unit stays: units come out of the extra (units <= extra here)
    extra_.subtract(client, units);
    if (units == extra) set_flags(client, kHolds);
  }
  return held;
}

}  // namespace caresim::engine
