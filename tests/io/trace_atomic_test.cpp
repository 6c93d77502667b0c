// Atomic writing: an interrupted run never leaves a half-written file at the target, and
// an existing target is only replaced when asked (and only if it is a trace).
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <functional>
#include <thread>

#include "io/atomic_target.hpp"
#include "tests/io/trace_test_support.hpp"

using namespace caresim;
using namespace caresim::io::testing;

namespace {

// Exit codes of a child that could not make its attempt (write_in_child says which).
constexpr int kChildPrepareFailed = 3;
constexpr int kChildUnexpectedError = 98;

// Writes `message` for the parent to read; a failed write leaves the exit code to tell.
void report(int fd, const std::string& message) {
  [[maybe_unused]] const ssize_t written = ::write(fd, message.data(), message.size());
}

// Everything a child wrote to `fd` until it closed; closes `fd`.
std::string read_all(int fd) {
  std::string text;
  char buffer[1024];
  for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;) text.append(buffer, static_cast<std::size_t>(n));
  ::close(fd);
  return text;
}

// Runs `body` in a forked child and returns its wait status. The child leaves with
// _exit(body()), skipping the parent's destructors and doctest's bookkeeping. An
// exception that escapes `body` is written to `report_fd` and gives kChildUnexpectedError.
int in_child(const std::function<int()>& body, int report_fd) {
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    int code = kChildUnexpectedError;
    try {
      code = body();
    } catch (const std::exception& e) {
      report(report_fd, std::string("unexpected error in the child: ") + e.what());
    } catch (...) {
      report(report_fd, "unexpected error in the child: an exception that is not a std::exception");
    }
    ::_exit(code);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return status;
}

// What a child saw when it tried to write `target` after `prepare()` (which returns 0, or
// an exit code when it could not set the scene up).
struct ChildAttempt {
  int status;           // wait status; exit code 0: a TraceError naming the target
  std::string message;  // that error's what(), or what went wrong in the child
};
ChildAttempt write_in_child(const std::string& target, const std::function<int()>& prepare,
                            const std::function<void()>& attempt) {
  int pipe_fds[2];
  REQUIRE(::pipe(pipe_fds) == 0);
  const int status = in_child(
      [&] {
        ::close(pipe_fds[0]);
        if (const int code = prepare(); code != 0) {
          report(pipe_fds[1], std::string("the child could not set the scene up: ") + std::strerror(errno));
          return code;
        }
        try {
          attempt();
          report(pipe_fds[1], "the attempt raised no error");
          return 1;
        } catch (const io::TraceError& e) {
          report(pipe_fds[1], e.what());
          return e.path() == target ? 0 : 2;
        }
      },
      pipe_fds[1]);
  ::close(pipe_fds[1]);
  const std::string message = read_all(pipe_fds[0]);
  return ChildAttempt{status, message};
}

// A child that writes replication 0 forever; the parent waits for the temporary file to
// hold some data and returns the child's pid.
pid_t start_endless_writer(const std::string& target, bool handle_signals) {
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    // As in a fresh `caresim` process (doctest has its own crash handlers installed).
    for (const int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) ::signal(sig, SIG_DFL);
    const rlimit no_core{0, 0};  // SIGQUIT's default action dumps core
    ::setrlimit(RLIMIT_CORE, &no_core);
    io::TraceOptions options = test_options();
    options.handle_signals = handle_signals;
    io::TraceWriter writer(target, short_region(1e6), test_provenance({0}), options);
    auto trace = writer.replication(0);
    const auto records = synthetic_movements(100000, 1000);
    for (double shift = 0;; shift += 1000) {
      for (model::MovementRecord r : records) {
        r.time += shift;
        trace->record(r);
      }
    }
  }
  const std::string temporary = io::detail::temporary_name(target, io::detail::temporary_host_name(), pid);
  for (int i = 0; i < 1000; ++i) {
    struct stat info;
    if (::stat(temporary.c_str(), &info) == 0 && info.st_size > 200000) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return pid;
}

}  // namespace

TEST_CASE("a writer destroyed without finish leaves neither the target nor its temporary file") {
  ScratchDir dir;
  const std::string target = dir.file("out.h5");
  {
    io::TraceWriter writer(target, short_region(60), test_provenance({0}), test_options());
    CHECK(writer.temporary() ==
          dir.file(".out.h5.tmp-" + io::detail::temporary_host_name() + "-" + std::to_string(::getpid())));
    CHECK(exists(writer.temporary()));
    auto trace = writer.replication(0);
    for (const auto& r : synthetic_movements(40000, 60)) trace->record(r);
  }
  CHECK_FALSE(exists(target));
  CHECK(dir.entries().empty());
}

TEST_CASE("a process killed with SIGKILL while writing leaves no file at the target") {
  ScratchDir dir;
  const std::string target = dir.file("out.h5");
  const pid_t pid = start_endless_writer(target, true);
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  CHECK(WIFSIGNALED(status));
  CHECK_FALSE(exists(target));
  // The half-written file is there, under its temporary name only, with its lock file
  // (nobody holds the lock now: the next writer deletes both).
  const std::string temporary = ".out.h5.tmp-" + io::detail::temporary_host_name() + "-" + std::to_string(pid);
  std::vector<std::string> entries = dir.entries();
  std::sort(entries.begin(), entries.end());
  CHECK(entries == std::vector<std::string>{temporary, temporary + ".lock"});
  CHECK(io::detail::remove_stale_temporaries(target) == 1);
  CHECK(dir.entries().empty());
}

TEST_CASE("SIGINT or SIGTERM while writing deletes the temporary file and the process dies") {
  for (const int sig : {SIGINT, SIGTERM}) {
    ScratchDir dir;
    const std::string target = dir.file("out.h5");
    const pid_t pid = start_endless_writer(target, true);
    ::kill(pid, sig);
    int status = 0;
    ::waitpid(pid, &status, 0);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == sig);
    CHECK(dir.entries().empty());
  }
}

TEST_CASE("SIGHUP or SIGQUIT while writing deletes the temporary file and the process dies") {
  // At 012b8c0 both left the temporary file behind, as SIGKILL does (10 of 10 trials each).
  for (const int sig : {SIGHUP, SIGQUIT}) {
    ScratchDir dir;
    const std::string target = dir.file("out.h5");
    const pid_t pid = start_endless_writer(target, true);
    ::kill(pid, sig);
    int status = 0;
    ::waitpid(pid, &status, 0);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == sig);
    CHECK(dir.entries().empty());
  }
}

// The pid of a process that has ended and been reaped: kill(pid, 0) fails with ESRCH
// (unless the pid is reused meanwhile, which the test checks).
pid_t dead_pid() {
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) ::_exit(0);
  int status = 0;
  ::waitpid(pid, &status, 0);
  REQUIRE(::kill(pid, 0) == -1);
  REQUIRE(errno == ESRCH);
  return pid;
}

TEST_CASE("a new writer deletes the stale temporary file of a dead process of this host only") {
  ScratchDir dir;
  const std::string target = dir.file("out.h5");
  const std::string host = io::detail::temporary_host_name();
  const pid_t dead = dead_pid();
  const std::string stale = io::detail::temporary_name(target, host, dead);
  const std::string other_host = io::detail::temporary_name(target, host + "-other", dead);
  const std::string alive = io::detail::temporary_name(target, host, ::getppid());
  const std::string old_form = dir.file(".out.h5.tmp-" + std::to_string(dead));
  const std::string other_target = io::detail::temporary_name(dir.file("other.h5"), host, dead);
  for (const std::string& f : {stale, other_host, alive, old_form, other_target}) std::ofstream(f) << "half a file";
  {
    io::TraceWriter writer(target, short_region(60), test_provenance({0}), test_options());
    CHECK_FALSE(exists(stale));
    CHECK(exists(other_host));    // clusters share folders: that pid is another machine's
    CHECK(exists(alive));         // still writing
    CHECK(exists(old_form));      // no host in the name: nothing says whose it is
    CHECK(exists(other_target));  // another target's
  }
  CHECK(io::detail::remove_stale_temporaries(target) == 0);
}

namespace {

// Takes the lock of temporary file `temporary` as its writer on another machine would, from
// an open file of its own; close the result to give it back.
int hold_lock(const std::string& temporary) {
  const int fd = ::open((temporary + ".lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  REQUIRE(fd >= 0);
  REQUIRE(::flock(fd, LOCK_EX | LOCK_NB) == 0);
  return fd;
}

}  // namespace

TEST_CASE("a temporary file whose lock is held is kept even when its pid is dead on this machine") {
  // Two machines with one host name share a folder: the other's writer has a pid that is
  // dead here, and only its lock says it is still writing.
  ScratchDir dir;
  const std::string target = dir.file("out.h5");
  const std::string host = io::detail::temporary_host_name();
  const pid_t dead = dead_pid();
  const std::string other_machine = io::detail::temporary_name(target, host, dead);
  std::ofstream(other_machine) << "half a file";
  const int lock = hold_lock(other_machine);  // another open file: flock() refuses it to the cleaner
  CHECK(io::detail::remove_stale_temporaries(target) == 0);
  {
    io::TraceWriter writer(target, short_region(60), test_provenance({0}), test_options());
    CHECK(exists(other_machine));
    CHECK(exists(other_machine + ".lock"));
  }
  // Its writer is done (gives back the lock) or was killed: the file is stale now.
  ::close(lock);
  CHECK(io::detail::remove_stale_temporaries(target) == 1);
  CHECK_FALSE(exists(other_machine));
  CHECK_FALSE(exists(other_machine + ".lock"));
  // A lock file left alone (its writer killed after deleting the temporary file) goes too.
  std::ofstream(other_machine + ".lock") << "";
  CHECK(io::detail::remove_stale_temporaries(target) == 0);
  CHECK_FALSE(exists(other_machine + ".lock"));
}

TEST_CASE("a writer holds its temporary file's lock until it is done") {
  ScratchDir dir;
  const std::string target = dir.file("out.h5");
  const auto lock_is_taken = [&](pid_t pid) {
    const std::string lock = io::detail::temporary_name(target, io::detail::temporary_host_name(), pid) + ".lock";
    const int fd = ::open(lock.c_str(), O_RDWR | O_CLOEXEC);
    REQUIRE(fd >= 0);
    // A shared lock too is refused only by an exclusive one.
    const bool taken = ::flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
    ::close(fd);
    return taken;
  };
  {
    io::TraceWriter writer(target, short_region(60), test_provenance({0}), test_options());
    CHECK(lock_is_taken(::getpid()));  // exclusively: another open file cannot even share it
    writer.replication(0)->finish(synthetic_indicators());
    writer.finish();
  }
  CHECK(dir.entries() == std::vector<std::string>{"out.h5"});  // the lock file went with the temporary
}

TEST_CASE("a writer whose temporary name another machine of the same host name holds locked is refused") {
  // The same host name and the same pid on two machines: without the lock, the second
  // would delete the first's file as left by a killed process of its own pid.
  ScratchDir dir;
  const std::string target = dir.file("out.h5");
  const std::string temporary = io::detail::temporary_name(target, io::detail::temporary_host_name(), ::getpid());
  std::ofstream(temporary) << "the other machine's half file";
  const int lock = hold_lock(temporary);
  CHECK_THROWS_WITH_AS(
      io::TraceWriter(target, short_region(60), test_provenance({0}), test_options()),
      ("trace file '" + target + "': its temporary file '" + temporary +
       "' is being written by another process with this host name and process id (another machine "
       "named " +
       io::detail::temporary_host_name() + " that shares this folder); write to another path, or wait until it is done")
          .c_str(),
      io::TraceError);
  CHECK(slurp(temporary) == "the other machine's half file");
  CHECK_FALSE(exists(target));
  ::close(lock);
  // With the lock given back, the next writer takes the name over and writes the target.
  {
    io::TraceWriter writer(target, short_region(60), test_provenance({0}), test_options());
    writer.replication(0)->finish(synthetic_indicators());
    writer.finish();
  }
  CHECK(exists(target));
  CHECK_FALSE(exists(temporary));
  CHECK_FALSE(exists(temporary + ".lock"));
}

TEST_CASE("an existing target is not overwritten without force") {
  ScratchDir dir;
  const std::string target = dir.file("out.h5");
  write_synthetic_trace(target, synthetic_movements(10, 60));
  const std::string before = slurp(target);
  try {
    io::TraceWriter writer(target, short_region(60), test_provenance({0}), test_options());
    FAIL("no error");
  } catch (const io::TraceError& e) {
    CHECK(e.path() == target);
    CHECK(e.reason() == "already exists; use --force to overwrite it");
    CHECK(std::string(e.what()) == "trace file '" + target + "': already exists; use --force to overwrite it");
  }
  CHECK(slurp(target) == before);
  CHECK(dir.entries() == std::vector<std::string>{"out.h5"});
}

TEST_CASE("force replaces an existing trace") {
  ScratchDir dir;
  const std::string target = dir.file("out.h5");
  write_synthetic_trace(target, synthetic_movements(10, 60), io::TraceLevel::None);
  io::TraceWriter writer(target, short_region(60), test_provenance({0}), test_options(io::TraceLevel::Summary, true));
  auto trace = writer.replication(0);
  trace->finish(synthetic_indicators());
  writer.finish();
  CHECK(io::read_provenance(target).level == io::TraceLevel::Summary);
  CHECK(dir.entries() == std::vector<std::string>{"out.h5"});
}

TEST_CASE("a target that is not an HDF5 file is refused even with force") {
  ScratchDir dir;
  const std::string target = dir.file("notes.h5");
  std::ofstream(target) << "not a trace\n";
  for (const bool force : {false, true}) {
    try {
      io::TraceWriter writer(target, short_region(60), test_provenance({0}), test_options(io::TraceLevel::None, force));
      FAIL("no error");
    } catch (const io::TraceError& e) {
      CHECK(e.path() == target);
      CHECK(e.reason() == (force ? "exists and is not an HDF5 file; refusing to overwrite it, even with --force"
                                 : "already exists; use --force to overwrite it"));
    }
  }
  CHECK(slurp(target) == "not a trace\n");
}

TEST_CASE("a missing folder gives an error naming the path") {
  ScratchDir dir;
  const std::string target = dir.file("no/such/folder/out.h5");
  try {
    io::TraceWriter writer(target, short_region(60), test_provenance({0}), test_options());
    FAIL("no error");
  } catch (const io::TraceError& e) {
    CHECK(e.path() == target);
    CHECK(e.reason() == "folder '" + dir.file("no/such/folder") + "': No such file or directory");
  }
}

TEST_CASE("an unwritable folder gives an error naming the path") {
  ScratchDir dir;
  const std::string folder = dir.file("read-only");
  REQUIRE(::mkdir(folder.c_str(), 0555) == 0);
  REQUIRE(::chmod(dir.path().c_str(), 0755) == 0);
  const std::string target = folder + "/out.h5";
  // Root may write anywhere, so the attempt runs in a child without privileges. Everything
  // the writer needs is read before they are dropped: user nobody may not be able to read
  // the checkout (a clone inside a 0700 home folder).
  const model::Parameters region = short_region(60);
  const io::TraceProvenance provenance = test_provenance({0});
  const ChildAttempt child = write_in_child(
      target,
      [] { return ::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0) ? kChildPrepareFailed : 0; },
      [&] { io::TraceWriter writer(target, region, provenance, test_options()); });
  INFO(child.message);
  REQUIRE(WIFEXITED(child.status));
  CHECK(WEXITSTATUS(child.status) == 0);
  CHECK(child.message ==
        "trace file '" + target + "': cannot create a file in folder '" + folder + "': Permission denied");
  CHECK_FALSE(exists(target));
}

TEST_CASE("a full disk gives an error and leaves no file behind") {
  ScratchDir dir;
  const std::string target = dir.file("out.h5");
  // A file size limit makes writes fail with EFBIG, as a full disk fails them with ENOSPC.
  const ChildAttempt child = write_in_child(
      target,
      [] {
        ::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{200000, 200000};
        return ::setrlimit(RLIMIT_FSIZE, &limit) == 0 ? 0 : kChildPrepareFailed;
      },
      [&] { write_synthetic_trace(target, synthetic_movements(400000, 60)); });
  INFO(child.message);
  REQUIRE(WIFEXITED(child.status));
  CHECK(WEXITSTATUS(child.status) == 0);
  CHECK(child.message.rfind("trace file '" + target + "': ", 0) == 0);
  CHECK(child.message.find("File too large") != std::string::npos);
  CHECK(dir.entries().empty());
}

TEST_CASE("a process whose write failed on a full disk exits with its own status and no crash") {
  // HDF5 1.10.8 keeps a dataset whose close failed and crashed closing it again in its
  // exit-time cleanup (SIGSEGV after the right message, 8 of 8 disk-full runs); the test
  // program, like caresim, turns that cleanup off first (io/hdf5_process.hpp).
  ScratchDir dir;
  const std::string target = dir.file("out.h5");
  int pipe_fds[2];
  REQUIRE(::pipe(pipe_fds) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::close(pipe_fds[0]);
    ::signal(SIGXFSZ, SIG_IGN);
    const rlimit limit{200000, 200000};
    if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) ::_exit(kChildPrepareFailed);
    try {
      write_synthetic_trace(target, synthetic_movements(400000, 60));
      report(pipe_fds[1], "the write raised no error");
    } catch (const std::exception& e) {
      report(pipe_fds[1], e.what());
    }
    std::exit(7);  // not _exit: the exit-time cleanups run, as at the end of caresim
  }
  ::close(pipe_fds[1]);
  const std::string message = read_all(pipe_fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  INFO(message);
  CHECK(message.find("File too large") != std::string::npos);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 7);
  CHECK(dir.entries().empty());
}

TEST_CASE("a second writer to the same target in one process is refused") {
  ScratchDir dir;
  const std::string target = dir.file("out.h5");
  io::TraceWriter first(target, short_region(60), test_provenance({0}), test_options());
  CHECK_THROWS_WITH_AS(io::TraceWriter(target, short_region(60), test_provenance({0}), test_options()),
                       ("trace file '" + target + "': is already being written by this process").c_str(),
                       io::TraceError);
}
