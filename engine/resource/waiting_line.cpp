#include "engine/resource/waiting_line.hpp"

namespace caresim::engine {

void WaitingLine::push(const WaitingRequest& request) {
  const Key key = key_of(request);
  order_.emplace(key, request);
  priority_key_.emplace(request.id, key.first);
}

WaitingRequest WaitingLine::pop_front() {
  auto node = order_.extract(order_.begin());
  priority_key_.erase(node.mapped().id);
  return std::move(node.mapped());
}

const WaitingRequest* WaitingLine::find(RequestId id) const {
  const auto it = priority_key_.find(id);
  if (it == priority_key_.end()) return nullptr;
  return &order_.at(Key{it->second, id});
}

WaitingRequest WaitingLine::remove(RequestId id) {
  const auto it = priority_key_.find(id);
  auto node = order_.extract(Key{it->second, id});
  priority_key_.erase(it);
  return std::move(node.mapped());
}

}  // namespace caresim::engine
