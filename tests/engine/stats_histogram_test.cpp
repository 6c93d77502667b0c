// Histogram bin counts, under/overflow and quantile estimates.
#include <doctest/doctest.h>

#include <cmath>

#include "engine/core/error.hpp"
#include "engine/stats/histogram.hpp"

using namespace caresim::engine;

TEST_CASE("Histogram counts observations into equal-width bins with under and overflow") {
  Histogram h(0, 10, 5);  // bins of width 2
  for (double x : {-0.5, 0.0, 1.99, 2.0, 3.0, 5.5, 9.999, 10.0, 12.0}) h.add(x);
  CHECK(h.bin_width() == 2.0);
  CHECK(h.underflow() == 1);
  CHECK(h.overflow() == 2);  // 10 is outside [0, 10)
  CHECK(h.count(0) == 2);
  CHECK(h.count(1) == 2);
  CHECK(h.count(2) == 1);
  CHECK(h.count(3) == 0);
  CHECK(h.count(4) == 1);
  CHECK(h.total() == 9);
  CHECK(h.bin_lower(3) == 6.0);
  CHECK(h.bin_lower(5) == 10.0);
}

TEST_CASE("Histogram quantiles interpolate within bins") {
  Histogram h(0, 100, 100);
  for (int i = 0; i < 1000; ++i) h.add((i + 0.5) * 0.1);  // ten per bin, none on an edge
  CHECK(h.quantile(0.5) == doctest::Approx(50.0));
  CHECK(h.quantile(0.9) == doctest::Approx(90.0));
  CHECK(h.quantile(0.0) == 0.0);
  CHECK(h.quantile(1.0) == doctest::Approx(100.0));
  Histogram skewed(0, 10, 10);
  for (int i = 0; i < 4; ++i) skewed.add(-1);
  for (int i = 0; i < 4; ++i) skewed.add(2.5);
  for (int i = 0; i < 2; ++i) skewed.add(20);
  CHECK(skewed.quantile(0.3) == 0.0);                   // among the underflow: lo
  CHECK(skewed.quantile(0.6) == doctest::Approx(2.5));  // half-way through bin [2, 3)
  CHECK(skewed.quantile(0.95) == 10.0);                 // among the overflow: hi
  CHECK(std::isnan(Histogram(0, 1, 2).quantile(0.5)));
}

TEST_CASE("Histogram merge adds counts and clear empties the bins") {
  Histogram a(0, 4, 4), b(0, 4, 4);
  a.add(1.5);
  b.add(1.2);
  b.add(7);
  a.merge(b);
  CHECK(a.count(1) == 2);
  CHECK(a.overflow() == 1);
  a.clear();
  CHECK(a.total() == 0);
  CHECK(a.count(1) == 0);
}

TEST_CASE("Histogram misuse is rejected") {
  CHECK_THROWS_WITH_AS(Histogram(1, 1, 3), "Histogram(lo=1, hi=1, bins=3): need finite lo < hi and at least one bin",
                       UsageError);
  CHECK_THROWS_AS(Histogram(0, 1, 0), UsageError);
  Histogram h(0, 1, 2);
  CHECK_THROWS_WITH_AS(h.quantile(1.5), "Histogram::quantile(1.5): p must be in [0, 1]", UsageError);
  CHECK_THROWS_WITH_AS(h.add(std::nan("")), "Histogram::add: the observation is NaN", UsageError);
  Histogram other(0, 2, 2);
  CHECK_THROWS_WITH_AS(h.merge(other), "Histogram::merge: the histograms have different ranges or bin counts",
                       UsageError);
}
