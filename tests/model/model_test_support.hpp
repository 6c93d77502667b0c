#pragma once
// Helpers shared by the model tests: a short reference run and a movement fingerprint.
#include <cstdint>
#include <cstring>

#include "care_scenario/bundled.hpp"
#include "engine/observe/recorder.hpp"
#include "models/care_model.hpp"
#include "models/parameters.hpp"
#include "models/records.hpp"

namespace caresim::model::testing {

/** The reference region over `years` simulated years with a one-year warm-up. */
inline Parameters short_reference(double years = 3) {
  Parameters p = care_scenario::reference_region_parameters();
  p.run.horizon_days =
      model_day(p.run.start, CivilDate{p.run.start.year + static_cast<int>(years), p.run.start.month, 1});
  p.run.warmup_days = 365;
  return p;
}

/** 64-bit FNV-1a over the fields of every movement record, in order. */
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
