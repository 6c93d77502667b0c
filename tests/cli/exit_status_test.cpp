// The exit statuses of the caresim program (cli/exit_status.hpp), run as a user runs it:
// 0 done, 1 input/data/output problem, 2 usage, 3 memory, threads or internal error.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "tests/io/trace_test_support.hpp"

using caresim::io::testing::ScratchDir;

namespace {

struct Outcome {
  bool exited = false;  // false: ended by a signal
  int status = -1;      // exit status, or the signal
  std::string err;      // what it wrote to stderr
};

struct Limits {
  std::optional<rlim_t> file_size;      // RLIMIT_FSIZE: a full disk without a disk
  std::optional<rlim_t> address_space;  // RLIMIT_AS: out of memory
};

// Runs the caresim program with `args`, stdout discarded, stderr captured.
Outcome run_caresim(const std::vector<std::string>& args, Limits limits = {}) {
  int err_pipe[2];
  REQUIRE(::pipe(err_pipe) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::dup2(err_pipe[1], 2);
    ::close(err_pipe[0]);
    ::close(err_pipe[1]);
    if (std::FILE* null = std::freopen("/dev/null", "w", stdout); null == nullptr) ::_exit(120);
    if (limits.file_size) {
      ::signal(SIGXFSZ, SIG_IGN);
      const rlimit l{*limits.file_size, *limits.file_size};
      if (::setrlimit(RLIMIT_FSIZE, &l) != 0) ::_exit(121);
    }
    if (limits.address_space) {
      const rlimit l{*limits.address_space, *limits.address_space};
      if (::setrlimit(RLIMIT_AS, &l) != 0) ::_exit(122);
    }
    std::vector<char*> argv{const_cast<char*>(CARESIM_PROGRAM)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(CARESIM_PROGRAM, argv.data());
    ::_exit(123);
  }
  ::close(err_pipe[1]);
  Outcome out;
  char buffer[4096];
  for (ssize_t n; (n = ::read(err_pipe[0], buffer, sizeof buffer)) > 0;)
    out.err.append(buffer, static_cast<std::size_t>(n));
  ::close(err_pipe[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  out.exited = WIFEXITED(status);
  out.status = out.exited ? WEXITSTATUS(status) : WTERMSIG(status);
  return out;
}

const std::string kScenarios = CARESIM_SCENARIOS_DIR;

// A short run of the reference region (no warm-up) over `years` with `replications`.
std::vector<std::string> short_run(std::vector<std::string> more = {}, const std::string& years = "1",
                                   const std::string& replications = "1") {
  std::vector<std::string> args{"run",     kScenarios + "/reference-region.yaml",
                                "-r",      replications,
                                "--years", years,
                                "--set",   "simulation.warmup_years=0"};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

void check_status(const Outcome& o, int expected, const std::string& says) {
  INFO(o.err);
  REQUIRE(o.exited);
  CHECK(o.status == expected);
  CHECK(o.err.find(says) != std::string::npos);
}

}  // namespace

TEST_CASE("caresim exits 0 when it is done and lists its exit statuses in its help") {
  ScratchDir dir;
  check_status(run_caresim(short_run({"-o", dir.file("out.h5")})), 0, "");
  check_status(run_caresim({"inspect", dir.file("out.h5")}), 0, "");
  const Outcome help = run_caresim({"--help"});
  CHECK(help.status == 0);
  // Help goes to stdout, which the runner discards; the same text must reach stderr on misuse.
  const Outcome bare = run_caresim({});
  check_status(bare, 2, "Exit status:\n  0  done");
  CHECK(bare.err.find("  3  out of memory") != std::string::npos);
}

TEST_CASE("a bad scenario, a damaged or unwritable results file and a full disk exit 1") {
  ScratchDir dir;
  check_status(run_caresim({"run", dir.file("no-such.yaml")}), 1, "cannot read file: No such file or directory");
  check_status(run_caresim(short_run({"-o", dir.file("no/such/folder/out.h5")})), 1, "No such file or directory");

  const std::string good = dir.file("good.h5");
  check_status(run_caresim(short_run({"-o", good})), 0, "");
  std::string bytes = caresim::io::testing::slurp(good);
  bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x04);
  const std::string damaged = dir.file("damaged.h5");
  std::ofstream(damaged, std::ios::binary) << bytes;
  check_status(run_caresim({"inspect", damaged}), 1, "damaged or not a caresim results file: " + damaged);
  check_status(run_caresim({"rerun", damaged}), 1, "damaged or not a caresim results file: " + damaged);

  // A full disk during the run (a file-size limit fails writes as a full disk does), with a
  // good file at the target: exit 1 with the message, never a crash; the good file stays.
  const Outcome full = run_caresim(short_run({"-o", good, "--force"}, "4"), Limits{100000, std::nullopt});
  check_status(full, 1, "File too large");
  const std::string after = caresim::io::testing::slurp(good);
  bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x04);
  CHECK(after == bytes);
  CHECK(dir.entries().size() == 2);  // good.h5 and damaged.h5: no temporary left
}

TEST_CASE("a wrong command line exits 2") {
  const auto scenario = kScenarios + "/reference-region.yaml";
  check_status(run_caresim({"frobnicate"}), 2, "unknown command \"frobnicate\"");
  check_status(run_caresim({"run", scenario, "--no-such-option"}), 2, "unrecognised option '--no-such-option'");
  check_status(run_caresim({"run", scenario, "-j", "-1"}), 2, "-j/--threads must be at least 1, found -1");
  check_status(run_caresim({"run", scenario, "-j", "0"}), 2, "-j/--threads must be at least 1, found 0");
  check_status(run_caresim({"run", scenario, "-o", ""}), 2, "-o/--output names no file (an empty name)");
  check_status(run_caresim({"rerun", "x.h5", "-o", ""}), 2, "-o/--output names no file (an empty name)");
  check_status(run_caresim({"run"}), 2, "name a scenario file");
}

TEST_CASE("more threads than cores run on the cores and say so") {
  const Outcome o = run_caresim(short_run({"-j", "5000"}, "1", "3"));
  check_status(o, 0, "-j 5000 is more than the ");
}

#if defined(__SANITIZE_ADDRESS__)
#define CARESIM_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CARESIM_UNDER_ASAN 1
#endif
#endif

#ifndef CARESIM_UNDER_ASAN  // AddressSanitizer reserves terabytes of address space: no RLIMIT_AS
TEST_CASE("running out of memory exits 3 and says so") {
  // The address-space limit at which the program starts but the model cannot allocate
  // depends on the shared libraries' sizes, so a few limits are tried; each run must end
  // with 0 or 3 (or fail to start at all: 127), never with a signal.
  int out_of_memory = 0;
  for (const rlim_t megabytes : {35, 45, 55}) {
    const Outcome o = run_caresim(short_run({"--set", "municipalities.chuo.population=3000000"}),
                                  Limits{std::nullopt, megabytes << 20});
    INFO(megabytes << " MiB: " << o.err);
    REQUIRE(o.exited);
    CHECK((o.status == 0 || o.status == 3 || o.status == 127));
    if (o.status == 3) {
      CHECK(o.err.find("out of memory. Fewer replications at a time") != std::string::npos);
      CHECK(o.err.find("std::bad_alloc") == std::string::npos);
      ++out_of_memory;
    }
  }
  CHECK(out_of_memory > 0);
}
#endif
