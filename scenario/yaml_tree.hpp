#pragma once
// A YAML document as plain data with source positions. yaml-cpp nodes carry no file name
// and silently accept duplicate keys, so every document is copied once into this tree:
// duplicates, excessive depth and alias bombs are caught on the way, and trees from
// several files (extends) and --set overrides can be merged while each node remembers
// where it was written.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/diagnostic.hpp"

namespace caresim::scenario {

/** Deepest nesting of maps and lists accepted in a scenario (the root map is level 1). */
inline constexpr int kMaxNestingDepth = 64;

/** Most nodes one document may expand to (aliases can multiply a small text). */
inline constexpr std::size_t kMaxNodes = 1'000'000;

struct YamlEntry;

/** One YAML node with its position. */
struct YamlNode {
  /** The node's shape. */
  enum class Kind { Null, Scalar, Sequence, Map };

  Kind kind = Kind::Null;
  /** Scalar text (empty unless kind is scalar). */
  std::string text;
  /** True when the scalar was quoted or a block literal: it is text, never a number. */
  bool quoted = false;
  /** True when an error was already reported for this node: checks skip it silently. */
  bool invalid = false;
  /** Where the node starts. */
  Location where;
  /** Elements of a sequence. */
  std::vector<YamlNode> items;
  /** Entries of a map, in file order, keys unique. */
  std::vector<YamlEntry> entries;

  /** The value under `key` in a map, or nullptr. */
  const YamlNode* find(std::string_view key) const;
  /** The value under `key` in a map, or nullptr. */
  YamlNode* find(std::string_view key);
  /** Removes `key` from a map; false if absent. */
  bool erase(std::string_view key);
};

/** A key of a map (always a scalar) and its value. */
struct YamlEntry {
  std::string key;
  Location key_where;
  YamlNode value;
};

/** Parses `text` as one YAML document: UTF-8, or UTF-16 or UTF-32 with a byte order
 *  mark (decode_text()). Positions are reported relative to `origin` (origin line and
 *  column are those of the text's first character; a file starts at {file, 1, 1}); key
 *  paths start with `base_path` (the path a --set value is merged at). Invalid UTF-8 and
 *  control characters, syntax errors (including quoted scalars that yaml-cpp reads on
 *  past where YAML ends them, check_quoted_scalar()), duplicate keys, non-scalar keys,
 *  more than one document, nesting deeper than kMaxNestingDepth and more than kMaxNodes
 *  nodes are reported to `sink`; the tree is returned unless the text could not be
 *  parsed at all. An empty document is a null node. */
std::optional<YamlNode> parse_yaml(std::string_view text, const Location& origin, DiagnosticSink& sink,
                                   const std::string& base_path = {});

/** Deep merge: maps are merged key by key (the overlay wins, new keys are appended after
 *  the base's keys); a null overlay value for a key the base has removes that key (how a
 *  variant drops an inherited hub); anything else in the overlay — scalar, list, or null
 *  for a key the base lacks — replaces the base value whole. */
YamlNode merge_yaml(YamlNode base, YamlNode overlay);

/** "a map", "a list", "nothing" or the scalar text in double quotes, for "found ...". */
std::string describe_found(const YamlNode& node);

/** As describe_found() for a node found where the top of a scenario should be, which
 *  says its kind and size but never its text: a file that is not a scenario (say
 *  extends: /etc/passwd) is not echoed. */
std::string describe_found_at_top(const YamlNode& node);

}  // namespace caresim::scenario
