#include "io/unsealed_read.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <exception>
#include <mutex>
#include <set>
#include <tuple>

#include "io/trace_error.hpp"
#include "io/trace_reader.hpp"

namespace caresim::io::detail {

namespace {

bool in_child = false;

// (device, inode, size, modification time in ns): a file that passed needs no second child.
using FileKey = std::tuple<dev_t, ino_t, off_t, long long>;
std::mutex passed_mutex;
std::set<FileKey> passed;

bool key_of(const std::string& path, FileKey& key) {
  struct stat info;
  if (::stat(path.c_str(), &info) != 0) return false;
  key = FileKey{info.st_dev, info.st_ino, info.st_size,
                static_cast<long long>(info.st_mtim.tv_sec) * 1000000000LL + info.st_mtim.tv_nsec};
  return true;
}

void write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

std::string read_all(int fd) {
  std::string text;
  char buffer[4096];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
  }
  return text;
}

}  // namespace

bool inside_unsealed_read() {
  return in_child;
}

void read_unsealed_in_child(const std::string& path) {
  FileKey key;
  const bool keyed = key_of(path, key);
  if (keyed) {
    const std::lock_guard lock(passed_mutex);
    if (passed.count(key)) return;
  }
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0)
    throw TraceError(path, std::string("cannot start a reader: ") + std::strerror(errno));
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    throw TraceError(path, std::string("cannot start a reader: ") + std::strerror(errno));
  }
  if (pid == 0) {
    ::close(fds[0]);
    in_child = true;
    // A crash must end the child with its signal, whatever handlers the program installed.
    for (const int sig : {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT}) ::signal(sig, SIG_DFL);
    int code = 0;
    try {
      (void)describe_trace(path);  // provenance, dictionaries, every replication's indicators
    } catch (const TraceError& e) {
      write_all(fds[1], e.reason() + '\0' + e.what());
      code = 1;
    } catch (const std::exception& e) {
      write_all(fds[1], e.what() + std::string(1, '\0') + "trace file '" + path + "': " + e.what());
      code = 1;
    } catch (...) {
      code = 1;
    }
    ::_exit(code);
  }
  ::close(fds[1]);
  const std::string report = read_all(fds[0]);  // "<reason>\0<what>" when the child failed
  ::close(fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFSIGNALED(status)) {
    throw TraceError::damaged(path, "reading it crashed a separate reader with signal " +
                                        std::to_string(WTERMSIG(status)) + ", " + strsignal(WTERMSIG(status)));
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    const auto split = report.find('\0');
    if (split == std::string::npos) throw TraceError::damaged(path);
    throw TraceError::relayed(path, report.substr(0, split), report.substr(split + 1));
  }
  if (keyed) {
    const std::lock_guard lock(passed_mutex);
    passed.insert(key);
  }
}

}  // namespace caresim::io::detail
