#include "models/indicator_table.hpp"

#include <cmath>
#include <cstdio>
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

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

void json_entries(std::ostringstream& o, const IndicatorTable& t, const std::string& indent) {
  o << "{";
  bool first = true;
  for (const auto& [name, v] : t.entries) {
    o << (first ? "\n" : ",\n") << indent << "  " << quoted(name) << ": ";
    first = false;
    switch (v.shape) {
      case IndicatorValue::Shape::Scalar:
        o << number(v.scalar, 17);
        break;
      case IndicatorValue::Shape::Map: {
        o << "{";
        for (std::size_t i = 0; i < v.map.size(); ++i) {
          o << (i ? ", " : "") << quoted(v.map[i].first) << ": " << number(v.map[i].second, 17);
        }
        o << "}";
        break;
      }
      case IndicatorValue::Shape::Array: {
        o << "[";
        for (std::size_t i = 0; i < v.array.size(); ++i) o << (i ? ", " : "") << number(v.array[i], 17);
        o << "]";
        break;
      }
    }
  }
  o << "\n" << indent << "}";
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

void IndicatorTable::add(std::string name, double value) {
  IndicatorValue v;
  v.scalar = value;
  entries.emplace_back(std::move(name), std::move(v));
}

void IndicatorTable::add(std::string name, std::vector<std::pair<std::string, double>> map) {
  IndicatorValue v;
  v.shape = IndicatorValue::Shape::Map;
  v.map = std::move(map);
  entries.emplace_back(std::move(name), std::move(v));
}

void IndicatorTable::add(std::string name, std::vector<double> array) {
  IndicatorValue v;
  v.shape = IndicatorValue::Shape::Array;
  v.array = std::move(array);
  entries.emplace_back(std::move(name), std::move(v));
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

std::string IndicatorTable::to_json() const {
  std::ostringstream o;
  o << "{\n  \"model_version\": " << version << ",\n  \"indicators\": ";
  json_entries(o, *this, "  ");
  o << ",\n  \"by_municipality\": {";
  for (std::size_t i = 0; i < by_municipality.size(); ++i) {
    o << (i ? ",\n    " : "\n    ") << quoted(by_municipality[i].id) << ": ";
    json_entries(o, by_municipality[i].table, "    ");
  }
  o << (by_municipality.empty() ? "}" : "\n  }") << "\n}\n";
  return o.str();
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
