// Scenario input that is not a scenario: FIFOs, devices, huge files, other plain-text
// files, NUL in a path, CR-only line ends, tags, over-long keys and escape sequences
// (reliability review, section 1; docs/reliability.md, "Hostile and odd scenario input").
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "scenario/compose.hpp"
#include "scenario_test_support.hpp"
#include "tests/io/trace_test_support.hpp"

using namespace caresim::scenario;
using namespace caresim::scenario::testing;
using caresim::io::testing::ScratchDir;

namespace {

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

LoadResult load_path(const std::string& path) {
  return load_scenario(test_schema(), path);
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/** Sets an environment variable for one scope. */
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) { ::setenv(name, value.c_str(), 1); }
  ~ScopedEnv() { ::unsetenv(name_); }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
};

}  // namespace

TEST_SUITE("scenario") {
  TEST_CASE("a FIFO as the scenario or in extends is refused without being opened") {
    // At 012b8c0 `check f.yaml` and `extends: f.yaml` on a FIFO blocked for ever.
    ScratchDir dir;
    const std::string fifo = dir.file("f.yaml");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const Diagnostic direct = single_diagnostic(load_path(fifo));
    CHECK(direct.message ==
          "cannot read file: is not a regular file (a FIFO, a device or a socket); a scenario is a regular file");
    write_file(dir.file("s.yaml"), "extends: f.yaml\n");
    const Diagnostic via = single_diagnostic(load_path(dir.file("s.yaml")));
    CHECK(via.where.to_string() == dir.file("s.yaml") + ":1:10");
    CHECK(via.message == "cannot read \"" + fifo +
                             "\": is not a regular file (a FIFO, a device or a socket); a scenario is a regular file");
  }

  TEST_CASE("a device in extends is refused without being read") {
    // At 012b8c0 extends: /dev/zero took 4 GB before std::bad_alloc; /dev/urandom ran on.
    ScratchDir dir;
    for (const std::string device : {"/dev/zero", "/dev/urandom"}) {
      write_file(dir.file("s.yaml"), "extends: " + device + "\n");
      const Diagnostic d = single_diagnostic(load_path(dir.file("s.yaml")));
      CHECK(d.message == "cannot read \"" + device +
                             "\": is not a regular file (a FIFO, a device or a socket); a scenario is a regular file");
    }
  }

  TEST_CASE("a scenario file over the size limit is refused before it is parsed naming its size and the limit") {
    // At 012b8c0 a 10 MB flow list took 1.5 GB to be refused, 100 MB 7.8 GB.
    ScratchDir dir;
    const std::string big = dir.file("big.yaml");
    std::string text = "title: [";
    while (text.size() <= kMaxScenarioFileBytes) text += "1.5, ";
    text += "1.5]\n";
    write_file(big, text);
    const Diagnostic d = single_diagnostic(load_path(big));
    CHECK(d.where.to_string() == big);
    CHECK(d.message == "cannot read file: it is " + std::to_string(text.size()) +
                           " bytes, more than the limit of 8388608 bytes for a scenario file (8 MiB; "
                           "CARESIM_SCENARIO_MAX_BYTES=BYTES allows more)");
    // The same file named by extends.
    write_file(dir.file("s.yaml"), "extends: big.yaml\n");
    CHECK(contains(single_diagnostic(load_path(dir.file("s.yaml"))).message, "more than the limit of 8388608 bytes"));
  }

  TEST_CASE("the scenario size limit can be changed by CARESIM_SCENARIO_MAX_BYTES") {
    ScratchDir dir;
    const std::string file = dir.file("s.yaml");
    write_file(file, std::string(kMinimal));
    {
      const ScopedEnv limit("CARESIM_SCENARIO_MAX_BYTES", "10");
      CHECK(single_diagnostic(load_path(file)).message ==
            "cannot read file: it is " + std::to_string(kMinimal.size()) +
                " bytes, more than the limit of 10 bytes for a scenario file (set by CARESIM_SCENARIO_MAX_BYTES)");
      CHECK_FALSE(load_text(kMinimal).ok());  // text in memory, e.g. a results file's stored scenario
    }
    const ScopedEnv limit("CARESIM_SCENARIO_MAX_BYTES", "100000");
    const LoadResult r = load_path(file);
    INFO(r.report());
    CHECK(r.ok());
  }

  TEST_CASE("a plain-text file named by extends is refused without echoing its content") {
    // At 012b8c0 extends: /etc/passwd printed the whole file in the message.
    ScratchDir dir;
    const std::string secret = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n";
    write_file(dir.file("passwd"), secret);
    write_file(dir.file("s.yaml"), "extends: passwd\n");
    const LoadResult r = load_path(dir.file("s.yaml"));
    const Diagnostic d = single_diagnostic(r);
    CHECK(d.message == "expected a map of keys at the top of the scenario, found text of " +
                           std::to_string(secret.size() - 1) + " bytes (not shown)");
    CHECK_FALSE(contains(r.report(), "root:x:0:0"));
    CHECK_FALSE(contains(r.report(), "/bin/bash"));
  }

  TEST_CASE("a long value quoted in a message is cut to an excerpt") {
    const LoadResult r = load_text("municipalities:\n  kita:\n    population: \"" + std::string(5000, '7') + "x\"\n");
    const std::string report = r.report();
    CHECK(contains(report, std::string(80, '7') + "... (5001 bytes)"));
    CHECK(report.size() < 1000);
  }

  TEST_CASE("a NUL in an extends path is named instead of cutting the path") {
    // At 012b8c0 extends: "base.yaml\0junk" silently opened base.yaml.
    ScratchDir dir;
    write_file(dir.file("base.yaml"), std::string(kMinimal));
    write_file(dir.file("s.yaml"), "extends: \"base.yaml\\0junk\"\n");
    const Diagnostic d = single_diagnostic(load_path(dir.file("s.yaml")));
    CHECK(d.where.line == 1);
    CHECK(d.path == "extends");
    CHECK(d.message == "the path holds a NUL byte (U+0000) after \"base.yaml\"; no file name can hold one");
  }

  TEST_CASE("CR-only line ends are named instead of reporting missing keys") {
    // At 012b8c0: "hospitals: expected at least 1 hospital, found 0" and two more.
    const LoadResult r = load_text("municipalities:\r  kita:\r    population: 100\r");
    const Diagnostic d = single_diagnostic(r);
    CHECK(d.where.to_string() == "inline.yaml:1:16");
    CHECK(d.message ==
          "a line ends in a carriage return alone (CR, the line end of classic Mac OS); YAML here reads lines that "
          "end in LF or CR LF, and would take the whole file for one line");
    CHECK(load_text("municipalities:\r\n  kita:\r\n    population: 100\r\n").ok());  // CR LF is fine
  }

  TEST_CASE("a custom YAML tag is refused where it stands") {
    // At 012b8c0 `!foo 3` was read as 3 without a word.
    const Diagnostic d = single_diagnostic(load_text("municipalities:\n  kita:\n    population: !foo 100\n"));
    CHECK(d.where.to_string() == "inline.yaml:3:17");
    CHECK(d.path == "municipalities.kita.population");
    CHECK(d.message == "the YAML tag !foo is not supported in a scenario");
    CHECK(single_diagnostic(load_text("!bar municipalities:\n  kita:\n    population: 100\n")).message ==
          "the YAML tag !bar is not supported in a scenario");
  }

  TEST_CASE("binary data in a scenario is refused instead of kept as base64 text") {
    // At 012b8c0 `!!binary aGVsbG8=` was kept as the text aGVsbG8=.
    const Diagnostic d = single_diagnostic(load_text(std::string(kMinimal) + "title: !!binary aGVsbG8=\n"));
    CHECK(d.path == "title");
    CHECK(d.message == "binary data (the tag !!binary) is not supported in a scenario");
  }

  TEST_CASE("a key over 1024 characters is named before the syntax error it causes") {
    // At 012b8c0 only "YAML syntax error: end of map flow not found".
    const LoadResult r = load_text(std::string(kMinimal) + "title: {" + std::string(1000000, 'k') + ": 1}\n");
    REQUIRE(r.diagnostics().size() == 2);
    CHECK(r.diagnostics()[0].where.to_string() == "inline.yaml:4:9");
    CHECK(r.diagnostics()[0].message ==
          "YAML reads a key of at most 1024 characters; this one has 1000000 (the cause of the syntax error that "
          "follows)");
    CHECK(contains(r.diagnostics()[1].message, "YAML syntax error"));
  }

  TEST_CASE("an escape sequence in a scenario value is shown escaped in the message") {
    // At 012b8c0 a quoted "\e]0;owned\a\e[2J" reached the terminal raw.
    const LoadResult r = load_text("municipalities:\n  kita:\n    population: \"\\e]0;owned\\a\\e[2J\"\n");
    const std::string report = r.report();
    CHECK(contains(report, "found \"\\x1b]0;owned\\x07\\x1b[2J\""));
    CHECK_FALSE(contains(report, "\x1b"));
    CHECK_FALSE(contains(report, "\x07"));
  }

  TEST_CASE("a stored resolved scenario may not extend another file") {
    // A results file's scenario steered rerun to /etc/passwd or /dev/zero at 012b8c0.
    ScratchDir dir;
    write_file(dir.file("base.yaml"), std::string(kMinimal));
    const std::string stored = "extends: base.yaml\ntitle: x\n";
    CHECK(load_scenario_text(test_schema(), stored, dir.file("stored.yaml")).ok());  // a scenario may
    const Diagnostic d = single_diagnostic(load_resolved_text(test_schema(), stored, dir.file("stored.yaml")));
    CHECK(d.path == "extends");
    CHECK(d.message == "a stored, resolved scenario may not extend another file");
    const LoadResult plain = load_resolved_text(test_schema(), std::string(kMinimal), dir.file("stored.yaml"));
    INFO(plain.report());
    CHECK(plain.ok());
  }

  TEST_CASE("a value written over its base is listed before the follow-on problems it causes in the base") {
    // At 012b8c0 `municipalities: [chuo]` in s.yaml gave 23 follow-on problems in the base
    // first (sorted by file name) and the cause last.
    ScratchDir dir;
    write_file(dir.file("a_base.yaml"),
               "municipalities:\n  kita:\n    population: 100\n"
               "hubs:\n  north:\n    municipalities: [kita]\n    crisis_beds: 2\n");
    write_file(dir.file("s.yaml"), "extends: a_base.yaml\nmunicipalities: [kita]\n");
    const LoadResult r = load_path(dir.file("s.yaml"));
    REQUIRE(r.diagnostics().size() >= 2);
    CHECK(r.diagnostics().front().where.to_string() == dir.file("s.yaml") + ":2:17");
    CHECK(contains(r.diagnostics().front().message, "found a list"));
    CHECK(r.diagnostics().back().where.file == dir.file("a_base.yaml"));
  }
}
