#pragma once
// A growing sequence of objects that never move: fixed-size blocks allocated as it grows.
#include <cstddef>
#include <memory>
#include <vector>

#include "engine/core/large_pages.hpp"

namespace caresim::engine {

/** Objects of `T` indexed 0 … size()−1, appended one at a time, never moved or removed.
 *
 *  Unlike std::vector, growing never copies what is there (a vector of a large region's
 *  people copies tens of megabytes each time it doubles, every copy a cache miss), and a
 *  reference to an element stays valid for the arena's lifetime. Elements live in blocks
 *  of 2^BlockBits, default-constructed when their block is allocated; indexing is a shift,
 *  a mask and one pointer from a small table.
 *
 *  With BlockBits 0 (the default) a block holds the fewest elements, a power of two, that
 *  fill a large page (engine/core/large_pages.hpp), so that elements read in random order
 *  lie on large pages: 8,192 people of 448 bytes a block. */
template <class T, unsigned BlockBits = 0>
class BlockArena {
  static constexpr unsigned block_bits() {
    if constexpr (BlockBits != 0) return BlockBits;
    unsigned bits = 0;
    while ((std::size_t{sizeof(T)} << bits) < kLargePage) ++bits;
    return bits;
  }
  static constexpr unsigned kBits = block_bits();
  static constexpr std::size_t kBlock = std::size_t{1} << kBits;

  // One block's elements, value-initialised, in memory from allocate_large.
  struct BlockDeleter {
    void operator()(T* block) const noexcept {
      std::destroy_n(block, kBlock);
      deallocate_large(block, kBlock * sizeof(T), alignof(T));
    }
  };
  using Block = std::unique_ptr<T[], BlockDeleter>;

  static Block new_block() {
    T* memory = static_cast<T*>(allocate_large(kBlock * sizeof(T), alignof(T)));
    try {
      std::uninitialized_value_construct_n(memory, kBlock);
    } catch (...) {
      deallocate_large(memory, kBlock * sizeof(T), alignof(T));
      throw;
    }
    return Block(memory);
  }

 public:
  /** Appends a default-constructed element and returns it. */
  T& emplace_back() {
    if (size_ == blocks_.size() * kBlock) blocks_.push_back(new_block());
    return (*this)[size_++];
  }

  T& operator[](std::size_t i) { return blocks_[i >> kBits][i & (kBlock - 1)]; }
  const T& operator[](std::size_t i) const { return blocks_[i >> kBits][i & (kBlock - 1)]; }

  /** The last element. Precondition: size() > 0. */
  T& back() { return (*this)[size_ - 1]; }

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

 private:
  std::vector<Block> blocks_;
  std::size_t size_ = 0;
};

}  // namespace caresim::engine
