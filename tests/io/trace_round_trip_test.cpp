// Round trip: what the model emitted (seen by MemoryRecorders) is what the HDF5 C API
// reads back from the trace, read with types built here from the model's own names.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>

#include "engine/observe/memory_recorder.hpp"
#include "io/trace_error.hpp"
#include "io/trace_reader.hpp"
#include "tests/io/trace_test_support.hpp"

using namespace caresim;
using namespace caresim::io::testing;

namespace {

// The event row as this test expects it; HDF5 converts the file's members into it by name.
struct Row {
  double time;
  std::uint64_t person;
  std::int32_t facility;
  std::int32_t from_facility;
  std::uint8_t kind, from, to, cause;
  std::int16_t municipality;
  std::uint8_t admission, diagnosis;
};

template <class Enum>
hid_t enum_of_model() {
  const hid_t t = H5Tenum_create(H5T_NATIVE_UINT8);
  for (std::uint8_t v = 0; model::to_string(static_cast<Enum>(v)) != "?"; ++v) {
    H5Tenum_insert(t, std::string(model::to_string(static_cast<Enum>(v))).c_str(), &v);
  }
  return t;
}

hid_t enum_of(std::initializer_list<const char*> names) {
  const hid_t t = H5Tenum_create(H5T_NATIVE_UINT8);
  std::uint8_t v = 0;
  for (const char* n : names) H5Tenum_insert(t, n, &v), ++v;
  return t;
}

std::vector<Row> read_events(hid_t file, const std::string& path) {
  const hid_t place = enum_of_model<model::Place>();
  const hid_t kind = enum_of_model<model::MoveKind>();
  const hid_t cause = enum_of_model<model::Cause>();
  const hid_t admission = enum_of({"voluntary", "involuntary", "administrative"});
  const hid_t diagnosis = enum_of({"F2", "F0", "other"});
  const hid_t t = H5Tcreate(H5T_COMPOUND, sizeof(Row));
  H5Tinsert(t, "time", HOFFSET(Row, time), H5T_NATIVE_DOUBLE);
  H5Tinsert(t, "person", HOFFSET(Row, person), H5T_NATIVE_UINT64);
  H5Tinsert(t, "facility", HOFFSET(Row, facility), H5T_NATIVE_INT32);
  H5Tinsert(t, "from_facility", HOFFSET(Row, from_facility), H5T_NATIVE_INT32);
  H5Tinsert(t, "kind", HOFFSET(Row, kind), kind);
  H5Tinsert(t, "from", HOFFSET(Row, from), place);
  H5Tinsert(t, "to", HOFFSET(Row, to), place);
  H5Tinsert(t, "cause", HOFFSET(Row, cause), cause);
  H5Tinsert(t, "municipality", HOFFSET(Row, municipality), H5T_NATIVE_INT16);
  H5Tinsert(t, "admission", HOFFSET(Row, admission), admission);
  H5Tinsert(t, "diagnosis", HOFFSET(Row, diagnosis), diagnosis);
  std::vector<Row> rows(dims(file, path).at(0));
  const hid_t d = H5Dopen2(file, path.c_str(), H5P_DEFAULT);
  REQUIRE(H5Dread(d, t, H5S_ALL, H5S_ALL, H5P_DEFAULT, rows.data()) >= 0);
  H5Dclose(d);
  for (const hid_t id : {t, place, kind, cause, admission, diagnosis}) H5Tclose(id);
  return rows;
}

// (place, model index) of every facility row, from /dictionaries/facilities.
std::vector<std::pair<std::uint8_t, std::int32_t>> read_facilities(hid_t file) {
  struct F {
    std::uint8_t place;
    std::int32_t local;
  };
  const hid_t place = enum_of_model<model::Place>();
  const hid_t t = H5Tcreate(H5T_COMPOUND, sizeof(F));
  H5Tinsert(t, "place", HOFFSET(F, place), place);
  H5Tinsert(t, "local", HOFFSET(F, local), H5T_NATIVE_INT32);
  std::vector<F> rows(dims(file, "dictionaries/facilities").at(0));
  const hid_t d = H5Dopen2(file, "dictionaries/facilities", H5P_DEFAULT);
  REQUIRE(H5Dread(d, t, H5S_ALL, H5S_ALL, H5P_DEFAULT, rows.data()) >= 0);
  H5Dclose(d);
  H5Tclose(t);
  H5Tclose(place);
  std::vector<std::pair<std::uint8_t, std::int32_t>> out;
  for (const F& f : rows) out.emplace_back(f.place, f.local);
  return out;
}

// The model index a facility row stands for, -1 for no facility.
int local_of(const std::vector<std::pair<std::uint8_t, std::int32_t>>& facilities, int row, model::Place place) {
  if (row < 0) return -1;
  REQUIRE(facilities.at(static_cast<std::size_t>(row)).first == static_cast<std::uint8_t>(place));
  return facilities.at(static_cast<std::size_t>(row)).second;
}

bool same(double a, double b) {
  return a == b || (std::isnan(a) && std::isnan(b));
}

}  // namespace

TEST_CASE("a trace holds the movements and snapshots a memory recorder saw") {
  ScratchDir dir;
  const std::string path = dir.file("out.h5");
  const model::Parameters params = short_region(240);
  engine::MemoryRecorder<model::MovementRecord> movements;
  engine::MemoryRecorder<model::SnapshotRecord> snapshots;
  model::IndicatorTable indicators;
  {
    io::TraceWriter writer(path, params, test_provenance({7}), test_options(io::TraceLevel::Events));
    model::CareModel model(params, 42, 7);
    model.attach(&movements);
    model.attach(&snapshots);
    auto trace = writer.replication(7);
    trace->attach(model);
    indicators = model.run();
    trace->finish(indicators);
    writer.finish();
  }
  REQUIRE(movements.size() > 1000);
  File file(path);

  const std::vector<Row> rows = read_events(file.id(), "replications/7/events");
  const auto facilities = read_facilities(file.id());
  REQUIRE(rows.size() == movements.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const model::MovementRecord& r = movements.records()[i];
    const Row& row = rows[i];
    INFO("event " << i);
    CHECK(row.time == r.time);
    CHECK(row.person == r.person);
    CHECK(row.kind == static_cast<std::uint8_t>(r.kind));
    CHECK(row.from == static_cast<std::uint8_t>(r.from));
    CHECK(row.to == static_cast<std::uint8_t>(r.to));
    CHECK(row.cause == static_cast<std::uint8_t>(r.cause));
    CHECK(row.municipality == r.municipality);
    CHECK(row.admission == static_cast<std::uint8_t>(r.admission));
    CHECK(row.diagnosis == r.diagnosis);
    CHECK(local_of(facilities, row.facility, r.to) == (row.facility < 0 ? -1 : r.facility));
    CHECK(local_of(facilities, row.from_facility, r.from) == (row.from_facility < 0 ? -1 : r.from_facility));
    if (r.to == model::Place::Hospital || r.to == model::Place::GroupHome) CHECK(row.facility >= 0);
  }

  // Occupancy: a midnight census recounted here from the records.
  const auto shape = dims(file.id(), "replications/7/occupancy");
  REQUIRE(shape.size() == 2);
  CHECK(shape[0] == 240);
  CHECK(shape[1] == facilities.size());
  std::vector<std::int32_t> occupancy(shape[0] * shape[1]);
  const hid_t d = H5Dopen2(file.id(), "replications/7/occupancy", H5P_DEFAULT);
  REQUIRE(H5Dread(d, H5T_NATIVE_INT32, H5S_ALL, H5S_ALL, H5P_DEFAULT, occupancy.data()) >= 0);
  H5Dclose(d);
  std::vector<std::int32_t> counts(shape[1], 0);
  std::size_t next = 0;
  for (std::size_t day = 0; day < shape[0]; ++day) {
    for (; next < rows.size() && rows[next].time < static_cast<double>(day) + 1.0; ++next) {
      if (rows[next].from_facility >= 0) --counts[static_cast<std::size_t>(rows[next].from_facility)];
      if (rows[next].facility >= 0) ++counts[static_cast<std::size_t>(rows[next].facility)];
    }
    for (std::size_t f = 0; f < shape[1]; ++f) {
      INFO("day " << day << " facility " << f);
      CHECK(occupancy[day * shape[1] + f] == counts[f]);
    }
  }

  // Monthly series: every snapshot, field by field.
  struct Month {
    double time;
    std::int32_t month;
    std::uint64_t entered, exited, present, inpatients;
  };
  const hid_t mt = H5Tcreate(H5T_COMPOUND, sizeof(Month));
  H5Tinsert(mt, "time", HOFFSET(Month, time), H5T_NATIVE_DOUBLE);
  H5Tinsert(mt, "month", HOFFSET(Month, month), H5T_NATIVE_INT32);
  H5Tinsert(mt, "entered", HOFFSET(Month, entered), H5T_NATIVE_UINT64);
  H5Tinsert(mt, "exited", HOFFSET(Month, exited), H5T_NATIVE_UINT64);
  H5Tinsert(mt, "present", HOFFSET(Month, present), H5T_NATIVE_UINT64);
  H5Tinsert(mt, "inpatients", HOFFSET(Month, inpatients), H5T_NATIVE_UINT64);
  std::vector<Month> months(dims(file.id(), "replications/7/monthly").at(0));
  REQUIRE(months.size() == snapshots.size());
  const hid_t md = H5Dopen2(file.id(), "replications/7/monthly", H5P_DEFAULT);
  REQUIRE(H5Dread(md, mt, H5S_ALL, H5S_ALL, H5P_DEFAULT, months.data()) >= 0);
  H5Dclose(md);
  H5Tclose(mt);
  for (std::size_t i = 0; i < months.size(); ++i) {
    const model::SnapshotRecord& s = snapshots.records()[i];
    CHECK(months[i].time == s.time);
    CHECK(months[i].month == s.month);
    CHECK(months[i].entered == s.entered);
    CHECK(months[i].exited == s.exited);
    CHECK(months[i].present == s.present);
    CHECK(months[i].inpatients == s.inpatients);
  }

  // Indicators: the table the model returned, entry by entry, municipalities included.
  const model::IndicatorTable back = io::read_indicators(path, 7);
  // Several replications at one open (caresim compare) read the same tables; an absent id
  // is the same error as one by one. (Distinct replications: trace_reader_test.cpp.)
  const std::vector<model::IndicatorTable> several = io::read_indicators(path, std::vector<std::uint32_t>{7, 7});
  REQUIRE(several.size() == 2);
  CHECK(several[0].to_json() == back.to_json());
  CHECK(several[1].to_json() == back.to_json());
  CHECK_THROWS_AS(io::read_indicators(path, std::vector<std::uint32_t>{7, 8}), io::TraceError);
  REQUIRE(back.entries.size() == indicators.entries.size());
  CHECK(back.version == indicators.version);
  for (std::size_t i = 0; i < back.entries.size(); ++i) {
    const auto& [name, v] = indicators.entries[i];
    INFO(indicators.entries[i].first);  // not `name`: clang 14 cannot capture a structured binding
    CHECK(back.entries[i].first == name);
    CHECK(back.entries[i].second.shape == v.shape);
    CHECK(same(back.entries[i].second.scalar, v.scalar));
    REQUIRE(back.entries[i].second.map.size() == v.map.size());
    for (std::size_t k = 0; k < v.map.size(); ++k) {
      CHECK(back.entries[i].second.map[k].first == v.map[k].first);
      CHECK(same(back.entries[i].second.map[k].second, v.map[k].second));
    }
    REQUIRE(back.entries[i].second.array.size() == v.array.size());
    for (std::size_t k = 0; k < v.array.size(); ++k) CHECK(same(back.entries[i].second.array[k], v.array[k]));
  }
  REQUIRE(back.by_municipality.size() == indicators.by_municipality.size());
  for (std::size_t m = 0; m < back.by_municipality.size(); ++m) {
    CHECK(back.by_municipality[m].id == indicators.by_municipality[m].id);
    CHECK(back.by_municipality[m].name == indicators.by_municipality[m].name);
    CHECK(back.by_municipality[m].table.to_json() == indicators.by_municipality[m].table.to_json());
  }
  CHECK(back.to_json() == indicators.to_json());

  // Units: beside every entry, from the indicator dictionary.
  const auto units = io::read_indicator_units(path, 7);
  REQUIRE(units.size() == indicators.entries.size());
  for (std::size_t i = 0; i < units.size(); ++i) {
    CHECK(units[i].first == indicators.entries[i].first);
    CHECK(units[i].second == model::indicator_dictionary().at(units[i].first).unit);
  }
  CHECK_THROWS_AS(io::read_indicator_units(path, 99), io::TraceError);
}

TEST_CASE("a trace carries its provenance so the run can be repeated from the file") {
  ScratchDir dir;
  const std::string path = dir.file("out.h5");
  write_synthetic_trace(path, synthetic_movements(100, 60), io::TraceLevel::Summary);
  const io::TraceProvenance p = io::read_provenance(path);
  const io::TraceProvenance expected = test_provenance({0});
  CHECK(p.scenario_yaml == expected.scenario_yaml);
  CHECK(p.scenario_path == expected.scenario_path);
  CHECK(p.scenario_hash == expected.scenario_hash);
  CHECK(p.master_seed == expected.master_seed);
  CHECK(p.replications == expected.replications);
  CHECK(p.command_line == expected.command_line);
  CHECK(p.level == io::TraceLevel::Summary);
  CHECK(p.model_version == model::model_version);
  CHECK(p.format_version == io::trace_format_version);
  CHECK(p.hdf5_version.rfind("1.", 0) == 0);
  CHECK(p.created_utc.size() == 20);
  CHECK(p.created_utc.back() == 'Z');
  CHECK_FALSE(p.caresim_version.empty());
  CHECK_FALSE(p.git_revision.empty());
}
