#include "scenario/compose.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "scenario/text_check.hpp"

namespace caresim::scenario {
namespace {

namespace fs = std::filesystem;

/** One file of an extends chain: its name as shown and its identity for cycle checks. */
struct ChainLink {
  std::string shown;
  fs::path identity;
};

/** The size limit in force: kMaxScenarioFileBytes, or CARESIM_SCENARIO_MAX_BYTES when
 *  that holds a whole number of bytes (anything else there is ignored with a note in the
 *  message, see size_problem()). */
std::uint64_t size_limit(bool& from_environment) {
  from_environment = false;
  const char* text = std::getenv(kScenarioMaxBytesVariable);
  if (text == nullptr || *text == '\0') return kMaxScenarioFileBytes;
  char* end = nullptr;
  errno = 0;
  const unsigned long long value = std::strtoull(text, &end, 10);
  if (errno != 0 || *end != '\0' || value == 0 || text[0] == '-') return kMaxScenarioFileBytes;
  from_environment = true;
  return value;
}

std::string size_problem(std::uint64_t size, bool at_least) {
  bool from_environment = false;
  const std::uint64_t limit = size_limit(from_environment);
  return std::string(at_least ? "more than " : "") + std::to_string(size) + " bytes, more than the limit of " +
         std::to_string(limit) + " bytes for a scenario file" +
         (from_environment ? " (set by " + std::string(kScenarioMaxBytesVariable) + ")"
                           : " (8 MiB; " + std::string(kScenarioMaxBytesVariable) + "=BYTES allows more)");
}

/** The bytes of `file`, or nothing with `why` set. Only a regular file of at most the size
 *  limit is read: a FIFO would block for ever, a device never end, and the YAML tree of a
 *  large file takes 70-150 times its size in memory before any check can run. */
std::optional<std::string> read_text(const fs::path& file, std::string& why) {
  struct stat info;
  if (::stat(file.c_str(), &info) != 0) {
    why = std::strerror(errno);
    return std::nullopt;
  }
  if (S_ISDIR(info.st_mode)) {
    why = "is a directory";
    return std::nullopt;
  }
  if (!S_ISREG(info.st_mode)) {
    why = "is not a regular file (a FIFO, a device or a socket); a scenario is a regular file";
    return std::nullopt;
  }
  bool from_environment = false;
  const std::uint64_t limit = size_limit(from_environment);
  if (static_cast<std::uint64_t>(info.st_size) > limit) {
    why = "it is " + size_problem(static_cast<std::uint64_t>(info.st_size), false);
    return std::nullopt;
  }
  // O_NONBLOCK: should the path have become a FIFO since stat(), opening it does not wait.
  const int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    why = std::strerror(errno);
    return std::nullopt;
  }
  std::string text;
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    why = "is not a regular file (a FIFO, a device or a socket); a scenario is a regular file";
    ::close(fd);
    return std::nullopt;
  }
  // A file may grow while read, and some (in /proc) report size 0: read at most one byte
  // past the limit, whatever the size said.
  char buffer[65536];
  for (;;) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      why = std::string("read error: ") + std::strerror(errno);
      ::close(fd);
      return std::nullopt;
    }
    if (got == 0) break;
    text.append(buffer, static_cast<std::size_t>(got));
    if (text.size() > limit) {
      why = "it is " + size_problem(text.size(), true);
      ::close(fd);
      return std::nullopt;
    }
  }
  ::close(fd);
  return text;
}

fs::path identity_of(const fs::path& file) {
  std::error_code error;
  fs::path canonical = fs::weakly_canonical(file, error);
  return error ? file.lexically_normal() : canonical;
}

std::optional<YamlNode> compose(std::string_view text, const std::string& shown, const fs::path& location,
                                std::vector<ChainLink>& chain, bool follow_extends, DiagnosticSink& sink) {
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
  if (!follow_extends) {
    sink.error(base_ref.where, "extends", "a stored, resolved scenario may not extend another file",
               "the scenario stored in a results file is complete; extends there is never followed");
    return std::nullopt;
  }
  if (const std::size_t nul = base_ref.text.find('\0'); nul != std::string::npos) {
    sink.error(
        base_ref.where, "extends",
        "the path holds a NUL byte (U+0000) after \"" + base_ref.text.substr(0, nul) + "\"; no file name can hold one",
        "remove the \\0 escape from the path");
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
    // The hint helps find a missing file; a FIFO or a file too large was found all right.
    const bool not_found = why == std::strerror(ENOENT) || why == std::strerror(ENOTDIR);
    sink.error(base_ref.where, "extends", "cannot read \"" + link.shown + "\": " + why,
               not_found ? "the path is relative to the extending file" : "");
    return std::nullopt;
  }
  sink.note_file(link.shown);
  chain.push_back(link);
  auto base = compose(*base_text, link.shown, base_path, chain, true, sink);
  chain.pop_back();
  if (!base) return std::nullopt;
  if (base->kind == YamlNode::Kind::Null) return overlay;
  if (base->kind != YamlNode::Kind::Map) {
    if (!base->invalid) {
      sink.error(base->where, "",
                 "expected a map of keys at the top of the scenario, found " + describe_found_at_top(*base),
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

std::optional<YamlNode> compose_text(std::string_view text, const std::string& name, DiagnosticSink& sink,
                                     bool follow_extends) {
  bool from_environment = false;
  if (text.size() > size_limit(from_environment)) {
    sink.error({name, 0, 0}, "", "the scenario text is " + size_problem(text.size(), false));
    return std::nullopt;
  }
  sink.note_file(name);
  std::vector<ChainLink> chain{{name, identity_of(name)}};
  return compose(text, name, fs::path(name), chain, follow_extends, sink);
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
