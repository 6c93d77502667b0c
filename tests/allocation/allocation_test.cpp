// The future event set allocates nothing per event once it has grown: a replaced global
// operator new counts allocations while a hold model runs in the steady state. It is its
// own program (tests/allocation/CMakeLists.txt), so the replacement reaches no other test.
#include <doctest/doctest.h>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <new>

#include "engine/core/simulator.hpp"
#include "engine/rng/random_stream.hpp"

namespace {
std::atomic<std::size_t> allocations{0};
}  // namespace

// Every form of new and delete is replaced together so that allocation and release always
// pair up (a sanitizer reports a mismatch otherwise).
namespace {
void* counted_allocation(std::size_t size) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(size ? size : 1);
}
}  // namespace

void* operator new(std::size_t size) {
  if (void* p = counted_allocation(size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) {
  if (void* p = counted_allocation(size)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  return counted_allocation(size);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  return counted_allocation(size);
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete[](void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
  std::free(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
  std::free(p);
}

using namespace caresim::engine;

TEST_CASE("the simulator allocates no memory per event in a steady-state hold model") {
  Simulator sim;
  RandomStream stream(StreamKey{1, 0, purpose_id("hold"), 0});
  EventKind hold = 0;
  hold = sim.define_event("hold", [&](Simulator& s, std::uint64_t payload) {
    s.schedule_in(-std::log(stream.uniform01()), Priority::Arrival, hold, payload);
  });
  for (std::uint64_t i = 0; i < 10000; ++i) sim.schedule(-std::log(stream.uniform01()), Priority::Arrival, hold, i);
  for (int i = 0; i < 200000; ++i) sim.step();  // let every internal buffer reach its size
  const std::size_t before = allocations.load();
  for (int i = 0; i < 200000; ++i) sim.step();
  const std::size_t during = allocations.load() - before;
  CHECK(during == 0);
  CHECK(sim.pending() == 10000);
}
