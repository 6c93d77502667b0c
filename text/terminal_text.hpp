#pragma once
// Text from a scenario or a results file, made safe to print on a terminal. Such text is
// data: an ESC in a scenario name would otherwise retitle or clear the terminal, a U+202E
// reverse the rest of a line, and bytes that are not UTF-8 garble it
// (docs/reliability.md, "Nothing reaches the terminal unescaped").
#include <string>
#include <string_view>

namespace caresim::text {

/** `raw` with every character that could steer a terminal written as an escape, and
 *  everything else (printable UTF-8, space) as it is:
 *  - C0 controls and DEL (LF and tab included) as \xNN, e.g. ESC as \x1b;
 *  - C1 controls (U+0080..U+009F), the bidirectional controls (U+061C, U+200E, U+200F,
 *    U+202A..U+202E, U+2066..U+2069), U+2028, U+2029 and U+FEFF as \uNNNN, e.g. \u202e;
 *  - each byte that is not part of valid UTF-8 (overlong forms and surrogates included)
 *    as \xNN.
 *  A backslash stays a backslash: the result is for reading, not for parsing back. */
std::string terminal_text(std::string_view raw);

/** terminal_text() of at most the first `limit` bytes of `raw` (cut at a character
 *  boundary); when `raw` is longer, "... (N bytes)" follows, N being its full size. For
 *  quoting a value in a message without echoing a whole file. */
std::string terminal_excerpt(std::string_view raw, std::size_t limit = 80);

}  // namespace caresim::text
