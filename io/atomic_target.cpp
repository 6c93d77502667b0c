#include "io/atomic_target.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <hdf5.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <mutex>

#include "io/trace_error.hpp"

namespace caresim::io::detail {

namespace {

// The lock file of temporary file `temporary`: its writer holds an exclusive flock() on it
// from before the temporary file is created until it is renamed or deleted.
std::string lock_name(const std::string& temporary) {
  return temporary + ".lock";
}

// Temporary files to delete when SIGINT (Ctrl-C), SIGTERM, SIGHUP (terminal closed, ssh
// dropped) or SIGQUIT (Ctrl-backslash) arrives. The handler may only call
// async-signal-safe functions, so the paths live in fixed buffers flagged by atomics.
struct Slot {
  std::atomic<bool> used{false};   // claimed by a writer of this process
  std::atomic<bool> armed{false};  // its files are ours to delete: the lock is held (see arm())
  char path[4096] = {};
  char lock[4096 + 8] = {};  // path + ".lock"
};
constexpr int kSlots = 32;
Slot g_slots[kSlots];
std::mutex g_slots_mutex;  // guards claiming and releasing (not the handler)

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
constexpr int kSignalCount = sizeof kSignals / sizeof kSignals[0];
struct sigaction g_previous[kSignalCount];
std::atomic<bool> g_installed[kSignalCount];

int signal_index(int sig) {
  for (int i = 0; i < kSignalCount; ++i) {
    if (kSignals[i] == sig) return i;
  }
  return 0;
}

void on_signal(int sig) {
  for (Slot& slot : g_slots) {
    if (!slot.armed.load(std::memory_order_acquire)) continue;
    ::unlink(slot.path);
    ::unlink(slot.lock);
  }
  // Die as the signal would have made us die (or run the handler that was there before).
  const int i = signal_index(sig);
  ::sigaction(sig, &g_previous[i], nullptr);
  g_installed[i].store(false);
  ::raise(sig);
}

void install_handlers() {
  for (int i = 0; i < kSignalCount; ++i) {
    if (g_installed[i].load()) continue;
    struct sigaction current;
    ::sigaction(kSignals[i], nullptr, &current);
    if (current.sa_handler == SIG_IGN) continue;  // e.g. started with nohup: keep ignoring
    struct sigaction action;
    std::memset(&action, 0, sizeof action);
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    g_previous[i] = current;
    ::sigaction(kSignals[i], &action, nullptr);
    g_installed[i].store(true);
  }
}

// Claims a slot for `path`; false if this process already writes that path.
bool claim(const std::string& path) {
  std::lock_guard lock(g_slots_mutex);
  for (Slot& slot : g_slots) {
    if (slot.used.load() && path == slot.path) return false;
  }
  for (Slot& slot : g_slots) {
    if (!slot.used.load() && path.size() < sizeof slot.path) {
      std::memcpy(slot.path, path.c_str(), path.size() + 1);
      const std::string lock = lock_name(path);
      std::memcpy(slot.lock, lock.c_str(), lock.size() + 1);
      slot.used.store(true, std::memory_order_release);
      return true;
    }
  }
  return true;  // more writers than slots: the file is still protected by its name
}

// Lets the signal handler delete the claimed `path` and its lock file: called once the
// lock is held, so a writer refused because another machine holds the name never deletes
// that machine's files, whenever a signal comes.
void arm(const std::string& path) {
  std::lock_guard lock(g_slots_mutex);
  for (Slot& slot : g_slots) {
    if (slot.used.load() && path == slot.path) slot.armed.store(true, std::memory_order_release);
  }
}

void release(const std::string& path) {
  std::lock_guard lock(g_slots_mutex);
  for (Slot& slot : g_slots) {
    if (slot.used.load() && path == slot.path) {
      slot.armed.store(false, std::memory_order_release);
      slot.used.store(false, std::memory_order_release);
    }
  }
}

std::string errno_text() {
  return std::strerror(errno);
}

/** True when `text` is a whole decimal number of a process id. */
bool parse_pid(const std::string& text, long& pid) {
  if (text.empty() || text.size() > 18) return false;
  pid = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
    pid = pid * 10 + (c - '0');
  }
  return pid > 0;
}

// The lock of `temporary`, taken when nobody holds it: an open file descriptor to close
// after deleting the files, so that no writer can take the name over in between. -1 when a
// process, on this machine or on another that shares the folder, holds it: it is still
// writing, whatever its pid says here. kNoLock when there is no lock file (a writer from
// before 2026-12) or the file system has no locks (ENOLCK): the pid is then the only guard.
// A lock file that cannot be opened or locked for another reason counts as held.
constexpr int kNoLock = -2;
int lock_if_stale(const std::string& temporary) {
  const std::string lock = lock_name(temporary);
  // Read and write where we may: NFS emulates flock() with byte-range locks, and an
  // exclusive one needs a file open for writing. Another user's lock file opens read-only.
  int fd = ::open(lock.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0 && errno == EACCES) fd = ::open(lock.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno == ENOENT ? kNoLock : -1;
  if (::flock(fd, LOCK_EX | LOCK_NB) == 0) return fd;
  const bool no_locks = errno == ENOLCK;
  ::close(fd);
  return no_locks ? kNoLock : -1;
}

bool ends_with(const std::string& text, const std::string& end) {
  return text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0;
}

void sync_path(const std::string& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

std::string temporary_host_name() {
  char buffer[256] = {};
  if (::gethostname(buffer, sizeof buffer - 1) != 0 || buffer[0] == '\0') return "unknown-host";
  std::string host = buffer;
  for (char& c : host) {
    const bool plain =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!plain) c = '_';
  }
  return host;
}

std::string temporary_name(const std::string& target, const std::string& host, long pid) {
  const auto slash = target.rfind('/');
  const std::string prefix = slash == std::string::npos ? std::string() : target.substr(0, slash + 1);
  const std::string name = slash == std::string::npos ? target : target.substr(slash + 1);
  return prefix + "." + name + ".tmp-" + host + "-" + std::to_string(pid);
}

int remove_stale_temporaries(const std::string& target) {
  const auto slash = target.rfind('/');
  const std::string folder = slash == std::string::npos ? "." : slash == 0 ? "/" : target.substr(0, slash);
  const std::string name = slash == std::string::npos ? target : target.substr(slash + 1);
  // Without a host name another machine's files could look like this one's: none is removed.
  const std::string host = temporary_host_name();
  if (host == "unknown-host") return 0;
  // The host name ends with the '-' before the pid: another host's "a-1" never matches "a".
  const std::string mine = "." + name + ".tmp-" + host + "-";
  DIR* dir = ::opendir(folder.c_str());
  if (dir == nullptr) return 0;
  int removed = 0;
  while (const dirent* entry = ::readdir(dir)) {
    const std::string entry_name = entry->d_name;
    if (entry_name.size() <= mine.size() || entry_name.compare(0, mine.size(), mine) != 0) continue;
    // A lock file is handled with its temporary file, or alone when that is gone.
    const bool is_lock = ends_with(entry_name, ".lock");
    const std::string temporary_entry = is_lock ? entry_name.substr(0, entry_name.size() - 5) : entry_name;
    long pid = 0;
    if (!parse_pid(temporary_entry.substr(mine.size()), pid) || pid == ::getpid()) continue;
    // Alive, or not ours to signal (EPERM): it may still be writing. Only ESRCH is dead.
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;
    const std::string temporary = folder + "/" + temporary_entry;
    // The pid is dead here, but a machine of the same name that shares the folder may be
    // writing it: its lock says so.
    const int lock = lock_if_stale(temporary);
    if (lock == -1) continue;
    struct stat info;
    if (is_lock) {
      if (::lstat(temporary.c_str(), &info) != 0 && errno == ENOENT) ::unlink(lock_name(temporary).c_str());
    } else if (::lstat(temporary.c_str(), &info) == 0 && S_ISREG(info.st_mode) && ::unlink(temporary.c_str()) == 0) {
      ++removed;
      ::unlink(lock_name(temporary).c_str());
    }
    if (lock >= 0) ::close(lock);  // only now: the files are gone
  }
  ::closedir(dir);
  return removed;
}

AtomicTarget::AtomicTarget(std::string target, bool force, bool handle_signals, Replaceable replaceable)
    : target_(std::move(target)), force_(force) {
  if (target_.empty()) throw TraceError(target_, "no file name given");
  const auto slash = target_.rfind('/');
  folder_ = slash == std::string::npos ? "." : slash == 0 ? "/" : target_.substr(0, slash);
  const std::string name = slash == std::string::npos ? target_ : target_.substr(slash + 1);
  if (name.empty()) throw TraceError(target_, "names a folder, not a file");

  struct stat info;
  if (::stat(target_.c_str(), &info) == 0) {
    if (S_ISDIR(info.st_mode)) throw TraceError(target_, "is a folder, not a file");
    if (!force_) throw TraceError(target_, "already exists; use --force to overwrite it");
    if (replaceable == Replaceable::AnyFile && !S_ISREG(info.st_mode)) {
      throw TraceError(target_, "exists and is not a regular file; refusing to overwrite it, even with --force");
    }
  }
  if (replaceable == Replaceable::Hdf5Only && ::stat(target_.c_str(), &info) == 0) {
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    if (H5Fis_hdf5(target_.c_str()) <= 0) {
      H5Eclear2(H5E_DEFAULT);
      throw TraceError(target_, "exists and is not an HDF5 file; refusing to overwrite it, even with --force");
    }
  }
  if (::stat(folder_.c_str(), &info) != 0) throw TraceError(target_, "folder '" + folder_ + "': " + errno_text());

  remove_stale_temporaries(target_);
  temporary_ = temporary_name(target_, temporary_host_name(), ::getpid());
  // Claim before creating, so no moment exists where the file is there but unprotected.
  if (!claim(temporary_)) throw TraceError(target_, "is already being written by this process");
  take_lock();
  if (handle_signals) install_handlers();
  int fd = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0 && errno == EEXIST) {
    // Left by a killed process that had our pid: nobody else writes it.
    ::unlink(temporary_.c_str());
    fd = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  }
  if (fd < 0) {
    const std::string why = errno_text();
    drop_lock();
    release(temporary_);
    throw TraceError(target_, "cannot create a file in folder '" + folder_ + "': " + why);
  }
  ::close(fd);
}

void AtomicTarget::take_lock() {
  const std::string lock = lock_name(temporary_);
  // A cleaner's brief probe of a stale name may hold the lock for a moment: try again for
  // about 100 ms before refusing.
  bool held_elsewhere = false;
  for (int attempt = 0; attempt < 10; ++attempt) {
    held_elsewhere = false;
    const int fd = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) break;  // a folder we cannot write is reported when the temporary file cannot be made
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      if (errno != EWOULDBLOCK) {
        // No locks here (a network file system without a lock service): the pid is the
        // only guard. The file stays open so that drop_lock() deletes it.
        lock_fd_ = fd;
        break;
      }
      held_elsewhere = true;
      ::close(fd);
      ::usleep(10000);
      continue;
    }
    // A lock file deleted by its last holder or a cleaner after we opened it is not the
    // lock any more: take the one now at the path.
    struct stat held, at_path;
    if (::fstat(fd, &held) == 0 && ::stat(lock.c_str(), &at_path) == 0 && held.st_dev == at_path.st_dev &&
        held.st_ino == at_path.st_ino) {
      lock_fd_ = fd;
      arm(temporary_);
      return;
    }
    ::close(fd);
  }
  if (!held_elsewhere) {
    arm(temporary_);
    return;
  }
  release(temporary_);
  throw TraceError(target_, "its temporary file '" + temporary_ +
                                "' is being written by another process with this host name and process id (another "
                                "machine named " +
                                temporary_host_name() +
                                " that shares this folder); write to another path, or wait until it is done");
}

void AtomicTarget::drop_lock() noexcept {
  if (lock_fd_ < 0) return;
  // Deleted while still held: a writer that opened it before sees another file at the path
  // (or none) once it has the lock, and opens again (take_lock()).
  ::unlink(lock_name(temporary_).c_str());
  ::close(lock_fd_);
  lock_fd_ = -1;
}

AtomicTarget::~AtomicTarget() {
  abandon();
}

void AtomicTarget::abandon() noexcept {
  if (done_) return;
  ::unlink(temporary_.c_str());
  drop_lock();
  release(temporary_);
  done_ = true;
}

void AtomicTarget::commit() {
  if (done_) throw TraceError(target_, "the temporary file was already committed or abandoned");
  sync_path(temporary_, O_RDONLY);
  int status = 0;
  if (force_) {
    status = std::rename(temporary_.c_str(), target_.c_str());
  } else {
    // No-clobber rename: a target created while we wrote is left alone.
    status = ::renameat2(AT_FDCWD, temporary_.c_str(), AT_FDCWD, target_.c_str(), RENAME_NOREPLACE);
    if (status != 0 && (errno == EINVAL || errno == ENOSYS)) {  // file system without it
      struct stat info;
      if (::stat(target_.c_str(), &info) == 0) {
        errno = EEXIST;
      } else {
        status = std::rename(temporary_.c_str(), target_.c_str());
      }
    }
  }
  if (status != 0) {
    const std::string why = errno == EEXIST
                                ? std::string("appeared while the trace was written; not overwritten without --force")
                                : "cannot rename '" + temporary_ + "' onto it: " + errno_text();
    abandon();
    throw TraceError(target_, why);
  }
  drop_lock();
  release(temporary_);
  done_ = true;
  sync_path(folder_, O_RDONLY | O_DIRECTORY);
}

}  // namespace caresim::io::detail
