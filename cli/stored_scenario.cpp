#include "cli/stored_scenario.hpp"

#include <iostream>

#include "care_scenario/care_schema.hpp"
#include "caresim/version.hpp"
#include "scenario/loader.hpp"
#include "text/terminal_text.hpp"

namespace caresim::cli {

std::optional<std::string> stored_scenario_hash(const io::TraceProvenance& p) {
  const scenario::LoadResult result =
      scenario::load_resolved_text(care_scenario::care_schema(), p.scenario_yaml, p.scenario_path);
  if (!result.ok()) return std::nullopt;
  return result.scenario().hash_hex();
}

bool hash_agrees(const char* command, const std::string& file, const io::TraceProvenance& p,
                 const std::string& stored) {
  if (stored == p.scenario_hash) return true;
  const bool same_build = p.caresim_version == caresim::version && p.git_revision == caresim::git_revision;
  std::cerr << "caresim " << command << ": " << (same_build ? "" : "note: ") << text::terminal_text(file)
            << ": the stored scenario hashes to " << stored << " but the file records "
            << text::terminal_text(p.scenario_hash);
  if (same_build) {
    std::cerr << "; it was changed after caresim wrote it\n";
    return false;
  }
  std::cerr << " (written by caresim " << text::terminal_text(p.caresim_version) << ", git "
            << text::terminal_text(p.git_revision) << ", which may resolve scenarios differently)\n";
  return true;
}
}  // namespace caresim::cli
