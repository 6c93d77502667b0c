#include "engine/core/large_pages.hpp"

#include <cstdint>
#include <mutex>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

// Under AddressSanitizer every request comes from operator new, so that reads past the end
// of a table are still caught (the sanitizer guards the heap, not mappings of our own).
#if defined(__SANITIZE_ADDRESS__)
#define CARESIM_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CARESIM_ASAN 1
#endif
#endif

#if defined(__linux__) && defined(MADV_HUGEPAGE) && !defined(CARESIM_ASAN)
#define CARESIM_LARGE_PAGES 1
#endif

namespace caresim::engine {

#if defined(CARESIM_LARGE_PAGES)
namespace {

std::size_t mapped_size(std::size_t bytes) {
  return (bytes + kLargePage - 1) / kLargePage * kLargePage;
}

bool mapped_on_its_own(std::size_t bytes, std::size_t alignment) {
  return bytes >= kLargePage && alignment <= kLargePage;
}

/** Mappings given back, kept for the next request of the same size, up to kKeptBytes in
 *  all. A replication's tables come in the same sizes as the last one's (an arena's blocks,
 *  a vector's doublings), and a fresh mapping costs the kernel the zeroing of every page
 *  at first touch: an 8x run of caresim-scale-bench that maps its tables anew takes about
 *  a third longer than one that reuses them. The ordinary heap keeps freed memory the same
 *  way. Shared by every thread, under a lock: only requests of 2 MiB and more come here, a
 *  few dozen a replication. */
class KeptMappings {
 public:
  static constexpr std::size_t kKeptBytes = std::size_t{1} << 30;

  // Room for every mapping it can keep (each is at least a large page), so keep() never
  // allocates: it runs inside deallocate_large, which may not throw.
  KeptMappings() { kept_.reserve(kKeptBytes / kLargePage); }

  /** A kept mapping of `size` bytes, the one given back last, or nullptr if none. */
  void* take(std::size_t size) {
    const std::lock_guard<std::mutex> lock(mutex_);
    for (std::size_t i = kept_.size(); i-- > 0;) {
      if (kept_[i].size != size) continue;
      void* memory = kept_[i].memory;
      kept_.erase(kept_.begin() + static_cast<std::ptrdiff_t>(i));
      kept_bytes_ -= size;
      return memory;
    }
    return nullptr;
  }

  /** Keeps the mapping if there is room; false if the caller must unmap it. */
  bool keep(void* memory, std::size_t size) {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (kept_bytes_ + size > kKeptBytes) return false;
    kept_.push_back({memory, size});
    kept_bytes_ += size;
    return true;
  }

 private:
  struct Mapping {
    void* memory;
    std::size_t size;
  };
  std::mutex mutex_;
  std::vector<Mapping> kept_;  // oldest first
  std::size_t kept_bytes_ = 0;
};

KeptMappings& kept_mappings() {
  static KeptMappings* kept = new KeptMappings();  // never destroyed: tables freed at exit come back here
  return *kept;
}

void* map_large(std::size_t size) {
  if (void* kept = kept_mappings().take(size)) return kept;
  // Map one large page more than needed, then give back what lies before the first
  // boundary of a large page and after the end: the kernel puts large pages only on
  // aligned 2 MiB ranges.
  void* raw = ::mmap(nullptr, size + kLargePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) throw std::bad_alloc();
  const auto start = reinterpret_cast<std::uintptr_t>(raw);
  const std::uintptr_t aligned = (start + kLargePage - 1) & ~(std::uintptr_t{kLargePage} - 1);
  if (aligned > start) ::munmap(raw, aligned - start);
  const std::uintptr_t end = start + size + kLargePage;
  if (end > aligned + size) ::munmap(reinterpret_cast<void*>(aligned + size), end - (aligned + size));
  // Only a hint: a kernel with transparent huge pages "never", or without them, refuses or
  // ignores it, and the memory is ordinary pages.
  ::madvise(reinterpret_cast<void*>(aligned), size, MADV_HUGEPAGE);
  return reinterpret_cast<void*>(aligned);
}

}  // namespace

void* allocate_large(std::size_t bytes, std::size_t alignment) {
  if (bytes > static_cast<std::size_t>(-1) - 2 * kLargePage) throw std::bad_alloc();  // the rounding would wrap
  if (mapped_on_its_own(bytes, alignment)) return map_large(mapped_size(bytes));
  return ::operator new (bytes, std::align_val_t{alignment});
}

void deallocate_large(void* memory, std::size_t bytes, std::size_t alignment) noexcept {
  if (memory == nullptr) return;
  if (!mapped_on_its_own(bytes, alignment)) {
    ::operator delete (memory, std::align_val_t{alignment});
    return;
  }
  const std::size_t size = mapped_size(bytes);
  if (!kept_mappings().keep(memory, size)) ::munmap(memory, size);
}

bool large_pages_supported() {
  return true;
}

#else

void* allocate_large(std::size_t bytes, std::size_t alignment) {
  return ::operator new (bytes, std::align_val_t{alignment});
}

void deallocate_large(void* memory, std::size_t, std::size_t alignment) noexcept {
  if (memory != nullptr) ::operator delete (memory, std::align_val_t{alignment});
}

bool large_pages_supported() {
  return false;
}

#endif

}  // namespace caresim::engine
