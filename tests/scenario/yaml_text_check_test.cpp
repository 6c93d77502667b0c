// Scenario text that yaml-cpp accepts but YAML does not: invalid UTF-8, control
// characters, and quoted scalars that are never closed (reliability review, section 1).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "care_scenario/care_schema.hpp"
#include "scenario/text_check.hpp"
#include "scenario_test_support.hpp"

using namespace caresim::scenario;
using namespace caresim::scenario::testing;

namespace {

std::filesystem::path scenarios_dir() {
  return std::filesystem::path(__FILE__).parent_path().parent_path().parent_path() / "scenarios";
}

/** Loads YAML text against the care model's table as if it were scenarios/s.yaml, so that
 *  `extends: reference-region.yaml` finds the bundled file. */
LoadResult load_care_text(std::string_view yaml, const std::vector<std::string>& overrides = {}) {
  return load_scenario_text(caresim::care_scenario::care_schema(), yaml, (scenarios_dir() / "s.yaml").string(),
                            overrides);
}

/** The diagnostic's text with the scenarios folder removed from its file name. */
std::string shown(const Diagnostic& d) {
  Diagnostic copy = d;
  const std::string dir = scenarios_dir().string() + "/";
  if (copy.where.file.starts_with(dir)) copy.where.file.erase(0, dir.size());
  return copy.to_string();
}

std::string read_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/** `utf8` (ASCII and BMP characters only) as UTF-16 or UTF-32 with a byte order mark. */
std::string wide(std::string_view utf8, std::size_t unit, bool big_endian) {
  std::string out;
  const auto put = [&](std::uint32_t cp) {
    for (std::size_t k = 0; k < unit; ++k) {
      const std::size_t shift = 8 * (big_endian ? unit - 1 - k : k);
      out += static_cast<char>((cp >> shift) & 0xFF);
    }
  };
  put(0xFEFF);
  for (std::size_t i = 0; i < utf8.size();) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    std::uint32_t cp = lead;
    std::size_t length = 1;
    if (lead >= 0xE0) {
      cp = lead & 0x0F;
      length = 3;
    } else if (lead >= 0xC0) {
      cp = lead & 0x1F;
      length = 2;
    }
    for (std::size_t k = 1; k < length; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    REQUIRE(cp < 0x10000);
    put(cp);
    i += length;
  }
  return out;
}

/** The one diagnostic of loading "title: <bytes>\n" plus a minimal valid file. */
Diagnostic title_problem(std::string_view bytes) {
  const LoadResult r = load_text("title: " + std::string(bytes) + "\n" + std::string(kMinimal));
  return single_diagnostic(r);
}

constexpr std::string_view kUnclosedReproducer =
    "extends: reference-region.yaml\n"
    "scenario:\n"
    "  name: 'Reference, more beds\n"
    "simulation:\n"
    "  years: 3\n"
    "  replications: 2\n";

}  // namespace

TEST_SUITE("scenario") {
  TEST_CASE("an unclosed single quote in a scenario file is refused at the opening quote") {
    const LoadResult r = load_care_text(kUnclosedReproducer);
    CHECK(shown(single_diagnostic(r)) ==
          "s.yaml:3:9: scenario.name: YAML syntax error: this quoted scalar is never closed (no closing ' before "
          "line 4, which is not indented more than its key)\n"
          "  hint: close it on the same line, or use a block scalar (|, >) for text over several lines");
  }

  TEST_CASE("an unclosed double quote in a scenario file is refused at the opening quote") {
    std::string text(kUnclosedReproducer);
    text[text.find('\'')] = '"';
    const Diagnostic d = single_diagnostic(load_care_text(text));
    CHECK(
        shown(d).starts_with("s.yaml:3:9: scenario.name: YAML syntax error: this quoted scalar is never closed "
                             "(no closing \" before line 4, which is not indented more than its key)"));
  }

  TEST_CASE("a quoted scenario value continued on lines indented more than its key still loads") {
    // YAML 1.2 (and PyYAML, and yaml-cpp): the value continues while its lines are indented
    // more than the key; the line break folds to a space.
    const LoadResult r = load_care_text(
        "extends: reference-region.yaml\n"
        "scenario:\n"
        "  name: 'Reference,\n"
        "   more beds'\n"
        "  name_ja: \"基準\n"
        "\n"
        "      変更\"\n"
        "simulation:\n"
        "  years: 3\n"
        "  replications: 2\n");
    INFO(r.report());
    REQUIRE(r.ok());
    CHECK(r.scenario().get_string("scenario.name") == "Reference, more beds");
    CHECK(r.scenario().get_string("scenario.name_ja") == "基準\n変更");
    CHECK(r.scenario().get_int("simulation.years") == 3);
    CHECK(r.scenario().get_int("simulation.replications") == 2);
  }

  TEST_CASE("a quoted scenario value continued at its key's indentation is refused") {
    const LoadResult r = load_care_text(
        "extends: reference-region.yaml\n"
        "scenario:\n"
        "  name: 'Reference,\n"
        "  more beds'\n");
    CHECK(shown(single_diagnostic(r)) ==
          "s.yaml:3:9: scenario.name: YAML syntax error: line 4 of this quoted scalar is not indented more than its "
          "key\n"
          "  hint: indent every line after the first by at least 3 spaces, or use a block scalar (|, >) for text "
          "over several lines");
  }

  TEST_CASE("a quoted scenario value continued with tabs is refused because YAML indents with spaces") {
    const LoadResult r = load_text(std::string(kMinimal) + "title: 'a\n\tb'\n");
    CHECK(has_diagnostic(r, "inline.yaml:4:8", "title",
                         "YAML syntax error: line 5 of this quoted scalar is not indented more than its key"));
  }

  TEST_CASE("a scenario quote left open at the end of the file is refused") {
    const LoadResult r = load_text(std::string(kMinimal) + "title: \"North\n  and more\n");
    CHECK(has_diagnostic(r, "inline.yaml:4:8", "title",
                         "YAML syntax error: this quoted scalar is never closed (no closing \" follows it)"));
  }

  TEST_CASE("an unclosed quote in a scenario list item is measured against the item's dash") {
    const LoadResult r = load_text(
        "municipalities:\n"
        "  kita:\n"
        "    population: 100\n"
        "    monthly_factor:\n"
        "      - '1.0\n"
        "      - 2.0\n");
    CHECK(has_diagnostic(r, "inline.yaml:5:9", "municipalities.kita.monthly_factor[0]",
                         "YAML syntax error: this quoted scalar is never closed (no closing ' before line 6, which is "
                         "not indented more than the '-' of its list item)"));
  }

  TEST_CASE("an unclosed scenario quote after an anchor and a tag is reported at the quote") {
    const LoadResult r = load_text("title: &t !!str 'North\n" + std::string(kMinimal));
    CHECK(has_diagnostic(r, "inline.yaml:1:17", "title",
                         "YAML syntax error: this quoted scalar is never closed (no closing ' before line 2, which is "
                         "not indented more than its key)"));
  }

  TEST_CASE("an unclosed scenario quote that yaml-cpp pairs with a later quote is reported with its syntax error") {
    // yaml-cpp closes the scalar at the next quote and fails further on; the opening quote
    // is the cause, so it is reported too.
    const LoadResult r = load_text(
        "title: 'North\n"
        "municipalities:\n"
        "  kita: {population: 100}\n"
        "  minami: {population: 'x'}\n");
    REQUIRE(r.diagnostics().size() == 2);
    CHECK(r.diagnostics()[0].where.to_string() == "inline.yaml:1:8");
    CHECK(r.diagnostics()[0].message ==
          "YAML syntax error: this quoted scalar is never closed (no closing ' before line 2, which is not indented "
          "more than its key)");
    CHECK(r.diagnostics()[1].where.to_string() == "inline.yaml:4:25");
    CHECK(r.diagnostics()[1].message.starts_with("YAML syntax error: "));
  }

  TEST_CASE("an unclosed quote in a scenario --set value is refused at the opening quote") {
    // yaml-cpp says "illegal EOF in scalar" at the end of the value.
    const LoadResult r = load_care_text("extends: reference-region.yaml\n", {"scenario.name='Reference, more beds"});
    CHECK(shown(single_diagnostic(r)) ==
          "--set:1:15: scenario.name: YAML syntax error: this quoted scalar is never closed (no closing ' follows "
          "it)\n"
          "  hint: close it on the same line, or use a block scalar (|, >) for text over several lines");
    // With a line break yaml-cpp would accept it and swallow the rest of the value.
    const LoadResult broken = load_text(kMinimal, {"title=\"North\nsouth: 1\n"});
    CHECK(has_diagnostic(broken, "--set:1:7", "title",
                         "YAML syntax error: this quoted scalar is never closed (no closing \" follows it)"));
  }

  TEST_CASE("a quoted scenario --set value may continue on lines of any indentation") {
    // A --set value is a document of its own: its root may continue at column 1.
    const LoadResult r = load_text(kMinimal, {"title='North\nand south'"});
    INFO(r.report());
    REQUIRE(r.ok());
    CHECK(r.scenario().get_string("title") == "North and south");
  }

  TEST_CASE("latin-1 bytes in a scenario file are refused at the first bad byte") {
    const LoadResult r = load_care_text("scenario: {name: caf\xe9}\n");
    CHECK(shown(single_diagnostic(r)) ==
          "s.yaml:1:21: invalid UTF-8: byte 0xE9 starts a 3-byte character but is followed by 0x7D\n"
          "  hint: save the file as UTF-8 (Shift_JIS, EUC-JP and latin-1 text is not UTF-8)");
  }

  TEST_CASE("every kind of invalid UTF-8 in a scenario file is named") {
    CHECK(title_problem("\xED\xA0\x80").message ==
          "invalid UTF-8: bytes ED A0 80 encode U+D800, a UTF-16 surrogate, not a character");
    CHECK(title_problem("\xC0\xAF").message == "invalid UTF-8: overlong encoding of U+002F (bytes C0 AF)");
    CHECK(title_problem("\xE0\x80\xAF").message == "invalid UTF-8: overlong encoding of U+002F (bytes E0 80 AF)");
    CHECK(title_problem("\xF0\x82\x82\xAC").message ==
          "invalid UTF-8: overlong encoding of U+20AC (bytes F0 82 82 AC)");
    CHECK(title_problem("\xF4\x90\x80\x80").message ==
          "invalid UTF-8: bytes F4 90 80 80 encode 0x110000, above U+10FFFF");
    CHECK(title_problem("\xF7\xBF\xBF\xBF").message ==
          "invalid UTF-8: bytes F7 BF BF BF encode 0x1FFFFF, above U+10FFFF");
    CHECK(title_problem("\xFF").message == "invalid UTF-8: byte 0xFF never occurs in UTF-8");
    // Shift_JIS "日本": its first byte is a UTF-8 continuation byte.
    CHECK(title_problem("\x93\xFA\x96\x7B").message ==
          "invalid UTF-8: byte 0x93 continues a character that was never started");
    const LoadResult cut = load_text(std::string(kMinimal) + "title: \xE3\x81");
    CHECK(has_diagnostic(cut, "inline.yaml:4:8", "",
                         "invalid UTF-8: byte 0xE3 starts a 3-byte character but the text ends"));
  }

  TEST_CASE("scenario positions of bad bytes count bytes from the start of their line") {
    // 中央 is 6 bytes in UTF-8, as yaml-cpp counts columns.
    const LoadResult r = load_text(std::string(kMinimal) + "title: 中央\xE9\n");
    CHECK(single_diagnostic(r).where.to_string() == "inline.yaml:4:14");
  }

  TEST_CASE("invalid UTF-8 in a scenario --set is refused with its position") {
    const LoadResult value = load_text(kMinimal, {"title=x", "title=caf\xe9"});
    CHECK(single_diagnostic(value).to_string() ==
          "--set:2:10: invalid UTF-8: byte 0xE9 starts a 3-byte character but the text ends\n"
          "  hint: write --set values in UTF-8 (check the encoding of the terminal or script)");
    const LoadResult path = load_text(kMinimal, {"tit\xe9=x"});
    CHECK(has_diagnostic(path, "--set:1:4", "",
                         "invalid UTF-8: byte 0xE9 starts a 3-byte character but is followed by 0x3D"));
  }

  TEST_CASE("a control character in a scenario scalar is refused and named") {
    const Diagnostic bell = title_problem("ab\acd");
    CHECK(bell.to_string() ==
          "inline.yaml:1:10: control character U+0007 (BEL) is not allowed\n"
          "  hint: YAML text may hold tab, line feed and carriage return as they are; write another control "
          "character as an escape inside double quotes (\"\\x07\"), or remove it");
    CHECK(title_problem("\"\x1b[2J\"").message == "control character U+001B (ESC) is not allowed");
    CHECK(title_problem("x # \x0c").message == "control character U+000C (FF) is not allowed");
    CHECK(title_problem("a\x7f").message == "control character U+007F (DEL) is not allowed");
    CHECK(title_problem("a\xC2\x9B").message == "control character U+009B (CSI) is not allowed");
    CHECK(title_problem("a\xEF\xBF\xBE").message == "U+FFFE is not a character and is not allowed in YAML text");
    const LoadResult set = load_text(kMinimal, {"title=\x1b"});
    CHECK(has_diagnostic(set, "--set:1:7", "", "control character U+001B (ESC) is not allowed"));
  }

  TEST_CASE("a NUL byte in a scenario file is reported as a control character") {
    // yaml-cpp used to say "unknown escape character" here, or misread a leading NUL as UTF-16.
    const Diagnostic middle = title_problem(std::string("ab\0cd", 5));
    CHECK(middle.to_string() ==
          "inline.yaml:1:10: control character U+0000 (NUL) is not allowed\n"
          "  hint: a NUL byte usually means a binary file, or UTF-16 or UTF-32 text without a byte order mark; "
          "save the file as UTF-8");
    const LoadResult first = load_text(std::string("\0title: x\n", 10) + std::string(kMinimal));
    CHECK(has_diagnostic(first, "inline.yaml:1:1", "", "control character U+0000 (NUL) is not allowed"));
  }

  TEST_CASE("escaped control characters in a quoted scenario value load and reload") {
    const LoadResult r = load_text(std::string(kMinimal) + "title: \"\\a\\e\\x80\\N\\_\\uFFFE\\t\"\n");
    INFO(r.report());
    REQUIRE(r.ok());
    CHECK(r.scenario().get_string("title") == "\a\x1b\xC2\x80\xC2\x85\xC2\xA0\xEF\xBF\xBE\t");
    const LoadResult again = load_scenario_text(test_schema(), r.scenario().to_yaml(), "provenance.yaml");
    INFO(again.report());
    REQUIRE(again.ok());
    CHECK(again.scenario() == r.scenario());
  }

  TEST_CASE("invalid UTF-16 and UTF-32 after a byte order mark are refused") {
    std::string odd = wide("title: x\n", 2, false);
    odd += 'y';
    CHECK(single_diagnostic(load_text(odd)).to_string() ==
          "inline.yaml:2:1: invalid UTF-16: the text ends in the middle of a character\n"
          "  hint: the file starts with a UTF-16 byte order mark but does not continue as such; save it as UTF-8");
    std::string lone = wide("title: x", 2, true);
    lone += std::string("\xD8\x00", 2);
    CHECK(single_diagnostic(load_text(lone)).message == "invalid UTF-16: unpaired surrogate 0xD800");
    std::string big = wide("title: x", 4, false);
    big += std::string("\x00\x00\x11\x00", 4);
    CHECK(single_diagnostic(load_text(big)).message == "invalid UTF-32: 0x00110000 is not a Unicode character");
  }

  TEST_CASE("every bundled scenario passes the text checks and loads") {
    std::size_t count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(scenarios_dir())) {
      if (entry.path().extension() != ".yaml") continue;
      INFO(entry.path().string());
      const std::string bytes = read_bytes(entry.path());
      DiagnosticSink sink;
      CHECK(check_text(bytes, {entry.path().string(), 1, 1}, TextSource::File, sink));
      const LoadResult r = load_scenario(caresim::care_scenario::care_schema(), entry.path());
      INFO(r.report());
      CHECK(r.ok());
      ++count;
    }
    CHECK(count >= 7);
  }

  TEST_CASE("bundled scenarios load the same with a BOM or CRLF or as UTF-16 or UTF-32") {
    for (const std::string name : {"reference-region.yaml", "hub-network.yaml", "phased-plan.yaml"}) {
      INFO(name);
      const std::string utf8 = read_bytes(scenarios_dir() / name);
      const LoadResult plain = load_care_text(utf8);
      INFO(plain.report());
      REQUIRE(plain.ok());
      std::string crlf;
      for (char c : utf8) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
      for (const std::string& variant : {"\xEF\xBB\xBF" + utf8, crlf, wide(utf8, 2, false), wide(utf8, 2, true),
                                         wide(utf8, 4, false), wide(utf8, 4, true)}) {
        const LoadResult r = load_care_text(variant);
        INFO(r.report());
        REQUIRE(r.ok());
        CHECK(r.scenario() == plain.scenario());
      }
    }
  }

  TEST_CASE("a scenario diagnostic after non-ASCII text in UTF-16 has the position yaml-cpp gives in UTF-8") {
    const LoadResult r = load_text(wide("title: [中央, }\n", 2, false));
    const Diagnostic d = single_diagnostic(r);
    CHECK(d.where.to_string() == "inline.yaml:1:17");
    CHECK(d.message.starts_with("YAML syntax error: "));
    const LoadResult bad = load_text(wide("title: 中央\a\n", 2, true));
    CHECK(has_diagnostic(bad, "inline.yaml:1:14", "", "control character U+0007 (BEL) is not allowed"));
  }

}  // TEST_SUITE
