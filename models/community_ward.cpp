// The community-care ward's cap counted over the past year (community_ward.hpp). The days
// in the window, f(t) = (t - begin) + days of earlier spells within [t - window, begin),
// grow with slope 1 while t - window lies outside every earlier spell and stay flat while
// it crosses one (a past day leaves as a new one comes), so the cap day is found exactly
// by walking the breakpoints where t - window enters or leaves a spell.
#include "models/community_ward.hpp"

#include <algorithm>
#include <limits>

namespace caresim::model {

double ward_days_within(const std::vector<WardSpell>& past, double from, double to) {
  double days = 0;
  for (const WardSpell& s : past) {
    const double a = std::max(s.begin, from);
    const double b = std::min(s.end, to);
    if (b > a) days += b - a;
  }
  return days;
}

double ward_cap_day(const std::vector<WardSpell>& past, double begin, double cap_days, double window_days) {
  double used = ward_days_within(past, begin - window_days, begin);
  if (used >= cap_days) return begin;
  std::vector<double> breaks;
  for (const WardSpell& s : past) {
    for (const double x : {s.begin + window_days, s.end + window_days})
      if (x > begin) breaks.push_back(x);
  }
  std::sort(breaks.begin(), breaks.end());
  breaks.push_back(std::numeric_limits<double>::infinity());
  double t = begin;
  for (const double next : breaks) {
    if (next <= t) continue;
    // Is t - window inside an earlier spell on (t, next)? Then a past day leaves for each
    // day stayed, and the count does not grow.
    const double probe = (next == std::numeric_limits<double>::infinity() ? t + 1.0 : (t + next) / 2) - window_days;
    const bool crossing = std::any_of(past.begin(), past.end(), [&](const WardSpell& s) {
      return s.begin <= probe && probe < s.end && probe < begin;
    });
    if (!crossing) {
      if (used + (next - t) >= cap_days) return t + (cap_days - used);
      used += next - t;
    }
    t = next;
  }
  return t;  // not reached: the last segment is unbounded and grows
}

void note_ward_spell(std::vector<WardSpell>& spells, double begin, double end, double now, double window_days) {
  spells.erase(
      std::remove_if(spells.begin(), spells.end(), [&](const WardSpell& s) { return s.end <= now - window_days; }),
      spells.end());
  if (end > begin) spells.push_back(WardSpell{begin, end});
}

}  // namespace caresim::model
