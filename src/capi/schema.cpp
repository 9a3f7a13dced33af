// src/capi/schema.cpp — skm_schema_*: attribute schemas declared through calls or parsed from JSON.
#include "capi_internal.hpp"
#include "skillmatch/schema_io.hpp"

using namespace skillmatch;
using namespace skillmatch::capi;

extern "C" {

SKM_API skm_status skm_schema_new(skm_schema** out) {
  clear_out(out);
  return guard(__func__, [&] { need(out, "out") = new skm_schema{}; });
}

SKM_API skm_status skm_schema_from_json(const char* json, skm_schema** out) {
  clear_out(out);
  return guard(__func__, [&] {
    const std::string_view text = text_arg(json, "json");
    need(out, "out");
    *out = new skm_schema{parse_attribute_schema_json(text, "schema")};
  });
}

SKM_API skm_status skm_schema_add_categorical(skm_schema* schema, const char* name, int multi_valued) {
  return guard(__func__, [&] { need(schema, "schema").schema.add_categorical(text_arg(name, "name"), multi_valued != 0); });
}

SKM_API skm_status skm_schema_add_ordinal(skm_schema* schema, const char* name, const char* const* levels,
                                          std::size_t level_count) {
  return guard(__func__, [&] {
    skm_schema& s = need(schema, "schema");
    const std::string_view n = text_arg(name, "name");
    need(levels, "levels");
    if (level_count > OrdinalScale::max_levels)
      reject(SKM_INVALID_ARGUMENT, "level_count " + std::to_string(level_count) + " is more than " +
                                       std::to_string(OrdinalScale::max_levels));
    std::vector<std::string> names;
    for (std::size_t i = 0; i < level_count; ++i) {
      const std::string what = "levels[" + std::to_string(i) + "]";
      names.emplace_back(text_arg(levels[i], what.c_str()));
    }
    s.schema.add_ordinal(n, OrdinalScale(std::string(n), std::move(names)));
  });
}

SKM_API skm_status skm_schema_add_jlpt(skm_schema* schema, const char* name) {
  return guard(__func__, [&] { need(schema, "schema").schema.add_jlpt(text_arg(name, "name")); });
}

SKM_API skm_status skm_schema_add_numeric(skm_schema* schema, const char* name) {
  return guard(__func__, [&] { need(schema, "schema").schema.add_numeric(text_arg(name, "name")); });
}

SKM_API skm_status skm_schema_add_boolean(skm_schema* schema, const char* name) {
  return guard(__func__, [&] { need(schema, "schema").schema.add_boolean(text_arg(name, "name")); });
}

SKM_API skm_status skm_schema_size(const skm_schema* schema, std::size_t* out_count) {
  return guard(__func__, [&] { need(out_count, "out_count") = need(schema, "schema").schema.size(); });
}

SKM_API void skm_schema_free(skm_schema* schema) { delete schema; }

}  // extern "C"
