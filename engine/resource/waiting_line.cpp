#include "engine/resource/waiting_line.hpp"

#include <algorithm>

namespace caresim::engine {

namespace {
// Empty levels at the front keep their memory for reuse until there are more than this many
// of them and they are most of the levels.
constexpr std::size_t kKeptLevels = 16;
}  // namespace

std::uint64_t WaitingLine::Level::push_back(const WaitingRequest& request) {
  if (count_ == ring_.size()) {
    std::vector<Entry> bigger(ring_.empty() ? 8 : 2 * ring_.size());
    for (std::size_t k = 0; k < count_; ++k) bigger[k] = at(k);
    ring_ = std::move(bigger);
    head_ = 0;
  }
  ring_[(head_ + count_) & (ring_.size() - 1)] = Entry{request, true};
  ++count_;
  return ++pushed_;
}

void WaitingLine::Level::drop_front() {
  head_ = (head_ + 1) & (ring_.size() - 1);
  --count_;
  ++dropped_;
}

WaitingRequest WaitingLine::Level::pop_front() {
  const WaitingRequest request = ring_[head_].request;
  drop_front();
  drop_front_holes();
  return request;
}

void WaitingLine::Level::drop_front_holes() {
  while (count_ > 0 && !ring_[head_].waiting) drop_front();
}

const WaitingLine::Entry* WaitingLine::Level::entry_of(std::uint64_t ticket) const {
  if (ticket <= dropped_) return nullptr;  // left from the front
  const std::uint64_t k = ticket - dropped_ - 1;
  if (k >= count_) return nullptr;
  const Entry& entry = at(static_cast<std::size_t>(k));
  return entry.waiting ? &entry : nullptr;
}

const WaitingLine::Entry* WaitingLine::Level::entry_with_id(RequestId id) const {
  std::size_t lo = 0, hi = count_;
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (at(mid).request.id < id) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo < count_ && at(lo).request.id == id && at(lo).waiting ? &at(lo) : nullptr;
}

void WaitingLine::push(const WaitingRequest& request) {
  const int key = level_key(request);
  auto it = std::lower_bound(levels_.begin(), levels_.end(), key,
                             [](const Level& level, int k) { return level.priority() < k; });
  if (it == levels_.end() || it->priority() != key) it = levels_.insert(it, Level(key));
  const std::uint64_t ticket = it->push_back(request);
  if (discipline_ == QueueDiscipline::Priority) place_of_.put(request.id, Place{key, ticket});
  first_ = std::min(first_, static_cast<std::size_t>(it - levels_.begin()));  // the levels before are empty
  ++size_;
}

const WaitingLine::Level* WaitingLine::level_with(int key) const {
  const auto it = std::lower_bound(levels_.begin(), levels_.end(), key,
                                   [](const Level& level, int k) { return level.priority() < k; });
  return it == levels_.end() || it->priority() != key ? nullptr : &*it;
}

std::pair<const WaitingLine::Level*, const WaitingLine::Entry*> WaitingLine::locate(RequestId id) const {
  if (discipline_ == QueueDiscipline::Fifo) {
    if (levels_.empty()) return {nullptr, nullptr};
    return {&levels_.front(), levels_.front().entry_with_id(id)};
  }
  const Place place = place_of_.get(id);
  const Level* level = place == Place{} ? nullptr : level_with(place.key);
  return {level, level == nullptr ? nullptr : level->entry_of(place.ticket)};
}

const WaitingLine::Level& WaitingLine::first_level() const {
  while (first_ + 1 < levels_.size() && levels_[first_].empty()) ++first_;
  return levels_[first_];
}

WaitingRequest WaitingLine::pop_front() {
  Level& level = first_level();
  const WaitingRequest request = level.pop_front();
  if (discipline_ == QueueDiscipline::Priority) place_of_.erase(request.id);
  --size_;
  forget_empty_front();
  return request;
}

const WaitingRequest* WaitingLine::find(RequestId id) const {
  const Entry* entry = locate(id).second;
  return entry == nullptr ? nullptr : &entry->request;
}

std::optional<WaitingRequest> WaitingLine::remove(RequestId id) {
  const auto [found_level, found_entry] = locate(id);
  if (found_entry == nullptr) return std::nullopt;
  // This line is not const, so neither are its levels and entries.
  Level* level = const_cast<Level*>(found_level);
  Entry* entry = const_cast<Entry*>(found_entry);
  if (discipline_ == QueueDiscipline::Priority) place_of_.erase(id);
  const WaitingRequest request = entry->request;
  entry->waiting = false;
  level->drop_front_holes();
  --size_;
  forget_empty_front();
  return request;
}

void WaitingLine::forget_empty_front() {
  // The levels before first_ are empty. They are dropped together once they are most of the
  // levels, so a pop moves no level on average (a list ordered by application day has a
  // level per day, emptied from the front) and first_level() walks each level once.
  while (first_ < levels_.size() && levels_[first_].empty()) ++first_;
  if (first_ <= kKeptLevels || 2 * first_ < levels_.size()) return;
  levels_.erase(levels_.begin(), levels_.begin() + static_cast<std::ptrdiff_t>(first_));
  first_ = 0;
}

}  // namespace caresim::engine
