#pragma once
// The one exception the trace library throws for anything that goes wrong with a file:
// the CLI prints it and exits non-zero.
#include <stdexcept>
#include <string>

namespace caresim::io {

/** A trace file could not be written or read: an unwritable folder, a full disk, an
 *  existing target without `force`, a target that is not an HDF5 file, an HDF5 failure.
 *  what() reads "trace file '<path>': <reason>". */
class TraceError : public std::runtime_error {
 public:
  /** `path` is the file the user named (the target, never the temporary name unless the
   *  temporary file itself is the problem); `reason` says what failed and why. */
  TraceError(std::string path, std::string reason)
      : std::runtime_error("trace file '" + path + "': " + reason),
        path_(std::move(path)),
        reason_(std::move(reason)) {}

  /** A file whose seal does not hold, or which is not a results file at all: what() reads
   *  "damaged or not a caresim results file: <path>" and, if `detail` is given, " (<detail>)". */
  static TraceError damaged(std::string path, const std::string& detail = {}) {
    std::string reason = "damaged or not a caresim results file";
    std::string what = reason + ": " + path + (detail.empty() ? "" : " (" + detail + ")");
    return TraceError(std::move(path), std::move(reason), std::move(what));
  }

  /** An error as another process reported it: what() is `what` unchanged. */
  static TraceError relayed(std::string path, std::string reason, std::string what) {
    return TraceError(std::move(path), std::move(reason), std::move(what));
  }

  /** The file concerned. */
  const std::string& path() const { return path_; }
  /** What failed, without the path. */
  const std::string& reason() const { return reason_; }

 private:
  TraceError(std::string path, std::string reason, std::string what)
      : std::runtime_error(std::move(what)), path_(std::move(path)), reason_(std::move(reason)) {}

  std::string path_;
  std::string reason_;
};

}  // namespace caresim::io
