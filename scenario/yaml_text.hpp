#pragma once
// Writing values as YAML text. The resolved scenario is emitted with these functions, and
// defaults are checked by emitting and re-reading them, so both paths agree on one syntax.
#include <string>
#include <string_view>

#include "scenario/param.hpp"
#include "scenario/value.hpp"

namespace caresim::scenario {

/** Shortest text that reads back as exactly `value` ("0.1", "120000.0", "1e-12").
 *  Always contains '.', 'e' or 'n' so that it cannot be mistaken for an integer. */
std::string format_real(double value);

/** A number for messages: like format_real but whole numbers lose the ".0". */
std::string format_number(double value);

/** `text` (UTF-8) as a YAML double-quoted scalar, with \" \\ and every character YAML text
 *  may not hold raw escaped: controls (C0, DEL, C1) and U+FFFE, U+FFFF. */
std::string quote_yaml(std::string_view text);

/** `word` as written in YAML: plain when it is a simple name that YAML would not read as
 *  a number, boolean or null; quoted otherwise. Used for keys and enumeration words. */
std::string yaml_word(std::string_view word);

/** A value in YAML flow syntax ("3", "2027-04-01", "[kita, minami]", "{a: 0.5, b: 0.5}").
 *  Strings are always quoted; enumeration and reference words only when needed. */
std::string flow_yaml(const Value& value, Type type);

}  // namespace caresim::scenario
