#pragma once
// Memory for large tables read in random order, on the kernel's 2 MiB pages where it has them.
#include <cstddef>
#include <new>
#include <vector>

namespace caresim::engine {

/** The size of a large (transparent huge) page on x86-64 and most arm64 kernels. */
inline constexpr std::size_t kLargePage = std::size_t{2} << 20;

/** `bytes` of memory aligned to `alignment`. A request of kLargePage bytes or more is
 *  mapped on its own, aligned to kLargePage and marked for large pages (Linux's
 *  MADV_HUGEPAGE, honoured when transparent huge pages are "always" or "madvise"); a
 *  smaller one comes from operator new. Throws std::bad_alloc when there is no memory.
 *
 *  Why: an event handler reads one person's record, their indicator record and their
 *  pending events, all at random. At 8 times the reference region those tables span about
 *  90 MB, some 23,000 pages of 4 KiB: most reads then miss the address-translation cache
 *  too and walk the page table, itself out of cache. 2 MiB pages cover the same tables
 *  with about 45 entries (docs/engine.md, "Large pages"). */
void* allocate_large(std::size_t bytes, std::size_t alignment);

/** Returns memory from allocate_large(bytes, alignment), with the same two arguments. A
 *  mapping given back is kept (up to 1 GiB in all) for the next request of its size. */
void deallocate_large(void* memory, std::size_t bytes, std::size_t alignment) noexcept;

/** False where allocate_large always uses operator new: not Linux, or built with
 *  AddressSanitizer (which guards the heap, not mappings of ours). */
bool large_pages_supported();

/** A standard allocator over allocate_large: std::vector<T, LargePageAllocator<T>> puts a
 *  large table on large pages and a small one on the ordinary heap. Stateless. */
template <class T>
struct LargePageAllocator {
  using value_type = T;
  LargePageAllocator() = default;
  template <class U>
  LargePageAllocator(const LargePageAllocator<U>&) noexcept {}  // NOLINT: rebinding is implicit
  T* allocate(std::size_t n) {
    if (n > static_cast<std::size_t>(-1) / sizeof(T)) throw std::bad_array_new_length();
    return static_cast<T*>(allocate_large(n * sizeof(T), alignof(T)));
  }
  void deallocate(T* p, std::size_t n) noexcept { deallocate_large(p, n * sizeof(T), alignof(T)); }
  friend bool operator==(const LargePageAllocator&, const LargePageAllocator&) { return true; }
};

/** A vector whose storage goes on large pages once it reaches kLargePage bytes. */
template <class T>
using LargeVector = std::vector<T, LargePageAllocator<T>>;

}  // namespace caresim::engine
