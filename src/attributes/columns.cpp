// AttributeColumns: columnar storage and validation of attribute values.
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "attributes/format.hpp"
#include "skillmatch/attributes.hpp"

namespace skillmatch {
namespace {

std::string join_values(const std::vector<std::string>& values) {
  std::string text;
  for (std::size_t i = 0; i < values.size() && i < 20; ++i) text += (i ? ", '" : "'") + values[i] + "'";
  return values.size() > 20 ? text + ", ..." : text;
}

const char* kind_of(const AttributeValue& v) noexcept {
  switch (v.index()) {
    case 0: return "missing";
    case 1: return "a string";
    case 2: return "a number";
    case 3: return "a boolean";
    default: return "a list of strings";
  }
}

// One checked cell, ready to write without further failure (other than bad_alloc).
struct CheckedCell {
  std::size_t attribute = 0;
  const AttributeValue* value = nullptr;  // monostate, string, double, bool or list
  std::uint8_t rank = 0;                  // ordinal
};

}  // namespace

AttributeColumns::AttributeColumns(AttributeSchema schema) : schema_(std::move(schema)), cols_(schema_.size()) {}

void AttributeColumns::resize(std::size_t rows) {
  for (std::size_t a = 0; a < cols_.size(); ++a) {
    Column& c = cols_[a];
    const AttributeDef& d = schema_[a];
    c.missing.resize(rows, true);
    switch (d.type) {
      case AttributeType::numeric: c.numbers.resize(rows, 0.0); break;
      case AttributeType::ordinal: c.ranks.resize(rows, 0); break;
      case AttributeType::boolean: c.bools.resize(rows, false); break;
      case AttributeType::categorical:
        if (d.multi_valued) {
          for (std::size_t r = rows; r < rows_; ++r) c.garbage += c.count[r];
          c.begin.resize(rows, 0);
          c.count.resize(rows, 0);
        } else {
          c.codes.resize(rows, no_code);
        }
        break;
    }
  }
  rows_ = rows;
}

void AttributeColumns::check_row(std::size_t row, const char* what) const {
  if (row >= rows_)
    fail(ErrorCode::invalid_argument, std::string(what) + ": row " + std::to_string(row) +
                                          " is out of range (size " + std::to_string(rows_) + ")");
}

std::size_t AttributeColumns::append(const AttributeValues& values, std::string_view context) {
  std::size_t row = rows_;
  resize(rows_ + 1);
  try {
    set_row(row, values, context);
  } catch (...) {
    resize(row);
    throw;
  }
  return row;
}

std::uint32_t AttributeColumns::intern(Column& c, std::string_view value) {
  if (auto it = c.index.find(value); it != c.index.end()) return it->second;
  if (c.values.size() >= no_code) fail(ErrorCode::invalid_argument, "categorical dictionary is full");
  auto code = static_cast<std::uint32_t>(c.values.size());
  c.values.emplace_back(value);
  c.index.emplace(c.values.back(), code);
  return code;
}

std::uint32_t AttributeColumns::code_of(std::size_t attribute, std::string_view value) const noexcept {
  const Column& c = cols_[attribute];
  auto it = c.index.find(value);
  return it == c.index.end() ? no_code : it->second;
}

void AttributeColumns::compact_pool(Column& c) {
  std::vector<std::uint32_t> pool;
  pool.reserve(c.pool.size() - c.garbage);
  for (std::size_t r = 0; r < c.begin.size(); ++r) {
    std::size_t b = pool.size();
    pool.insert(pool.end(), c.pool.begin() + static_cast<std::ptrdiff_t>(c.begin[r]),
                c.pool.begin() + static_cast<std::ptrdiff_t>(c.begin[r] + c.count[r]));
    c.begin[r] = b;
  }
  c.pool = std::move(pool);
  c.garbage = 0;
}

void AttributeColumns::clear_cell(std::size_t row, std::size_t a) {
  Column& c = cols_[a];
  c.missing.set(row);
  switch (schema_[a].type) {
    case AttributeType::numeric: c.numbers[row] = 0.0; break;
    case AttributeType::ordinal: c.ranks[row] = 0; break;
    case AttributeType::boolean: c.bools.reset(row); break;
    case AttributeType::categorical:
      if (schema_[a].multi_valued) {
        c.garbage += c.count[row];
        c.count[row] = 0;
      } else {
        c.codes[row] = no_code;
      }
      break;
  }
}

void AttributeColumns::clear_row(std::size_t row) {
  check_row(row, "clear_row");
  for (std::size_t a = 0; a < cols_.size(); ++a) clear_cell(row, a);
}

void AttributeColumns::set_row(std::size_t row, const AttributeValues& values, std::string_view context) {
  const std::string prefix = context.empty() ? std::string() : std::string(context) + ": ";
  if (row >= rows_)
    fail(ErrorCode::invalid_argument, prefix + "set_row: row " + std::to_string(row) +
                                          " is out of range (size " + std::to_string(rows_) + ")");

  // 1. Validate everything before touching the row (strong guarantee).
  std::vector<CheckedCell> cells;
  cells.reserve(values.entries().size());
  for (const auto& [name, value] : values.entries()) {
    auto found = schema_.find(name);
    if (!found) {
      std::string s = schema_.suggest(name);
      fail(ErrorCode::not_found, prefix + "unknown attribute '" + name + "'" +
                                     (s.empty() ? "" : " (did you mean '" + s + "'?)"));
    }
    const AttributeDef& d = schema_[*found];
    CheckedCell cell{*found, &value, 0};
    auto wrong_type = [&](const char* expected) {
      fail(ErrorCode::invalid_value, prefix + "attribute '" + d.name + "' (" + to_string(d.type) +
                                            ") expects " + expected + ", got " + kind_of(value));
    };
    auto check_category = [&](const std::string& s) {
      if (s.empty()) fail(ErrorCode::invalid_value, prefix + "attribute '" + d.name + "': empty category value");
      if (!d.values.empty() && std::find(d.values.begin(), d.values.end(), s) == d.values.end())
        fail(ErrorCode::invalid_value, prefix + "attribute '" + d.name + "': '" + s +
                                           "' is not one of its \"values\" (" + join_values(d.values) + ")");
    };
    if (std::holds_alternative<std::monostate>(value)) {
      cells.push_back(cell);
      continue;
    }
    switch (d.type) {
      case AttributeType::numeric: {
        const double* v = std::get_if<double>(&value);
        if (!v) wrong_type("a number");
        if (std::isnan(*v)) fail(ErrorCode::invalid_value, prefix + "attribute '" + d.name + "': value is NaN");
        if (std::isinf(*v)) fail(ErrorCode::invalid_value, prefix + "attribute '" + d.name + "': value is infinite");
        break;
      }
      case AttributeType::boolean:
        if (!std::holds_alternative<bool>(value)) wrong_type("a boolean");
        break;
      case AttributeType::ordinal: {
        const std::string* s = std::get_if<std::string>(&value);
        if (!s) wrong_type("a level name");
        auto rank = d.scale->find(*s);
        if (!rank)
          fail(ErrorCode::invalid_value, prefix + "attribute '" + d.name + "': unknown level '" + *s +
                                                "' (levels, lowest first: " + d.scale->describe() + ")");
        cell.rank = *rank;
        break;
      }
      case AttributeType::categorical:
        if (const std::string* s = std::get_if<std::string>(&value)) {
          check_category(*s);
        } else if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
          if (!d.multi_valued) wrong_type("a single string (it is single-valued)");
          for (const auto& s2 : *list) check_category(s2);
        } else {
          wrong_type(d.multi_valued ? "a string or a list of strings" : "a string");
        }
        break;
    }
    cells.push_back(cell);
  }

  // 2. Write: every attribute missing, then the given values.
  for (std::size_t a = 0; a < cols_.size(); ++a) clear_cell(row, a);
  for (const CheckedCell& cell : cells) {
    const AttributeValue& value = *cell.value;
    if (std::holds_alternative<std::monostate>(value)) continue;
    Column& c = cols_[cell.attribute];
    const AttributeDef& d = schema_[cell.attribute];
    switch (d.type) {
      case AttributeType::numeric: c.numbers[row] = std::get<double>(value); break;
      case AttributeType::boolean: c.bools.assign(row, std::get<bool>(value)); break;
      case AttributeType::ordinal: c.ranks[row] = cell.rank; break;
      case AttributeType::categorical:
        if (!d.multi_valued) {
          c.codes[row] = intern(c, std::get<std::string>(value));
        } else {
          std::size_t b = c.pool.size();
          if (const std::string* s = std::get_if<std::string>(&value)) {
            c.pool.push_back(intern(c, *s));
          } else {
            for (const auto& s2 : std::get<std::vector<std::string>>(value)) c.pool.push_back(intern(c, s2));
          }
          auto first = c.pool.begin() + static_cast<std::ptrdiff_t>(b);
          std::sort(first, c.pool.end());
          c.pool.erase(std::unique(first, c.pool.end()), c.pool.end());
          c.begin[row] = b;
          c.count[row] = static_cast<std::uint32_t>(c.pool.size() - b);
          if (c.garbage > 4096 && c.garbage > c.pool.size() / 2) compact_pool(c);
        }
        break;
    }
    c.missing.reset(row);
  }
}

AttributeValue AttributeColumns::get(std::size_t row, std::size_t attribute) const {
  check_row(row, "get");
  if (attribute >= cols_.size())
    fail(ErrorCode::invalid_argument, "get: attribute " + std::to_string(attribute) + " is out of range");
  const Column& c = cols_[attribute];
  if (c.missing.test(row)) return std::monostate{};
  const AttributeDef& d = schema_[attribute];
  switch (d.type) {
    case AttributeType::numeric: return c.numbers[row];
    case AttributeType::boolean: return c.bools.test(row);
    case AttributeType::ordinal: return d.scale->levels()[c.ranks[row]];
    case AttributeType::categorical:
      if (!d.multi_valued) return c.values[c.codes[row]];
      {
        std::vector<std::string> out;
        for (std::uint32_t code : multi_codes(row, attribute)) out.push_back(c.values[code]);
        return out;
      }
  }
  return std::monostate{};
}

std::string AttributeColumns::display(std::size_t row, std::size_t attribute) const {
  AttributeValue v = get(row, attribute);
  switch (v.index()) {
    case 0: return "missing";
    case 1: return std::get<std::string>(v);
    case 2: return names::format_number(std::get<double>(v));
    case 3: return std::get<bool>(v) ? "true" : "false";
    default: {
      std::string out = "[";
      for (const auto& s : std::get<std::vector<std::string>>(v)) {
        if (out.size() > 1) out += ", ";
        out += s;
      }
      return out + "]";
    }
  }
}

}  // namespace skillmatch
