#pragma once
// Progress of a run on stderr: a bar that redraws itself on a terminal, plain lines in a
// log, nothing when asked to be quiet. Replications report from worker threads; the count
// printed is the number finished, so the lines' content does not depend on which thread
// finished first (their times do). Progress writes to its own stream only: standard output,
// which scripts parse, and the results never see it.
#include <cstddef>
#include <functional>
#include <mutex>
#include <ostream>
#include <string>

namespace caresim::runner {

/** How progress is shown. */
enum class ProgressMode {
  Quiet,  ///< nothing
  Lines,  ///< a plain line at every tenth of the total (for a log or a pipe)
  Bar,    ///< one line redrawn with a carriage return, ended by a newline (a terminal)
};

/** Quiet when `quiet`, else Bar when standard error is a terminal, else Lines. */
ProgressMode progress_mode_for_stderr(bool quiet);

/** "4.1 s", "2 min 05 s", "1 h 02 min": a duration in seconds for a reader. */
std::string format_duration(double seconds);

/** Counts finished replications out of a total and shows it. Thread-safe. */
class Progress {
 public:
  /** Seconds since a fixed point, never decreasing (steady_clock unless a test fakes it). */
  using Clock = std::function<double()>;

  /** Progress of `total` replications (`total_is_bound`: at most that many, as a precision
   *  run's maximum) shown in `mode` on `out`, which must outlive it. `label` starts every
   *  line ("replication", "writing the results file: replication"). Elapsed time counts
   *  from construction. */
  Progress(ProgressMode mode, std::size_t total, std::ostream& out, std::string label = "replication",
           bool total_is_bound = false, Clock clock = {});
  /** Ends the bar (finish()). */
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  /** One more replication finished: redraws the bar, or prints a line when the count
   *  reaches a new tenth of the total (every count when the total is 10 or less). */
  void done();
  /** Prints a line of its own (a precision run's batch verdict), after ending the bar's
   *  line if one is drawn; nothing when quiet. `line` ends in a newline. */
  void note(const std::string& line);
  /** Ends the bar's line with a newline, once; nothing in the other modes. */
  void finish();

  /** Finished so far. */
  std::size_t count() const;

 private:
  std::string status() const;  // caller holds mutex_
  ProgressMode mode_;
  std::size_t total_;
  std::ostream& out_;
  std::string label_;
  bool bound_;
  Clock clock_;
  double start_ = 0;
  mutable std::mutex mutex_;
  std::size_t done_ = 0;
  std::size_t drawn_width_ = 0;  // characters of the bar's last drawing; 0: no open bar line
};

}  // namespace caresim::runner
