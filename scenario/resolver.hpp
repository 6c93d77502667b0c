#pragma once
// Walks the parameter table over a merged YAML tree: rejects unknown keys, checks every
// value, fills in defaults, reports missing required keys, then checks references and
// phased start dates once every collection's members are known.
#include <optional>
#include <string>
#include <vector>

#include "scenario/diagnostic.hpp"
#include "scenario/scenario.hpp"
#include "scenario/schema.hpp"
#include "scenario/value_check.hpp"
#include "scenario/yaml_tree.hpp"

namespace caresim::scenario {

/** Turns a merged YAML tree into a Scenario, or reports why it cannot. One Resolver
 *  resolves one tree. */
class Resolver {
 public:
  /** `schema` must be free of problems() and outlive the Resolver. */
  Resolver(const Schema& schema, DiagnosticSink& sink);

  /** The scenario, or nothing when any problem was reported (to the sink). */
  std::optional<Scenario> resolve(const YamlNode& root);

 private:
  void group(const Group& group, const YamlNode* node, const std::string& prefix, const Location& missing_at);
  void param(const Param& param, const YamlNode* node, const std::string& path, const Location& missing_at);
  void collection(const Group& group, const YamlNode* node, const std::string& path, const Location& missing_at);
  void check_references();
  void check_first_steps();
  void emit_group(const Group& group, const std::string& prefix, int indent, std::string& out) const;
  void emit_param(const Param& param, const std::string& path, int indent, std::string& out) const;

  const Schema& schema_;
  DiagnosticSink& sink_;
  std::vector<PendingReference> references_;
  std::vector<PendingFirstStep> first_steps_;
  CheckContext context_;
  Scenario out_;
};

}  // namespace caresim::scenario
