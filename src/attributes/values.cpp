// AttributeValues: the value set a parser fills for one profile.
#include <utility>

#include "skillmatch/attributes.hpp"

namespace skillmatch {

AttributeValue& AttributeValues::slot(std::string_view name) {
  for (auto& [n, v] : entries_)
    if (n == name) return v;
  entries_.emplace_back(std::string(name), AttributeValue{});
  return entries_.back().second;
}

AttributeValues& AttributeValues::set_string(std::string_view name, std::string_view value) {
  slot(name) = std::string(value);
  return *this;
}
AttributeValues& AttributeValues::set_number(std::string_view name, double value) {
  slot(name) = value;
  return *this;
}
AttributeValues& AttributeValues::set_bool(std::string_view name, bool value) {
  slot(name) = value;
  return *this;
}
AttributeValues& AttributeValues::set_strings(std::string_view name, std::vector<std::string> values) {
  slot(name) = std::move(values);
  return *this;
}
AttributeValues& AttributeValues::add_string(std::string_view name, std::string_view value) {
  AttributeValue& v = slot(name);
  if (auto* list = std::get_if<std::vector<std::string>>(&v)) {
    list->emplace_back(value);
  } else if (auto* single = std::get_if<std::string>(&v)) {
    std::vector<std::string> l{std::move(*single), std::string(value)};
    v = std::move(l);
  } else {
    v = std::vector<std::string>{std::string(value)};
  }
  return *this;
}
AttributeValues& AttributeValues::set_missing(std::string_view name) {
  slot(name) = std::monostate{};
  return *this;
}
AttributeValues& AttributeValues::set(std::string_view name, AttributeValue value) {
  slot(name) = std::move(value);
  return *this;
}

const AttributeValue* AttributeValues::find(std::string_view name) const noexcept {
  for (const auto& [n, v] : entries_)
    if (n == name) return &v;
  return nullptr;
}

}  // namespace skillmatch
