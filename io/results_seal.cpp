#include "io/results_seal.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <vector>

#include "io/h5_handle.hpp"
#include "io/provenance.hpp"
#include "io/trace_error.hpp"

namespace caresim::io::detail {

namespace {

constexpr char kMagic[16] = {'c', 'a', 'r', 'e', 's', 'i', 'm', ' ', 'r', 'e', 's', 'u', 'l', 't', 's', '\n'};
constexpr std::uint32_t kSealLayout = 1;
constexpr std::size_t kHeaderBytes = 36;  // covered by the header's own CRC

using Block = std::array<unsigned char, kSealBytes>;

void put_u32(unsigned char* at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) at[i] = static_cast<unsigned char>(v >> (8 * i));
}
void put_u64(unsigned char* at, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) at[i] = static_cast<unsigned char>(v >> (8 * i));
}
std::uint32_t get_u32(const unsigned char* at) {
  std::uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | at[i];
  return v;
}
std::uint64_t get_u64(const unsigned char* at) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | at[i];
  return v;
}

std::uint32_t crc_of(const unsigned char* data, std::size_t n) {
  return static_cast<std::uint32_t>(::crc32(0L, data, static_cast<uInt>(n)));
}

// A file descriptor closed on scope exit.
struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

// Reads exactly n bytes at `offset`; false at end of file or on an error (errno set).
bool read_at(int fd, unsigned char* out, std::size_t n, off_t offset) {
  while (n > 0) {
    const ssize_t got = ::pread(fd, out, n, offset);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    out += got;
    n -= static_cast<std::size_t>(got);
    offset += got;
  }
  return true;
}

// CRC-32 of the bytes from `offset` to the end of the file; false on a read error.
bool crc_from(int fd, off_t offset, std::uint32_t& crc) {
  std::vector<unsigned char> buffer(1 << 20);
  uLong running = ::crc32(0L, Z_NULL, 0);
  for (;;) {
    const ssize_t got = ::pread(fd, buffer.data(), buffer.size(), offset);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return false;
    if (got == 0) break;
    running = ::crc32(running, buffer.data(), static_cast<uInt>(got));
    offset += got;
  }
  crc = static_cast<std::uint32_t>(running);
  return true;
}

[[noreturn]] void damaged(const std::string& path, const std::string& why) {
  throw TraceError::damaged(path, why);
}

}  // namespace

TraceError newer_format(const std::string& path, long long format_version) {
  return TraceError(path, "was written in results format " + std::to_string(format_version) +
                              " by a newer caresim; this caresim reads formats 1 to " +
                              std::to_string(trace_format_version));
}

void seal_results_file(const std::string& path, int format_version) {
  const Fd file{::open(path.c_str(), O_RDWR | O_CLOEXEC)};
  if (file.fd < 0) throw H5Failure("sealing the file: " + std::string(std::strerror(errno)));
  struct stat info;
  if (::fstat(file.fd, &info) != 0) throw H5Failure("sealing the file: " + std::string(std::strerror(errno)));
  std::uint32_t body_crc = 0;
  if (!crc_from(file.fd, static_cast<off_t>(kSealBytes), body_crc)) {
    throw H5Failure("sealing the file: reading it back: " + std::string(std::strerror(errno)));
  }
  Block block{};
  std::memcpy(block.data(), kMagic, sizeof kMagic);
  put_u32(block.data() + 16, kSealLayout);
  put_u32(block.data() + 20, static_cast<std::uint32_t>(format_version));
  put_u64(block.data() + 24, static_cast<std::uint64_t>(info.st_size));
  put_u32(block.data() + 32, body_crc);
  put_u32(block.data() + 36, crc_of(block.data(), kHeaderBytes));
  std::size_t written = 0;
  while (written < block.size()) {
    const ssize_t n = ::pwrite(file.fd, block.data() + written, block.size() - written, static_cast<off_t>(written));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw H5Failure("sealing the file: " + std::string(std::strerror(errno)));
    written += static_cast<std::size_t>(n);
  }
}

SealState check_seal(const std::string& path, int& format_version) {
  struct stat info;
  if (::stat(path.c_str(), &info) != 0) throw TraceError(path, std::strerror(errno));
  if (S_ISDIR(info.st_mode)) throw TraceError(path, "is a folder, not a trace file");
  if (!S_ISREG(info.st_mode)) throw TraceError(path, "is not a regular file (a FIFO, a device or a socket)");
  // O_NONBLOCK: should the path have become a FIFO since stat(), opening it does not wait.
  const Fd file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)};
  if (file.fd < 0) throw TraceError(path, std::strerror(errno));
  if (::fstat(file.fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    throw TraceError(path, "is not a regular file (a FIFO, a device or a socket)");
  }
  Block block{};
  if (!read_at(file.fd, block.data(), sizeof kMagic, 0) || std::memcmp(block.data(), kMagic, sizeof kMagic) != 0) {
    return SealState::Unsealed;
  }
  if (!read_at(file.fd, block.data(), block.size(), 0)) damaged(path, "its seal is cut short");
  if (get_u32(block.data() + 36) != crc_of(block.data(), kHeaderBytes)) damaged(path, "its seal is damaged");
  if (get_u32(block.data() + 16) != kSealLayout) {
    damaged(path, "its seal has layout " + std::to_string(get_u32(block.data() + 16)) + "; this caresim reads 1");
  }
  const std::uint64_t length = get_u64(block.data() + 24);
  if (length != static_cast<std::uint64_t>(info.st_size)) {
    damaged(path, "it has " + std::to_string(info.st_size) + " bytes but was written with " + std::to_string(length));
  }
  std::uint32_t body_crc = 0;
  if (!crc_from(file.fd, static_cast<off_t>(kSealBytes), body_crc)) throw TraceError(path, std::strerror(errno));
  if (body_crc != get_u32(block.data() + 32)) damaged(path, "its checksum does not match its contents");
  format_version = static_cast<int>(get_u32(block.data() + 20));
  if (format_version > trace_format_version) throw newer_format(path, format_version);
  return SealState::Sealed;
}

}  // namespace caresim::io::detail
