#include "io/results_merge.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <memory>
#include <sstream>

#include "io/atomic_target.hpp"
#include "io/h5_attributes.hpp"
#include "io/h5_provenance.hpp"
#include "io/indicator_tables.hpp"
#include "io/results_seal.hpp"
#include "io/trace_error.hpp"

namespace caresim::io {

namespace {

using detail::H5Id;

// One input, checked.
struct Part {
  std::string path;
  TraceProvenance provenance;
};

std::string quoted(const std::string& path) {
  return "'" + path + "'";
}

// The dotted key path of every line of a resolved scenario (the text Scenario::to_yaml()
// writes: block mappings indented by two spaces), so a difference can be named by key.
std::vector<std::string> key_paths(const std::vector<std::string>& lines) {
  std::vector<std::pair<std::size_t, std::string>> open;  // (indent, key) of enclosing keys
  std::vector<std::string> paths;
  for (const std::string& line : lines) {
    const std::size_t indent = line.find_first_not_of(' ');
    std::string key;
    if (indent != std::string::npos && line[indent] != '-' && line[indent] != '#') {
      const std::size_t colon = line.find(':', indent);
      if (colon != std::string::npos) key = line.substr(indent, colon - indent);
    }
    while (!open.empty() && indent != std::string::npos && open.back().first >= indent) open.pop_back();
    std::string path;
    for (const auto& [depth, name] : open) path += name + ".";
    paths.push_back(path + key);
    if (!key.empty()) open.emplace_back(indent, key);
  }
  return paths;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Where two resolved scenarios first differ, e.g. "at simulation.years (line 12 of the
// resolved scenario: `years: 10` in 'a.h5', `years: 12` in 'b.h5')".
std::string first_difference(const Part& a, const Part& b) {
  const std::vector<std::string> x = lines_of(a.provenance.scenario_yaml);
  const std::vector<std::string> y = lines_of(b.provenance.scenario_yaml);
  std::size_t i = 0;
  while (i < x.size() && i < y.size() && x[i] == y[i]) ++i;
  if (i == x.size() && i == y.size()) return "their stored scenarios are the same text";
  const auto shown = [](const std::vector<std::string>& lines, std::size_t at) {
    if (at >= lines.size()) return std::string("the end of the text");
    const std::size_t start = lines[at].find_first_not_of(' ');
    return "`" + (start == std::string::npos ? std::string() : lines[at].substr(start)) + "`";
  };
  const std::vector<std::string> paths = key_paths(i < x.size() ? x : y);
  const std::string& key = paths[i];
  return "first at " + (key.empty() ? std::string("a line") : key) + " (line " + std::to_string(i + 1) +
         " of the resolved scenario: " + shown(x, i) + " in " + quoted(a.path) + ", " + shown(y, i) + " in " +
         quoted(b.path) + ")";
}

[[noreturn]] void differ(const Part& a, const Part& b, const std::string& what, const std::string& in_a,
                         const std::string& in_b) {
  throw TraceError(b.path, "its " + what + " " + in_b + " differs from " + in_a + " in " + quoted(a.path) +
                               "; merge only parts of one run (the same scenario, seed, trace level and caresim "
                               "model, with disjoint replication ranges)");
}

// Refuses `b` unless it is a part of the same run as `a`.
void check_same_run(const Part& a, const Part& b) {
  const TraceProvenance& p = a.provenance;
  const TraceProvenance& q = b.provenance;
  if (p.model_version != q.model_version) {
    differ(a, b, "model version", std::to_string(p.model_version), std::to_string(q.model_version));
  }
  if (p.master_seed != q.master_seed) {
    differ(a, b, "master seed", std::to_string(p.master_seed), std::to_string(q.master_seed));
  }
  if (p.level != q.level) {
    differ(a, b, "trace level", std::string(to_string(p.level)), std::string(to_string(q.level)));
  }
  if (p.scenario_hash != q.scenario_hash || p.scenario_yaml != q.scenario_yaml) {
    throw TraceError(b.path, "its scenario (hash " + q.scenario_hash + ") differs from the scenario (hash " +
                                 p.scenario_hash + ") of " + quoted(a.path) + ", " + first_difference(a, b) +
                                 "; merge only parts of one run (the same scenario, seed, horizon and "
                                 "parameters, with disjoint replication ranges)");
  }
}

Part checked_part(const std::string& path) {
  // Closed again at once: a merge of a thousand parts must not hold a thousand files open.
  const H5Id file = detail::open_for_reading(path);
  Part part{path, {}};
  try {
    part.provenance = detail::read_provenance(file.get());
    for (const std::uint32_t id : part.provenance.replications) {
      if (!detail::has_link(file.get(), "replications/" + std::to_string(id))) {
        throw detail::H5Failure("has no group for its replication " + std::to_string(id));
      }
    }
  } catch (const detail::H5Failure& e) {
    throw TraceError(path, e.what());
  }
  if (part.provenance.format_version != trace_format_version) {
    throw TraceError(path, "was written in results format " + std::to_string(part.provenance.format_version) +
                               "; merge takes format " + std::to_string(trace_format_version) +
                               " files only (rerun it with this caresim: caresim rerun " + path + " -o new.h5)");
  }
  if (part.provenance.replications.empty()) throw TraceError(path, "holds no replication");
  return part;
}

// The ids of `part` that `other` holds too.
std::vector<std::uint32_t> shared_ids(const Part& part, const Part& other) {
  std::vector<std::uint32_t> a = part.provenance.replications, b = other.provenance.replications, both;
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(both));
  return both;
}

// Refuses a target that is one of the inputs (with --force it would replace a part).
void check_target_is_no_input(const MergeRequest& request) {
  struct stat target;
  if (::stat(request.target.c_str(), &target) != 0) return;
  for (const std::string& input : request.inputs) {
    struct stat info;
    if (::stat(input.c_str(), &info) == 0 && info.st_dev == target.st_dev && info.st_ino == target.st_ino) {
      throw TraceError(request.target,
                       "is also an input of the merge (" + quoted(input) + "); write the merged file to a new path");
    }
  }
}

void copy_object(hid_t from, const std::string& from_name, hid_t to, const std::string& to_name,
                 const std::string& what) {
  // Default copy properties: the whole object with its attributes; chunks are copied
  // as stored, so the tables' bytes do not change.
  detail::check(H5Ocopy(from, from_name.c_str(), to, to_name.c_str(), H5P_DEFAULT, H5P_DEFAULT), what.c_str());
}

// The indicator rows of the open part `file`, by replication; TraceError naming the part.
std::map<std::uint32_t, detail::IndicatorRows> indicator_rows_of(hid_t file, const Part& part) {
  try {
    return detail::read_indicator_rows(file).by_replication();
  } catch (const detail::H5Failure& e) {
    throw TraceError(part.path, e.what());
  }
}

}  // namespace

std::string describe_ids(std::vector<std::uint32_t> ids) {
  std::sort(ids.begin(), ids.end());
  std::string out;
  for (std::size_t i = 0; i < ids.size();) {
    std::size_t j = i;
    while (j + 1 < ids.size() && ids[j + 1] == ids[j] + 1) ++j;
    if (!out.empty()) out += ", ";
    if (j - i >= 2) {
      out += std::to_string(ids[i]) + " to " + std::to_string(ids[j]);
      i = j + 1;
    } else {
      out += std::to_string(ids[i]);
      ++i;
    }
  }
  return out;
}

TraceProvenance merge_results(const MergeRequest& request) {
  if (request.inputs.empty()) throw TraceError(request.target, "nothing to merge: no input files");
  detail::quiet_errors();
  check_target_is_no_input(request);

  std::vector<Part> parts;
  for (const std::string& input : request.inputs) {
    parts.push_back(checked_part(input));
    check_same_run(parts.front(), parts.back());
  }
  // Every id once, over the parts; then one range without gaps.
  std::map<std::uint32_t, const Part*> owner;
  for (const Part& part : parts) {
    for (const std::uint32_t id : part.provenance.replications) {
      const auto [it, fresh] = owner.emplace(id, &part);
      if (fresh) continue;
      const Part& other = *it->second;
      if (&other == &part) throw TraceError(part.path, "holds replication " + std::to_string(id) + " twice");
      throw TraceError(part.path, "holds replication(s) " + describe_ids(shared_ids(part, other)) + " that " +
                                      quoted(other.path) +
                                      " holds too; the parts of a run must hold disjoint replication ranges "
                                      "(is one file named twice, or did two tasks run the same range?)");
    }
  }
  for (auto it = owner.begin(); std::next(it) != owner.end(); ++it) {
    const auto next = std::next(it);
    if (next->first != it->first + 1) {
      // The missing ids, as two ends: a gap may be long.
      const std::uint32_t first = it->first + 1, last = next->first - 1;
      const std::string missing = first == last       ? std::to_string(first)
                                  : last == first + 1 ? std::to_string(first) + ", " + std::to_string(last)
                                                      : std::to_string(first) + " to " + std::to_string(last);
      throw TraceError(next->second->path,
                       "starts at replication " + std::to_string(next->first) + " but " + quoted(it->second->path) +
                           " ends at " + std::to_string(it->first) + ": replication(s) " + missing +
                           " are in no input; merge the part that holds them too (merged files hold one range "
                           "of ids without gaps)");
    }
  }
  std::vector<std::uint32_t> ids;
  for (const auto& entry : owner) ids.push_back(entry.first);

  // The provenance of the part with the first id, so the input order changes nothing.
  TraceProvenance merged = owner.begin()->second->provenance;
  merged.replications = ids;
  merged.command_line = request.command_line;
  merged.created_utc = detail::utc_now();
  merged.hdf5_version = detail::hdf5_library_version();
  std::vector<std::string> from, from_ids, from_created, from_command, from_revision;
  for (const Part& part : parts) {
    from.push_back(part.path);
    from_ids.push_back(describe_ids(part.provenance.replications));
    from_created.push_back(part.provenance.created_utc);
    from_command.push_back(part.provenance.command_line);
    from_revision.push_back(part.provenance.git_revision);
  }

  detail::AtomicTarget target(request.target, request.force, request.handle_signals);
  try {
    H5Id file = detail::create_results_file(target.temporary());
    detail::write_provenance(file.get(), merged);
    detail::write_attribute(file.get(), "merged_from", from);
    detail::write_attribute(file.get(), "merged_from_replications", from_ids);
    detail::write_attribute(file.get(), "merged_from_created_utc", from_created);
    detail::write_attribute(file.get(), "merged_from_command_line", from_command);
    detail::write_attribute(file.get(), "merged_from_git_revision", from_revision);
    const Part* open_part = owner.begin()->second;
    H5Id source = detail::open_for_reading(open_part->path);
    copy_object(source.get(), "dictionaries", file.get(), "dictionaries",
                "copying /dictionaries from " + quoted(open_part->path));
    H5Id replications = detail::create_group(file.get(), "replications");
    // The indicator rows of every replication, in id order: written as one run writes them.
    detail::IndicatorEncoder indicators;
    std::map<std::uint32_t, detail::IndicatorRows> part_indicators = indicator_rows_of(source.get(), *open_part);
    for (const auto& [id, part] : owner) {
      if (part != open_part) {
        source.reset();
        source = detail::open_for_reading(part->path);
        open_part = part;
        part_indicators = indicator_rows_of(source.get(), *part);
      }
      copy_object(source.get(), "replications/" + std::to_string(id), replications.get(), std::to_string(id),
                  "copying replication " + std::to_string(id) + " from " + quoted(part->path));
      const auto rows = part_indicators.find(id);
      if (rows == part_indicators.end()) {
        throw TraceError(part->path, "has no indicator table for its replication " + std::to_string(id));
      }
      indicators.add(rows->second);
    }
    source.reset();
    replications.close("closing /replications");
    indicators.write(file.get());
    detail::check(H5Fflush(file.get(), H5F_SCOPE_GLOBAL), "flushing the file");
    file.close("closing the file");
    detail::seal_results_file(target.temporary(), merged.format_version);
  } catch (const detail::H5Failure& e) {
    throw TraceError(request.target, e.what());
  }
  target.commit();
  return merged;
}

}  // namespace caresim::io
