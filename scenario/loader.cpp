#include "scenario/loader.hpp"

#include "scenario/compose.hpp"
#include "scenario/resolver.hpp"

namespace caresim::scenario {
namespace {

void require_sound(const Schema& schema) {
  const std::vector<std::string> problems = schema.problems();
  if (problems.empty()) return;
  std::string message = "the parameter table has problems:";
  for (const std::string& problem : problems) message += "\n  " + problem;
  throw SchemaError(message);
}

LoadResult finish(const Schema& schema, std::optional<YamlNode> root, const std::vector<std::string>& overrides,
                  DiagnosticSink& sink) {
  if (root) {
    apply_overrides(*root, overrides, sink);
    Resolver resolver(schema, sink);
    // Resolve even after earlier problems so that one run reports as much as it can.
    auto scenario = resolver.resolve(*root);
    if (scenario && sink.empty()) return LoadResult(std::move(*scenario));
  }
  return LoadResult(sink.take_sorted());
}

}  // namespace

LoadResult load_scenario(const Schema& schema, const std::filesystem::path& file,
                         const std::vector<std::string>& overrides) {
  require_sound(schema);
  DiagnosticSink sink;
  auto root = compose_file(file, sink);
  return finish(schema, std::move(root), overrides, sink);
}

LoadResult load_scenario_text(const Schema& schema, std::string_view yaml, const std::string& name,
                              const std::vector<std::string>& overrides) {
  require_sound(schema);
  DiagnosticSink sink;
  auto root = compose_text(yaml, name, sink);
  return finish(schema, std::move(root), overrides, sink);
}

LoadResult load_resolved_text(const Schema& schema, std::string_view yaml, const std::string& name) {
  require_sound(schema);
  DiagnosticSink sink;
  auto root = compose_text(yaml, name, sink, false);
  return finish(schema, std::move(root), {}, sink);
}

}  // namespace caresim::scenario
