// Who is in the model: the day-0 population (community cohort, group-home residents,
// inpatients by length-of-stay band so the long-stay stock is right from day 0) and the
// attributes every new person draws from their own stream.
#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

#include "models/counts.hpp"
#include "models/model_state.hpp"

namespace caresim::model {

namespace {
/** People of a cohort of `per_100k` per 100,000 residents among `population`. */
int count_for(double per_100k, double population, std::string_view cohort, const std::string& municipality) {
  return whole_count(per_100k * population / 100000.0, cohort, municipality);
}
}  // namespace

Person& ModelState::new_person(int municipality, double share_65plus, double share_alone) {
  people_.emplace_back();
  Person& who = people_.back();
  who.id = people_.size() - 1;
  who.municipality = municipality;
  const PopulationParams& pp = p.population;
  // Ages uniform within a band, under 65 and 65+ (the bands are what indicators use; the
  // ends are the table's population.age_min_years and age_max_years).
  const bool senior = chance(who, Draw::Attributes, share_65plus);
  const double u = uniform(who, Draw::Attributes);
  const double age = senior ? 65.0 + (pp.age_max_years - 65.0) * u : pp.age_min_years + (65.0 - pp.age_min_years) * u;
  who.birth = sim.now() - age * 365.25;
  who.alone = chance(who, Draw::Attributes, share_alone);
  // F0 (dementia, organic) is a diagnosis of old age: under 65 the draw is among F2 and other.
  const double dx[3] = {pp.diagnosis_mix[0], senior ? pp.diagnosis_mix[1] : 0.0, pp.diagnosis_mix[2]};
  who.diagnosis = static_cast<Diagnosis>(pick(who, Draw::Attributes, dx, 3));
  // Support wanted at entry: taken at home if a caseload place is free (take_entry_support).
  if (chance(who, Draw::Attributes, pp.share_independent_living)) who.support_needs |= kIndependentLiving;
  if (chance(who, Draw::Attributes, pp.share_settlement)) who.support_needs |= kSettlement;
  if (chance(who, Draw::Attributes, pp.share_home_nursing)) who.support_needs |= kHomeNursing;
  who.revolving = chance(who, Draw::Attributes, pp.share_revolving);
  who.public_assistance = draw_public_assistance(who);
  return who;
}

void ModelState::enter(Person& who, Place place, int facility, Cause cause) {
  move(who, MoveKind::Enter, place, facility, cause);
  who.present = true;
  ++entered_;
  if (place == Place::Home)
    take_entry_support(who, cause == Cause::Initial);
  else
    who.support_needs = 0;
  schedule_birthday(who);
  refresh(who);
}

void ModelState::sort_appended(std::vector<std::uint64_t>& ids, std::size_t sorted) {
  const auto appended = ids.begin() + static_cast<std::ptrdiff_t>(sorted);
  std::sort(appended, ids.end());
  std::inplace_merge(ids.begin(), appended, ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

void ModelState::note_monthly(const Person& who) {
  if (!has_monthly_work(who)) return;
  if (who.id >= monthly_listed_.size()) monthly_listed_.resize(who.id + 1);
  if (monthly_listed_[who.id]) return;
  monthly_listed_[who.id] = true;
  monthly_ids_.push_back(who.id);
}

void ModelState::create_initial_population() {
  const PopulationParams& pp = p.population;
  for (std::size_t m = 0; m < p.municipalities.size(); ++m) {
    const Municipality& mu = p.municipalities[m];
    if (mu.outside_region || mu.population <= 0) continue;
    const int mi = static_cast<int>(m);
    const int community = count_for(pp.community_per_100k, mu.population, "day-0 community cohort", mu.id);
    for (int i = 0; i < community; ++i) {
      Person& who = new_person(mi, pp.community_share_65plus, pp.share_alone);
      who.has_home = chance(who, Draw::Attributes, pp.share_has_home_community);
      enter(who, Place::Home, -1, Cause::Initial);
    }
    const Housing& h = p.housing[m];
    const double filled = h.group_home_initial_fill * h.group_home_places.at(0);
    const int residents = filled <= 0 ? 0 : whole_count(std::floor(filled), "day-0 group-home residents", mu.id);
    for (int i = 0; i < residents; ++i) {
      Person& who = new_person(mi, pp.community_share_65plus, 1.0);
      who.has_home = false;
      if (!take(resource(facilities.group_home(mi)), who.id)) continue;
      enter(who, Place::GroupHome, mi, Cause::Initial);
    }
    for (const StayBand& band : pp.initial_inpatients) {
      const int n = count_for(band.per_100k, mu.population, "day-0 inpatients of a stay band", mu.id);
      for (int i = 0; i < n; ++i) {
        Person& who = new_person(mi, band.share_65plus, pp.share_alone);
        const double los = band.min_days + (band.max_days - band.min_days) * uniform(who, Draw::Attributes);
        // Nobody was admitted younger than population.min_admission_age_years: shift the birth if needed.
        const double min_age_days = pp.min_admission_age_years * 365.25 + los;
        if (-who.birth < min_age_days) who.birth = -min_age_days;
        who.has_home = chance(who, Draw::Attributes, pp.initial_inpatient_has_home);
        who.type = static_cast<AdmissionType>(pick(who, Draw::Attributes, pp.stock_type_mix.data(), 3));
        who.admissions = 1;
        int hospital = -1;
        for (const int h : hospital_order_[m]) {
          if (take(resource(facilities.beds(h)), who.id)) {
            hospital = h;
            break;
          }
        }
        // Every bed of the scenario full: this inpatient is in a bed elsewhere, never dropped.
        who.admitted_at = -los;
        move(who, MoveKind::Enter, hospital >= 0 ? Place::Hospital : Place::HospitalElsewhere, hospital,
             Cause::Initial);
        who.present = true;
        ++entered_;
        schedule_birthday(who);
        on_admitted(who);
      }
    }
  }
}

}  // namespace caresim::model
