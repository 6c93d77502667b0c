// The person's own bookkeeping: the 32-bit draw counters.
#include "models/person.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <stdexcept>

using namespace caresim::model;

TEST_CASE("a person's draw counter keeps every index up to 32 bits and each purpose apart") {
  Person who;
  who.resume_draws_at(Draw::Crisis, 4294967295ull);
  who.resume_draws_at(Draw::Review, 7);
  CHECK(who.next_draw(Draw::Crisis) == 4294967295ull);
  CHECK(who.next_draw(Draw::Review) == 7);
  CHECK(who.next_draw(Draw::Exit) == 0);
}

TEST_CASE("a person's draw counter refuses an index past 32 bits instead of wrapping") {
  Person who;
  who.id = 42;
  who.resume_draws_at(Draw::Review, 9);
  CHECK_THROWS_WITH_AS(who.resume_draws_at(Draw::Review, 4294967296ull),
                       "person 42: draw 4294967296 of random purpose 10 (model::Draw) passes the per-person "
                       "counter's limit of 4294967295 draws",
                       std::overflow_error);
  CHECK(who.next_draw(Draw::Review) == 9);  // unchanged
}
