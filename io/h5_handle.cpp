#include "io/h5_handle.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "io/h5_attributes.hpp"
#include "io/provenance.hpp"
#include "io/results_seal.hpp"
#include "io/trace_error.hpp"
#include "io/unsealed_read.hpp"

namespace caresim::io::detail {

namespace {

struct StackEntry {
  std::string function;
  std::string description;
};

herr_t collect(unsigned /*n*/, const H5E_error2_t* e, void* out) {
  static_cast<std::vector<StackEntry>*>(out)->push_back({e->func_name ? e->func_name : "", e->desc ? e->desc : ""});
  return 0;
}

// HDF5 quotes the operating system as "..., errno = 28, error message = 'No space left on
// device', ..."; that message is what a user can act on.
std::string os_message(const std::string& description) {
  const std::string key = "error message = '";
  const auto start = description.find(key);
  if (start == std::string::npos) return {};
  const auto end = description.find('\'', start + key.size());
  if (end == std::string::npos) return {};
  return description.substr(start + key.size(), end - start - key.size());
}

}  // namespace

void quiet_errors() {
  thread_local bool quiet = false;
  if (!quiet) {
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    quiet = true;
  }
}

void fail(const std::string& context) {
  std::vector<StackEntry> stack;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, collect, &stack);
  H5Eclear2(H5E_DEFAULT);
  std::string reason = "HDF5 reported no reason";
  for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
    const std::string os = os_message(it->description);
    if (!os.empty()) {
      reason = os;
      break;
    }
  }
  if (reason == "HDF5 reported no reason" && !stack.empty()) {
    reason = stack.back().description + " (in " + stack.back().function + ")";
  }
  throw H5Failure(context + ": " + reason);
}

void H5Id::reset() noexcept {
  if (id_ >= 0) H5Idec_ref(id_);
  id_ = H5I_INVALID_HID;
}

void H5Id::close(const char* context) {
  if (id_ < 0) return;
  const hid_t id = id_;
  id_ = H5I_INVALID_HID;
  check(H5Idec_ref(id), context);
}

H5Id group_properties() {
  H5Id gcpl(H5Pcreate(H5P_GROUP_CREATE), "creating group properties");
  check(H5Pset_obj_track_times(gcpl.get(), 0), "turning off group time stamps");
  return gcpl;
}

H5Id dataset_properties() {
  H5Id dcpl(H5Pcreate(H5P_DATASET_CREATE), "creating dataset properties");
  check(H5Pset_obj_track_times(dcpl.get(), 0), "turning off dataset time stamps");
  return dcpl;
}

H5Id chunked_properties(int rank, const hsize_t* chunk, int deflate) {
  H5Id dcpl = dataset_properties();
  check(H5Pset_chunk(dcpl.get(), rank, chunk), "setting the chunk size");
  check(H5Pset_shuffle(dcpl.get()), "adding the shuffle filter");
  check(H5Pset_deflate(dcpl.get(), static_cast<unsigned>(deflate)), "adding the deflate filter");
  return dcpl;
}

H5Id transfer_properties(hsize_t count, hid_t memory_type, hid_t file_type) {
  H5Id dxpl(H5Pcreate(H5P_DATASET_XFER), "creating transfer properties");
  const std::size_t element = std::max(H5Tget_size(memory_type), H5Tget_size(file_type));
  // At least 64 KiB: with a 64-byte floor HDF5 refused to write the hubs dictionary of a
  // network hub ("temporary buffer max size is too small"); its conversion needs more
  // than count * element bytes.
  const std::size_t bytes = std::max<std::size_t>(element * std::max<hsize_t>(count, 1), 64 * 1024);
  check(H5Pset_buffer(dxpl.get(), bytes, nullptr, nullptr), "sizing the conversion buffer");
  return dxpl;
}

H5Id utf8_string_type() {
  H5Id type(H5Tcopy(H5T_C_S1), "copying the string type");
  check(H5Tset_size(type.get(), H5T_VARIABLE), "making a variable-length string type");
  check(H5Tset_cset(type.get(), H5T_CSET_UTF8), "marking strings as UTF-8");
  return type;
}

H5Id create_group(hid_t parent, const std::string& name) {
  const H5Id gcpl = group_properties();
  return H5Id(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, gcpl.get(), H5P_DEFAULT),
              ("creating group '" + name + "'").c_str());
}

H5Id create_results_file(const std::string& path) {
  const H5Id fcpl(H5Pcreate(H5P_FILE_CREATE), "creating file properties");
  check(H5Pset_obj_track_times(fcpl.get(), 0), "turning off time stamps");
  // Room for the seal, written once the file is closed (io/results_seal.hpp).
  check(H5Pset_userblock(fcpl.get(), kSealBytes), "reserving the user block");
  const H5Id fapl(H5Pcreate(H5P_FILE_ACCESS), "creating file access properties");
  // Closing the file closes whatever is still open in it (an abandoned replication).
  check(H5Pset_fclose_degree(fapl.get(), H5F_CLOSE_STRONG), "setting the close degree");
  // The 1.8 object format keeps small groups' links in their headers (no B-tree and heap
  // per group); readers from HDF5 1.8 on can open the file.
  check(H5Pset_libver_bounds(fapl.get(), H5F_LIBVER_V18, H5F_LIBVER_V18), "setting the format version");
  return H5Id(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, fcpl.get(), fapl.get()), "creating the file");
}

namespace {

// The root attribute format_version must agree with the seal: the seal's version when
// there is one, 1 (the format before seals) when there is none.
void check_format_version(hid_t file, const std::string& path, SealState seal, int sealed_format) {
  if (!has_attribute(file, "format_version")) return;  // read_provenance says it is no trace
  std::int64_t stored = 0;
  try {
    stored = read_i64_attribute(file, "format_version");
  } catch (const H5Failure&) {
    throw TraceError::damaged(path, "its format_version is not a number");
  }
  if (seal == SealState::Sealed && stored != sealed_format) {
    throw TraceError::damaged(path, "its format_version " + std::to_string(stored) + " disagrees with its seal's " +
                                        std::to_string(sealed_format));
  }
  if (seal == SealState::Unsealed && stored != 1) {
    if (stored > trace_format_version) throw newer_format(path, stored);
    throw TraceError::damaged(path, "format " + std::to_string(stored) + " files start with a seal; this one has none");
  }
}

}  // namespace

H5Id open_for_reading(const std::string& path) {
  quiet_errors();
  // libhdf5 crashes on some damaged files: it sees a file only once its seal holds, or,
  // for a file without one, once a child process has read it without crashing.
  int sealed_format = 0;
  const SealState seal = check_seal(path, sealed_format);
  if (seal == SealState::Unsealed && !inside_unsealed_read()) read_unsealed_in_child(path);
  if (H5Fis_hdf5(path.c_str()) <= 0) {
    H5Eclear2(H5E_DEFAULT);
    throw TraceError(path, "is not an HDF5 file");
  }
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (file < 0) {
    try {
      fail("opening the file");
    } catch (const H5Failure& e) {
      throw TraceError(path, e.what());
    }
  }
  H5Id opened(file, "opening the file");
  try {
    check_format_version(opened.get(), path, seal, sealed_format);
  } catch (const H5Failure& e) {
    // Looking for the attribute can fail too (a damaged object header behind a valid seal:
    // tests/fuzz/corpus/results_body_resealed/found-attribute-checksum).
    throw TraceError(path, e.what());
  }
  return opened;
}

}  // namespace caresim::io::detail
