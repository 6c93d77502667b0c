// Recorders: fan-out, in-memory recording, and the records a Resource emits.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "engine/core/error.hpp"
#include "engine/core/simulator.hpp"
#include "engine/observe/memory_recorder.hpp"
#include "engine/observe/recorder_set.hpp"
#include "engine/resource/resource.hpp"

using namespace caresim::engine;

namespace {
// A model-side record type: the engine knows nothing about it.
struct Visit {
  Time time;
  std::uint64_t who;
};

struct Counter : Recorder<Visit> {
  int calls = 0;
  void record(const Visit&) override { ++calls; }
};
}  // namespace

TEST_CASE("a recorder set forwards every record to each subscriber in order") {
  RecorderSet<Visit> set;
  MemoryRecorder<Visit> memory;
  Counter counter;
  CHECK(set.empty());
  set.subscribe(memory);
  set.subscribe(counter);
  set.record({1.5, 7});
  set.record({2.0, 8});
  CHECK(set.size() == 2);
  CHECK(counter.calls == 2);
  REQUIRE(memory.size() == 2);
  CHECK(memory.records()[1].who == 8);
  set.unsubscribe(counter);
  set.record({3.0, 9});
  CHECK(counter.calls == 2);
  CHECK(memory.size() == 3);
  memory.clear();
  CHECK(memory.size() == 0);
}

TEST_CASE("a recorder set rejects double subscriptions and unknown unsubscriptions") {
  RecorderSet<Visit> set;
  Counter counter;
  set.subscribe(counter);
  CHECK_THROWS_WITH_AS(set.subscribe(counter), "RecorderSet::subscribe: this recorder is already subscribed",
                       UsageError);
  CHECK_THROWS_WITH_AS(set.subscribe(set), "RecorderSet::subscribe: a set cannot subscribe to itself", UsageError);
  Counter other;
  CHECK_THROWS_WITH_AS(set.unsubscribe(other), "RecorderSet::unsubscribe: this recorder is not subscribed", UsageError);
}

TEST_CASE("a resource emits grant queue renege release and capacity records") {
  Simulator sim;
  Resource res(sim, "pool", 1, QueueDiscipline::Fifo, [](std::uint64_t) {});
  MemoryRecorder<ResourceRecord> memory;
  RecorderSet<ResourceRecord> set;
  set.subscribe(memory);
  res.set_recorder(&set);
  res.acquire(1);                        // ImmediateGrant
  const RequestId two = res.acquire(2);  // Enqueue
  res.acquire(3, 1, 0, 1.0);             // Enqueue, then Renege at t = 1
  sim.run_until(1);
  res.release(1);  // Release; Grant of client 2 by the event at t = 1
  sim.run_until(1);
  res.set_capacity(3);  // CapacityChange
  CHECK_FALSE(res.try_acquire(9, 3));
  res.set_recorder(nullptr);
  res.release(2);  // not recorded

  std::vector<ResourceEvent> events;
  for (const ResourceRecord& r : memory.records()) events.push_back(r.event);
  CHECK(events == std::vector<ResourceEvent>{ResourceEvent::ImmediateGrant, ResourceEvent::Enqueue,
                                             ResourceEvent::Enqueue, ResourceEvent::Renege, ResourceEvent::Release,
                                             ResourceEvent::Grant, ResourceEvent::CapacityChange});
  const auto& rec = memory.records();
  CHECK(rec[1].request == two);
  CHECK(rec[2].queue_length == 2);
  CHECK(rec[3].client == 3);
  CHECK(rec[3].waited == 1.0);
  CHECK(rec[3].queue_length == 1);
  CHECK(rec[4].in_use == 0);
  CHECK(rec[5].client == 2);
  CHECK(rec[5].time == 1.0);
  CHECK(rec[5].waited == 1.0);
  CHECK(rec[5].queue_length == 0);
  CHECK(rec[5].in_use == 1);
  CHECK(rec[6].capacity == 3);
  CHECK(rec[6].resource == "pool");
  CHECK(std::string(to_string(rec[6].event)) == "CapacityChange");
}
