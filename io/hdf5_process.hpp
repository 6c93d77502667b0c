#pragma once
// What a program that reads or writes results files does first.
namespace caresim::io {

/** Call first in main(), before anything touches HDF5. It stops HDF5 from shutting itself
 *  down at exit: when a write fails on a full disk, a dataset or file whose close failed
 *  stays registered inside HDF5 1.10.8, and the library's exit-time cleanup closes it again
 *  after its file is gone and crashes (SIGSEGV in H5D_close or H5F__close_cb from
 *  H5_term_library; 8 of 8 disk-full runs did). Every results file is closed explicitly
 *  before exit (written and renamed, or abandoned and deleted), so the cleanup has nothing
 *  to save, and the operating system reclaims the memory. Throws std::logic_error if HDF5
 *  was already used. */
void skip_hdf5_cleanup_at_exit();

}  // namespace caresim::io
