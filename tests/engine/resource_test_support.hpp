#pragma once
// Shared fixtures of the Resource tests: scripted actions at chosen times and a resource
// whose grants are logged.
#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include "engine/core/simulator.hpp"
#include "engine/resource/resource.hpp"

namespace caresim::engine::testing {

// Runs arbitrary test actions as events at chosen times and priorities.
struct Script {
  Simulator& sim;
  std::vector<std::function<void()>> actions;
  EventKind kind;
  explicit Script(Simulator& s) : sim(s) {
    kind = sim.define_event("script", [this](Simulator&, std::uint64_t i) { actions[i](); });
  }
  void at(Time t, Priority p, std::function<void()> f) {
    actions.push_back(std::move(f));
    sim.schedule(t, p, kind, actions.size() - 1);
  }
};

// A client and a time: when it was granted, or when it reneged.
struct Mark {
  std::uint64_t client;
  Time time;
  bool operator==(const Mark&) const = default;
};

// A resource whose grant handler logs (client, time).
struct Logged {
  Simulator sim;
  std::vector<Mark> grants;
  Resource res;
  Logged(std::int64_t capacity, QueueDiscipline d = QueueDiscipline::Fifo)
      : res(sim, "pool", capacity, d, [this](std::uint64_t c) {
          grants.push_back({c, sim.now()});
        }) {}
};

}  // namespace caresim::engine::testing
