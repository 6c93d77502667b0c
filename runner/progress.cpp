#include "runner/progress.hpp"

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <utility>

namespace caresim::runner {

namespace {

constexpr std::size_t kBarCells = 24;

double steady_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

ProgressMode progress_mode_for_stderr(bool quiet) {
  if (quiet) return ProgressMode::Quiet;
  return ::isatty(STDERR_FILENO) == 1 ? ProgressMode::Bar : ProgressMode::Lines;
}

std::string format_duration(double seconds) {
  char text[48];
  if (!std::isfinite(seconds) || seconds < 0) return "?";
  if (seconds < 59.95) {
    std::snprintf(text, sizeof text, "%.1f s", seconds);
  } else if (seconds < 3600) {
    const auto s = static_cast<long>(std::lround(seconds));
    std::snprintf(text, sizeof text, "%ld min %02ld s", s / 60, s % 60);
  } else {
    const auto m = static_cast<long>(std::lround(seconds / 60));
    std::snprintf(text, sizeof text, "%ld h %02ld min", m / 60, m % 60);
  }
  return text;
}

Progress::Progress(ProgressMode mode, std::size_t total, std::ostream& out, std::string label, bool total_is_bound,
                   Clock clock)
    : mode_(mode),
      total_(total),
      out_(out),
      label_(std::move(label)),
      bound_(total_is_bound),
      clock_(clock ? std::move(clock) : Clock(steady_seconds)),
      start_(clock_()) {}

Progress::~Progress() {
  try {
    finish();
  } catch (...) {
    // A stream that throws while the run unwinds: the progress line is not worth a second error.
  }
}

std::string Progress::status() const {
  const double elapsed = clock_() - start_;
  std::string text = label_ + " " + std::to_string(done_) + (bound_ ? " of at most " : "/") + std::to_string(total_) +
                     " done, " + format_duration(elapsed) + " elapsed";
  if (done_ > 0 && done_ < total_) {
    const double left = elapsed / static_cast<double>(done_) * static_cast<double>(total_ - done_);
    text += (bound_ ? ", at most " : ", ETA ") + format_duration(left) + (bound_ ? " left" : "");
  }
  return text;
}

void Progress::done() {
  const std::lock_guard lock(mutex_);
  ++done_;
  if (mode_ == ProgressMode::Quiet || total_ == 0) return;
  if (mode_ == ProgressMode::Lines) {
    // A line whenever the count enters a new tenth: the same counts whatever the timing.
    if (done_ * 10 / total_ != (done_ - 1) * 10 / total_ || total_ <= 10) out_ << status() << '\n' << std::flush;
    return;
  }
  const std::size_t filled = std::min(kBarCells, done_ * kBarCells / total_);
  // Appended piece by piece: g++ 12 warns (-Wrestrict, a false positive) on "[" + string.
  std::string line(1, '[');
  line.append(filled, '#').append(kBarCells - filled, ' ').append("] ").append(status());
  const std::size_t width = line.size();
  // Blanks over what is left of a longer previous drawing.
  if (width < drawn_width_) line.append(drawn_width_ - width, ' ');
  out_ << '\r' << line << std::flush;
  drawn_width_ = width;
}

void Progress::note(const std::string& line) {
  const std::lock_guard lock(mutex_);
  if (mode_ == ProgressMode::Quiet) return;
  if (drawn_width_ > 0) out_ << '\n';
  drawn_width_ = 0;
  out_ << line << std::flush;
}

void Progress::finish() {
  const std::lock_guard lock(mutex_);
  if (drawn_width_ > 0) out_ << '\n' << std::flush;
  drawn_width_ = 0;
}

std::size_t Progress::count() const {
  const std::lock_guard lock(mutex_);
  return done_;
}

}  // namespace caresim::runner
