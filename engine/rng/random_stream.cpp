#include "engine/rng/random_stream.hpp"

#include <Random123/philox.h>

namespace caresim::engine {

// The layout below is a compatibility promise (docs/engine-rng.md, tests/engine/rng_golden_test.cpp):
//   key     = {master_seed, replication << 32 | purpose}
//   counter = {block index, entity, 0, 0}
// The entity sits in the counter rather than the key so that one Philox key serves a whole
// purpose; the two spare counter words are left zero for a future sub-stream field.
void RandomStream::load(std::uint64_t block) {
  const r123::Philox4x64 philox;
  const r123::Philox4x64::key_type key = {
      {key_.master_seed, (static_cast<std::uint64_t>(key_.replication) << 32) | key_.purpose}};
  const r123::Philox4x64::ctr_type counter = {{block, key_.entity, 0, 0}};
  const r123::Philox4x64::ctr_type out = philox(counter, key);
  for (std::size_t i = 0; i < 4; ++i) block_[i] = out.v[i];
  loaded_block_ = block;
}

}  // namespace caresim::engine
