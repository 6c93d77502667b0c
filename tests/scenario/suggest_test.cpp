// Did-you-mean suggestions.
#include "scenario/suggest.hpp"

#include <doctest/doctest.h>

using namespace caresim::scenario;

TEST_SUITE("scenario") {
  TEST_CASE("scenario edit distance counts insertions deletions substitutions and swaps") {
    CHECK(edit_distance("crisis_beds", "crisis_beds") == 0);
    CHECK(edit_distance("crisis_bed", "crisis_beds") == 1);
    CHECK(edit_distance("crisis_bdes", "crisis_beds") == 1);
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("", "abc") == 3);
  }

  TEST_CASE("scenario suggestions pick the closest plausible candidate") {
    const std::vector<std::string> keys = {"population", "incidence", "age_mix"};
    CHECK(closest_match("populaton", keys) == "population");
    CHECK(closest_match("Incidence", keys) == "incidence");
    CHECK_FALSE(closest_match("beds", keys).has_value());
    CHECK(suggestion_hint("minam", {"kita", "minami"}, "declared municipalities") ==
          "did you mean \"minami\"? declared municipalities: kita, minami");
    CHECK(suggestion_hint("x", {}, "declared hubs") == "there are no declared hubs");
  }

}  // TEST_SUITE
