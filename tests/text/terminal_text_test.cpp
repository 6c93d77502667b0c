// The one escaping of scenario and results-file text for the terminal (text/terminal_text.hpp).
#include "text/terminal_text.hpp"

#include <doctest/doctest.h>

#include <string>

using caresim::text::terminal_excerpt;
using caresim::text::terminal_text;

TEST_SUITE("text") {
  TEST_CASE("escape sequences that retitle and clear a terminal are shown as text") {
    // The review's reproducer: ESC ] 0 ; owned BEL ESC [ 2 J in a results file's command line.
    CHECK(terminal_text("\x1b]0;owned\x07\x1b[2J") == "\\x1b]0;owned\\x07\\x1b[2J");
    CHECK(terminal_text(std::string("a\0b", 3)) == "a\\x00b");
    CHECK(terminal_text("line\nnext\ttab\rcr\x7f") == "line\\x0anext\\x09tab\\x0dcr\\x7f");
  }

  TEST_CASE("C1 and bidirectional controls are shown as their code points") {
    CHECK(terminal_text("\xc2\x9b"
                        "2J") == "\\u009b2J");  // CSI
    CHECK(terminal_text("abc\xe2\x80\xae"
                        "fed") == "abc\\u202efed");                          // RIGHT-TO-LEFT OVERRIDE
    CHECK(terminal_text("\xe2\x81\xa6x\xe2\x81\xa9") == "\\u2066x\\u2069");  // isolates
    CHECK(terminal_text("\xef\xbb\xbfname") == "\\ufeffname");
  }

  TEST_CASE("bytes that are not UTF-8 are shown as hex and valid text is kept") {
    CHECK(terminal_text("caf\xe9") == "caf\\xe9");                                   // latin-1
    CHECK(terminal_text("\xed\xa0\x80") == "\\xed\\xa0\\x80");                       // a UTF-16 surrogate
    CHECK(terminal_text("\xc0\xaf") == "\\xc0\\xaf");                                // overlong '/'
    CHECK(terminal_text("\xe5\x8c\x97\xe5\x8c\xba") == "\xe5\x8c\x97\xe5\x8c\xba");  // 北区
    CHECK(terminal_text("C:\\path \"quoted\"") == "C:\\path \"quoted\"");
  }

  TEST_CASE("escaping twice gives the same text as escaping once") {
    const std::string once = terminal_text("\x1b[2J caf\xe9 \xe2\x80\xae");
    CHECK(terminal_text(once) == once);
  }

  TEST_CASE("an excerpt is cut at a character boundary and says the full size") {
    CHECK(terminal_excerpt("short") == "short");
    const std::string long_text = std::string(79, 'a') + "\xe5\x8c\x97" + std::string(100, 'b');
    CHECK(terminal_excerpt(long_text) == std::string(79, 'a') + "... (182 bytes)");
    CHECK(terminal_excerpt("\x1b\x1b\x1b", 2) == "\\x1b\\x1b... (3 bytes)");
  }
}
