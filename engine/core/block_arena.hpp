#pragma once
// A growing sequence of objects that never move: fixed-size blocks allocated as it grows.
#include <cstddef>
#include <memory>
#include <vector>

namespace caresim::engine {

/** Objects of `T` indexed 0 … size()−1, appended one at a time, never moved or removed.
 *
 *  Unlike std::vector, growing never copies what is there (a vector of a large region's
 *  people copies tens of megabytes each time it doubles, every copy a cache miss), and a
 *  reference to an element stays valid for the arena's lifetime. Elements live in blocks
 *  of 2^BlockBits, default-constructed when their block is allocated; indexing is a shift,
 *  a mask and one pointer from a small table. */
template <class T, unsigned BlockBits = 10>
class BlockArena {
  static constexpr std::size_t kBlock = std::size_t{1} << BlockBits;

 public:
  /** Appends a default-constructed element and returns it. */
  T& emplace_back() {
    if (size_ == blocks_.size() * kBlock) blocks_.push_back(std::make_unique<T[]>(kBlock));
    return (*this)[size_++];
  }

  T& operator[](std::size_t i) { return blocks_[i >> BlockBits][i & (kBlock - 1)]; }
  const T& operator[](std::size_t i) const { return blocks_[i >> BlockBits][i & (kBlock - 1)]; }

  /** The last element. Precondition: size() > 0. */
  T& back() { return (*this)[size_ - 1]; }

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

 private:
  std::vector<std::unique_ptr<T[]>> blocks_;
  std::size_t size_ = 0;
};

}  // namespace caresim::engine
