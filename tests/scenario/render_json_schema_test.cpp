// The JSON Schema generated from the table: well-formed JSON naming every key, whatever
// bytes the table's texts hold.
#include <doctest/doctest.h>

#include <cctype>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "scenario/render.hpp"
#include "scenario_test_support.hpp"

using namespace caresim::scenario;
using namespace caresim::scenario::testing;

namespace {

/** A strict recursive-descent JSON checker (RFC 8259 grammar, no extensions). */
class JsonChecker {
 public:
  explicit JsonChecker(const std::string& text) : text_(text) {}

  /** True when the whole text is one JSON value. */
  bool valid() {
    const bool ok = value(0);
    space();
    return ok && at_ == text_.size();
  }

 private:
  void space() {
    while (at_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[at_]))) ++at_;
  }
  bool eat(char c) {
    space();
    if (at_ < text_.size() && text_[at_] == c) {
      ++at_;
      return true;
    }
    return false;
  }
  bool literal(const char* word) {
    const std::string w(word);
    if (text_.compare(at_, w.size(), w) != 0) return false;
    at_ += w.size();
    return true;
  }
  bool string() {
    if (!eat('"')) return false;
    while (at_ < text_.size() && text_[at_] != '"') {
      if (static_cast<unsigned char>(text_[at_]) < 0x20) return false;
      if (text_[at_] == '\\') ++at_;
      ++at_;
    }
    return at_++ < text_.size();
  }
  bool number() {
    const std::size_t start = at_;
    if (at_ < text_.size() && text_[at_] == '-') ++at_;
    while (at_ < text_.size() && (std::isdigit(static_cast<unsigned char>(text_[at_])) || text_[at_] == '.' ||
                                  text_[at_] == 'e' || text_[at_] == 'E' || text_[at_] == '+' || text_[at_] == '-')) {
      ++at_;
    }
    return at_ > start;
  }
  bool value(int depth) {
    if (depth > 100) return false;
    space();
    if (at_ >= text_.size()) return false;
    const char c = text_[at_];
    if (c == '{') {
      ++at_;
      if (eat('}')) return true;
      do {
        if (!string() || !eat(':') || !value(depth + 1)) return false;
      } while (eat(','));
      return eat('}');
    }
    if (c == '[') {
      ++at_;
      if (eat(']')) return true;
      do {
        if (!value(depth + 1)) return false;
      } while (eat(','));
      return eat(']');
    }
    if (c == '"') return string();
    if (c == 't') return literal("true");
    if (c == 'f') return literal("false");
    if (c == 'n') return literal("null");
    return number();
  }

  const std::string& text_;
  std::size_t at_ = 0;
};

}  // namespace

TEST_SUITE("scenario") {
  TEST_CASE("the scenario JSON schema is well-formed JSON") {
    const std::string json = render_json_schema(test_schema());
    CHECK(JsonChecker(json).valid());
    const std::string broken = json.substr(0, json.size() - 3);
    CHECK_FALSE(JsonChecker(broken).valid());
  }

  TEST_CASE("the scenario JSON schema declares draft 2020-12 and every key") {
    const Schema schema = test_schema();
    const std::string json = render_json_schema(schema);
    CHECK(json.find("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"") != std::string::npos);
    for_each_param(schema, [&](const ParamSite& site) {
      INFO(site.doc_path);
      CHECK(json.find("\"" + site.param.name() + "\": {") != std::string::npos);
    });
    for (const char* group :
         {"\"simulation\": {", "\"municipalities\": {", "\"hubs\": {", "\"sites\": {", "\"extends\": {"}) {
      CHECK(json.find(group) != std::string::npos);
    }
    CHECK(json.find("\"additionalProperties\": false") != std::string::npos);
  }

  TEST_CASE("the scenario JSON schema carries ranges defaults enumerations and phased steps") {
    std::string json;
    for (char c : render_json_schema(test_schema())) {
      if (!std::isspace(static_cast<unsigned char>(c))) json += c;  // no key or text here contains spaces that matter
    }
    CHECK(json.find("\"horizon_days\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":36500,") != std::string::npos);
    CHECK(json.find("\"calendar\":{\"enum\":[\"fiscal\",\"civil\"]") != std::string::npos);
    CHECK(json.find("\"exclusiveMinimum\":0") != std::string::npos);
    CHECK(json.find("\"default\":\"2027-04-01\"") != std::string::npos);
    CHECK(json.find("\"default\":{\"child\":0.2,\"adult\":0.6,\"senior\":0.2}") != std::string::npos);
    CHECK(json.find("\"crisis_beds\":{\"anyOf\":[{\"type\":\"integer\",\"minimum\":0},{\"type\":\"array\"") !=
          std::string::npos);
    CHECK(json.find("\"required\":[\"from\",\"value\"]") != std::string::npos);
    CHECK(json.find("\"if\":{\"not\":{\"required\":[\"extends\"]}},\"then\":{\"required\":[\"municipalities\"]") !=
          std::string::npos);
  }

  TEST_CASE("the scenario JSON schema parses strictly with members in order and whole bounds as integers") {
    using Json = nlohmann::ordered_json;
    const Json j = Json::parse(render_json_schema(test_schema()));
    std::vector<std::string> keys;
    for (const auto& member : j.items()) keys.push_back(member.key());
    CHECK(keys ==
          std::vector<std::string>{"$schema", "title", "type", "properties", "additionalProperties", "if", "then"});
    CHECK(j.at("title") == "Test region parameters");
    const Json& horizon = j.at("properties").at("simulation").at("properties").at("horizon_days");
    CHECK(horizon.at("minimum").is_number_integer());
    CHECK(horizon.at("maximum") == 36500);
    CHECK(horizon.at("default").is_number_integer());
    const Json& town = j.at("properties").at("municipalities").at("additionalProperties").at("properties");
    CHECK(town.at("incidence").at("exclusiveMinimum").is_number_integer());
    CHECK(town.at("incidence").at("default").is_number_float());
    CHECK(town.at("incidence").at("default") == 2.5);
    CHECK(town.at("monthly_factor").at("default") == Json::parse("[1, 1]"));
    CHECK(j.at("properties").at("municipalities").at("minProperties") == 1);
  }

  TEST_CASE("texts of the table with control characters quotes and bytes that are not UTF-8 stay valid JSON") {
    Schema schema("Title \"quoted\"\tand tabbed\\");
    schema.add(Param::string("label").optional().describe("Line one\nline two \x1b[2J caf\xe9"));
    const std::string json = render_json_schema(schema);
    nlohmann::json j;
    REQUIRE_NOTHROW(j = nlohmann::json::parse(json));
    CHECK(j.at("title") == "Title \"quoted\"\tand tabbed\\");
    CHECK(j.at("properties").at("label").at("description") == "Line one\nline two \x1b[2J caf\xef\xbf\xbd");
  }

  TEST_CASE("the scenario JSON Schema states an assumed range in the key's description") {
    Schema s("T");
    s.add(Param::real("p_home")
              .range(0, 1)
              .default_value(0.35)
              .describe("Home")
              .source("assumption")
              .assumption_range(0.2, 0.5));
    const auto j = nlohmann::json::parse(render_json_schema(s));
    CHECK(j["properties"]["p_home"]["description"] ==
          "Home. Source: assumption. Assumed range (for robustness analyses): 0.2 to 0.5.");
  }

}  // TEST_SUITE
