// The readable replication ranges that `caresim merge` and `caresim inspect` print
// (io/results_merge.hpp); the merge itself is tested end to end in tests/cli/merge_cli_test.cpp.
#include "io/results_merge.hpp"

#include <doctest/doctest.h>

using caresim::io::describe_ids;

TEST_CASE("replication ids read as ranges of three or more and lists of fewer") {
  CHECK(describe_ids({}) == "");
  CHECK(describe_ids({4}) == "4");
  CHECK(describe_ids({2, 3}) == "2, 3");
  CHECK(describe_ids({0, 1, 2, 3}) == "0 to 3");
  CHECK(describe_ids({9, 0, 2, 1, 7, 8, 10, 12}) == "0 to 2, 7 to 10, 12");
  CHECK(describe_ids({4294967294u, 4294967295u, 0u}) == "0, 4294967294, 4294967295");
}
