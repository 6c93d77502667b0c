#include "engine/resource/holdings_map.hpp"

namespace caresim::engine {

std::size_t HoldingsMap::find_slot(std::uint64_t client) const {
  std::size_t i = home(client);
  while (slots_[i].units != 0 && slots_[i].client != client) i = (i + 1) & mask_;
  return i;
}

void HoldingsMap::add(std::uint64_t client, std::int64_t units) {
  // Keep the load at most 1/2 so probe runs stay short.
  if (2 * (size_ + 1) > slots_.size()) grow();
  Slot& s = slots_[find_slot(client)];
  if (s.units == 0) {
    s.client = client;
    ++size_;
  }
  s.units += units;
}

std::int64_t HoldingsMap::subtract(std::uint64_t client, std::int64_t units) {
  if (slots_.empty()) return 0;
  const std::size_t i = find_slot(client);
  const std::int64_t held = slots_[i].units;  // 0 if the slot is empty: nobody found
  if (held < units) return held;
  slots_[i].units -= units;
  if (slots_[i].units == 0) erase_at(i);
  return held;
}

void HoldingsMap::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 16 : 2 * old.size(), Slot{});
  mask_ = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.units != 0) slots_[find_slot(s.client)] = s;
  }
}

void HoldingsMap::erase_at(std::size_t hole) {
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

}  // namespace caresim::engine
