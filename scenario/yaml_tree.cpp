#include "scenario/yaml_tree.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "scenario/text_check.hpp"
#include "text/terminal_text.hpp"

namespace caresim::scenario {
namespace {

/** The block-context node a value belongs to: a quoted scalar's continuation lines must
 *  be indented more than its column (check_quoted_scalar()). */
struct BlockAnchor {
  int column = -1;                    ///< 0-based; -1 at the root of a document
  std::string_view name = "its key";  ///< for messages
};

/** A quoted-scalar problem found while converting, reported once the tree is built. */
struct QuoteFinding {
  Diagnostic diagnostic;
  bool open_at_end;
};

/** Copies a yaml-cpp document into YamlNodes, checking limits, duplicate keys and quoted
 *  scalars against `text`, the UTF-8 text yaml-cpp parsed. */
class Converter {
 public:
  Converter(std::string_view text, const Location& origin, DiagnosticSink& sink)
      : text_(text), origin_(origin), sink_(sink) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') line_starts_.push_back(i + 1);
    }
  }

  Location locate(const YAML::Mark& mark) const {
    if (mark.line < 0) return origin_;
    const int column = mark.line == 0 ? origin_.column + mark.column : mark.column + 1;
    return {origin_.file, origin_.line + mark.line, column};
  }

  /** Byte offset in the text of the start of line `line` (0-based), or npos. */
  std::size_t line_start(int line) const {
    if (line < 0 || static_cast<std::size_t>(line) >= line_starts_.size()) return std::string_view::npos;
    return line_starts_[static_cast<std::size_t>(line)];
  }

  /** The quoted-scalar problems found, those still open at the end of the text only if
   *  `with_open_at_end`. */
  std::vector<Diagnostic> quote_problems(bool with_open_at_end) const {
    std::vector<Diagnostic> out;
    for (const QuoteFinding& finding : quote_findings_) {
      if (with_open_at_end || !finding.open_at_end) out.push_back(finding.diagnostic);
    }
    return out;
  }

  YamlNode convert(const YAML::Node& node, const Location& fallback, const std::string& path, int depth,
                   const BlockAnchor& anchor) {
    YamlNode out;
    out.where = node.Mark().line < 0 ? fallback : locate(node.Mark());
    // A scalar's quotes are checked first: a broken quote is the root cause of more.
    if (node.Type() != YAML::NodeType::Scalar && !check_tag(node, out.where, path)) {
      out.invalid = true;
      return out;
    }
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
        out.kind = YamlNode::Kind::Scalar;
        out.text = node.Scalar();
        repair_escaped_bytes(out.text);
        out.quoted = node.Tag() == "!";
        out.invalid = !check_quotes(node, path, anchor) || !check_tag(node, out.where, path);
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
    // "&a [x, *a]": yaml-cpp makes the alias the list itself, a value without end.
    for (const YAML::Node& open : open_) {
      if (!node.is(open)) continue;
      sink_.error(out.where, path,
                  "this alias repeats the list or map anchored here, which contains it: the value would never end",
                  "an alias (*name) may repeat only a value written outside it");
      out.invalid = true;
      return out;
    }
    open_.push_back(node);
    struct Close {
      std::vector<YAML::Node>& open;
      ~Close() { open.pop_back(); }
    } close{open_};
    const bool flow = node.Style() == YAML::EmitterStyle::Flow;
    if (node.IsSequence()) {
      out.kind = YamlNode::Kind::Sequence;
      std::size_t index = 0;
      for (const YAML::Node& item : node) {
        const BlockAnchor item_anchor = flow ? anchor : dash_of(item, node, anchor);
        out.items.push_back(
            convert(item, out.where, path + "[" + std::to_string(index++) + "]", depth + 1, item_anchor));
        // A list holding a reported node is skipped whole: checking it would only add noise.
        out.invalid = out.invalid || out.items.back().invalid;
      }
      return out;
    }
    out.kind = YamlNode::Kind::Map;
    std::unordered_map<std::string, Location> seen;
    for (const auto& pair : node) {
      const Location key_where = locate(pair.first.Mark());
      if (!pair.first.IsScalar() || pair.first.Scalar().empty()) {
        sink_.error(key_where, path, "expected a key name, found " + found(pair.first),
                    "keys are plain names such as crisis_beds");
        out.invalid = true;
        continue;
      }
      if (!check_tag(pair.first, key_where, path)) {
        out.invalid = true;
        continue;
      }
      std::string key = pair.first.Scalar();
      repair_escaped_bytes(key);
      const std::string child_path = path.empty() ? key : path + "." + key;
      const BlockAnchor entry_anchor = flow ? anchor : BlockAnchor{pair.first.Mark().column, "its key"};
      if (!check_quotes(pair.first, child_path, entry_anchor)) {
        out.invalid = true;
        continue;
      }
      if (auto [first, inserted] = seen.emplace(key, key_where); !inserted) {
        sink_.error(key_where, child_path, "duplicate key \"" + key + "\"",
                    "first written at line " + std::to_string(first->second.line) + ", column " +
                        std::to_string(first->second.column) + "; a key may appear only once in a map");
        continue;
      }
      // A null value written as "key:" has no position of its own; point at its key.
      const bool bare_null = pair.second.IsNull() && pair.second.Mark().line != pair.first.Mark().line;
      const Location fallback = key_where;
      YamlNode value = convert(pair.second, fallback, child_path, depth + 1, entry_anchor);
      if (bare_null) value.where = key_where;
      out.entries.push_back({key, key_where, std::move(value)});
    }
    return out;
  }

 private:
  /** False, after reporting, when `node` carries an explicit tag (`!foo`, `!!binary`):
   *  yaml-cpp would keep `!foo 3` as 3 and `!!binary aGVsbG8=` as its base64 text
   *  without a word. A scenario is plain YAML, so no tag has a meaning in it. */
  bool check_tag(const YAML::Node& node, const Location& where, const std::string& path) {
    const std::string& tag = node.Tag();
    if (tag.empty() || tag == "?" || tag == "!") return true;  // untagged, plain or quoted
    static const std::string kCore = "tag:yaml.org,2002:";
    const bool core = tag.compare(0, kCore.size(), kCore) == 0;
    const std::string shown = core ? "!!" + tag.substr(kCore.size()) : tag;
    if (shown == "!!binary") {
      sink_.error(where, path, "binary data (the tag !!binary) is not supported in a scenario",
                  "a scenario holds text and numbers: write the value itself, without !!binary and base64");
    } else {
      sink_.error(where, path, "the YAML tag " + shown + " is not supported in a scenario",
                  "remove the tag; scenario values are plain YAML (quote a value to make it text)");
    }
    return false;
  }

  static std::string found(const YAML::Node& node) {
    if (node.IsMap()) return "a map";
    if (node.IsSequence()) return "a list";
    if (node.IsScalar()) return "\"" + text::terminal_excerpt(node.Scalar()) + "\"";
    return "nothing";
  }

  std::size_t offset_of(const YAML::Mark& mark) const {
    const std::size_t start = line_start(mark.line);
    if (start == std::string_view::npos || mark.column < 0) return std::string_view::npos;
    const std::size_t offset = start + static_cast<std::size_t>(mark.column);
    return offset < text_.size() ? offset : std::string_view::npos;
  }

  /** The '-' of a block list `item` belongs to: the one before it on its line, else the
   *  list's own mark, else (no '-' found, as after a tag) the list's anchor, which asks
   *  for less indentation and so never refuses valid text. */
  BlockAnchor dash_of(const YAML::Node& item, const YAML::Node& list, const BlockAnchor& outer) const {
    const std::size_t at = offset_of(item.Mark());
    if (at != std::string_view::npos) {
      std::size_t i = at;
      while (i > 0 && (text_[i - 1] == ' ' || text_[i - 1] == '\t')) --i;
      if (i > 0 && text_[i - 1] == '-') {
        const std::size_t start = text_.rfind('\n', i - 1);
        const std::size_t column = i - 1 - (start == std::string_view::npos ? 0 : start + 1);
        return {static_cast<int>(column), "the '-' of its list item"};
      }
    }
    const std::size_t dash = offset_of(list.Mark());
    if (dash != std::string_view::npos && text_[dash] == '-') return {list.Mark().column, "the '-' of its list item"};
    return outer;
  }

  /** Checks `node` if it is a quoted scalar (after any anchor and tag) not checked
   *  before (aliases repeat nodes); false when it has a problem, which is recorded. */
  bool check_quotes(const YAML::Node& node, const std::string& path, const BlockAnchor& anchor) {
    const std::size_t at = offset_of(node.Mark());
    if (at == std::string_view::npos) return true;
    std::size_t quote = at;
    while (quote < text_.size() && (text_[quote] == '&' || text_[quote] == '!')) {
      while (quote < text_.size() && text_[quote] != ' ' && text_[quote] != '\t' && text_[quote] != '\n') ++quote;
      while (quote < text_.size() && (text_[quote] == ' ' || text_[quote] == '\t')) ++quote;
    }
    if (quote >= text_.size() || (text_[quote] != '\'' && text_[quote] != '"')) return true;
    if (!checked_.insert(quote).second) return true;
    auto problem = check_quoted_scalar(text_, quote, anchor.column, anchor.name, origin_);
    if (!problem) return true;
    quote_findings_.push_back(
        {{locate_offset(text_, quote, origin_), path, std::move(problem->message), std::move(problem->hint)},
         problem->open_at_end});
    return false;
  }

  std::string_view text_;
  Location origin_;
  DiagnosticSink& sink_;
  std::vector<std::size_t> line_starts_;
  std::unordered_set<std::size_t> checked_;
  std::vector<QuoteFinding> quote_findings_;
  std::vector<YAML::Node> open_;  ///< the lists and maps being converted, outermost first
  std::size_t nodes_ = 0;
  bool too_many_reported_ = false;
};

/** Records where each document of a YAML stream begins; builds nothing. */
class DocumentStarts final : public YAML::EventHandler {
 public:
  std::vector<YAML::Mark> marks;

  void OnDocumentStart(const YAML::Mark& mark) override { marks.push_back(mark); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

/** The first document of a YAML stream, and where a second one begins if there is one. */
struct FirstDocument {
  std::optional<YAML::Node> node;    ///< empty for a stream without documents
  std::optional<YAML::Mark> second;  ///< the start of the second document
};

/** Reads the first document of `text`, throwing YAML::Exception on a syntax error.
 *  yaml-cpp 0.7's LoadAll() never returns on a stream where a token that cannot begin a
 *  value stands at the top level (",", "[1],", "&a ,": yaml-cpp issue 1040): each
 *  document reads nothing and ends as a null, forever. So the starts of at most three
 *  documents are read first with the event parser; two documents starting at the same
 *  place mean one read nothing, a syntax error at that place. */
FirstDocument read_first_document(const std::string& text) {
  std::istringstream stream(text);
  YAML::Parser parser(stream);
  DocumentStarts starts;
  while (starts.marks.size() < 3 && parser.HandleNextDocument(starts)) {
  }
  for (std::size_t i = 1; i < starts.marks.size(); ++i) {
    if (starts.marks[i].pos != starts.marks[i - 1].pos) continue;
    const YAML::Mark& at = starts.marks[i];
    const auto pos = static_cast<std::size_t>(at.pos);
    const char c = pos < text.size() ? text[pos] : ' ';
    const std::string what = c > ' ' && c < 0x7f ? std::string("'") + c + "'" : "this character";
    throw YAML::ParserException(at, what + " cannot begin a value here");
  }
  FirstDocument out;
  if (starts.marks.empty()) return out;
  if (starts.marks.size() > 1) out.second = starts.marks[1];
  out.node = YAML::Load(text);
  return out;
}

/** The quoted-scalar problems yaml-cpp's reading of `text` holds (none when it cannot
 *  read it), for explaining a syntax error found further on. */
std::vector<Diagnostic> quote_problems_in(const std::string& text, const Location& origin, const std::string& base_path,
                                          bool with_open_at_end) {
  DiagnosticSink ignored;  // duplicates and limits are reported by the full parse, if it gets that far
  Converter converter(text, origin, ignored);
  try {
    const FirstDocument document = read_first_document(text);
    if (!document.node) return {};
    converter.convert(*document.node, origin, base_path, 0, {});
  } catch (const YAML::Exception&) {
    return {};
  }
  return converter.quote_problems(with_open_at_end);
}

/** Offset of the first CR in `text` not followed by LF, or npos. */
std::size_t lone_carriage_return(std::string_view text) {
  for (std::size_t at = text.find('\r'); at != std::string_view::npos; at = text.find('\r', at + 1)) {
    if (at + 1 == text.size() || text[at + 1] != '\n') return at;
  }
  return std::string_view::npos;
}

/** YAML (and yaml-cpp) reads a key written without "? " only up to 1024 characters. */
constexpr std::size_t kMaxImplicitKey = 1024;

/** Offset and length of the first key of `text` longer than kMaxImplicitKey: a run of
 *  characters without a line break, '{', '[' or ',' that ends in ':' followed by a blank
 *  or the end of a line; npos if none. A heuristic, used only to explain a syntax error. */
std::pair<std::size_t, std::size_t> overlong_key(std::string_view text) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' || c == '{' || c == '[' || c == ',') {
      start = i + 1;
    } else if (c == ':' && (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n' || text[i + 1] == '\r')) {
      std::size_t key = start;
      while (key < i && (text[key] == ' ' || text[key] == '-' || text[key] == '\t')) ++key;
      if (i - key > kMaxImplicitKey) return {key, i - key};
      start = i + 1;
    }
  }
  return {std::string_view::npos, 0};
}

/** Reports yaml-cpp's syntax error `e` in `text`. An unclosed quote often shows only as
 *  an error further on, so the text before the error's line is read again and any
 *  quoted scalar it leaves broken is reported too; when yaml-cpp stopped at the end of
 *  the text inside a scalar (it reads one that the text's last line break closes as
 *  valid), the opening quote is reported instead. */
void report_syntax_error(const std::string& text, const Location& origin, const std::string& base_path,
                         const YAML::Exception& e, DiagnosticSink& sink) {
  const Converter locator(text, origin, sink);
  if (e.msg == YAML::ErrorMsg::EOF_IN_SCALAR) {
    const std::vector<Diagnostic> found = quote_problems_in(text + "\n", origin, base_path, true);
    for (const Diagnostic& d : found) sink.error(d.where, d.path, d.message, d.hint);
    if (!found.empty()) return;
  } else if (const std::size_t start = locator.line_start(e.mark.line); start != std::string_view::npos && start > 0) {
    for (const Diagnostic& d : quote_problems_in(text.substr(0, start), origin, base_path, false)) {
      sink.error(d.where, d.path, d.message, d.hint);
    }
  }
  if (const auto [key, length] = overlong_key(text); key != std::string_view::npos) {
    sink.error(locate_offset(text, key, origin), base_path,
               "YAML reads a key of at most " + std::to_string(kMaxImplicitKey) + " characters; this one has " +
                   std::to_string(length) + " (the cause of the syntax error that follows)",
               "use a shorter key: scenario keys and names are short words");
  }
  sink.error(locator.locate(e.mark), base_path, "YAML syntax error: " + e.msg);
}

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
  const std::optional<std::string> text = decode_text(bytes, origin, TextSource::File, sink);
  if (!text) return std::nullopt;
  if (const std::size_t cr = lone_carriage_return(*text); cr != std::string::npos) {
    sink.error(locate_offset(*text, cr, origin), base_path,
               "a line ends in a carriage return alone (CR, the line end of classic Mac OS); YAML here reads lines "
               "that end in LF or CR LF, and would take the whole file for one line",
               "save the file with LF (Unix) or CR LF (Windows) line ends, e.g. tr '\\r' '\\n' < old.yaml > new.yaml");
    return std::nullopt;
  }
  Converter converter(*text, origin, sink);
  FirstDocument document;
  try {
    document = read_first_document(*text);
  } catch (const YAML::DeepRecursion& e) {
    sink.error(converter.locate(e.mark), base_path, "nesting too deep for the YAML parser",
               "scenario files need only a few levels of maps and lists");
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    report_syntax_error(*text, origin, base_path, e, sink);
    return std::nullopt;
  }
  if (!document.node) {
    YamlNode empty;
    empty.where = origin;
    return empty;
  }
  if (document.second) {
    sink.error(converter.locate(*document.second), "", "more than one YAML document",
               "a scenario file holds one document; remove the second '---'");
  }
  YamlNode root = converter.convert(*document.node, origin, base_path, 0, {});
  // A broken quoted scalar leaves the rest of the tree in doubt: it is a syntax error.
  const std::vector<Diagnostic> broken = converter.quote_problems(true);
  for (const Diagnostic& d : broken) sink.error(d.where, d.path, d.message, d.hint);
  if (!broken.empty()) return std::nullopt;
  return root;
}

YamlNode merge_yaml(YamlNode base, YamlNode overlay) {
  if (base.kind != YamlNode::Kind::Map || overlay.kind != YamlNode::Kind::Map) return overlay;
  base.invalid = base.invalid || overlay.invalid;
  for (YamlEntry& entry : overlay.entries) {
    if (YamlNode* existing = base.find(entry.key)) {
      if (entry.value.kind == YamlNode::Kind::Null) {
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
    case YamlNode::Kind::Map:
      return "a map";
    case YamlNode::Kind::Sequence:
      return "a list";
    case YamlNode::Kind::Scalar: {
      std::string quoted = "\"";  // appended, not a + b + c: g++ 12 warns falsely (-Wrestrict) on that
      quoted += text::terminal_excerpt(node.text);
      quoted += '"';
      return quoted;
    }
    case YamlNode::Kind::Null:
      break;
  }
  return "nothing";
}

std::string describe_found_at_top(const YamlNode& node) {
  if (node.kind != YamlNode::Kind::Scalar) return describe_found(node);
  return "text of " + std::to_string(node.text.size()) + " bytes (not shown)";
}

}  // namespace caresim::scenario
