// docs/indicators.md from the indicator dictionary: the prose that explains every
// indicator at once, the headline indicators, then one row per indicator.
#include <sstream>
#include <string>

#include "models/indicator_dictionary.hpp"
#include "models/indicator_table.hpp"

namespace caresim::model {

namespace {

// Prose true of all indicators: how they are counted. Per-indicator text lives in the
// dictionary's rows.
constexpr const char* kIntro =
    R"md(`CareModel::run()` returns an `IndicatorTable`: an ordered list of (name, value) where a
value is a scalar, a named map of scalars or an array of scalars, plus `model_version`
(currently )md";

// Then model_version, then the rest of the prose.
constexpr const char* kIntroAfterVersion =
    R"md() and `by_municipality`, which repeats every indicator computed only over the
people (and facilities) of one municipality. Names are stable: a renamed or redefined
indicator bumps `model_version`. The table prints as JSON (`to_json`, written with
nlohmann-json: members in table order, numbers that read back exactly, NaN as `null`) or
readable text (`to_text`); `to_json_value()` is the same JSON as a value, embedded by the
`--json` summary (README).

Each indicator is declared once, in `models/indicator_dictionary.cpp`: its stable name,
unit, shape, definition, national reference, English and Japanese labels and whether it is
a headline indicator. That one table sets the order of every `IndicatorTable` (and so of
`--json` and of results files), makes `IndicatorTable::add` reject an undeclared name, a
wrong shape or other map keys, gives every indicator of a results file its unit
(docs/trace-format.md) and generates this file (`caresim indicators --markdown >
docs/indicators.md`; a test fails when it is stale). Code that labels indicators (comparisons,
reports) looks them up with `indicator_dictionary().at(name)`.

Indicators are computed by `IndicatorCollector`, a subscriber of the model's record
streams (`models/records.hpp`); the model logic computes none of them. Unless stated
otherwise a flow indicator counts only what happens after the warm-up
(`Parameters::run.warmup_days`) and a stock indicator is averaged over the monthly
snapshots after the warm-up. "Community" means home, supported housing or group home;
"hospital" means any psychiatric bed (general or community-care ward), in or outside the
region, including beds elsewhere found by the prefectural emergency system or a transfer
(place `hospital_elsewhere`).

**Admission by need.** A crisis triaged to admission counts as an admission on the crisis
day (`crisis_outcomes.admission`, `admissions_per_year`, `admission_type_mix`), whether a
bed is found at once, far away, out of the region or after a wait at home, and even when
the wait ends in death or moving away; the days of such a wait are not community days, and
for the readmission indicators the readmission happens on the day the wait began. A new
crisis during the wait is not a second crisis admission: it ends the wait in an admission
elsewhere (counted in `far_placements`). The discharge-rate cohorts, `revolving_door` and
`average_length_of_stay` count admissions to a bed, on the day the bed is found (the
national methods count hospital admissions).

**Transfers and length of stay.** A transfer to another psychiatric hospital keeps the
person in hospital: it is not a discharge to the community and starts no readmission or
community-days follow-up. It counts as leaving in the 3/6/12-month discharge rates and as a
discharge plus an admission in `average_length_of_stay` (the national methods count per
hospital), and as `transfer` in the destination maps, which count every departure from a
hospital (so they sum to `discharges_per_year` plus transfers). The length of a stay does
**not** restart at a transfer: the long-stay indicators (`long_stay_*`, `long_stay_share`,
the long-stay destination map) count the stay from the admission that began it, across
transfers, as the model's readiness hazard does. The 630 survey counts it per hospital, so
its long-stay figures are, if anything, lower. When no bed of the scenario is free (or
people wait for one), a transfer goes to a bed elsewhere: `transfers_out_of_region`, and
the stock `inpatients_elsewhere`.

Months are calendar months from the scenario's start date; fiscal years run April
to March.
)md";

constexpr const char* kAfterTable = R"md(Rates "per year" divide a count after warm-up by (horizon − warm-up) / 365.25.

## by_municipality
Every indicator above is also computed per municipality, attributing each person to the
municipality they live in (inpatients in hospitals elsewhere included) and each facility to
the municipality it stands in (occupancy). Per-municipality coverage is 0 or 1;
`coordinator_utilisation` of a municipality is that of the claims its residents used over
the capacity of the hubs serving it. `inpatients_per_100k` of a municipality outside the
region (population 0) is reported as 0.
)md";

/** `text` with every `|` escaped, so that it stays in one Markdown table cell. */
std::string cell(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

std::string shape_cell(const IndicatorRow& r) {
  switch (r.shape) {
    case IndicatorShape::Scalar:
      return "scalar";
    case IndicatorShape::Array: {
      std::string s = "array[" + std::to_string(r.keys.size()) + "]";
      if (!r.keys.empty()) s += ": " + r.keys.front() + " … " + r.keys.back();
      return s;
    }
    case IndicatorShape::Map:
      break;
  }
  if (r.keys.empty()) return "map " + r.keys_note;
  std::string s = "map ";
  for (std::size_t k = 0; k < r.keys.size(); ++k) s += (k ? "/" : "") + r.keys[k];
  return s;
}

}  // namespace

std::string render_indicators_markdown(const IndicatorDictionary& dictionary) {
  std::ostringstream o;
  o << "# Indicators of caresim::model\n\n"
    << "<!-- Generated from models/indicator_dictionary.cpp by `caresim indicators --markdown`; edit the "
       "dictionary, not this file. -->\n\n";
  o << kIntro << model_version << kIntroAfterVersion << "\n";
  const auto headline = dictionary.headline();
  o << "## Headline indicators\n\n"
    << "The " << headline.size() << " indicators a council reads first (flagged `headline` in the dictionary):\n\n"
    << "| name | 指標 | indicator | unit |\n|---|---|---|---|\n";
  for (const IndicatorRow* r : headline) {
    o << "| `" << r->name << "` | " << cell(r->label_ja) << " | " << cell(r->label_en) << " | " << cell(r->unit)
      << " |\n";
  }
  o << "\n## Every indicator\n\n"
    << "In table order (the order of `--json`, of `to_text` and of results files).\n\n"
    << "| name | 指標 / indicator | unit | shape | definition | national reference (source) |\n"
    << "|---|---|---|---|---|---|\n";
  for (const IndicatorRow& r : dictionary.rows()) {
    o << "| `" << r.name << "`" << (r.headline ? " ★" : "") << " | " << cell(r.label_ja) << "<br>" << cell(r.label_en)
      << " | " << cell(r.unit) << " | " << cell(shape_cell(r)) << " | " << cell(r.definition) << " | "
      << cell(r.reference) << " |\n";
  }
  o << "\n★ headline indicator.\n\n" << kAfterTable;
  return o.str();
}

}  // namespace caresim::model
