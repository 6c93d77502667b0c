#pragma once
// Internal to caresim::io: owning handles for HDF5 identifiers, error translation and the
// property lists every object is created with. Only io/ includes <hdf5.h>.
#include <hdf5.h>

#include <stdexcept>
#include <string>

namespace caresim::io::detail {

/** An HDF5 call failed. Carries our context and HDF5's own innermost reason; the public
 *  entry points turn it into a TraceError that names the file. */
class H5Failure : public std::runtime_error {
 public:
  /** `what` is "<context>: <reason>". */
  explicit H5Failure(const std::string& what) : std::runtime_error(what) {}
};

/** Turns off HDF5's automatic error printing for the calling thread. HDF5's thread-safe
 *  build keeps one error stack per thread, so every thread that calls HDF5 must do this;
 *  it is cheap after the first call. */
void quiet_errors();

/** Throws H5Failure("<context>: <HDF5's reason>") and clears the error stack. The reason
 *  is the innermost message, or the operating system's message when HDF5 quotes one
 *  (e.g. "No space left on device"). */
[[noreturn]] void fail(const std::string& context);

/** Returns `value`, or calls fail(context) if it is negative (HDF5's failure sign). */
template <class T>
T check(T value, const char* context) {
  if (value < 0) fail(context);
  return value;
}

/** Owns one HDF5 identifier (file, group, dataset, dataspace, type, property list,
 *  attribute) and closes it with H5Idec_ref. Move-only. */
class H5Id {
 public:
  /** Empty: holds no identifier. */
  H5Id() = default;
  /** Takes ownership of `id`; throws H5Failure with `context` if it is negative. */
  H5Id(hid_t id, const char* context) : id_(check(id, context)) {}
  /** Closes the identifier (failures ignored). */
  ~H5Id() { reset(); }
  /** Takes the identifier of `other`, which becomes empty. */
  H5Id(H5Id&& other) noexcept : id_(other.id_) { other.id_ = H5I_INVALID_HID; }
  /** Closes the held identifier and takes that of `other`. */
  H5Id& operator=(H5Id&& other) noexcept {
    if (this != &other) {
      reset();
      id_ = other.id_;
      other.id_ = H5I_INVALID_HID;
    }
    return *this;
  }
  H5Id(const H5Id&) = delete;
  H5Id& operator=(const H5Id&) = delete;

  /** The identifier (invalid if empty). */
  hid_t get() const { return id_; }
  /** True if it holds an identifier. */
  explicit operator bool() const { return id_ >= 0; }
  /** Closes the identifier now, ignoring failure (for destructors and abandonment). */
  void reset() noexcept;
  /** Closes the identifier now and throws H5Failure if HDF5 reports a failure (a file's
   *  last data may only reach the disk on close). */
  void close(const char* context);

 private:
  hid_t id_ = H5I_INVALID_HID;
};

/** Group creation properties: no object time stamps (reproducible files). */
H5Id group_properties();
/** Contiguous dataset creation properties: no object time stamps. */
H5Id dataset_properties();
/** Chunked dataset creation properties: fixed `chunk` dims (rank 1 or 2), byte shuffle
 *  and deflate level `deflate`, no time stamps. */
H5Id chunked_properties(int rank, const hsize_t* chunk, int deflate);

/** Transfer properties whose type-conversion buffer holds `count` elements of the larger
 *  of `memory_type` and `file_type`. HDF5 1.10 allocates and zeroes its whole conversion
 *  buffer (1 MiB by default) on every converting write, which dominated writing the
 *  many small tables of an indicator table. */
H5Id transfer_properties(hsize_t count, hid_t memory_type, hid_t file_type);

/** A variable-length UTF-8 string type. */
H5Id utf8_string_type();

/** Creates the group `name` under `parent`. */
H5Id create_group(hid_t parent, const std::string& name);

/** Creates the (empty, truncated) results file at `path` with the properties every
 *  results file is written with: no object time stamps, the 512-byte user block the seal
 *  goes into (io/results_seal.hpp), the HDF5 1.8 object format, strong close. */
H5Id create_results_file(const std::string& path);

/** Opens the trace at `path` read-only, after checking that it exists and is an HDF5
 *  file. Throws TraceError (not H5Failure): this is where a user's path meets HDF5. */
H5Id open_for_reading(const std::string& path);

}  // namespace caresim::io::detail
