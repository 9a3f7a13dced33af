// Attribute schema: declared attributes and ordinal scales.
#include <string>
#include <utility>

#include "attributes/names.hpp"
#include "skillmatch/attributes.hpp"

namespace skillmatch {

const char* to_string(AttributeType type) noexcept {
  switch (type) {
    case AttributeType::categorical: return "categorical";
    case AttributeType::ordinal: return "ordinal";
    case AttributeType::numeric: return "numeric";
    case AttributeType::boolean: return "boolean";
  }
  return "unknown";
}

OrdinalScale::OrdinalScale(std::string name, std::vector<std::string> levels_lowest_first)
    : name_(std::move(name)), levels_(std::move(levels_lowest_first)) {
  if (levels_.empty()) fail(ErrorCode::invalid_argument, "ordinal scale '" + name_ + "' has no levels");
  if (levels_.size() > max_levels)
    fail(ErrorCode::invalid_argument, "ordinal scale '" + name_ + "' has " + std::to_string(levels_.size()) +
                                          " levels; at most " + std::to_string(max_levels) + " are supported");
  for (std::size_t i = 0; i < levels_.size(); ++i) {
    if (levels_[i].empty())
      fail(ErrorCode::invalid_argument,
           "ordinal scale '" + name_ + "': level " + std::to_string(i + 1) + " has an empty name");
    for (std::size_t j = 0; j < i; ++j)
      if (names::iequals(levels_[i], levels_[j]))
        fail(ErrorCode::invalid_argument,
             "ordinal scale '" + name_ + "': level '" + levels_[i] + "' is given twice (levels ignore case)");
  }
}

const OrdinalScale& OrdinalScale::jlpt() {
  static const OrdinalScale scale("jlpt", {"N5", "N4", "N3", "N2", "N1"});
  return scale;
}

std::optional<std::uint8_t> OrdinalScale::find(std::string_view level) const noexcept {
  for (std::size_t i = 0; i < levels_.size(); ++i)
    if (names::iequals(levels_[i], level)) return static_cast<std::uint8_t>(i);
  return std::nullopt;
}

std::string OrdinalScale::describe() const {
  std::string out;
  for (const auto& l : levels_) {
    if (!out.empty()) out += ", ";
    out += l;
  }
  return out;
}

void AttributeSchema::set_protected(std::string_view name, bool value) {
  defs_[index_of(name)].is_protected = value;
}

std::vector<std::string> AttributeSchema::protected_names() const {
  std::vector<std::string> out;
  for (const auto& d : defs_)
    if (d.is_protected) out.push_back(d.name);
  return out;
}

std::size_t AttributeSchema::add(AttributeDef def) {
  if (!names::is_identifier(def.name))
    fail(ErrorCode::invalid_argument,
         "attribute name '" + def.name + "' is not an identifier ([A-Za-z_][A-Za-z0-9_]*)");
  if (names::is_keyword(def.name))
    fail(ErrorCode::invalid_argument,
         "attribute name '" + def.name + "' is a keyword of the filter language");
  for (const auto& d : defs_)
    if (names::iequals(d.name, def.name))
      fail(ErrorCode::duplicate, "attribute '" + def.name + "' is declared twice" +
                                     (d.name == def.name ? std::string() : " (as '" + d.name + "'; names ignore case)"));
  defs_.push_back(std::move(def));
  return defs_.size() - 1;
}

std::size_t AttributeSchema::add_categorical(std::string_view name, bool multi_valued, std::vector<std::string> values) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i].empty())
      fail(ErrorCode::invalid_argument, "attribute '" + std::string(name) + "': \"values\"[" + std::to_string(i) + "] is empty");
    for (std::size_t j = 0; j < i; ++j)
      if (values[j] == values[i])
        fail(ErrorCode::duplicate, "attribute '" + std::string(name) + "': \"values\" lists '" + values[i] + "' twice");
  }
  return add(AttributeDef{std::string(name), AttributeType::categorical, multi_valued, std::move(values), std::nullopt});
}
std::size_t AttributeSchema::add_ordinal(std::string_view name, OrdinalScale scale) {
  return add(AttributeDef{std::string(name), AttributeType::ordinal, false, {}, std::move(scale)});
}
std::size_t AttributeSchema::add_numeric(std::string_view name) {
  return add(AttributeDef{std::string(name), AttributeType::numeric, false, {}, std::nullopt});
}
std::size_t AttributeSchema::add_boolean(std::string_view name) {
  return add(AttributeDef{std::string(name), AttributeType::boolean, false, {}, std::nullopt});
}

std::optional<std::size_t> AttributeSchema::find(std::string_view name) const noexcept {
  for (std::size_t i = 0; i < defs_.size(); ++i)
    if (defs_[i].name == name) return i;
  return std::nullopt;
}

std::string AttributeSchema::suggest(std::string_view name) const {
  std::vector<std::string> all;
  all.reserve(defs_.size());
  for (const auto& d : defs_) all.push_back(d.name);
  return names::nearest(name, all);
}

std::size_t AttributeSchema::index_of(std::string_view name) const {
  if (auto i = find(name)) return *i;
  std::string s = suggest(name);
  fail(ErrorCode::not_found,
       "unknown attribute '" + std::string(name) + "'" + (s.empty() ? "" : " (did you mean '" + s + "'?)"));
}

}  // namespace skillmatch
