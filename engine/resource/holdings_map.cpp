#include "engine/resource/holdings_map.hpp"

#include <algorithm>

namespace caresim::engine {

namespace {
void add_units(FlatIdMap<std::int64_t>& table, std::uint64_t client, std::int64_t units) {
  table.update(client, [units](std::int64_t& held) { held += units; });
}

// Takes `units` if the client holds that many; returns what it held before.
std::int64_t subtract_units(FlatIdMap<std::int64_t>& table, std::uint64_t client, std::int64_t units) {
  return table.update(client, [units](std::int64_t& held) {
    if (held >= units) held -= units;
  });
}
}  // namespace

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
    add_units(sparse_, client, units);
    return;
  }
  unsigned bits = flags(client);
  if ((bits & kHolds) == 0) {
    bits |= kHolds;
    ++dense_holders_;
    --units;
  }
  if (units > 0) {
    add_units(extra_, client, units);
    bits |= kMore;
  }
  set_flags(client, bits);
}

std::int64_t HoldingsMap::subtract(std::uint64_t client, std::int64_t units) {
  if (client >= kDenseClients) return subtract_units(sparse_, client, units);
  const unsigned bits = flags(client);
  if ((bits & kHolds) == 0) return 0;
  const std::int64_t extra = (bits & kMore) != 0 ? extra_.get(client) : 0;
  const std::int64_t held = 1 + extra;
  if (held < units) return held;
  if (held == units) {  // all of it: the first unit and any extra
    if (extra > 0) extra_.erase(client);
    --dense_holders_;
    set_flags(client, 0);
  } else {  // the first unit stays: units come out of the extra (units <= extra here)
    subtract_units(extra_, client, units);
    if (units == extra) set_flags(client, kHolds);
  }
  return held;
}

}  // namespace caresim::engine
