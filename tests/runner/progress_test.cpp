// Progress on stderr (runner/progress.hpp): plain lines at every tenth, a bar redrawn with
// carriage returns, nothing when quiet; counts from several threads, times from a fake clock.
#include "runner/progress.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace caresim;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("plain progress lines come at every tenth of the total with the elapsed time and an ETA") {
  double now = 100;
  std::ostringstream out;
  runner::Progress progress(runner::ProgressMode::Lines, 20, out, "replication", false, [&] { return now; });
  for (int i = 0; i < 20; ++i) {
    now += 1;
    progress.done();
  }
  const auto lines = lines_of(out.str());
  REQUIRE(lines.size() == 10);
  CHECK(lines[0] == "replication 2/20 done, 2.0 s elapsed, ETA 18.0 s");
  CHECK(lines[4] == "replication 10/20 done, 10.0 s elapsed, ETA 10.0 s");
  CHECK(lines[9] == "replication 20/20 done, 20.0 s elapsed");
  CHECK(out.str().find('\r') == std::string::npos);
}

TEST_CASE("a short run prints a progress line for every replication") {
  std::ostringstream out;
  runner::Progress progress(runner::ProgressMode::Lines, 3, out, "replication", false, [] { return 0.0; });
  for (int i = 0; i < 3; ++i) progress.done();
  CHECK(lines_of(out.str()).size() == 3);
}

TEST_CASE("a bounded total is said as at most and its time left as an upper bound") {
  double now = 0;
  std::ostringstream out;
  runner::Progress progress(runner::ProgressMode::Lines, 100, out, "replication", true, [&] { return now; });
  for (int i = 0; i < 10; ++i) {
    now += 0.5;
    progress.done();
  }
  CHECK(out.str() == "replication 10 of at most 100 done, 5.0 s elapsed, at most 45.0 s left\n");
}

TEST_CASE("the progress bar redraws one line with carriage returns and ends it with a newline") {
  double now = 0;
  std::ostringstream out;
  runner::Progress progress(runner::ProgressMode::Bar, 4, out, "replication", false, [&] { return now; });
  for (int i = 0; i < 4; ++i) {
    now += 2;
    progress.done();
  }
  const std::string drawn = out.str();
  CHECK(drawn.find('\n') == std::string::npos);
  CHECK(drawn.rfind("\r[######                  ] replication 1/4 done, 2.0 s elapsed, ETA 6.0 s", 0) == 0);
  CHECK(drawn.find("\r[########################] replication 4/4 done, 8.0 s elapsed") != std::string::npos);
  progress.finish();
  progress.finish();
  CHECK(out.str() == drawn + "\n");
}

TEST_CASE("the progress bar blanks what is left of a longer drawing") {
  double now = 0;
  std::ostringstream out;
  runner::Progress progress(runner::ProgressMode::Bar, 2, out, "replication", false, [&] { return now; });
  now = 75;  // "1 min 15 s" and an ETA: longer than the last drawing, which has none
  progress.done();
  const std::size_t first = out.str().size() - 1;  // without its '\r'
  now = 76;
  progress.done();
  const std::string last = out.str().substr(first + 1);
  CHECK(last.size() == first + 1);
  CHECK(last.back() == ' ');
}

TEST_CASE("a note ends the progress bar's line before it is printed") {
  std::ostringstream out;
  runner::Progress progress(runner::ProgressMode::Bar, 2, out, "replication", false, [] { return 0.0; });
  progress.done();
  progress.note("precision: batch 1\n");
  const std::string text = out.str();
  CHECK(text.substr(text.size() - 20) == "\nprecision: batch 1\n");
  progress.finish();
  CHECK(out.str() == text);  // no open bar line to end
}

TEST_CASE("quiet progress prints nothing, notes included, and still counts") {
  std::ostringstream out;
  runner::Progress progress(runner::ProgressMode::Quiet, 5, out);
  for (int i = 0; i < 5; ++i) progress.done();
  progress.note("precision: batch 1\n");
  progress.finish();
  CHECK(out.str().empty());
  CHECK(progress.count() == 5);
}

TEST_CASE("progress reported from four threads counts every replication once and prints the same lines") {
  std::ostringstream out;
  runner::Progress progress(runner::ProgressMode::Lines, 1000, out, "replication", false, [] { return 1.0; });
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 250; ++i) progress.done();
    });
  for (auto& t : threads) t.join();
  CHECK(progress.count() == 1000);
  const auto lines = lines_of(out.str());
  REQUIRE(lines.size() == 10);
  for (std::size_t i = 0; i < lines.size(); ++i)
    CHECK(lines[i].rfind("replication " + std::to_string(100 * (i + 1)) + "/1000 done", 0) == 0);
}

TEST_CASE("durations read as seconds, minutes and seconds, or hours and minutes") {
  CHECK(runner::format_duration(4.06) == "4.1 s");
  CHECK(runner::format_duration(125) == "2 min 05 s");
  CHECK(runner::format_duration(3720) == "1 h 02 min");
  CHECK(runner::format_duration(-1) == "?");
}

TEST_CASE("progress is quiet when asked whatever standard error is") {
  CHECK(runner::progress_mode_for_stderr(true) == runner::ProgressMode::Quiet);
  CHECK(runner::progress_mode_for_stderr(false) != runner::ProgressMode::Quiet);
}
