#include "skillmatch/schema_io.hpp"

#include "io/json_keys.hpp"
#include <boost/json.hpp>
#include <fstream>
#include <map>
#include <sstream>

namespace skillmatch {
namespace {

namespace json = boost::json;

[[noreturn]] void bad(std::string_view where, const std::string& message, ErrorCode code = ErrorCode::invalid_argument) {
  fail(code, std::string(where) + ": " + message);
}

}  // namespace

AttributeSchema parse_attribute_schema_json(std::string_view text, std::string_view where) {
  boost::system::error_code ec;
  json::value root = json::parse(json::string_view(text.data(), text.size()), ec);
  if (ec) bad(where, "invalid JSON: " + ec.message(), ErrorCode::parse_error);
  if (const auto repeated = io::find_repeated_key(text))
    bad(where, "invalid JSON: key \"" + repeated->key + "\" repeated in " +
                   (repeated->path.empty() ? std::string("the top-level object") : repeated->path),
        ErrorCode::parse_error);
  if (!root.is_object()) bad(where, "a schema must be a JSON object", ErrorCode::parse_error);
  const auto& obj = root.get_object();
  auto format = obj.if_contains("format");
  if (!format || !format->is_string() || format->get_string() != "skillmatch-attribute-schema")
    bad(where, "\"format\" must be \"skillmatch-attribute-schema\"", ErrorCode::parse_error);
  auto version = obj.if_contains("version");
  if (!version || !version->is_int64() || version->get_int64() != 1)
    bad(where, "unsupported schema \"version\" (this build reads version 1)", ErrorCode::parse_error);
  auto attrs = obj.if_contains("attributes");
  if (!attrs || !attrs->is_object()) bad(where, "\"attributes\" must be an object");
  AttributeSchema schema;
  for (const auto& [key, decl] : attrs->get_object()) {
    const std::string name(key);
    const std::string at = "attribute '" + name + "'";
    if (!decl.is_object()) bad(where, at + ": a declaration must be an object");
    const auto& d = decl.get_object();
    auto type = d.if_contains("type");
    if (!type || !type->is_string()) bad(where, at + ": \"type\" is missing");
    const std::string_view t = type->get_string();
    std::vector<std::string> values;
    if (auto v = d.if_contains("values")) {
      if (!v->is_array()) bad(where, at + ": \"values\" must be an array of strings");
      for (const auto& x : v->get_array()) {
        if (!x.is_string()) bad(where, at + ": \"values\" must be an array of strings");
        values.emplace_back(x.get_string());
      }
    }
    bool is_protected = false;
    if (auto p = d.if_contains("protected")) {
      if (!p->is_bool()) bad(where, at + ": \"protected\" must be true or false");
      is_protected = p->get_bool();
    }
    bool multi = false;
    if (auto m = d.if_contains("multi_valued")) {
      if (!m->is_bool()) bad(where, at + ": \"multi_valued\" must be true or false");
      multi = m->get_bool();
    }
    try {
      if (t == "categorical") {
        schema.add_categorical(name, multi, std::move(values));
      } else if (t == "ordinal") {
        if (values.empty()) bad(where, at + ": an ordinal needs \"values\", lowest first");
        schema.add_ordinal(name, OrdinalScale(name, values));
      } else if (t == "numeric") {
        schema.add_numeric(name);
      } else if (t == "boolean") {
        schema.add_boolean(name);
      } else {
        bad(where, at + ": unknown type '" + std::string(t) + "' (categorical, ordinal, numeric, boolean)");
      }
    } catch (const Error& e) {
      if (std::string_view(e.what()).starts_with(where)) throw;
      bad(where, at + ": " + e.what(), e.code());
    }
    if (is_protected) schema.set_protected(name);
  }
  return schema;
}

AttributeSchema read_attribute_schema_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(ErrorCode::io_error, "cannot open schema file '" + path + "'");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse_attribute_schema_json(buffer.view(), path);
}

AttributeSchema infer_attribute_schema(std::span<const Profile> profiles) {
  enum Kind { boolean, number, string, list };
  static const char* names[] = {"a boolean", "a number", "a string", "a list"};
  struct Seen {
    Kind kind;
    std::string first_id;
    bool all_jlpt = true;
  };
  std::map<std::string, Seen> seen;
  for (const auto& p : profiles)
    for (const auto& [name, value] : p.attributes.entries()) {
      if (std::holds_alternative<std::monostate>(value)) continue;
      Kind k = std::holds_alternative<bool>(value) ? boolean
               : std::holds_alternative<double>(value) ? number
               : std::holds_alternative<std::string>(value) ? string
                                                            : list;
      auto [it, fresh] = seen.try_emplace(name, Seen{k, p.id});
      Seen& s = it->second;
      if (!fresh && s.kind != k) {
        // A string and a list of strings mix fine: a multi-valued categorical.
        if ((s.kind == string && k == list) || (s.kind == list && k == string))
          s.kind = list;
        else
          fail(ErrorCode::invalid_argument, "attribute '" + name + "' is " + names[s.kind] + " in profile '" + s.first_id +
                                                "' and " + names[k] + " in profile '" + p.id + "'");
      }
      if (k == string) {
        const auto& v = std::get<std::string>(value);
        s.all_jlpt = s.all_jlpt && OrdinalScale::jlpt().find(v).has_value();
      } else if (k == list) {
        s.all_jlpt = false;
      }
    }
  AttributeSchema schema;
  for (const auto& [name, s] : seen) switch (s.kind) {
      case boolean: schema.add_boolean(name); break;
      case number: schema.add_numeric(name); break;
      case string: s.all_jlpt ? schema.add_jlpt(name) : schema.add_categorical(name); break;
      case list: schema.add_categorical(name, true); break;
    }
  return schema;
}

}  // namespace skillmatch
