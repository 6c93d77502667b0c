#include "tests/regression/fingerprint_table.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "care_scenario/bundled.hpp"
#include "models/calendar.hpp"
#include "models/care_model.hpp"
#include "tests/regression/movement_fingerprint.hpp"

namespace caresim::regression {

namespace {

template <class Int>
bool parse_whole(const std::string& text, Int& out) {
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc{} && ptr == end;
}

std::vector<std::string> split_fields(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  for (std::string field; std::getline(in, field, ',');) fields.push_back(field);
  if (!line.empty() && line.back() == ',') fields.emplace_back();
  return fields;
}

}  // namespace

std::vector<FingerprintRow> read_fingerprint_table(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error(file.string() + ": cannot be read");
  const auto fail = [&](int line, const std::string& what) {
    throw std::runtime_error(file.string() + ":" + std::to_string(line) + ": " + what);
  };
  std::vector<FingerprintRow> rows;
  std::string text;
  int line = 0;
  while (std::getline(in, text)) {
    ++line;
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (line == 1) {
      if (text != kFingerprintHeader) fail(line, "the header must be '" + std::string(kFingerprintHeader) + "'");
      continue;
    }
    if (text.empty()) continue;
    const auto fields = split_fields(text);
    FingerprintRow row;
    row.line = line;
    if (fields.size() != 4 || fields[0].empty() || !parse_whole(fields[1], row.seed) ||
        !parse_whole(fields[2], row.horizon_years) || row.horizon_years < 1 ||
        !parse_whole(fields[3], row.fingerprint)) {
      fail(line, "'" + text +
                     "' is not a row; a row is a scenario name, a seed, a whole number of years >= 1 and an "
                     "unsigned 64-bit fingerprint, e.g. reference-region,2025,3,1419014455776661464");
    }
    row.scenario = fields[0];
    if (std::any_of(rows.begin(), rows.end(), [&](const FingerprintRow& r) { return r.scenario == row.scenario; }))
      fail(line, "scenario '" + row.scenario + "' has a row already");
    rows.push_back(row);
  }
  if (line == 0) fail(1, "the table is empty; it must start with '" + std::string(kFingerprintHeader) + "'");
  return rows;
}

FingerprintRun run_fingerprint(const std::filesystem::path& scenario_file, std::uint64_t seed, int horizon_years) {
  model::Parameters p = care_scenario::load_parameters(scenario_file);
  p.run.horizon_days = model::model_day(p.run.start, p.run.start.add_years(horizon_years));
  // The warm-up only decides which records the indicators count; it never changes a movement.
  p.run.warmup_days = std::min(p.run.warmup_days, p.run.horizon_days);
  model::CareModel model(p, seed, 0);
  model::testing::Fingerprint fingerprint;
  model.attach(&fingerprint);
  model.run();
  return FingerprintRun{fingerprint.hash, fingerprint.count};
}

}  // namespace caresim::regression
