#pragma once
// The observation interface. Models and engine parts emit typed records; recorders
// subscribe to them. The engine knows no record types of the model and writes no
// statistics itself: an HDF5 trace writer, a daily aggregator or a test's in-memory list
// are all just recorders of some Record type.
#include <cstdint>

namespace caresim::engine {

/** Receives records of one type as they happen.
 *
 *  `Record` is any copyable struct chosen by the emitter (ResourceRecord for resources,
 *  the model's own types for its domain events). record() is called synchronously
 *  from inside event handlers, in simulated-time order; a record is only valid during the
 *  call unless the recorder copies it (records may hold views into the emitter). A
 *  recorder must not change the simulation from record(): observing is not acting. */
template <class Record>
class Recorder {
 public:
  virtual ~Recorder() = default;

  /** Takes one record. */
  virtual void record(const Record& r) = 0;

  /** A hint that records about `entity` (an id the records name, such as a person's) are
   *  likely soon: a recorder that keeps state per entity may ask for its memory
   *  (engine::prefetch) so that those records do not wait for it. It must change nothing;
   *  results are the same whether or not it is called. */
  virtual void expect(std::uint64_t entity) const { (void)entity; }
};

}  // namespace caresim::engine
