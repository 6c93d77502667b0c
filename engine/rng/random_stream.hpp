#pragma once
// Counter-based random streams for common random numbers.
//
// A stream is a pure function of (master seed, replication, purpose, entity, draw index),
// evaluated with Random123's Philox4x64-10 (Salmon et al., SC'11). Nothing is shared between
// streams, so the k-th draw of one stream never depends on how many numbers any other stream
// drew: "person 4711's fifth length of stay" is the same number whatever a policy changed
// before it. The whole state is a key, a counter and one 4-word output block (72 bytes), and
// a stream can be rebuilt from its key and draw_index() alone. docs/engine-rng.md has the
// key/counter layout and the golden-test policy.
#include <array>
#include <cstdint>
#include <limits>
#include <string_view>

namespace caresim::engine {

/** The full identity of one random stream. Two streams with equal keys produce equal
 *  sequences; streams that differ in any field are statistically independent. */
struct StreamKey {
  /** The experiment's master seed; one per study, stored in every output's provenance. */
  std::uint64_t master_seed = 0;
  /** Replication number (0-based); replications differ only in this field. */
  std::uint32_t replication = 0;
  /** Which stochastic process this stream feeds; see purpose_id(). */
  std::uint32_t purpose = 0;
  /** Which entity (person, ward, ...) of that process; 0 for process-wide streams. */
  std::uint64_t entity = 0;

  friend bool operator==(const StreamKey&, const StreamKey&) = default;
};

/** A stable 32-bit purpose id from a stream's name (FNV-1a, 32 bit), e.g.
 *  purpose_id("length_of_stay"). The id depends only on the bytes of the name, so it is the
 *  same across versions, compilers and platforms; renaming a purpose changes its draws. */
constexpr std::uint32_t purpose_id(std::string_view name) {
  std::uint32_t h = 2166136261u;
  for (const char c : name) {
    h ^= static_cast<std::uint8_t>(c);
    h *= 16777619u;
  }
  return h;
}

/** One random stream: a UniformRandomBitGenerator of 64-bit words, so Boost.Random
 *  distributions accept it as their engine. Draw d is word d % 4 of Philox block d / 4.
 *  Cheap to create (no output is computed until the first draw) and to copy; a copy
 *  continues the same sequence independently of the original. */
class RandomStream {
 public:
  using result_type = std::uint64_t;

  /** The stream of `key`, positioned so that the next draw has index `first_draw`
   *  (0 = the start of the stream; any value is valid). */
  explicit RandomStream(StreamKey key, std::uint64_t first_draw = 0) : key_(key), next_(first_draw) {}

  /** Smallest value operator() can return. */
  static constexpr result_type min() { return 0; }
  /** Largest value operator() can return. */
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }

  /** The next raw 64-bit word; every value in [min(), max()] is equally likely. */
  result_type operator()() {
    const std::uint64_t block = next_ >> 2;
    if (block != loaded_block_) [[unlikely]]
      load(block);
    return block_[next_++ & 3u];
  }

  /** A double uniform on the open interval (0, 1) from the top 52 bits of one draw, so
   *  log(u), log(1 - u) and 1/u are always finite. */
  double uniform01() { return open_unit((*this)()); }

  /** Maps a 64-bit word to (0, 1): ((w >> 12) + 0.5) / 2^52, the midpoints of a 2^-52 grid.
   *  Why 52 bits and not 53: the half step needs one more significand bit, and with 53 the
   *  top value 1 - 2^-54 is not a double and rounds to 1. Every value here is exact, the
   *  smallest is 2^-53, the largest 1 - 2^-53, and 1 - u has exactly the law of u. */
  static constexpr double open_unit(std::uint64_t w) { return (static_cast<double>(w >> 12) + 0.5) * 0x1.0p-52; }

  /** Index of the next draw (the number of words drawn so far if the stream started at 0).
   *  Store it with key() to resume this exact sequence later. */
  std::uint64_t draw_index() const { return next_; }

  /** Repositions the stream so that the next draw has index `draw_index`. */
  void seek(std::uint64_t draw_index) { next_ = draw_index; }

  /** The key this stream was built from. */
  const StreamKey& key() const { return key_; }

 private:
  // Computes Philox block `block` into block_. Out of line so Random123's headers (and
  // their configuration macros) stay out of every file that draws numbers.
  void load(std::uint64_t block);

  // next_ >> 2 never reaches this value (it is at most 2^62 - 1), so "nothing loaded" needs
  // no separate flag and the hot path is one compare.
  static constexpr std::uint64_t kNoBlock = std::numeric_limits<std::uint64_t>::max();

  StreamKey key_;
  std::uint64_t next_;
  std::uint64_t loaded_block_ = kNoBlock;
  std::array<std::uint64_t, 4> block_{};
};

/** Hands out the streams of one replication of one experiment. Holds two numbers; copy it
 *  freely into every model component that needs randomness. There is no global source. */
class RandomSource {
 public:
  /** The source of replication `replication` under `master_seed`. */
  RandomSource(std::uint64_t master_seed, std::uint32_t replication)
      : master_seed_(master_seed), replication_(replication) {}

  /** The stream for (purpose, entity), positioned at draw index `first_draw`.
   *  Use purpose_id("name") for `purpose`; `entity` is a stable id of the person or unit the
   *  draws belong to (0 for a process-wide stream). */
  RandomStream stream(std::uint32_t purpose, std::uint64_t entity = 0, std::uint64_t first_draw = 0) const {
    return RandomStream(StreamKey{master_seed_, replication_, purpose, entity}, first_draw);
  }

  /** The master seed this source was built with. */
  std::uint64_t master_seed() const { return master_seed_; }
  /** The replication this source was built for. */
  std::uint32_t replication() const { return replication_; }

 private:
  std::uint64_t master_seed_;
  std::uint32_t replication_;
};

}  // namespace caresim::engine
