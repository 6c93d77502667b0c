#pragma once
// Checks on scenario text that yaml-cpp 0.7 does not make. It passes invalid UTF-8 and
// control characters through, and a quoted scalar that is never closed runs on to the end
// of the file, swallowing every key after it. These checks refuse such text with the
// position of the first bad byte, or of the opening quote (docs/scenario-loader.md).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "scenario/diagnostic.hpp"

namespace caresim::scenario {

/** Where scenario text comes from; only the hint of an encoding error depends on it. */
enum class TextSource {
  File,     ///< a scenario file, or YAML text standing for one
  Override  ///< a --set PATH=VALUE argument
};

/** The position of byte `offset` of `text`, where `text` starts at `origin`. Lines end at
 *  LF, as yaml-cpp counts them; columns count bytes, 1-based. */
Location locate_offset(std::string_view text, std::size_t offset, const Location& origin);

/** True when `text` is valid UTF-8 holding only characters YAML allows as they are
 *  (printable characters, tab, LF and CR). Otherwise reports the first bad byte or
 *  character at its position and returns false. Overlong encodings, UTF-16 surrogates
 *  (U+D800..U+DFFF) and values above U+10FFFF are invalid UTF-8; control characters
 *  (U+0000..U+001F but tab, LF, CR; U+007F..U+009F but U+0085) and U+FFFE, U+FFFF are
 *  not allowed. */
bool check_text(std::string_view text, const Location& origin, TextSource source, DiagnosticSink& sink);

/** The UTF-8 text of `bytes` without a byte order mark: UTF-16 or UTF-32 when `bytes`
 *  starts with that byte order mark (transcoded), UTF-8 otherwise. The result has passed
 *  check_text(); nothing is returned after reporting the first problem. Positions in
 *  diagnostics, here and in yaml-cpp's, refer to the UTF-8 text. */
std::optional<std::string> decode_text(std::string_view bytes, const Location& origin, TextSource source,
                                       DiagnosticSink& sink);

/** Repairs a scalar as yaml-cpp 0.7 decodes it: the escapes \N and \_ become the single
 *  bytes 0x85 and 0xA0 instead of the UTF-8 of U+0085 and U+00A0. The text parsed was
 *  valid UTF-8 and every other escape yields whole UTF-8 characters, so such a byte is
 *  found only outside any character; every byte found there (0x80..0xBF, 0xF8..0xFF)
 *  is re-encoded as the character of that number. */
void repair_escaped_bytes(std::string& scalar);

/** What is wrong with one quoted scalar (see check_quoted_scalar()). */
struct QuotedScalarProblem {
  std::string message;  ///< for Diagnostic::message
  std::string hint;     ///< for Diagnostic::hint
  /** True when the scalar is still open at the end of the text (and no earlier line
   *  ended it): then a text cut short could be the only cause. */
  bool open_at_end = false;
};

/** Checks the quoted scalar whose opening ' or " is byte `quote` of `text` (which
 *  starts at `origin`). YAML 1.2 lets a quoted scalar in block context continue on
 *  following lines only when each non-blank one is indented by more spaces than
 *  `key_column`, the 0-based column of the key (or list '-') it belongs to; -1 for the
 *  root of a document, where any indentation is allowed. Finds the closing quote as
 *  yaml-cpp does ('' inside '...', a backslash escape inside "...") and reports a
 *  scalar that is never closed, or whose continuation line is not indented enough.
 *  `anchor` names what `key_column` belongs to in messages ("its key"). */
std::optional<QuotedScalarProblem> check_quoted_scalar(std::string_view text, std::size_t quote, int key_column,
                                                       std::string_view anchor, const Location& origin);

}  // namespace caresim::scenario
