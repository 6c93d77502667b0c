#include "models/indicator_table.hpp"

#include <cmath>
#include <cstdio>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

namespace caresim::model {

namespace {
std::string number(double v, int digits) {
  if (!std::isfinite(v)) return "null";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.*g", digits, v);
  return buf;
}

/** Sets member `key` of `object`; a second member of the same name would silently replace
 *  the first, so it is an error. */
void set_once(nlohmann::ordered_json& object, const std::string& key, nlohmann::ordered_json value, const char* what) {
  if (object.contains(key)) throw std::logic_error(std::string("indicator table: two ") + what + " named " + key);
  object[key] = std::move(value);
}

/** The entries of `t` as one JSON object. NaN and infinities are stored as doubles and
 *  written as null by the serializer. */
nlohmann::ordered_json json_entries(const IndicatorTable& t) {
  nlohmann::ordered_json o = nlohmann::ordered_json::object();
  for (const auto& [name, v] : t.entries) {
    switch (v.shape) {
      case IndicatorValue::Shape::Scalar:
        set_once(o, name, v.scalar, "indicators");
        break;
      case IndicatorValue::Shape::Map: {
        nlohmann::ordered_json m = nlohmann::ordered_json::object();
        for (const auto& [key, x] : v.map) set_once(m, key, x, ("keys of " + name).c_str());
        set_once(o, name, std::move(m), "indicators");
        break;
      }
      case IndicatorValue::Shape::Array:
        set_once(o, name, v.array, "indicators");
        break;
    }
  }
  return o;
}

void text_entries(std::ostringstream& o, const IndicatorTable& t, const std::string& indent) {
  for (const auto& [name, v] : t.entries) {
    o << indent << name;
    for (std::size_t i = name.size(); i < 28; ++i) o << ' ';
    switch (v.shape) {
      case IndicatorValue::Shape::Scalar:
        o << number(v.scalar, 6);
        break;
      case IndicatorValue::Shape::Map:
        for (std::size_t i = 0; i < v.map.size(); ++i)
          o << (i ? "  " : "") << v.map[i].first << "=" << number(v.map[i].second, 6);
        break;
      case IndicatorValue::Shape::Array:
        for (std::size_t i = 0; i < v.array.size(); ++i) o << (i ? " " : "") << number(v.array[i], 4);
        break;
    }
    o << "\n";
  }
}
}  // namespace

// Out of line: by_municipality's element type is incomplete in the header.
IndicatorTable::IndicatorTable() = default;

IndicatorTable::IndicatorTable(const IndicatorDictionary& dictionary) : dictionary_(&dictionary) {}

void IndicatorTable::insert(std::string name, IndicatorValue v) {
  const IndicatorRow& row = dictionary_->at(name);  // throws for an undeclared name
  if (v.shape != row.shape) {
    throw std::invalid_argument("indicator table: " + name + " is declared with shape " +
                                std::string(shape_name(row.shape)) + ", not " + std::string(shape_name(v.shape)));
  }
  if (row.shape == IndicatorShape::Map && !row.keys.empty()) {
    bool same = v.map.size() == row.keys.size();
    for (std::size_t k = 0; same && k < row.keys.size(); ++k) same = v.map[k].first == row.keys[k];
    if (!same) {
      std::string keys;
      for (const auto& [key, x] : v.map) keys += (keys.empty() ? "" : "/") + key;
      std::string declared;
      for (const std::string& key : row.keys) declared += (declared.empty() ? "" : "/") + key;
      throw std::invalid_argument("indicator table: " + name + " has the keys " + (keys.empty() ? "(none)" : keys) +
                                  "; the dictionary declares " + declared + ", in that order");
    }
  }
  if (row.shape == IndicatorShape::Array && !row.keys.empty() && v.array.size() != row.keys.size()) {
    throw std::invalid_argument("indicator table: " + name + " has " + std::to_string(v.array.size()) +
                                " elements; the dictionary declares " + std::to_string(row.keys.size()));
  }
  if (find(name) != nullptr) throw std::invalid_argument("indicator table: " + name + " is already in the table");
  // Entries are kept in dictionary order. The model adds them in that order, so the place is
  // almost always the end; an undeclared entry (read from an older file) is never passed.
  const std::size_t index = dictionary_->index_of(name);
  auto at = entries.end();
  while (at != entries.begin()) {
    const IndicatorRow* before = dictionary_->find(std::prev(at)->first);
    if (before == nullptr || dictionary_->index_of(before->name) < index) break;
    --at;
  }
  entries.emplace(at, std::move(name), std::move(v));
}

void IndicatorTable::add(std::string name, double value) {
  IndicatorValue v;
  v.scalar = value;
  insert(std::move(name), std::move(v));
}

void IndicatorTable::add(std::string name, std::vector<std::pair<std::string, double>> map) {
  IndicatorValue v;
  v.shape = IndicatorValue::Shape::Map;
  v.map = std::move(map);
  insert(std::move(name), std::move(v));
}

void IndicatorTable::add(std::string name, std::vector<double> array) {
  IndicatorValue v;
  v.shape = IndicatorValue::Shape::Array;
  v.array = std::move(array);
  insert(std::move(name), std::move(v));
}

const IndicatorValue* IndicatorTable::find(const std::string& name) const {
  for (const auto& e : entries) {
    if (e.first == name) return &e.second;
  }
  return nullptr;
}

double IndicatorTable::scalar(const std::string& name) const {
  const IndicatorValue* v = find(name);
  if (v == nullptr || v->shape != IndicatorValue::Shape::Scalar) throw std::out_of_range("no scalar indicator " + name);
  return v->scalar;
}

double IndicatorTable::map_value(const std::string& name, const std::string& key) const {
  const IndicatorValue* v = find(name);
  if (v != nullptr) {
    for (const auto& [k, x] : v->map) {
      if (k == key) return x;
    }
  }
  throw std::out_of_range("no indicator " + name + "." + key);
}

nlohmann::ordered_json IndicatorTable::to_json_value() const {
  nlohmann::ordered_json by_id = nlohmann::ordered_json::object();
  for (const auto& m : by_municipality) set_once(by_id, m.id, json_entries(m.table), "municipalities");
  nlohmann::ordered_json o = nlohmann::ordered_json::object();
  o["model_version"] = version;
  o["indicators"] = json_entries(*this);
  o["by_municipality"] = std::move(by_id);
  return o;
}

std::string IndicatorTable::to_json() const {
  return to_json_value().dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string IndicatorTable::to_text() const {
  std::ostringstream o;
  o << "caresim model version " << version << "\n";
  text_entries(o, *this, "");
  for (const auto& m : by_municipality) {
    o << "\n[" << m.id << " " << m.name << "]\n";
    text_entries(o, m.table, "  ");
  }
  return o.str();
}

}  // namespace caresim::model
