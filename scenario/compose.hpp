#pragma once
// Building one YAML tree from a scenario file, the files it extends, and --set overrides.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/diagnostic.hpp"
#include "scenario/yaml_tree.hpp"

namespace caresim::scenario {

/** Longest chain of files extending one another. */
inline constexpr std::size_t kMaxExtendsDepth = 32;

/** Largest scenario file read, in bytes (8 MiB; the bundled scenarios are under 20 KiB).
 *  yaml-cpp builds its whole tree, 70-150 times the size of the text, before any limit on
 *  values can apply; this limit comes first. Overridden by the environment variable
 *  kScenarioMaxBytesVariable holding a whole number of bytes. */
inline constexpr std::uint64_t kMaxScenarioFileBytes = 8ull << 20;

/** The environment variable that overrides kMaxScenarioFileBytes. */
inline constexpr const char* kScenarioMaxBytesVariable = "CARESIM_SCENARIO_MAX_BYTES";

/** Reads `file` and, recursively, the file named by its top-level `extends:` key (a path
 *  relative to the extending file), deep-merging each file over the one it extends (see
 *  merge_yaml()). The `extends` key is removed. Only regular files of at most
 *  kMaxScenarioFileBytes are read (a FIFO, a device or a larger file is reported). File names in diagnostics are as
 * given, joined with the relative extends paths. Nothing (after reporting why) if any file of the chain cannot be read
 * or parsed, or the chain has a cycle: checking the rest would only report keys the missing base should have supplied.
 */
std::optional<YamlNode> compose_file(const std::filesystem::path& file, DiagnosticSink& sink);

/** As compose_file() for YAML text already in memory, named `name` in diagnostics; an
 *  `extends` in it is relative to the directory of `name`, or refused when
 *  `follow_extends` is false (a resolved scenario stored in a results file: what it holds
 *  may not steer the reader to other local files). */
std::optional<YamlNode> compose_text(std::string_view text, const std::string& name, DiagnosticSink& sink,
                                     bool follow_extends = true);

/** Applies command-line overrides "dotted.path=value" in order. The value is read as YAML
 *  (a scalar or a flow list or map) and merged at the path like an extending file would
 *  be. Diagnostics name the file "--set", line N for the N-th override (1-based) and the
 *  column within "path=value". Nothing is applied when `root` is neither a map nor null
 *  (the file is then invalid anyway). */
void apply_overrides(YamlNode& root, const std::vector<std::string>& overrides, DiagnosticSink& sink);

}  // namespace caresim::scenario
