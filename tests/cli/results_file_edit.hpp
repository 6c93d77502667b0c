#pragma once
// Test helper: a results file changed as another caresim would have written it.
#include <doctest/doctest.h>
#include <hdf5.h>

#include <string>

#include "io/h5_attributes.hpp"
#include "io/provenance.hpp"
#include "io/results_seal.hpp"

namespace caresim::cli::testing {

/** Rewrites the root attribute `name` of the results file at `path` and seals it again, as
 *  a file written by another caresim would be. */
template <class Value>
void rewrite_attribute(const std::string& path, const char* name, const Value& value) {
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
  REQUIRE(file >= 0);
  caresim::io::detail::write_attribute(file, name, value);
  REQUIRE(H5Fclose(file) >= 0);
  caresim::io::detail::seal_results_file(path, caresim::io::trace_format_version);
}

}  // namespace caresim::cli::testing
