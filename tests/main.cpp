// The test program: doctest's runner, after the process set-up every caresim program does.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "io/hdf5_process.hpp"

int main(int argc, char** argv) {
  caresim::io::skip_hdf5_cleanup_at_exit();
  doctest::Context context(argc, argv);
  return context.run();
}
