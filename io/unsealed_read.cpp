#include "io/unsealed_read.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <exception>
#include <new>

#include "io/trace_error.hpp"
#include "io/trace_reader.hpp"

namespace caresim::io::detail {

namespace {

bool in_child = false;

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
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0)
    throw TraceError(path, std::string("cannot start a reader: ") + std::strerror(errno));
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    throw TraceError(path, std::string("cannot start a reader: ") + std::strerror(errno));
  }
  // The child's last act is its report: "k" (it read everything), "m" (out of memory) or
  // "e<reason>\0<what>". The verdict rests on the report, not on the exit status, which is
  // lost when SIGCHLD is ignored (the kernel then reaps the child and waitpid says ECHILD).
  if (pid == 0) {
    ::close(fds[0]);
    in_child = true;
    // A crash must end the child with its signal, whatever handlers the program installed,
    // and leave no core file behind.
    for (const int sig : {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT}) ::signal(sig, SIG_DFL);
    const rlimit no_core{0, 0};
    ::setrlimit(RLIMIT_CORE, &no_core);
    std::string report = "k";
    try {
      (void)describe_trace(path);  // provenance, dictionaries, every replication's indicators
    } catch (const TraceError& e) {
      report = "e" + e.reason() + '\0' + e.what();
    } catch (const std::bad_alloc&) {
      report = "m";
    } catch (const std::exception& e) {
      report = "e" + std::string(e.what()) + '\0' + "trace file '" + path + "': " + e.what();
    } catch (...) {
      report = "e";
    }
    write_all(fds[1], report);
    ::_exit(0);
  }
  ::close(fds[1]);
  const std::string report = read_all(fds[0]);
  ::close(fds[0]);
  int status = 0;
  pid_t waited = 0;
  while ((waited = ::waitpid(pid, &status, 0)) < 0 && errno == EINTR) {
  }
  if (report == "m") throw std::bad_alloc();
  if (!report.empty() && report[0] == 'e') {
    const auto split = report.find('\0');
    if (split == std::string::npos) throw TraceError::damaged(path);
    throw TraceError::relayed(path, report.substr(1, split - 1), report.substr(split + 1));
  }
  if (report != "k") {
    const int sig = waited == pid && WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    const bool crashed = sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE || sig == SIGABRT;
    if (sig != 0 && !crashed) {
      throw TraceError(path, "a separate reader of it was stopped by signal " + std::to_string(sig) + ", " +
                                 strsignal(sig) + "; try again");
    }
    throw TraceError::damaged(path, crashed ? "reading it crashed a separate reader with signal " +
                                                  std::to_string(sig) + ", " + strsignal(sig)
                                            : "a separate reader of it ended without a word");
  }
}

}  // namespace caresim::io::detail
