#include "io/hdf5_process.hpp"

#include <hdf5.h>

#include <stdexcept>

namespace caresim::io {

void skip_hdf5_cleanup_at_exit() {
  // H5dont_atexit fails once the library has initialised itself (any earlier HDF5 call).
  if (H5dont_atexit() < 0) {
    throw std::logic_error("skip_hdf5_cleanup_at_exit: HDF5 was used before; call it first in main()");
  }
}

}  // namespace caresim::io
