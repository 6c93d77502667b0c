// The trace names its codes: HDF5 enum types carry the model's names, and the
// dictionaries hold Japanese and English names as UTF-8 strings.
#include <doctest/doctest.h>

#include "io/vocabulary.hpp"
#include "tests/io/trace_test_support.hpp"

using namespace caresim;
using namespace caresim::io::testing;

namespace {

// The names of an HDF5 enum type, by code.
std::vector<std::string> enum_names(hid_t type) {
  REQUIRE(H5Tget_class(type) == H5T_ENUM);
  std::vector<std::string> names;
  for (std::uint8_t code = 0; code < H5Tget_nmembers(type); ++code) {
    char name[64] = {};
    REQUIRE(H5Tenum_nameof(type, &code, name, sizeof name) >= 0);
    names.emplace_back(name);
  }
  return names;
}

std::vector<std::string> member_enum(hid_t dataset_type, const char* member) {
  const int index = H5Tget_member_index(dataset_type, member);
  REQUIRE(index >= 0);
  const hid_t type = H5Tget_member_type(dataset_type, static_cast<unsigned>(index));
  std::vector<std::string> names = enum_names(type);
  H5Tclose(type);
  return names;
}

template <class Enum>
std::vector<std::string> model_names() {
  std::vector<std::string> names;
  for (std::uint8_t v = 0; model::to_string(static_cast<Enum>(v)) != "?"; ++v) {
    names.emplace_back(model::to_string(static_cast<Enum>(v)));
  }
  return names;
}

template <class Enum>
void check_vocabulary(std::span<const io::Term> terms) {
  const std::vector<std::string> names = model_names<Enum>();
  REQUIRE(terms.size() == names.size());
  for (std::size_t i = 0; i < terms.size(); ++i) {
    CHECK(terms[i].code == i);
    CHECK(terms[i].en == names[i]);
    CHECK_FALSE(terms[i].ja.empty());
  }
}

}  // namespace

TEST_CASE("the vocabulary names every enumerator of the model's record enums") {
  check_vocabulary<model::Place>(io::place_terms());
  check_vocabulary<model::MoveKind>(io::move_kind_terms());
  check_vocabulary<model::Cause>(io::cause_terms());
}

TEST_CASE("the event trace enum types carry the names of the model's codes") {
  ScratchDir dir;
  write_synthetic_trace(dir.file("out.h5"), synthetic_movements(50, 60));
  File file(dir.file("out.h5"));
  const hid_t dataset = H5Dopen2(file.id(), "replications/0/events", H5P_DEFAULT);
  const hid_t type = H5Dget_type(dataset);
  CHECK(member_enum(type, "kind") == model_names<model::MoveKind>());
  CHECK(member_enum(type, "from") == model_names<model::Place>());
  CHECK(member_enum(type, "to") == model_names<model::Place>());
  CHECK(member_enum(type, "cause") == model_names<model::Cause>());
  CHECK(member_enum(type, "admission") == std::vector<std::string>{"voluntary", "involuntary", "administrative"});
  CHECK(member_enum(type, "diagnosis") == std::vector<std::string>{"F2", "F0", "other"});
  H5Tclose(type);
  H5Dclose(dataset);

  const hid_t places = H5Dopen2(file.id(), "dictionaries/facilities", H5P_DEFAULT);
  const hid_t places_type = H5Dget_type(places);
  CHECK(member_enum(places_type, "place") == model_names<model::Place>());
  H5Tclose(places_type);
  H5Dclose(places);
}

TEST_CASE("dictionary names are UTF-8 strings in Japanese and English") {
  ScratchDir dir;
  write_synthetic_trace(dir.file("out.h5"), synthetic_movements(50, 60), io::TraceLevel::None);
  File file(dir.file("out.h5"));
  struct Name {
    char* id;
    char* ja;
    char* en;
  };
  const hid_t text = H5Tcopy(H5T_C_S1);
  H5Tset_size(text, H5T_VARIABLE);
  H5Tset_cset(text, H5T_CSET_UTF8);
  const hid_t memory = H5Tcreate(H5T_COMPOUND, sizeof(Name));
  H5Tinsert(memory, "id", HOFFSET(Name, id), text);
  H5Tinsert(memory, "name_ja", HOFFSET(Name, ja), text);
  H5Tinsert(memory, "name_en", HOFFSET(Name, en), text);

  const hid_t dataset = H5Dopen2(file.id(), "dictionaries/municipalities", H5P_DEFAULT);
  const hid_t type = H5Dget_type(dataset);
  for (const char* member : {"id", "name_ja", "name_en", "health_region"}) {
    const hid_t t = H5Tget_member_type(type, static_cast<unsigned>(H5Tget_member_index(type, member)));
    CHECK(H5Tget_cset(t) == H5T_CSET_UTF8);
    CHECK(H5Tis_variable_str(t) > 0);
    H5Tclose(t);
  }
  const model::Parameters params = short_region();
  std::vector<Name> rows(params.municipalities.size());
  REQUIRE(dims(file.id(), "dictionaries/municipalities").at(0) == rows.size());
  REQUIRE(H5Dread(dataset, memory, H5S_ALL, H5S_ALL, H5P_DEFAULT, rows.data()) >= 0);
  for (std::size_t m = 0; m < rows.size(); ++m) {
    CHECK(std::string(rows[m].id) == params.municipalities[m].id);
    CHECK(std::string(rows[m].ja) == params.municipalities[m].name);
    CHECK(std::string(rows[m].en) == params.municipalities[m].id);
  }
  CHECK(std::string(rows[0].ja) == "中央市");
  const hid_t space = H5Dget_space(dataset);
  H5Dvlen_reclaim(memory, space, H5P_DEFAULT, rows.data());
  H5Sclose(space);
  H5Tclose(type);
  H5Dclose(dataset);

  const io::FacilityIndex facilities(params);
  CHECK(dims(file.id(), "dictionaries/facilities").at(0) == facilities.size());
  {
    // Every Japanese name the scenario gives reaches the dictionary, and hub sites go by their key.
    const auto& rows = facilities.facilities();
    CHECK(rows.at(static_cast<std::size_t>(facilities.row(model::Place::Hospital, 0))).name_ja == "中央病院 精神病床");
    const io::Facility& site = rows.at(static_cast<std::size_t>(facilities.row(model::Place::CrisisStay, 0)));
    CHECK(site.id == "hub-joint/chuo");
    CHECK(site.name_ja == "中東山 共同拠点 緊急短期入所 (中央市)");
  }
  CHECK(dims(file.id(), "dictionaries/hubs").at(0) == params.hubs.size());
  {
    // A hub's Japanese name from the scenario reaches the trace (councils read these).
    const hid_t hubs = H5Dopen2(file.id(), "dictionaries/hubs", H5P_DEFAULT);
    std::vector<Name> hub_rows(params.hubs.size());
    REQUIRE(H5Dread(hubs, memory, H5S_ALL, H5S_ALL, H5P_DEFAULT, hub_rows.data()) >= 0);
    REQUIRE(!hub_rows.empty());
    CHECK(std::string(hub_rows[0].id) == "hub-joint");
    CHECK(std::string(hub_rows[0].ja) == "中東山 共同拠点");
    const hid_t hub_space = H5Dget_space(hubs);
    H5Dvlen_reclaim(memory, hub_space, H5P_DEFAULT, hub_rows.data());
    H5Sclose(hub_space);
    H5Dclose(hubs);
  }
  CHECK(dims(file.id(), "dictionaries/event_kinds").at(0) == io::move_kind_terms().size());
  CHECK(dims(file.id(), "dictionaries/causes").at(0) == io::cause_terms().size());
  CHECK(dims(file.id(), "dictionaries/places").at(0) == io::place_terms().size());
  H5Tclose(memory);
  H5Tclose(text);
}
