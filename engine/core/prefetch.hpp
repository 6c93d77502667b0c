#pragma once
// A memory prefetch hint that the compiler keeps.
#include <cstddef>
#include <cstdint>

namespace caresim::engine {

/** Asks the processor to bring the cache line holding `address` closer (a hint: it never
 *  faults and changes no value, so any address may be given).
 *
 *  Use this, not __builtin_prefetch alone, in any small function. g++ 12 counts the
 *  builtin as free of side effects, so a function that only loads an index and prefetches
 *  is taken for pure and a call to it whose result is unused is deleted before inlining:
 *  LadderQueue::prefetch_ahead() compiled to a bare `ret` (clang kept it). The empty
 *  volatile asm that takes the address is a side effect the compiler must keep; it emits
 *  no instruction. */
inline void prefetch(const void* address) {
  __builtin_prefetch(address);
  asm volatile("" : : "r"(address));
}

/** Asks for every cache line of the `size` bytes at `address` (size > 0), however they
 *  are aligned: an object's memory before it is read. */
inline void prefetch_bytes(const void* address, std::size_t size) {
  constexpr std::uintptr_t kLine = 64;
  const auto first = reinterpret_cast<std::uintptr_t>(address) & ~(kLine - 1);
  const auto last = reinterpret_cast<std::uintptr_t>(address) + size - 1;
  for (std::uintptr_t line = first; line <= last; line += kLine) prefetch(reinterpret_cast<const void*>(line));
}

}  // namespace caresim::engine
