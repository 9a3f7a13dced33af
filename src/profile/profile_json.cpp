// Profile JSON / JSONL parsing with Boost.JSON.
#include "skillmatch/profile_json.hpp"

#include "io/json_keys.hpp"
#include "skillmatch/core/thread_pool.hpp"
#include "skillmatch/extract.hpp"
#include <exception>
#include <boost/json.hpp>
#include <boost/unordered/unordered_flat_map.hpp>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>

namespace skillmatch {
namespace {

namespace json = boost::json;

// Error codes follow docs/profiles.md: parse_error for JSON syntax, invalid_argument for shape and
// types, invalid_value for values out of range.
[[noreturn]] void bad(std::string_view where, const std::string& message, ErrorCode code = ErrorCode::invalid_argument) {
  fail(code, std::string(where) + ": " + message);
}

std::string number_text(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", v);
  return buffer;
}

double number_of(const json::value& v, std::string_view where, const std::string& what) {
  if (v.is_double()) return v.get_double();
  if (v.is_int64()) return static_cast<double>(v.get_int64());
  if (v.is_uint64()) return static_cast<double>(v.get_uint64());
  bad(where, what + " must be a number");
}

std::string_view kind_of(const json::value& v) {
  switch (v.kind()) {
    case json::kind::null: return "null";
    case json::kind::bool_: return "a boolean";
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_: return "a number";
    case json::kind::string: return "a string";
    case json::kind::array: return "an array";
    case json::kind::object: return "an object";
  }
  return "a value";
}

void parse_skill(const json::value& v, std::size_t index, Profile& profile, const Resolver& resolver,
                 std::string_view where, const ProfileParseOptions& options) {
  const std::string what = "skills[" + std::to_string(index) + "]";
  ProfileSkill skill;
  if (v.is_string()) {
    skill.text = std::string(v.get_string());
  } else if (v.is_object()) {
    bool named = false;
    for (const auto& [key, value] : v.get_object()) {
      if (key == "name") {
        if (!value.is_string()) bad(where, what + ".name must be a string, not " + std::string(kind_of(value)));
        skill.text = std::string(value.get_string());
        named = true;
      } else if (key == "required") {
        if (!value.is_bool()) bad(where, what + ".required must be true or false");
        skill.required = value.get_bool();
      } else if (key == "weight") {
        double w = number_of(value, where, what + ".weight");
        // A float holds the weight: outside [1e-6, 1e6] it would round to 0 or infinity.
        if (!(w >= 1e-6 && w <= 1e6))
          bad(where, what + ".weight is " + number_text(w) + ", expected a number from 1e-06 to 1e+06", ErrorCode::invalid_value);
        skill.weight = static_cast<float>(w);
      } else if (key == "years") {
        double y = number_of(value, where, what + ".years");
        if (!(y >= 0 && y <= 60)) bad(where, what + ".years must be between 0 and 60", ErrorCode::invalid_value);
        skill.years = static_cast<float>(y);
      } else if (key == "level") {
        double l = number_of(value, where, what + ".level");
        if (!(l >= 1 && l <= 5) || l != std::floor(l))
          bad(where, what + ".level must be a whole number from 1 to 5", ErrorCode::invalid_value);
        skill.level = static_cast<float>(l);
      } else if (!key.starts_with("_")) {
        bad(where, what + ": unknown field '" + std::string(key) + "' (name, required, weight, years, level)");
      }
    }
    if (!named) bad(where, what + " has no \"name\"");
    if (v.get_object().contains("years") && v.get_object().contains("level"))
      bad(where, what + ": give 'years' or 'level', not both", ErrorCode::invalid_value);
  } else {
    bad(where, what + " must be a string or an object, not " + std::string(kind_of(v)));
  }
  if (skill.text.find_first_not_of(" \t\r\n") == std::string::npos) bad(where, what + " is empty");
  std::size_t code_points = 0;
  for (unsigned char ch : skill.text) code_points += (ch & 0xC0) != 0x80;
  if (code_points > 200) bad(where, what + " is longer than 200 characters");
  for (unsigned char ch : skill.text)
    if (ch < 0x20 || ch == 0x7f) bad(where, what + " contains a control character");
  ResolveOptions ro;
  ro.min_confidence = options.min_confidence;
  auto match = resolver.resolve_best(skill.text, ro);
  if (!match) {
    profile.unknown_skills.push_back(std::move(skill.text));
    return;
  }
  skill.concept_index = match->concept_index;
  skill.confidence = match->confidence;
  profile.add_skill(skill);
}

void parse_attributes(const json::object& obj, Profile& profile, std::string_view where) {
  for (const auto& [key, value] : obj) {
    std::string name(key);
    switch (value.kind()) {
      case json::kind::null: profile.attributes.set_missing(name); break;
      case json::kind::bool_: profile.attributes.set_bool(name, value.get_bool()); break;
      case json::kind::string: profile.attributes.set_string(name, value.get_string()); break;
      case json::kind::int64:
      case json::kind::uint64:
      case json::kind::double_: profile.attributes.set_number(name, number_of(value, where, name)); break;
      case json::kind::array: {
        std::vector<std::string> values;
        for (const auto& item : value.get_array()) {
          if (!item.is_string()) bad(where, "attributes." + name + ": a list may hold strings only");
          values.emplace_back(item.get_string());
        }
        profile.attributes.set_strings(name, std::move(values));
        break;
      }
      case json::kind::object: bad(where, "attributes." + name + " must not be an object");
    }
  }
}

}  // namespace

Profile parse_profile_json(std::string_view text, const Resolver& resolver, std::string_view where,
                           const ProfileParseOptions& options) {
  boost::system::error_code ec;
  json::value root = json::parse(json::string_view(text.data(), text.size()), ec);
  if (ec) bad(where, "invalid JSON: " + ec.message(), ErrorCode::parse_error);
  if (const auto repeated = io::find_repeated_key(text))
    bad(where, "invalid JSON: key \"" + repeated->key + "\" repeated in " +
                   (repeated->path.empty() ? std::string("the top-level object") : repeated->path),
        ErrorCode::parse_error);
  if (!root.is_object()) bad(where, "a profile must be a JSON object, not " + std::string(kind_of(root)));
  Profile profile;
  bool has_id = false;
  for (const auto& [key, value] : root.get_object()) {
    if (key == "id") {
      if (value.is_string())
        profile.id = std::string(value.get_string());
      else if (value.is_int64() || value.is_uint64())
        profile.id = json::serialize(value);  // numeric ids are common in exports; kept as their text
      else
        bad(where, "\"id\" must be a string, not " + std::string(kind_of(value)));
      has_id = true;
    } else if (key == "title") {
      if (!value.is_string()) bad(where, "\"title\" must be a string");
      profile.title = std::string(value.get_string());
    } else if (key == "skills") {
      if (!value.is_array()) bad(where, "\"skills\" must be an array");
      std::size_t i = 0;
      for (const auto& s : value.get_array()) parse_skill(s, i++, profile, resolver, where, options);
    } else if (key == "text") {
      if (!value.is_string()) bad(where, "\"text\" must be a string");
      if (!options.extractor)
        bad(where, "\"text\" needs an extractor (ProfileParseOptions::extractor; Engine::parse_profile gives one)",
            ErrorCode::invalid_argument);
      const json::string& t = value.get_string();
      for (const Mention& m : options.extractor->extract(std::string_view(t.data(), t.size()))) {
        if (m.confidence < options.min_confidence) continue;
        ProfileSkill skill;
        skill.concept_index = m.concept_index;
        skill.text = m.text;
        skill.required = m.requirement == Requirement::must;
        skill.years = m.years;
        skill.confidence = m.confidence;
        profile.add_skill(skill);
      }
    } else if (key == "attributes") {
      if (!value.is_object()) bad(where, "\"attributes\" must be an object");
      parse_attributes(value.get_object(), profile, where);
    } else if (key == "vector") {
      if (!value.is_array()) bad(where, "\"vector\" must be an array of numbers");
      const auto& arr = value.get_array();
      profile.vector.reserve(arr.size());
      for (std::size_t i = 0; i < arr.size(); ++i) {
        if (!arr[i].is_number())
          bad(where, "vector[" + std::to_string(i) + "] is " + std::string(kind_of(arr[i])) + ", not a number",
              ErrorCode::invalid_value);
        double x = arr[i].to_number<double>();
        if (!std::isfinite(x) || std::abs(x) > 3.4e38)
          bad(where, "vector[" + std::to_string(i) + "] is not a finite float", ErrorCode::invalid_value);
        profile.vector.push_back(static_cast<float>(x));
      }
    } else if (!key.starts_with("_")) {
      bad(where, "unknown field '" + std::string(key) + "' (id, title, skills, text, attributes, vector; '_' fields are ignored)");
    }
  }
  if (!has_id || profile.id.empty()) bad(where, "profile has no \"id\"");
  if (profile.id.size() > 128) bad(where, "id is longer than 128 bytes");
  if (std::isspace(static_cast<unsigned char>(profile.id.front())) || std::isspace(static_cast<unsigned char>(profile.id.back())))
    bad(where, "id '" + profile.id + "' has leading or trailing white space");
  for (unsigned char ch : profile.id)
    if (ch < 0x20 || ch == 0x7f) bad(where, "id contains a control character");
  if (profile.skills.empty() && profile.unknown_skills.empty() && profile.vector.empty())
    bad(where, "profile '" + profile.id + "' has neither skills nor a vector");
  if (!profile.title.empty()) {
    ResolveOptions ro;
    ro.min_confidence = options.min_confidence;
    ro.kind = ConceptKind::occupation;
    ro.fuzzy = false;
    if (auto m = resolver.resolve_best(profile.title, ro)) profile.title_concept = m->concept_index;
  }
  return profile;
}

std::vector<Profile> read_profiles_jsonl(std::istream& in, std::string_view source_name, const Resolver& resolver,
                                         const ProfileParseOptions& options, ProfileParseReport* report) {
  ProfileParseReport local;
  ProfileParseReport& r = report ? *report : local;
  r = {};
  std::vector<Profile> profiles;
  boost::unordered_flat_map<std::string, std::size_t> seen;  // id -> line
  std::size_t vector_dim = 0, vector_line = 0;
  std::string line;
  std::size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line_no == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);  // a UTF-8 byte order mark
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    ++r.lines;
    const std::string where = std::string(source_name) + ":" + std::to_string(line_no);
    try {
      Profile p = parse_profile_json(line, resolver, where, options);
      if (auto [it, fresh] = seen.emplace(p.id, line_no); !fresh)
        fail(ErrorCode::duplicate, where + ": id '" + p.id + "' repeats the id of line " + std::to_string(it->second));
      if (!p.vector.empty()) {
        if (vector_dim == 0) {
          vector_dim = p.vector.size();
          vector_line = line_no;
        } else if (p.vector.size() != vector_dim) {
          fail(ErrorCode::dimension_mismatch, where + ": vector has " + std::to_string(p.vector.size()) +
                                                  " components, the vector of line " + std::to_string(vector_line) +
                                                  " has " + std::to_string(vector_dim));
        }
      }
      r.unknown_skills += p.unknown_skills.size();
      profiles.push_back(std::move(p));
    } catch (const Error& e) {
      if (!options.skip_bad_lines) throw;
      ++r.bad_lines;
      if (r.errors.size() < options.max_reported_errors) r.errors.emplace_back(e.what());
    }
  }
  if (in.bad()) fail(ErrorCode::io_error, std::string(source_name) + ": read error after line " + std::to_string(line_no));
  r.profiles = profiles.size();
  return profiles;
}

std::vector<Profile> read_profiles_jsonl_file(const std::string& path, const Resolver& resolver,
                                              const ProfileParseOptions& options, ProfileParseReport* report) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(ErrorCode::io_error, "cannot open profile file '" + path + "'");
  return read_profiles_jsonl(in, path, resolver, options, report);
}

std::vector<Profile> read_profiles_jsonl_text(std::string_view text, std::string_view source_name,
                                              const Resolver& resolver, const ProfileParseOptions& options,
                                              ThreadPool* pool, ProfileParseReport* report) {
  ProfileParseReport local;
  ProfileParseReport& r = report ? *report : local;
  r = {};
  // The lines as std::getline cuts them (a '\r' stays, the parser skips it as white space).
  struct Line {
    std::string_view text;
    std::size_t number;
  };
  std::vector<Line> lines;
  std::size_t line_no = 0;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    ++line_no;
    if (line_no == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);  // a UTF-8 byte order mark
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) lines.push_back({line, line_no});
    at = end + 1;
  }
  // Parse and resolve in parallel (the expensive part; the resolver is thread-safe), then check ids
  // and vector lengths in line order, so errors and their order are read_profiles_jsonl's.
  std::vector<Profile> parsed(lines.size());
  std::vector<std::exception_ptr> errors(lines.size());
  auto parse = [&](std::size_t i, std::size_t) {
    try {
      parsed[i] = parse_profile_json(lines[i].text, resolver,
                                     std::string(source_name) + ":" + std::to_string(lines[i].number), options);
    } catch (...) {
      errors[i] = std::current_exception();
    }
  };
  if (pool) {
    pool->parallel_for(lines.size(), 0, parse);
  } else {
    for (std::size_t i = 0; i < lines.size(); ++i) parse(i, 0);
  }
  std::vector<Profile> profiles;
  profiles.reserve(lines.size());
  boost::unordered_flat_map<std::string, std::size_t> seen;  // id -> line
  std::size_t vector_dim = 0, vector_line = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    ++r.lines;
    const std::size_t number = lines[i].number;
    try {
      if (errors[i]) std::rethrow_exception(errors[i]);
      Profile& p = parsed[i];
      const std::string where = std::string(source_name) + ":" + std::to_string(number);
      if (auto [it, fresh] = seen.emplace(p.id, number); !fresh)
        fail(ErrorCode::duplicate, where + ": id '" + p.id + "' repeats the id of line " + std::to_string(it->second));
      if (!p.vector.empty()) {
        if (vector_dim == 0) {
          vector_dim = p.vector.size();
          vector_line = number;
        } else if (p.vector.size() != vector_dim) {
          fail(ErrorCode::dimension_mismatch, where + ": vector has " + std::to_string(p.vector.size()) +
                                                  " components, the vector of line " + std::to_string(vector_line) +
                                                  " has " + std::to_string(vector_dim));
        }
      }
      r.unknown_skills += p.unknown_skills.size();
      profiles.push_back(std::move(p));
    } catch (const Error& e) {
      if (!options.skip_bad_lines) throw;
      ++r.bad_lines;
      if (r.errors.size() < options.max_reported_errors) r.errors.emplace_back(e.what());
    }
  }
  r.profiles = profiles.size();
  return profiles;
}

}  // namespace skillmatch
