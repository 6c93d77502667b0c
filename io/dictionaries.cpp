#include "io/dictionaries.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "io/h5_attributes.hpp"
#include "io/h5_types.hpp"
#include "io/vocabulary.hpp"

namespace caresim::io::detail {

namespace {

// Builds a compound type member by member, in memory layout; the file gets a packed copy.
class Compound {
 public:
  explicit Compound(std::size_t size) : type_(H5Tcreate(H5T_COMPOUND, size), "creating a dictionary type") {}
  Compound& add(const char* name, std::size_t offset, hid_t type) {
    check(H5Tinsert(type_.get(), name, offset, type), "building a dictionary type");
    return *this;
  }
  hid_t memory() const { return type_.get(); }
  H5Id file() const {
    H5Id packed(H5Tcopy(type_.get()), "copying a dictionary type");
    check(H5Tpack(packed.get()), "packing a dictionary type");
    return packed;
  }

 private:
  H5Id type_;
};

struct TermRow {
  std::uint8_t code;
  const char* name_en;
  const char* name_ja;
};

void write_terms(hid_t group, const char* name, std::span<const Term> terms, hid_t text) {
  std::vector<std::string> keep;  // string_view is not NUL-terminated
  keep.reserve(2 * terms.size());
  std::vector<TermRow> rows;
  for (const Term& t : terms) {
    keep.emplace_back(t.en);
    keep.emplace_back(t.ja);
    rows.push_back({t.code, keep[keep.size() - 2].c_str(), keep.back().c_str()});
  }
  const H5Id code = enum_type(terms);
  Compound type(sizeof(TermRow));
  type.add("code", offsetof(TermRow, code), code.get())
      .add("name_en", offsetof(TermRow, name_en), text)
      .add("name_ja", offsetof(TermRow, name_ja), text);
  write_small_dataset(group, name, type.file().get(), type.memory(), rows.size(), rows.data());
}

struct MunicipalityRow {
  std::int32_t index;
  const char* id;
  const char* name_ja;
  const char* name_en;
  double population;
  const char* health_region;
  std::uint8_t outside_region;
};

struct HubRow {
  std::int32_t index;
  const char* id;
  const char* name_ja;
  const char* name_en;
  const char* type;
  const char* hours;
  double open_day;
};

struct FacilityRow {
  std::int32_t index;
  std::uint8_t place;
  std::int32_t local;
  const char* id;
  const char* name_ja;
  const char* name_en;
  std::int32_t municipality;
  std::int32_t hub;
};

void write_municipalities(hid_t group, const model::Parameters& params, hid_t text) {
  std::vector<MunicipalityRow> rows;
  for (std::size_t m = 0; m < params.municipalities.size(); ++m) {
    const model::Municipality& mu = params.municipalities[m];
    // The scenario keys are romanised names; they serve as the English names.
    rows.push_back({static_cast<std::int32_t>(m), mu.id.c_str(), mu.name.c_str(), mu.id.c_str(), mu.population,
                    mu.health_region.c_str(), static_cast<std::uint8_t>(mu.outside_region)});
  }
  Compound type(sizeof(MunicipalityRow));
  type.add("index", offsetof(MunicipalityRow, index), H5T_NATIVE_INT32)
      .add("id", offsetof(MunicipalityRow, id), text)
      .add("name_ja", offsetof(MunicipalityRow, name_ja), text)
      .add("name_en", offsetof(MunicipalityRow, name_en), text)
      .add("population", offsetof(MunicipalityRow, population), H5T_NATIVE_DOUBLE)
      .add("health_region", offsetof(MunicipalityRow, health_region), text)
      .add("outside_region", offsetof(MunicipalityRow, outside_region), H5T_NATIVE_UINT8);
  write_small_dataset(group, "municipalities", type.file().get(), type.memory(), rows.size(), rows.data());
}

void write_hubs(hid_t group, const model::Parameters& params, hid_t text) {
  std::vector<std::string> keep;
  keep.reserve(params.hubs.size());
  std::vector<HubRow> rows;
  for (std::size_t h = 0; h < params.hubs.size(); ++h) {
    const model::Hub& hub = params.hubs[h];
    keep.push_back(hub.display_name());
    rows.push_back({static_cast<std::int32_t>(h), hub.id.c_str(), keep.back().c_str(), hub.id.c_str(),
                    hub.type == model::HubType::Network ? "network" : "multi_function",
                    hub.hours == model::HubHours::Always ? "always" : "office", hub.open_day});
  }
  Compound type(sizeof(HubRow));
  type.add("index", offsetof(HubRow, index), H5T_NATIVE_INT32)
      .add("id", offsetof(HubRow, id), text)
      .add("name_ja", offsetof(HubRow, name_ja), text)
      .add("name_en", offsetof(HubRow, name_en), text)
      .add("type", offsetof(HubRow, type), text)
      .add("hours", offsetof(HubRow, hours), text)
      .add("open_day", offsetof(HubRow, open_day), H5T_NATIVE_DOUBLE);
  write_small_dataset(group, "hubs", type.file().get(), type.memory(), rows.size(), rows.data());
}

void write_facilities(hid_t group, const FacilityIndex& facilities, hid_t text) {
  std::vector<FacilityRow> rows;
  for (std::size_t i = 0; i < facilities.size(); ++i) {
    const Facility& f = facilities.facilities()[i];
    rows.push_back({static_cast<std::int32_t>(i), static_cast<std::uint8_t>(f.place), f.local, f.id.c_str(),
                    f.name_ja.c_str(), f.name_en.c_str(), f.municipality, f.hub});
  }
  const H5Id place = enum_type(place_terms());
  Compound type(sizeof(FacilityRow));
  type.add("index", offsetof(FacilityRow, index), H5T_NATIVE_INT32)
      .add("place", offsetof(FacilityRow, place), place.get())
      .add("local", offsetof(FacilityRow, local), H5T_NATIVE_INT32)
      .add("id", offsetof(FacilityRow, id), text)
      .add("name_ja", offsetof(FacilityRow, name_ja), text)
      .add("name_en", offsetof(FacilityRow, name_en), text)
      .add("municipality", offsetof(FacilityRow, municipality), H5T_NATIVE_INT32)
      .add("hub", offsetof(FacilityRow, hub), H5T_NATIVE_INT32);
  write_small_dataset(group, "facilities", type.file().get(), type.memory(), rows.size(), rows.data());
}

}  // namespace

void write_dictionaries(hid_t file, const model::Parameters& params, const FacilityIndex& facilities) {
  const H5Id group = create_group(file, "dictionaries");
  const H5Id text = utf8_string_type();
  write_terms(group.get(), "places", place_terms(), text.get());
  write_terms(group.get(), "event_kinds", move_kind_terms(), text.get());
  write_terms(group.get(), "causes", cause_terms(), text.get());
  write_terms(group.get(), "admission_types", admission_terms(), text.get());
  write_terms(group.get(), "diagnoses", diagnosis_terms(), text.get());
  write_municipalities(group.get(), params, text.get());
  write_hubs(group.get(), params, text.get());
  write_facilities(group.get(), facilities, text.get());
}

}  // namespace caresim::io::detail
