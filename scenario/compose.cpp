#include "scenario/compose.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "scenario/text_check.hpp"

namespace caresim::scenario {
namespace {

namespace fs = std::filesystem;

/** One file of an extends chain: its name as shown and its identity for cycle checks. */
struct ChainLink {
  std::string shown;
  fs::path identity;
};

std::optional<std::string> read_text(const fs::path& file, std::string& why) {
  std::error_code error;
  if (fs::is_directory(file, error)) {
    why = "is a directory";
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    why = std::strerror(errno);
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    why = "read error";
    return std::nullopt;
  }
  return text.str();
}

fs::path identity_of(const fs::path& file) {
  std::error_code error;
  fs::path canonical = fs::weakly_canonical(file, error);
  return error ? file.lexically_normal() : canonical;
}

std::optional<YamlNode> compose(std::string_view text, const std::string& shown, const fs::path& location,
                                std::vector<ChainLink>& chain, DiagnosticSink& sink) {
  auto root = parse_yaml(text, {shown, 1, 1}, sink);
  if (!root || root->kind != YamlNode::Kind::Map) return root;
  if (!root->find("extends")) return root;
  YamlNode overlay = std::move(*root);
  const YamlNode base_ref = *overlay.find("extends");
  overlay.erase("extends");
  if (base_ref.kind != YamlNode::Kind::Scalar || base_ref.text.empty()) {
    sink.error(base_ref.where, "extends", "expected the path of a scenario file, found " + describe_found(base_ref),
               "write extends: other.yaml (relative to this file)");
    return std::nullopt;
  }
  const fs::path base_path = (location.parent_path() / base_ref.text).lexically_normal();
  const ChainLink link{base_path.string(), identity_of(base_path)};
  for (std::size_t i = 0; i < chain.size(); ++i) {
    if (chain[i].identity != link.identity) continue;
    std::string cycle;
    for (std::size_t j = i; j < chain.size(); ++j) cycle += chain[j].shown + " -> ";
    sink.error(base_ref.where, "extends", "cycle in extends: " + cycle + link.shown,
               "a scenario may not extend itself, directly or through other files");
    return std::nullopt;
  }
  if (chain.size() >= kMaxExtendsDepth) {
    sink.error(base_ref.where, "extends",
               "more than " + std::to_string(kMaxExtendsDepth) + " files extend one another");
    return std::nullopt;
  }
  std::string why;
  const auto base_text = read_text(base_path, why);
  if (!base_text) {
    sink.error(base_ref.where, "extends", "cannot read \"" + link.shown + "\": " + why,
               "the path is relative to the extending file");
    return std::nullopt;
  }
  chain.push_back(link);
  auto base = compose(*base_text, link.shown, base_path, chain, sink);
  chain.pop_back();
  if (!base) return std::nullopt;
  if (base->kind == YamlNode::Kind::Null) return overlay;
  if (base->kind != YamlNode::Kind::Map) {
    if (!base->invalid) {
      sink.error(base->where, "", "expected a map of keys at the top of the scenario, found " + describe_found(*base),
                 "a file named by extends must itself be a scenario");
    }
    return std::nullopt;
  }
  return merge_yaml(std::move(*base), std::move(overlay));
}

/** Splits "a.b.c" into keys; empty when any key is empty. */
std::vector<std::pair<std::string, std::size_t>> split_keys(std::string_view path) {
  std::vector<std::pair<std::string, std::size_t>> keys;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t dot = path.find('.', start);
    if (dot == std::string_view::npos) dot = path.size();
    if (dot == start) return {};
    keys.emplace_back(std::string(path.substr(start, dot - start)), start);
    start = dot + 1;
  }
  return keys;
}

}  // namespace

std::optional<YamlNode> compose_file(const fs::path& file, DiagnosticSink& sink) {
  std::string why;
  const auto text = read_text(file, why);
  if (!text) {
    sink.error({file.string(), 0, 0}, "", "cannot read file: " + why);
    return std::nullopt;
  }
  return compose_text(*text, file.string(), sink);
}

std::optional<YamlNode> compose_text(std::string_view text, const std::string& name, DiagnosticSink& sink) {
  std::vector<ChainLink> chain{{name, identity_of(name)}};
  return compose(text, name, fs::path(name), chain, sink);
}

void apply_overrides(YamlNode& root, const std::vector<std::string>& overrides, DiagnosticSink& sink) {
  // Merging into a list or scalar would silently replace the file; the resolver reports it.
  if (root.kind != YamlNode::Kind::Map && root.kind != YamlNode::Kind::Null) return;
  for (std::size_t n = 0; n < overrides.size(); ++n) {
    const std::string& text = overrides[n];
    const int line = static_cast<int>(n + 1);
    // The whole argument, path included: a bad byte in a key would otherwise be echoed.
    if (!check_text(text, {"--set", line, 1}, TextSource::Override, sink)) continue;
    const std::size_t equals = text.find('=');
    const auto keys = split_keys(std::string_view(text).substr(0, equals == std::string::npos ? 0 : equals));
    if (equals == std::string::npos || keys.empty()) {
      sink.error({"--set", line, 1}, "", "expected --set PATH=VALUE, found \"" + text + "\"",
                 "e.g. --set hubs.north.crisis_beds=4");
      continue;
    }
    const int value_column = static_cast<int>(equals) + 2;
    auto value = parse_yaml(std::string_view(text).substr(equals + 1), {"--set", line, value_column}, sink,
                            text.substr(0, equals));
    if (!value) continue;
    if (value->kind == YamlNode::Kind::Null) value->where = {"--set", line, value_column};
    // Wrap the value in one map per key, innermost first, then merge like an extending file.
    YamlNode overlay = std::move(*value);
    for (auto key = keys.rbegin(); key != keys.rend(); ++key) {
      YamlNode map;
      map.kind = YamlNode::Kind::Map;
      const Location key_where{"--set", line, static_cast<int>(key->second) + 1};
      map.where = key_where;
      map.entries.push_back({key->first, key_where, std::move(overlay)});
      overlay = std::move(map);
    }
    root = merge_yaml(std::move(root), std::move(overlay));
  }
}

}  // namespace caresim::scenario
