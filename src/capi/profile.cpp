// src/capi/profile.cpp — skm_profile_*: a profile built through calls.
//
// The builder keeps the profile in its JSON form (docs/profiles.md) and the engine that receives it
// parses that text with its own resolver, so a profile built through calls and the same profile
// given as JSON are checked and resolved by exactly the same code. Checks that do not need an
// engine (numbers, names, UTF-8) happen here already, so the error points at the call that caused it.
#include <boost/json/serialize.hpp>

#include "capi_internal.hpp"

using namespace skillmatch;
using namespace skillmatch::capi;
namespace json = boost::json;

namespace {

// The checks of parse_profile_json (profile_json.cpp), made at the call.
void check_id(std::string_view id) {
  if (id.empty()) reject(SKM_INVALID_ARGUMENT, "id is empty");
  if (id.size() > 128) reject(SKM_INVALID_ARGUMENT, "id is longer than 128 bytes");
  auto space = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; };
  if (space(static_cast<unsigned char>(id.front())) || space(static_cast<unsigned char>(id.back())))
    reject(SKM_INVALID_ARGUMENT, "id '" + std::string(id) + "' has leading or trailing white space");
  for (unsigned char ch : id)
    if (ch < 0x20 || ch == 0x7f) reject(SKM_INVALID_ARGUMENT, "id contains a control character");
}

void check_skill_name(std::string_view name) {
  if (name.find_first_not_of(" \t\r\n") == std::string_view::npos) reject(SKM_INVALID_ARGUMENT, "skill name is empty");
  std::size_t code_points = 0;
  for (unsigned char ch : name) code_points += (ch & 0xC0) != 0x80;
  if (code_points > 200) reject(SKM_INVALID_ARGUMENT, "skill name is longer than 200 characters");
  for (unsigned char ch : name)
    if (ch < 0x20 || ch == 0x7f) reject(SKM_INVALID_ARGUMENT, "skill name contains a control character");
}

json::object& attributes_of(skm_profile& p) {
  json::value& v = p.json["attributes"];
  if (!v.is_object()) v = json::object();
  return v.get_object();
}

}  // namespace

const std::string& skm_profile_s::json_text() const {
  std::lock_guard lock(text_mutex);
  if (!text_fresh) {
    text = json::serialize(json);
    text_fresh = true;
  }
  return text;
}

extern "C" {

SKM_API skm_status skm_profile_new(const char* id, skm_profile** out) {
  clear_out(out);
  return guard(__func__, [&] {
    const std::string_view text = text_arg(id, "id");
    need(out, "out");
    check_id(text);
    auto p = std::make_unique<skm_profile>();
    p->id = std::string(text);
    p->json["id"] = p->id;
    p->json["skills"] = json::array();
    *out = p.release();
  });
}

SKM_API void skm_profile_free(skm_profile* profile) { delete profile; }

SKM_API skm_status skm_profile_set_title(skm_profile* profile, const char* title) {
  return guard(__func__, [&] {
    skm_profile& p = need(profile, "profile");
    const std::string_view text = text_arg(title, "title");
    p.json["title"] = text;
    p.modified();
  });
}

SKM_API skm_status skm_profile_add_skill(skm_profile* profile, const char* name, double weight, int required,
                                         double years, double level) {
  return guard(__func__, [&] {
    skm_profile& p = need(profile, "profile");
    const std::string_view text = text_arg(name, "name");
    check_skill_name(text);
    const std::string what = "skill '" + std::string(text) + "': ";
    if (!(weight > 0) || !std::isfinite(weight) || weight > 3.4e38)
      reject(SKM_INVALID_VALUE, what + "weight must be a positive finite number");
    if (!(years >= 0 && years <= 60)) reject(SKM_INVALID_VALUE, what + "years must be between 0 and 60 (0 = not stated)");
    if (!(level == 0 || (level >= 1 && level <= 5 && level == std::floor(level))))
      reject(SKM_INVALID_VALUE, what + "level must be a whole number from 1 to 5 (0 = not stated)");
    if (years != 0 && level != 0) reject(SKM_INVALID_VALUE, what + "give years or level, not both");
    json::object skill;
    skill["name"] = text;
    if (weight != 1) skill["weight"] = weight;
    if (required) skill["required"] = true;
    if (years != 0) skill["years"] = years;
    if (level != 0) skill["level"] = level;
    p.json["skills"].get_array().emplace_back(std::move(skill));
    p.modified();
  });
}

SKM_API skm_status skm_profile_set_string(skm_profile* profile, const char* name, const char* value) {
  return guard(__func__, [&] {
    skm_profile& p = need(profile, "profile");
    const std::string_view n = text_arg(name, "name");
    const std::string_view v = text_arg(value, "value");
    attributes_of(p)[n] = v;
    p.modified();
  });
}

SKM_API skm_status skm_profile_set_number(skm_profile* profile, const char* name, double value) {
  return guard(__func__, [&] {
    skm_profile& p = need(profile, "profile");
    const std::string_view n = text_arg(name, "name");
    if (!std::isfinite(value)) reject(SKM_INVALID_VALUE, "attribute '" + std::string(n) + "': value is not a finite number");
    attributes_of(p)[n] = value;
    p.modified();
  });
}

SKM_API skm_status skm_profile_set_bool(skm_profile* profile, const char* name, int value) {
  return guard(__func__, [&] {
    skm_profile& p = need(profile, "profile");
    const std::string_view n = text_arg(name, "name");
    attributes_of(p)[n] = value != 0;
    p.modified();
  });
}

SKM_API skm_status skm_profile_set_strings(skm_profile* profile, const char* name, const char* const* values,
                                           std::size_t count) {
  return guard(__func__, [&] {
    skm_profile& p = need(profile, "profile");
    const std::string_view n = text_arg(name, "name");
    if (count > 0) need(values, "values");
    json::array list;
    list.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      const std::string what = "values[" + std::to_string(i) + "]";
      list.emplace_back(text_arg(values[i], what.c_str()));
    }
    attributes_of(p)[n] = std::move(list);
    p.modified();
  });
}

SKM_API skm_status skm_profile_set_vector(skm_profile* profile, const float* vector, std::size_t dimension) {
  return guard(__func__, [&] {
    skm_profile& p = need(profile, "profile");
    need(vector, "vector");
    if (dimension == 0) reject(SKM_INVALID_ARGUMENT, "dimension is 0");
    if (dimension > (std::size_t{1} << 24)) reject(SKM_INVALID_ARGUMENT, "dimension " + std::to_string(dimension) + " is implausibly large");
    json::array list;
    list.reserve(dimension);
    for (std::size_t i = 0; i < dimension; ++i) {
      if (!std::isfinite(vector[i]))
        reject(SKM_INVALID_VALUE, "vector[" + std::to_string(i) + "] is not a finite number");
      list.emplace_back(static_cast<double>(vector[i]));  // float -> double is exact; the text round-trips
    }
    p.json["vector"] = std::move(list);
    p.modified();
  });
}

SKM_API skm_status skm_profile_to_json(const skm_profile* profile, const char** out_json) {
  clear_out(out_json);
  return guard(__func__, [&] {
    const skm_profile& p = need(profile, "profile");
    need(out_json, "out_json") = p.json_text().c_str();
  });
}

}  // extern "C"
