#pragma once
// tests/regression/fingerprints.csv: one pinned fingerprint per bundled scenario, and the
// run that produces it.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace caresim::regression {

/** One row: scenario (the file's stem in scenarios/), master seed, simulated years from the
 *  scenario's start, and the fingerprint of replication 0 of that run. */
struct FingerprintRow {
  std::string scenario;
  std::uint64_t seed = 0;
  int horizon_years = 0;
  std::uint64_t fingerprint = 0;
  int line = 0;  ///< line in the table file, for messages
};

/** The header every table starts with. */
inline constexpr const char* kFingerprintHeader = "scenario,seed,horizon_years,fingerprint";

/** Reads the table. Throws std::runtime_error naming file:line and what a valid row looks
 *  like on a missing header, a malformed row or a scenario listed twice. */
std::vector<FingerprintRow> read_fingerprint_table(const std::filesystem::path& file);

/** What a run gave. */
struct FingerprintRun {
  std::uint64_t fingerprint = 0;
  std::uint64_t movements = 0;
};

/** Runs replication 0 of `scenario_file` under `seed` for `horizon_years` years from the
 *  scenario's start and fingerprints its movement records. */
FingerprintRun run_fingerprint(const std::filesystem::path& scenario_file, std::uint64_t seed, int horizon_years);

}  // namespace caresim::regression
