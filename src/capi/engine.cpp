// src/capi/engine.cpp — skm_engine_*: creation, profiles in and out, matching.
#include <sstream>

#include <boost/json/parse.hpp>

#include "capi_internal.hpp"
#include "skillmatch/profile_json.hpp"
#include "skillmatch/schema_io.hpp"

using namespace skillmatch;
using namespace skillmatch::capi;

namespace {

constexpr std::size_t max_threads = 1024;
constexpr std::size_t max_external_dimension = std::size_t{1} << 16;
constexpr std::size_t max_preferences = 4096;

skm_engine_options default_engine_options() {
  skm_engine_options o{};
  o.size = sizeof o;
  o.dimension = 128;
  o.min_confidence = 0.6;
  return o;
}

skm_match_options default_match_options() {
  const MatchOptions cpp;
  skm_match_options o{};
  o.size = sizeof o;
  o.k = cpp.k;
  o.must_threshold = static_cast<double>(cpp.must_threshold);
  o.similarity_floor = static_cast<double>(cpp.similarity_floor);
  o.specificity = static_cast<double>(cpp.specificity);
  o.weight_vector = static_cast<double>(cpp.weights.vector);
  o.weight_required = static_cast<double>(cpp.weights.required);
  o.weight_preferred = static_cast<double>(cpp.weights.preferred);
  o.weight_preferences = static_cast<double>(cpp.weights.preferences);
  return o;
}

AttributeSchema schema_option(const char* json, const skm_schema* schema, const char* side) {
  const std::string json_field = std::string(side) + "_schema_json";
  if (json && schema)
    reject(SKM_INVALID_ARGUMENT, "options->" + json_field + " and options->" + side + "_schema are both set; give one");
  if (schema) return schema->schema;
  if (json) return parse_attribute_schema_json(text_arg(json, json_field.c_str()), json_field);
  return {};
}

void check_unit(double value, const char* name) {
  if (!(value >= 0 && value <= 1)) reject(SKM_INVALID_ARGUMENT, std::string("options->") + name + " must be in [0, 1]");
}

MatchOptions match_options(const skm_match_options* in) {
  const skm_match_options o = read_options(in, default_match_options(), abi::match_options_sizes, "skm_match_options");
  MatchOptions m;
  if (o.k == 0 || o.k > SKM_MAX_K)
    reject(SKM_INVALID_ARGUMENT, "options->k is " + std::to_string(o.k) + ", expected 1.." + std::to_string(SKM_MAX_K));
  m.k = o.k;
  if (o.filter) m.filter = std::string(text_arg(o.filter, "options->filter"));
  m.required_as_filter = o.required_as_filter != 0;
  check_unit(o.must_threshold, "must_threshold");
  check_unit(o.similarity_floor, "similarity_floor");
  check_unit(o.specificity, "specificity");
  m.must_threshold = static_cast<float>(o.must_threshold);
  m.similarity_floor = static_cast<float>(o.similarity_floor);
  m.specificity = static_cast<float>(o.specificity);
  m.weights.vector = float_arg(o.weight_vector, "options->weight_vector");
  m.weights.required = float_arg(o.weight_required, "options->weight_required");
  m.weights.preferred = float_arg(o.weight_preferred, "options->weight_preferred");
  m.weights.preferences = float_arg(o.weight_preferences, "options->weight_preferences");
  if (o.preference_count > 0) {
    need(o.preferences, "options->preferences");
    if (o.preference_count > max_preferences)
      reject(SKM_INVALID_ARGUMENT, "options->preference_count " + std::to_string(o.preference_count) + " is more than " +
                                       std::to_string(max_preferences));
    m.preferences.reserve(o.preference_count);
    for (std::size_t i = 0; i < o.preference_count; ++i) {
      const std::string what = "options->preferences[" + std::to_string(i) + "]";
      Preference p;
      p.expression = std::string(text_arg(o.preferences[i].expression, (what + ".expression").c_str()));
      p.weight = float_arg(o.preferences[i].weight, (what + ".weight").c_str());
      if (!(p.weight > 0)) reject(SKM_INVALID_VALUE, what + ".weight must be > 0");
      m.preferences.push_back(std::move(p));
    }
  }
  if (o.rerank_depth > 10 * SKM_MAX_K)
    reject(SKM_INVALID_ARGUMENT, "options->rerank_depth " + std::to_string(o.rerank_depth) + " is more than 10 x SKM_MAX_K");
  m.rerank_depth = o.rerank_depth;
  m.explain = o.explain != 0;
  if (o.threads > max_threads)
    reject(SKM_INVALID_ARGUMENT, "options->threads " + std::to_string(o.threads) + " is more than " + std::to_string(max_threads));
  m.threads = o.threads;
  return m;
}

const Engine& engine_of(const skm_engine* engine) { return *need(engine, "engine").engine; }

skm_results* single_results(const skm_engine* engine, MatchResults results, bool explained) {
  auto data = std::make_shared<ResultsData>();
  data->sets.push_back(std::move(results));
  data->taxonomy = engine->taxonomy->taxonomy;
  data->explained = explained;
  auto handle = std::make_unique<skm_results>();
  handle->results = &data->sets.front();
  handle->data = std::move(data);
  return handle.release();
}

bool only_space(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

}  // namespace

extern "C" {

SKM_API skm_status skm_engine_options_init(skm_engine_options* options, std::size_t size) {
  return guard(__func__, [&] {
    init_options(options, size, default_engine_options(), abi::engine_options_sizes, "skm_engine_options");
  });
}

SKM_API skm_status skm_match_options_init(skm_match_options* options, std::size_t size) {
  return guard(__func__, [&] {
    init_options(options, size, default_match_options(), abi::match_options_sizes, "skm_match_options");
  });
}

SKM_API skm_status skm_engine_create(const skm_engine_options* options, skm_engine** out) {
  clear_out(out);
  return guard(__func__, [&] {
    need(out, "out");
    const skm_engine_options o =
        read_options(options, default_engine_options(), abi::engine_options_sizes, "skm_engine_options");
    EngineOptions eo;
    std::shared_ptr<TaxonomyState> state = o.taxonomy ? o.taxonomy->state : bundled_state();
    eo.taxonomy = state->taxonomy;
    eo.resolver = state->resolver();  // shared with skm_engine_taxonomy() handles
    eo.job_schema = schema_option(o.job_schema_json, o.job_schema, "job");
    eo.candidate_schema = schema_option(o.candidate_schema_json, o.candidate_schema, "candidate");
    if (o.dimension == 0) reject(SKM_INVALID_ARGUMENT, "options->dimension is 0");
    const std::size_t max_dimension = o.external_vectors ? max_external_dimension : 1024;
    if (o.dimension > max_dimension)
      reject(SKM_INVALID_ARGUMENT, "options->dimension " + std::to_string(o.dimension) + " is more than " +
                                       std::to_string(max_dimension) + (o.external_vectors ? "" : " (learned vectors)"));
    eo.external_vectors = o.external_vectors != 0;
    eo.dimension = o.dimension;
    eo.embedding.dimension = o.dimension;
    if (o.threads > max_threads)
      reject(SKM_INVALID_ARGUMENT, "options->threads " + std::to_string(o.threads) + " is more than " + std::to_string(max_threads));
    eo.threads = o.threads;
    check_unit(o.min_confidence, "min_confidence");
    eo.parsing.min_confidence = static_cast<float>(o.min_confidence);
    auto handle = std::make_unique<skm_engine>();
    handle->taxonomy = std::move(state);
    handle->parsing = eo.parsing;
    handle->engine = std::make_unique<Engine>(std::move(eo));
    *out = handle.release();
  });
}

SKM_API void skm_engine_free(skm_engine* engine) { delete engine; }

SKM_API skm_status skm_engine_taxonomy(const skm_engine* engine, skm_taxonomy** out) {
  clear_out(out);
  return guard(__func__, [&] {
    const skm_engine& e = need(engine, "engine");
    need(out, "out");  // checked before allocating: in `a = b`, b is evaluated first
    *out = new skm_taxonomy{e.taxonomy};
  });
}

SKM_API skm_status skm_engine_dimension(const skm_engine* engine, std::size_t* out_dimension) {
  return guard(__func__, [&] { need(out_dimension, "out_dimension") = engine_of(engine).dimension(); });
}

SKM_API skm_status skm_engine_size(const skm_engine* engine, int side, std::size_t* out_count) {
  return guard(__func__, [&] {
    const Engine& e = engine_of(engine);
    const Side s = side_arg(side);
    need(out_count, "out_count") = e.size(s);
  });
}

SKM_API skm_status skm_engine_upsert_json(skm_engine* engine, int side, const char* json, std::size_t* out_added) {
  if (out_added) *out_added = 0;
  return guard(__func__, [&] {
    Engine& e = *need(engine, "engine").engine;
    const Side s = side_arg(side);
    const std::string_view text = text_arg(json, "json");
    if (only_space(text)) reject(SKM_INVALID_ARGUMENT, "json holds no profile");
    std::vector<Profile> profiles;
    // One object (possibly spread over several lines), else JSONL.
    // Parsed once: text on one line goes straight to the profile parser; on several lines a trial
    // parse of the whole text (it stops at the start of line 2 for JSONL, having read only line 1)
    // tells a pretty-printed object from JSONL.
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    const std::size_t last = text.find_last_not_of(" \t\r\n");
    // (A byte order mark goes the JSONL way, which skips it.)
    const bool one_line = !text.starts_with("\xEF\xBB\xBF") && text.substr(first, last - first + 1).find('\n') == std::string_view::npos;
    boost::system::error_code ec;
    const bool one_object =
        (one_line && text[first] == '{') || [&] {
          const boost::json::value whole = boost::json::parse(boost::json::string_view(text.data(), text.size()), ec);
          return !ec && whole.is_object();
        }();
    if (one_object) {
      profiles.push_back(e.parse_profile(text, "json"));
    } else {
      profiles = e.parse_profiles_jsonl(text, "json", &engine->parsing);  // lines parsed in parallel
    }
    // Embedded in parallel on the engine's threads (Engine::upsert_all), inserted in order.
    std::size_t added = 0;
    try {
      e.upsert_all(s, profiles, &added);
    } catch (...) {
      if (out_added) *out_added = added;
      throw;
    }
    if (out_added) *out_added = added;
  });
}

SKM_API skm_status skm_engine_upsert_profile(skm_engine* engine, int side, const skm_profile* profile) {
  return guard(__func__, [&] {
    Engine& e = *need(engine, "engine").engine;
    const Side s = side_arg(side);
    const skm_profile& p = need(profile, "profile");
    e.upsert(s, e.parse_profile(p.json_text(), "profile '" + p.id + "'"));
  });
}

SKM_API skm_status skm_engine_remove(skm_engine* engine, int side, const char* id, int* out_removed) {
  return guard(__func__, [&] {
    Engine& e = *need(engine, "engine").engine;
    const Side s = side_arg(side);
    const std::string_view text = text_arg(id, "id");
    const bool removed = e.remove(s, text);
    if (out_removed) *out_removed = removed ? 1 : 0;
  });
}

SKM_API skm_status skm_engine_match_json(const skm_engine* engine, int query_side, const char* profile_json,
                                         const skm_match_options* options, skm_results** out) {
  clear_out(out);
  return guard(__func__, [&] {
    const Engine& e = engine_of(engine);
    const Side s = side_arg(query_side);
    const std::string_view text = text_arg(profile_json, "profile_json");
    need(out, "out");
    const MatchOptions mo = match_options(options);
    *out = single_results(engine, e.match(e.parse_profile(text, "query"), s, mo), mo.explain);
  });
}

SKM_API skm_status skm_engine_match_profile(const skm_engine* engine, int query_side, const skm_profile* profile,
                                            const skm_match_options* options, skm_results** out) {
  clear_out(out);
  return guard(__func__, [&] {
    const Engine& e = engine_of(engine);
    const Side s = side_arg(query_side);
    const skm_profile& p = need(profile, "profile");
    need(out, "out");
    const MatchOptions mo = match_options(options);
    *out = single_results(engine, e.match(e.parse_profile(p.json_text(), "query '" + p.id + "'"), s, mo), mo.explain);
  });
}

SKM_API skm_status skm_engine_match_id(const skm_engine* engine, int query_side, const char* id,
                                       const skm_match_options* options, skm_results** out) {
  clear_out(out);
  return guard(__func__, [&] {
    const Engine& e = engine_of(engine);
    const Side s = side_arg(query_side);
    const std::string_view text = text_arg(id, "id");
    need(out, "out");
    const MatchOptions mo = match_options(options);
    *out = single_results(engine, e.match_id(s, text, mo), mo.explain);
  });
}

SKM_API skm_status skm_engine_match_all(const skm_engine* engine, int query_side, const skm_match_options* options,
                                        skm_batch** out) {
  clear_out(out);
  return guard(__func__, [&] {
    const Engine& e = engine_of(engine);
    const Side s = side_arg(query_side);
    need(out, "out");
    const MatchOptions mo = match_options(options);
    auto data = std::make_shared<ResultsData>();
    data->sets = e.match_all(s, mo);
    data->taxonomy = engine->taxonomy->taxonomy;
    data->explained = mo.explain;
    *out = new skm_batch{std::move(data)};
  });
}

}  // extern "C"
