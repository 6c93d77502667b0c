#pragma once
// The golden fingerprint of a run: 64-bit FNV-1a over the fields of every movement record,
// in the order the model emits them. Any change to who moves where, when, or why changes it.
#include <cstdint>
#include <cstring>

#include "engine/observe/recorder.hpp"
#include "models/records.hpp"

namespace caresim::model::testing {

/** Folds every MovementRecord it is given into `hash`, and counts them. */
class Fingerprint : public engine::Recorder<MovementRecord> {
 public:
  void record(const MovementRecord& r) override {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &r.time, sizeof bits);
    mix(bits);
    mix(r.person);
    mix(static_cast<std::uint64_t>(r.kind));
    mix(static_cast<std::uint64_t>(r.from));
    mix(static_cast<std::uint64_t>(r.to));
    mix(static_cast<std::uint64_t>(static_cast<std::int64_t>(r.facility)));
    mix(static_cast<std::uint64_t>(r.cause));
    ++count;
  }
  std::uint64_t hash = 14695981039346656037ull;
  std::uint64_t count = 0;

 private:
  void mix(std::uint64_t v) {
    for (int i = 0; i < 8; ++i) {
      hash ^= (v >> (8 * i)) & 0xffu;
      hash *= 1099511628211ull;
    }
  }
};

}  // namespace caresim::model::testing
