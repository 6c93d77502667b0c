#include "scenario/yaml_tree.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <unordered_map>

#include "scenario/text_check.hpp"

namespace caresim::scenario {
namespace {

/** Copies a yaml-cpp document into YamlNodes, checking limits and duplicate keys. */
class Converter {
 public:
  Converter(const Location& origin, DiagnosticSink& sink) : origin_(origin), sink_(sink) {}

  Location locate(const YAML::Mark& mark) const {
    if (mark.line < 0) return origin_;
    const int column = mark.line == 0 ? origin_.column + mark.column : mark.column + 1;
    return {origin_.file, origin_.line + mark.line, column};
  }

  YamlNode convert(const YAML::Node& node, const Location& fallback, const std::string& path, int depth) {
    YamlNode out;
    out.where = node.Mark().line < 0 ? fallback : locate(node.Mark());
    if (++nodes_ > kMaxNodes) {
      if (!too_many_reported_) {
        sink_.error(out.where, path, "document too large: more than " + std::to_string(kMaxNodes) + " values",
                    "aliases (*name) can multiply a small text; write the values out");
        too_many_reported_ = true;
      }
      out.invalid = true;
      return out;
    }
    switch (node.Type()) {
      case YAML::NodeType::Scalar:
        out.kind = YamlNode::Kind::scalar;
        out.text = node.Scalar();
        repair_escaped_bytes(out.text);
        out.quoted = node.Tag() == "!";
        return out;
      case YAML::NodeType::Sequence:
      case YAML::NodeType::Map:
        break;
      default:
        return out;  // null or undefined
    }
    if (depth >= kMaxNestingDepth) {
      sink_.error(out.where, path, "nesting deeper than " + std::to_string(kMaxNestingDepth) + " levels",
                  "scenario files need only a few levels of maps and lists");
      out.invalid = true;
      return out;
    }
    if (node.IsSequence()) {
      out.kind = YamlNode::Kind::sequence;
      std::size_t index = 0;
      for (const YAML::Node& item : node) {
        out.items.push_back(convert(item, out.where, path + "[" + std::to_string(index++) + "]", depth + 1));
        // A list holding a reported node is skipped whole: checking it would only add noise.
        out.invalid = out.invalid || out.items.back().invalid;
      }
      return out;
    }
    out.kind = YamlNode::Kind::map;
    std::unordered_map<std::string, Location> seen;
    for (const auto& pair : node) {
      const Location key_where = locate(pair.first.Mark());
      if (!pair.first.IsScalar() || pair.first.Scalar().empty()) {
        sink_.error(key_where, path, "expected a key name, found " + found(pair.first),
                    "keys are plain names such as crisis_beds");
        out.invalid = true;
        continue;
      }
      std::string key = pair.first.Scalar();
      repair_escaped_bytes(key);
      const std::string child_path = path.empty() ? key : path + "." + key;
      if (auto [first, inserted] = seen.emplace(key, key_where); !inserted) {
        sink_.error(key_where, child_path, "duplicate key \"" + key + "\"",
                    "first written at line " + std::to_string(first->second.line) + ", column " +
                        std::to_string(first->second.column) + "; a key may appear only once in a map");
        continue;
      }
      // A null value written as "key:" has no position of its own; point at its key.
      const bool bare_null = pair.second.IsNull() && pair.second.Mark().line != pair.first.Mark().line;
      const Location fallback = key_where;
      YamlNode value = convert(pair.second, fallback, child_path, depth + 1);
      if (bare_null) value.where = key_where;
      out.entries.push_back({key, key_where, std::move(value)});
    }
    return out;
  }

 private:
  static std::string found(const YAML::Node& node) {
    if (node.IsMap()) return "a map";
    if (node.IsSequence()) return "a list";
    if (node.IsScalar()) return "\"" + node.Scalar() + "\"";
    return "nothing";
  }

  Location origin_;
  DiagnosticSink& sink_;
  std::size_t nodes_ = 0;
  bool too_many_reported_ = false;
};

}  // namespace

const YamlNode* YamlNode::find(std::string_view key) const {
  for (const YamlEntry& entry : entries) {
    if (entry.key == key) return &entry.value;
  }
  return nullptr;
}

YamlNode* YamlNode::find(std::string_view key) {
  for (YamlEntry& entry : entries) {
    if (entry.key == key) return &entry.value;
  }
  return nullptr;
}

bool YamlNode::erase(std::string_view key) {
  for (auto it = entries.begin(); it != entries.end(); ++it) {
    if (it->key == key) {
      entries.erase(it);
      return true;
    }
  }
  return false;
}

std::optional<YamlNode> parse_yaml(std::string_view bytes, const Location& origin, DiagnosticSink& sink,
                                   const std::string& base_path) {
  const std::optional<std::string> text = decode_text(bytes, origin, TextSource::file, sink);
  if (!text) return std::nullopt;
  Converter converter(origin, sink);
  std::vector<YAML::Node> documents;
  try {
    documents = YAML::LoadAll(*text);
  } catch (const YAML::DeepRecursion& e) {
    sink.error(converter.locate(e.mark), base_path, "nesting too deep for the YAML parser",
               "scenario files need only a few levels of maps and lists");
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    sink.error(converter.locate(e.mark), base_path, "YAML syntax error: " + e.msg);
    return std::nullopt;
  }
  if (documents.empty()) {
    YamlNode empty;
    empty.where = origin;
    return empty;
  }
  if (documents.size() > 1) {
    sink.error(converter.locate(documents[1].Mark()), "", "more than one YAML document",
               "a scenario file holds one document; remove the second '---'");
  }
  return converter.convert(documents.front(), origin, base_path, 0);
}

YamlNode merge_yaml(YamlNode base, YamlNode overlay) {
  if (base.kind != YamlNode::Kind::map || overlay.kind != YamlNode::Kind::map) return overlay;
  base.invalid = base.invalid || overlay.invalid;
  for (YamlEntry& entry : overlay.entries) {
    if (YamlNode* existing = base.find(entry.key)) {
      if (entry.value.kind == YamlNode::Kind::null) {
        // `key: null` over an inherited key removes it (a variant drops a hub or a site).
        std::erase_if(base.entries, [&](const YamlEntry& e) { return e.key == entry.key; });
        continue;
      }
      *existing = merge_yaml(std::move(*existing), std::move(entry.value));
    } else {
      base.entries.push_back(std::move(entry));
    }
  }
  return base;
}

std::string describe_found(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::map:
      return "a map";
    case YamlNode::Kind::sequence:
      return "a list";
    case YamlNode::Kind::scalar:
      return "\"" + node.text + "\"";
    case YamlNode::Kind::null:
      break;
  }
  return "nothing";
}

}  // namespace caresim::scenario
