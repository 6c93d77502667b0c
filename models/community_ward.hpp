#pragma once
// The community-care ward's stay cap (2024 rules): at most 180 days in the ward counted
// over the past year (通算, across stays), not per stay. A person readmitted to the ward
// soon after a stay there has fewer days left.
#include <vector>

#include "models/person.hpp"

namespace caresim::model {

/** Days of the ward spells `past` that fall within [from, to). */
double ward_days_within(const std::vector<WardSpell>& past, double from, double to);

/** The first model day t >= `begin` at which a ward stay begun at `begin` reaches
 *  `cap_days` ward days within the `window_days` before t: the stay's own days [begin, t)
 *  plus the days of the earlier spells `past` (each ending by `begin`) within
 *  [t - window_days, begin). Old days leave the window as t advances, so the answer can lie
 *  beyond begin + (cap_days - days already used). `begin` itself when the cap is reached
 *  already. Preconditions: cap_days > 0, window_days > 0. */
double ward_cap_day(const std::vector<WardSpell>& past, double begin, double cap_days, double window_days);

/** Drops the spells of `spells` that ended before `now - window_days` (they no longer
 *  count) and appends [begin, end). */
void note_ward_spell(std::vector<WardSpell>& spells, double begin, double end, double now, double window_days);

}  // namespace caresim::model
