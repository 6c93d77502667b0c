// Numbers of the text report: yen by size at the unit boundaries, four significant
// figures with thousands separators and never an exponent for ordinary amounts, and the
// terminal width of Japanese text.
#include "runner/number_format.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>

using namespace caresim::runner;

TEST_CASE("yen below ten thousand are whole yen with a thousands separator") {
  CHECK(format_yen(0) == "0 円");
  CHECK(format_yen(12) == "12 円");
  CHECK(format_yen(999) == "999 円");
  CHECK(format_yen(1000) == "1,000 円");
  CHECK(format_yen(9999) == "9,999 円");
  CHECK(format_yen(9999.4) == "9,999 円");
}

TEST_CASE("yen from ten thousand are 万円 with one decimal and from a hundred million 億円") {
  CHECK(format_yen(10000) == "1.0 万円");
  CHECK(format_yen(9999.5) == "1.0 万円");  // rounds to 10,000 yen: not "10,000 円"
  CHECK(format_yen(12345678) == "1,234.6 万円");
  CHECK(format_yen(99994999) == "9,999.5 万円");
  CHECK(format_yen(99999999) == "1.0 億円");  // rounds to 10,000.0 万円: not written so
  CHECK(format_yen(1e8) == "1.0 億円");
  CHECK(format_yen(3.21e9) == "32.1 億円");
  CHECK(format_yen(1.23456e12) == "12,345.6 億円");
  CHECK(format_yen(std::numeric_limits<double>::max()).find('e') == std::string::npos);
}

TEST_CASE("negative yen keep their unit by size and a minus sign and zero has no sign") {
  CHECK(format_yen(-9999) == "-9,999 円");
  CHECK(format_yen(-10000) == "-1.0 万円");
  CHECK(format_yen(-2.5e8) == "-2.5 億円");
  CHECK(format_yen(-0.3) == "0 円");
  CHECK(format_yen(-0.0) == "0 円");
}

TEST_CASE("an undefined amount or number is shown as n/a") {
  CHECK(format_yen(std::nan("")) == "n/a");
  CHECK(format_number(std::nan("")) == "n/a");
  CHECK(format_value(std::nan(""), "yen per year") == "n/a");
  CHECK(kNotAvailable == "n/a");
}

TEST_CASE("numbers have four significant figures thousands separators and no trailing zeros") {
  CHECK(format_number(0) == "0");
  CHECK(format_number(0.63514) == "0.6351");
  CHECK(format_number(623.4567) == "623.5");
  CHECK(format_number(26) == "26");
  CHECK(format_number(0.2) == "0.2");
  CHECK(format_number(9.9996) == "10");  // rounded up a digit: 10.00, then its zeros go
  CHECK(format_number(12345.6) == "12,346");
  CHECK(format_number(-1234567.8) == "-1,234,568");
  CHECK(format_number(25670257) == "25,670,257");
  CHECK(format_number(0.00012346) == "0.0001235");
  CHECK(format_number(1.2345e-5) == "1.234e-05");
  CHECK(format_number(std::numeric_limits<double>::infinity()) == "inf");
  CHECK(format_number(-std::numeric_limits<double>::infinity()) == "-inf");
}

TEST_CASE("values in a yen unit are yen and values in any other unit are numbers") {
  CHECK(format_value(3.21e9, "yen per year") == "32.1 億円");
  CHECK(format_value(3.21e9, "welfare units per year") == "3,210,000,000");
  CHECK(format_value(0.5, "fraction") == "0.5");
}

TEST_CASE("East Asian wide characters take two terminal columns and others one") {
  CHECK(display_width("") == 0);
  CHECK(display_width("abc") == 3);
  CHECK(display_width("再入院率") == 8);
  CHECK(display_width("費用（円）") == 10);  // fullwidth parentheses
  CHECK(display_width("±95% half-width") == 15);
  CHECK(display_width("1.0 万円") == 8);
  CHECK(display_width("か\xe3\x82\x99") == 2);  // a combining voiced mark takes none
  CHECK(display_width("caf\xe9") == 4);         // a byte that is not UTF-8 takes one
  CHECK(pad_right("円", 4) == "円  ");
  CHECK(pad_left("円", 4) == "  円");
  CHECK(pad_left("長い", 3) == "長い");
}
