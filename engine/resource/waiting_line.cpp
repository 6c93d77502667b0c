#include "engine/resource/waiting_line.hpp"

#include <algorithm>

namespace caresim::engine {

namespace {
// Empty levels at the front keep their memory for reuse until there are more than this many
// of them and they are most of the levels.
constexpr std::size_t kKeptLevels = 16;
}  // namespace

void WaitingLine::Level::push_back(const WaitingRequest& request) {
  if (count_ == ring_.size()) {
    std::vector<Entry> bigger(ring_.empty() ? 8 : 2 * ring_.size());
    for (std::size_t k = 0; k < count_; ++k) bigger[k] = at(k);
    ring_ = std::move(bigger);
    head_ = 0;
  }
  ring_[(head_ + count_) & (ring_.size() - 1)] = Entry{request, true};
  ++count_;
}

WaitingRequest WaitingLine::Level::pop_front() {
  const WaitingRequest request = ring_[head_].request;
  head_ = (head_ + 1) & (ring_.size() - 1);
  --count_;
  drop_front_holes();
  return request;
}

void WaitingLine::Level::drop_front_holes() {
  while (count_ > 0 && !ring_[head_].waiting) {
    head_ = (head_ + 1) & (ring_.size() - 1);
    --count_;
  }
}

std::size_t WaitingLine::Level::index_of(RequestId id) const {
  std::size_t lo = 0, hi = count_;  // ids grow from the front
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (at(mid).request.id < id) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo < count_ && at(lo).request.id == id && at(lo).waiting ? lo : kNone;
}

void WaitingLine::push(const WaitingRequest& request) {
  const int key = level_key(request);
  auto it = std::lower_bound(levels_.begin(), levels_.end(), key,
                             [](const Level& level, int k) { return level.priority() < k; });
  if (it == levels_.end() || it->priority() != key) it = levels_.insert(it, Level(key));
  it->push_back(request);
  first_ = std::min(first_, static_cast<std::size_t>(it - levels_.begin()));  // the levels before are empty
  if (discipline_ == QueueDiscipline::Priority) key_of_[request.id] = key;
  ++size_;
}

const WaitingLine::Level* WaitingLine::level_with(int key) const {
  const auto it = std::lower_bound(levels_.begin(), levels_.end(), key,
                                   [](const Level& level, int k) { return level.priority() < k; });
  return it == levels_.end() || it->priority() != key ? nullptr : &*it;
}

const WaitingLine::Level* WaitingLine::level_of(RequestId id) const {
  if (discipline_ != QueueDiscipline::Priority) return levels_.empty() ? nullptr : &levels_.front();
  const auto it = key_of_.find(id);
  return it == key_of_.end() ? nullptr : level_with(it->second);
}

const WaitingLine::Level& WaitingLine::first_level() const {
  while (first_ + 1 < levels_.size() && levels_[first_].empty()) ++first_;
  return levels_[first_];
}

WaitingRequest WaitingLine::pop_front() {
  Level& level = first_level();
  const WaitingRequest request = level.pop_front();
  key_of_.erase(request.id);
  --size_;
  forget_empty_front();
  return request;
}

const WaitingRequest* WaitingLine::find(RequestId id) const {
  const Level* level = level_of(id);
  if (level == nullptr) return nullptr;
  const std::size_t k = level->index_of(id);
  return k == Level::kNone ? nullptr : &level->at(k).request;
}

WaitingRequest WaitingLine::remove(RequestId id) {
  Level* level = const_cast<Level*>(level_of(id));
  const std::size_t k = level == nullptr ? Level::kNone : level->index_of(id);
  if (k == Level::kNone) return WaitingRequest{};  // precondition violated: not waiting
  Entry& entry = level->at(k);
  const WaitingRequest request = entry.request;
  entry.waiting = false;
  level->drop_front_holes();
  key_of_.erase(id);
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
