#pragma once
// Internal to caresim::io: a file is written beside its target under a temporary name and
// renamed onto the target only when complete, so the target path never holds half a file.
#include <string>

namespace caresim::io::detail {

/** What an existing target may be when `force` is set. */
enum class Replaceable {
  Hdf5Only,  ///< only an HDF5 file (a results file): a mistyped -o never replaces a scenario or a document
  AnyFile,   ///< any regular file (an export such as compare's .xlsx, which is never HDF5)
};

/** This machine's host name as it appears in temporary names: characters other than
 *  letters, digits, '.', '_' and '-' become '_'; "unknown-host" if it has none. */
std::string temporary_host_name();

/** The temporary name of `target` for process `pid` on `host`:
 *  "<folder>/.<name>.tmp-<host>-<pid>". The host is in the name because clusters share
 *  folders: a pid says nothing about a process on another machine. */
std::string temporary_name(const std::string& target, const std::string& host, long pid);

/** Deletes the temporary files of `target` (see temporary_name()) that a process killed
 *  with SIGKILL left behind: only those whose host is this host, whose pid is not a live
 *  process (kill(pid, 0) fails with ESRCH), and whose lock nobody holds; only regular
 *  files. A writer holds an exclusive flock() on "<temporary>.lock" while it writes, so a
 *  machine that shares the folder under the same host name keeps its file even when its
 *  pid means nothing here (flock reaches across machines on NFS). A deleted temporary
 *  file's lock file goes with it, and a lock file whose temporary file is gone is deleted
 *  on the same conditions. Files of other hosts, of live processes, and of the older
 *  "<name>.tmp-<pid>" form are left alone, and so is everything when this machine has no
 *  host name ("unknown-host"). Returns how many temporary files it deleted.
 *
 *  Across machines the lock is only as good as the file system's: NFS mounted with
 *  `nolock` or `local_lock=flock` keeps flock() local without an error, and NFSv4 clients
 *  with the same host name may share one client identity on the server unless
 *  `nfs4_unique_id` is set. */
int remove_stale_temporaries(const std::string& target);

/** The temporary file of one target. Construction checks the target, deletes stale
 *  temporary files of it (remove_stale_temporaries()) and creates the (empty) temporary
 *  file; commit() renames it onto the target; destruction without commit() deletes it.
 *  While it exists, SIGINT, SIGTERM, SIGHUP and SIGQUIT delete it and its lock file before
 *  the process dies (if `handle_signals`); after kill -9 the temporary name is what
 *  protects the target.
 *
 *  Throws TraceError (naming the target) when the target exists and `force` is false,
 *  when it exists and is not an HDF5 file (even with `force`; unless `replaceable` is
 *  AnyFile), when it is a folder, when the folder does not exist or is not writable, and
 *  when another machine of this host name that shares the folder holds the lock of the
 *  same temporary name. */
class AtomicTarget {
 public:
  /** Checks `target` and creates temporary_name(target, this host, this pid). */
  AtomicTarget(std::string target, bool force, bool handle_signals, Replaceable replaceable = Replaceable::Hdf5Only);
  /** Deletes the temporary file unless commit() succeeded. */
  ~AtomicTarget();
  AtomicTarget(const AtomicTarget&) = delete;
  AtomicTarget& operator=(const AtomicTarget&) = delete;

  /** The path the user asked for. */
  const std::string& target() const { return target_; }
  /** The temporary file being written. */
  const std::string& temporary() const { return temporary_; }

  /** Flushes the (closed) temporary file to disk and renames it onto the target; without
   *  `force` a target that appeared meanwhile is not replaced. Throws TraceError. */
  void commit();

  /** Deletes the temporary file now (idempotent). */
  void abandon() noexcept;

 private:
  std::string target_;
  std::string folder_;
  std::string temporary_;
  int lock_fd_ = -1;  // the temporary file's lock (see remove_stale_temporaries), -1 if none
  bool force_;
  bool done_ = false;

  // Creates and locks the temporary file's lock file. Throws TraceError when another
  // process holds it: one with the same host name and pid, on a machine sharing the folder.
  void take_lock();
  // Deletes the lock file and gives back the lock (idempotent).
  void drop_lock() noexcept;
};

}  // namespace caresim::io::detail
