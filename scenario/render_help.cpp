#include "scenario/render.hpp"

namespace caresim::scenario {

std::string render_help(const Schema& schema) {
  std::string out = schema.title() + " (" + "\"<name>\" stands for each member of a collection):\n";
  for_each_param(schema, [&](const ParamSite& site) {
    const Param& p = site.param;
    out += "  " + site.doc_path + "\n      " + type_label(p, schema);
    if (const std::string allowed = allowed_label(p, schema); !allowed.empty()) out += ", " + allowed;
    out += p.default_val() ? "; default " + default_label(p) : "; " + default_label(p);
    if (!p.unit_text().empty()) out += " [" + p.unit_text() + "]";
    out += "\n";
    if (!p.description().empty()) out += "      " + p.description() + "\n";
    if (!p.source_text().empty()) out += "      source: " + p.source_text() + "\n";
  });
  return out;
}

}  // namespace caresim::scenario
