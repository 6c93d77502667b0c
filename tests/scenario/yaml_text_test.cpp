// Writing values as YAML text.
#include "scenario/yaml_text.hpp"

#include <doctest/doctest.h>

using namespace caresim::scenario;

TEST_SUITE("scenario") {
  TEST_CASE("scenario reals are written in the shortest form that reads back exactly") {
    CHECK(format_real(0.1) == "0.1");
    CHECK(format_real(120000.0) == "120000.0");
    CHECK(format_real(1e-12) == "1e-12");
    CHECK(format_real(-2.5) == "-2.5");
    CHECK(format_number(3.0) == "3");
    const double third = 1.0 / 3.0;
    CHECK(std::stod(format_real(third)) == third);
  }

  TEST_CASE("scenario words are quoted only when YAML would misread them") {
    CHECK(yaml_word("kita") == "kita");
    CHECK(yaml_word("group_home") == "group_home");
    CHECK(yaml_word("yes") == "\"yes\"");
    CHECK(yaml_word("123") == "\"123\"");
    CHECK(yaml_word("a b") == "\"a b\"");
    CHECK(quote_yaml("say \"hi\"\n") == "\"say \\\"hi\\\"\\n\"");
  }

  TEST_CASE("scenario text is quoted with every character YAML forbids raw escaped") {
    CHECK(quote_yaml("bell\a esc\x1b del\x7f") == "\"bell\\x07 esc\\x1b del\\x7f\"");
    // C1 controls (U+0080..U+009F, NEL U+0085 included) and the non-characters U+FFFE, U+FFFF.
    CHECK(quote_yaml("\xC2\x80\xC2\x85\xC2\x9F \xEF\xBF\xBE\xEF\xBF\xBF") == "\"\\x80\\x85\\x9f \\ufffe\\uffff\"");
    // Printable characters next to them stay as they are.
    CHECK(quote_yaml("\xC2\xA0\xEF\xBF\xBD \xE4\xB8\xAD") == "\"\xC2\xA0\xEF\xBF\xBD \xE4\xB8\xAD\"");
  }

  TEST_CASE("scenario values are written in YAML flow syntax") {
    CHECK(flow_yaml(Value{std::int64_t{3}}, Type::Integer) == "3");
    CHECK(flow_yaml(Value{true}, Type::Boolean) == "true");
    CHECK(flow_yaml(Value{std::string("north")}, Type::String) == "\"north\"");
    CHECK(flow_yaml(Value{std::string("north")}, Type::Enumeration) == "north");
    CHECK(flow_yaml(Value{*Date::parse("2027-04-01")}, Type::Date) == "2027-04-01");
    CHECK(flow_yaml(Value{std::vector<std::string>{"kita", "minami"}}, Type::ReferenceList) == "[kita, minami]");
    CHECK(flow_yaml(Value{std::vector<double>{1.0, 0.5}}, Type::RealList) == "[1.0, 0.5]");
    CHECK(flow_yaml(Value{ProbabilityMap{{"a", 0.25}, {"b", 0.75}}}, Type::ProbabilityMap) == "{a: 0.25, b: 0.75}");
  }

}  // TEST_SUITE
