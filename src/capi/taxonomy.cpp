// src/capi/taxonomy.cpp — skm_taxonomy_*, skm_resolve_options_init, skm_concept_list_*.
#include <filesystem>

#include "capi_internal.hpp"
#include "skillmatch/taxonomy_io.hpp"

using namespace skillmatch;
using namespace skillmatch::capi;

namespace {

skm_resolve_options default_resolve_options() {
  skm_resolve_options o{};
  o.size = sizeof o;
  o.max_results = 5;
  o.min_confidence = 0.5;
  o.fuzzy = 1;
  o.compounds = 1;
  return o;
}

const TaxonomyState& state_of(const skm_taxonomy* taxonomy) { return *need(taxonomy, "taxonomy").state; }

ConceptIndex concept_arg(const Taxonomy& t, const char* id, const char* name) {
  const std::string_view text = text_arg(id, name);
  return t.at(text);  // Error(not_found) naming the id
}

}  // namespace

extern "C" {

SKM_API skm_status skm_taxonomy_bundled(skm_taxonomy** out) {
  clear_out(out);
  return guard(__func__, [&] {
    need(out, "out");
    *out = new skm_taxonomy{bundled_state()};
  });
}

SKM_API skm_status skm_taxonomy_load(const char* const* paths, std::size_t path_count, skm_taxonomy** out) {
  clear_out(out);
  return guard(__func__, [&] {
    need(out, "out");
    need(paths, "paths");
    if (path_count == 0) reject(SKM_INVALID_ARGUMENT, "path_count is 0");
    std::vector<std::filesystem::path> files;
    for (std::size_t i = 0; i < path_count; ++i) {
      const std::string name = "paths[" + std::to_string(i) + "]";
      files.emplace_back(std::string(text_arg(paths[i], name.c_str())));
    }
    auto state = std::make_shared<TaxonomyState>(load_taxonomy(files));
    *out = new skm_taxonomy{std::move(state)};
  });
}

SKM_API void skm_taxonomy_free(skm_taxonomy* taxonomy) { delete taxonomy; }

SKM_API skm_status skm_taxonomy_size(const skm_taxonomy* taxonomy, std::size_t* out_count) {
  return guard(__func__, [&] {
    const TaxonomyState& s = state_of(taxonomy);
    need(out_count, "out_count") = s.taxonomy->size();
  });
}

SKM_API skm_status skm_taxonomy_concept(const skm_taxonomy* taxonomy, const char* id, const char** out_label,
                                        const char** out_kind) {
  clear_out(out_label);
  clear_out(out_kind);
  return guard(__func__, [&] {
    const Taxonomy& t = *state_of(taxonomy).taxonomy;
    const ConceptIndex c = concept_arg(t, id, "id");
    // Labels and ids are whole std::strings inside the taxonomy, so data() is NUL-terminated.
    if (out_label) *out_label = t.preferred_label(c).data();
    if (out_kind) *out_kind = to_string(t.kind(c));
  });
}

SKM_API skm_status skm_resolve_options_init(skm_resolve_options* options, std::size_t size) {
  return guard(__func__, [&] {
    init_options(options, size, default_resolve_options(), abi::resolve_options_sizes, "skm_resolve_options");
  });
}

SKM_API skm_status skm_taxonomy_resolve(const skm_taxonomy* taxonomy, const char* text,
                                        const skm_resolve_options* options, skm_concept_list** out) {
  clear_out(out);
  return guard(__func__, [&] {
    const TaxonomyState& s = state_of(taxonomy);
    const std::string_view term = text_arg(text, "text");
    need(out, "out");
    const skm_resolve_options o =
        read_options(options, default_resolve_options(), abi::resolve_options_sizes, "skm_resolve_options");
    if (!(o.min_confidence >= 0 && o.min_confidence <= 1))
      reject(SKM_INVALID_ARGUMENT, "options->min_confidence must be in [0, 1]");
    ResolveOptions ro;
    ro.max_results = o.max_results;
    ro.min_confidence = static_cast<float>(o.min_confidence);
    ro.fuzzy = o.fuzzy != 0;
    ro.compounds = o.compounds != 0;
    if (o.kind) {
      const std::string_view kind = text_arg(o.kind, "options->kind");
      ro.kind = parse_concept_kind(kind);
      if (!ro.kind) reject(SKM_INVALID_ARGUMENT, "options->kind \"" + std::string(kind) + "\" is no concept kind");
    }
    const auto readings = s.resolver()->resolve(term, ro);
    auto list = std::make_unique<skm_concept_list>();
    list->items.reserve(readings.size());
    const Taxonomy& t = *s.taxonomy;
    for (const ResolveMatch& m : readings)
      list->items.push_back({std::string(t.id(m.concept_index)), std::string(t.preferred_label(m.concept_index)),
                             static_cast<double>(m.confidence), to_string(m.method)});
    *out = list.release();
  });
}

SKM_API skm_status skm_taxonomy_similar(const skm_taxonomy* taxonomy, const char* term, std::size_t k,
                                        skm_concept_list** out) {
  clear_out(out);
  return guard(__func__, [&] {
    const TaxonomyState& s = state_of(taxonomy);
    const std::string_view text = text_arg(term, "term");
    need(out, "out");
    if (k == 0) reject(SKM_INVALID_ARGUMENT, "k must be >= 1");
    const Taxonomy& t = *s.taxonomy;
    std::optional<ConceptIndex> c = t.find(text);
    if (!c) {
      if (auto m = s.resolver()->resolve_best(text)) c = m->concept_index;
    }
    if (!c) reject(SKM_NOT_FOUND, "'" + std::string(text) + "' is neither a concept id nor a term the resolver knows");
    const auto neighbours = s.similarity().neighbours(*c);
    auto list = std::make_unique<skm_concept_list>();
    const std::size_t n = std::min(k, neighbours.size());
    list->items.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
      const ConceptIndex x = neighbours[i].concept_index;
      list->items.push_back({std::string(t.id(x)), std::string(t.preferred_label(x)),
                             static_cast<double>(neighbours[i].similarity), to_string(t.kind(x))});
    }
    *out = list.release();
  });
}

SKM_API skm_status skm_taxonomy_similarity(const skm_taxonomy* taxonomy, const char* id_a, const char* id_b,
                                           double* out_similarity) {
  return guard(__func__, [&] {
    const TaxonomyState& s = state_of(taxonomy);
    const ConceptIndex a = concept_arg(*s.taxonomy, id_a, "id_a");
    const ConceptIndex b = concept_arg(*s.taxonomy, id_b, "id_b");
    need(out_similarity, "out_similarity") = static_cast<double>(s.similarity().similarity(a, b));
  });
}

SKM_API skm_status skm_concept_list_count(const skm_concept_list* list, std::size_t* out_count) {
  return guard(__func__, [&] { need(out_count, "out_count") = need(list, "list").items.size(); });
}

SKM_API skm_status skm_concept_list_get(const skm_concept_list* list, std::size_t index, const char** out_id,
                                        const char** out_label, double* out_score, const char** out_detail) {
  clear_out(out_id);
  clear_out(out_label);
  clear_out(out_detail);
  return guard(__func__, [&] {
    const auto& items = need(list, "list").items;
    if (index >= items.size())
      reject(SKM_INVALID_ARGUMENT, "index " + std::to_string(index) + " is out of range (count " +
                                       std::to_string(items.size()) + ")");
    const auto& item = items[index];
    if (out_id) *out_id = item.id.c_str();
    if (out_label) *out_label = item.label.c_str();
    if (out_score) *out_score = item.score;
    if (out_detail) *out_detail = item.detail;
  });
}

SKM_API void skm_concept_list_free(skm_concept_list* list) { delete list; }

}  // extern "C"
