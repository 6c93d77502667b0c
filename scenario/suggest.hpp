#pragma once
// "Did you mean" suggestions for misspelt keys, enum words and entity names.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caresim::scenario {

/** Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of
 *  two adjacent characters each cost 1 ("crisis_bed" -> "crisis_beds" is 1). */
std::size_t edit_distance(std::string_view a, std::string_view b);

/** The candidate closest to `word`, if it is close enough to be a plausible typo: at most
 *  max(1, size/3) edits, or equal ignoring case. Ties go to the earlier candidate. */
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

/** Candidates joined with ", " (for "valid keys here: a, b, c"); long lists are cut
 *  after `limit` entries with ", ...". */
std::string join_names(const std::vector<std::string>& names, std::size_t limit = 20);

/** A hint for an unknown word: `did you mean "x"? ` followed by `<what>: a, b, c`. */
std::string suggestion_hint(std::string_view word, const std::vector<std::string>& candidates, std::string_view what);

}  // namespace caresim::scenario
