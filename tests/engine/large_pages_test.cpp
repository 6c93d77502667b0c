#include "engine/core/large_pages.hpp"

#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

using caresim::engine::allocate_large;
using caresim::engine::deallocate_large;
using caresim::engine::kLargePage;
using caresim::engine::large_pages_supported;
using caresim::engine::LargeVector;

namespace {

std::uintptr_t address(const void* p) {
  return reinterpret_cast<std::uintptr_t>(p);
}

/** The VmFlags line of the mapping of this process that holds `p` (/proc/self/smaps), or "". */
std::string vm_flags_of(const void* p) {
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    std::uintptr_t from = 0, to = 0;
    char dash = 0;
    std::istringstream head(line);
    if (head >> std::hex >> from >> dash >> to && dash == '-') {
      inside = from <= address(p) && address(p) < to;
    } else if (inside && line.rfind("VmFlags:", 0) == 0) {
      return line;
    }
  }
  return "";
}

/** True when the kernel gives transparent huge pages on request ("always" or "madvise"). */
bool kernel_gives_large_pages() {
  std::ifstream f("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string setting;
  return std::getline(f, setting) && setting.find("[never]") == std::string::npos;
}

}  // namespace

TEST_CASE("large pages: a small request is ordinary heap memory, aligned as asked") {
  void* p = allocate_large(1000, 64);
  CHECK(address(p) % 64 == 0);
  static_cast<unsigned char*>(p)[999] = 1;
  deallocate_large(p, 1000, 64);
}

TEST_CASE("large pages: a large request is aligned to a large page, writable to its end and asks for large pages") {
  if (!large_pages_supported()) {
    MESSAGE("not Linux, or built with AddressSanitizer: every request comes from operator new");
    return;
  }
  const std::size_t bytes = kLargePage + 12345;  // mapped as two large pages
  auto* p = static_cast<unsigned char*>(allocate_large(bytes, 64));
  CHECK(address(p) % kLargePage == 0);
  for (std::size_t i = 0; i < bytes; i += 4096) p[i] = 1;
  p[bytes - 1] = 1;
  if (kernel_gives_large_pages()) {
    // "hg": the mapping is marked MADV_HUGEPAGE, whether or not the kernel had a free one.
    const std::string flags = vm_flags_of(p);
    INFO(flags);
    CHECK(flags.find(" hg") != std::string::npos);
  } else {
    MESSAGE("transparent huge pages are off on this kernel: the marking is not checked");
  }
  deallocate_large(p, bytes, 64);
}

TEST_CASE("large pages: a large mapping given back is kept for the next request of its size") {
  if (!large_pages_supported()) return;
  const std::size_t bytes = 3 * kLargePage;
  auto* first = static_cast<unsigned char*>(allocate_large(bytes, 64));
  first[0] = 42;
  deallocate_large(first, bytes, 64);
  auto* other_size = static_cast<unsigned char*>(allocate_large(5 * kLargePage, 64));
  CHECK(other_size != first);                                                  // another size gets another mapping
  auto* again = static_cast<unsigned char*>(allocate_large(bytes - 100, 64));  // the same mapped size
  CHECK(again == first);
  CHECK(again[0] == 42);  // not zeroed again: the point of keeping it
  deallocate_large(again, bytes - 100, 64);
  deallocate_large(other_size, 5 * kLargePage, 64);
}

TEST_CASE("large pages: a LargeVector keeps its values as it grows past a large page") {
  LargeVector<std::uint64_t> v;
  const std::size_t n = 3 * kLargePage / sizeof(std::uint64_t);
  for (std::size_t i = 0; i < n; ++i) v.push_back(i * 7);
  REQUIRE(v.size() == n);
  bool all = true;
  for (std::size_t i = 0; i < n; ++i) all = all && v[i] == i * 7;
  CHECK(all);
  if (large_pages_supported()) CHECK(address(v.data()) % kLargePage == 0);
}
