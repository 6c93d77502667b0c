#include "cli/replication_choice.hpp"

#include <charconv>
#include <iostream>
#include <numeric>

namespace caresim::cli {

namespace {

// The whole of `text` as a number; nothing if it is empty, has a sign, or has other characters.
std::optional<unsigned long long> id_number(const std::string& text) {
  unsigned long long value = 0;
  const char* end = text.data() + text.size();
  if (text.empty() || text.front() == '+' || text.front() == '-') return std::nullopt;
  const auto [at, error] = std::from_chars(text.data(), end, value);
  if (error != std::errc() || at != end) return std::nullopt;
  return value;
}

}  // namespace

std::vector<std::uint32_t> ReplicationChoice::range_ids() const {
  if (!first || !last) return {};
  std::vector<std::uint32_t> ids(static_cast<std::size_t>(*last - *first) + 1);
  std::iota(ids.begin(), ids.end(), *first);
  return ids;
}

std::optional<ReplicationChoice> parse_replications(const char* command, const std::string& text, long long max_count) {
  const std::string prefix = std::string("caresim ") + command + ": --replications " + text + ": ";
  const std::string valid =
      "give a count N (replications 0 to N-1) or an inclusive range of 0-based ids "
      "FIRST:LAST, e.g. 0:9 (ids 0 to " +
      std::to_string(max_count - 1) + ")";
  const auto colon = text.find(':');
  if (colon == std::string::npos) {
    long long count = 0;
    const char* end = text.data() + text.size();
    const auto [at, error] = std::from_chars(text.data(), end, count);
    if (text.empty() || error != std::errc() || at != end) {
      std::cerr << prefix << "not a whole number or a range; " << valid << '\n';
      return std::nullopt;
    }
    ReplicationChoice choice;
    choice.count = count;  // its range is the parameter table's to check, like the file's value
    return choice;
  }
  const auto first = id_number(text.substr(0, colon));
  const auto last = id_number(text.substr(colon + 1));
  if (!first || !last) {
    std::cerr << prefix << "FIRST and LAST must both be whole numbers from 0; " << valid << '\n';
    return std::nullopt;
  }
  if (*first > *last) {
    std::cerr << prefix << "the range ends before it starts; FIRST must be at most LAST (e.g. " << *last << ':'
              << *first << ")\n";
    return std::nullopt;
  }
  if (*last >= static_cast<unsigned long long>(max_count)) {
    std::cerr << prefix << "replication ids go from 0 to " << max_count - 1 << " (simulation.replications is at most "
              << max_count << "); give a LAST of at most " << max_count - 1 << '\n';
    return std::nullopt;
  }
  ReplicationChoice choice;
  choice.first = static_cast<std::uint32_t>(*first);
  choice.last = static_cast<std::uint32_t>(*last);
  return choice;
}

}  // namespace caresim::cli
