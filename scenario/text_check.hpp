#pragma once
// Checks on scenario text that yaml-cpp 0.7 does not make: it passes invalid UTF-8 and
// control characters through into values, results files and JSON. These checks refuse
// such text with the position of the first bad byte (docs/scenario-loader.md).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "scenario/diagnostic.hpp"

namespace caresim::scenario {

/** Where scenario text comes from; only the hint of an encoding error depends on it. */
enum class TextSource {
  file,     ///< a scenario file, or YAML text standing for one
  override  ///< a --set PATH=VALUE argument
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

}  // namespace caresim::scenario
