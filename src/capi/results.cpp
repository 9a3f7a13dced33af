// src/capi/results.cpp — skm_results_* and skm_batch_*: reading match results and explanations.
#include "capi_internal.hpp"
#include "skillmatch/explain.hpp"

using namespace skillmatch;
using namespace skillmatch::capi;

namespace {

const Match& match_at(const skm_results* results, std::size_t index) {
  const auto& matches = need(results, "results").results->matches;
  if (index >= matches.size())
    reject(SKM_INVALID_ARGUMENT, "index " + std::to_string(index) + " is out of range (count " +
                                     std::to_string(matches.size()) + ")");
  return matches[index];
}

const ScoreBreakdown& breakdown_at(const skm_results* results, std::size_t index) {
  const Match& m = match_at(results, index);
  if (!results->data->explained || !m.breakdown)
    reject(SKM_INVALID_ARGUMENT, "the results were made without explanations (set skm_match_options.explain = 1)");
  return *m.breakdown;
}

const char* concept_id(const Taxonomy& t, ConceptIndex c) { return c == no_concept ? "" : t.id(c).data(); }
const char* concept_label(const Taxonomy& t, ConceptIndex c) {
  return c == no_concept ? "" : t.preferred_label(c).data();
}

}  // namespace

extern "C" {

SKM_API skm_status skm_batch_count(const skm_batch* batch, std::size_t* out_count) {
  return guard(__func__, [&] { need(out_count, "out_count") = need(batch, "batch").data->sets.size(); });
}

SKM_API skm_status skm_batch_get(const skm_batch* batch, std::size_t index, skm_results** out) {
  clear_out(out);
  return guard(__func__, [&] {
    const skm_batch& b = need(batch, "batch");
    need(out, "out");
    if (index >= b.data->sets.size())
      reject(SKM_INVALID_ARGUMENT, "index " + std::to_string(index) + " is out of range (count " +
                                       std::to_string(b.data->sets.size()) + ")");
    auto handle = std::make_unique<skm_results>();
    handle->data = b.data;
    handle->results = &b.data->sets[index];
    *out = handle.release();
  });
}

SKM_API void skm_batch_free(skm_batch* batch) { delete batch; }

SKM_API skm_status skm_results_count(const skm_results* results, std::size_t* out_count) {
  return guard(__func__, [&] { need(out_count, "out_count") = need(results, "results").results->matches.size(); });
}

SKM_API skm_status skm_results_query_id(const skm_results* results, const char** out_id) {
  clear_out(out_id);
  return guard(__func__, [&] { need(out_id, "out_id") = need(results, "results").results->query_id.c_str(); });
}

SKM_API skm_status skm_results_admitted(const skm_results* results, std::size_t* out_admitted) {
  return guard(__func__, [&] { need(out_admitted, "out_admitted") = need(results, "results").results->admitted; });
}

SKM_API skm_status skm_results_id(const skm_results* results, std::size_t index, const char** out_id) {
  clear_out(out_id);
  return guard(__func__, [&] {
    const Match& m = match_at(results, index);
    need(out_id, "out_id") = m.id.c_str();
  });
}

SKM_API skm_status skm_results_score(const skm_results* results, std::size_t index, double* out_score) {
  return guard(__func__, [&] {
    const Match& m = match_at(results, index);
    need(out_score, "out_score") = static_cast<double>(m.score);
  });
}

SKM_API skm_status skm_results_json(const skm_results* results, const char** out_json) {
  clear_out(out_json);
  return guard(__func__, [&] {
    const skm_results& r = need(results, "results");
    need(out_json, "out_json");
    std::lock_guard lock(r.json_mutex);
    if (!r.all_json)
      r.all_json = std::make_unique<std::string>(json_text(results_to_json(*r.results, *r.data->taxonomy)));
    *out_json = r.all_json->c_str();
  });
}

SKM_API skm_status skm_results_explanation_json(const skm_results* results, std::size_t index, const char** out_json) {
  clear_out(out_json);
  return guard(__func__, [&] {
    const Match& m = match_at(results, index);
    need(out_json, "out_json");
    const skm_results& r = *results;
    std::lock_guard lock(r.json_mutex);
    if (r.match_json.empty()) r.match_json.resize(r.results->matches.size());
    auto& slot = r.match_json[index];
    if (!slot) slot = std::make_unique<std::string>(json_text(match_to_json(m, *r.data->taxonomy)));
    *out_json = slot->c_str();
  });
}

SKM_API skm_status skm_results_part(const skm_results* results, std::size_t index, int part, int* out_present,
                                    double* out_value, double* out_weight, double* out_contribution) {
  return guard(__func__, [&] {
    const ScoreBreakdown& b = breakdown_at(results, index);
    const ScorePart* p = nullptr;
    switch (part) {
      case SKM_PART_VECTOR: p = &b.vector; break;
      case SKM_PART_REQUIRED: p = &b.required; break;
      case SKM_PART_PREFERRED: p = &b.preferred; break;
      case SKM_PART_PREFERENCES: p = &b.preferences; break;
      default: reject(SKM_INVALID_ARGUMENT, "part is " + std::to_string(part) + ", expected SKM_PART_VECTOR..SKM_PART_PREFERENCES (0..3)");
    }
    if (out_present) *out_present = p->present ? 1 : 0;
    if (out_value) *out_value = static_cast<double>(p->value);
    if (out_weight) *out_weight = static_cast<double>(p->weight);
    if (out_contribution) *out_contribution = static_cast<double>(p->contribution);
  });
}

SKM_API skm_status skm_results_requirement_count(const skm_results* results, std::size_t index, std::size_t* out_count) {
  return guard(__func__, [&] {
    const ScoreBreakdown& b = breakdown_at(results, index);
    need(out_count, "out_count") = b.requirements.size();
  });
}

SKM_API skm_status skm_results_requirement(const skm_results* results, std::size_t index, std::size_t requirement,
                                           skm_requirement* out) {
  return guard(__func__, [&] {
    const ScoreBreakdown& b = breakdown_at(results, index);
    skm_requirement& o = need(out, "out");
    const std::size_t known = abi::known_bytes(o.size, abi::requirement_sizes);
    if (known == 0)
      reject(SKM_INVALID_ARGUMENT, "out->size is " + std::to_string(o.size) + ", expected " +
                                       abi::accepted_sizes(abi::requirement_sizes) +
                                       " (set out->size = sizeof(skm_requirement))");
    if (requirement >= b.requirements.size())
      reject(SKM_INVALID_ARGUMENT, "requirement " + std::to_string(requirement) + " is out of range (count " +
                                       std::to_string(b.requirements.size()) + ")");
    const RequirementOutcome& q = b.requirements[requirement];
    const Taxonomy& t = *results->data->taxonomy;
    skm_requirement r{};
    r.size = o.size;
    r.text = q.requirement_text.c_str();
    r.concept_id = concept_id(t, q.requirement);
    r.concept_label = concept_label(t, q.requirement);
    r.required = q.required ? 1 : 0;
    r.weight = static_cast<double>(q.weight);
    r.matched_text = q.matched_by == no_concept ? "" : q.matched_text.c_str();
    r.matched_id = concept_id(t, q.matched_by);
    r.similarity = static_cast<double>(q.similarity);
    r.level_factor = static_cast<double>(q.level_factor);
    r.credit = static_cast<double>(q.credit);
    r.contribution = static_cast<double>(q.contribution);
    // Fill only the fields this library knows; a larger (newer) caller struct keeps the rest.
    std::memcpy(static_cast<void*>(&o), &r, known);
  });
}

SKM_API skm_status skm_results_missing_count(const skm_results* results, std::size_t index, std::size_t* out_count) {
  return guard(__func__, [&] {
    const ScoreBreakdown& b = breakdown_at(results, index);
    need(out_count, "out_count") = b.missing_required.size();
  });
}

SKM_API skm_status skm_results_missing(const skm_results* results, std::size_t index, std::size_t missing,
                                       const char** out_text) {
  clear_out(out_text);
  return guard(__func__, [&] {
    const ScoreBreakdown& b = breakdown_at(results, index);
    need(out_text, "out_text");
    if (missing >= b.missing_required.size())
      reject(SKM_INVALID_ARGUMENT, "missing " + std::to_string(missing) + " is out of range (count " +
                                       std::to_string(b.missing_required.size()) + ")");
    *out_text = b.missing_required[missing].c_str();
  });
}

SKM_API skm_status skm_results_filter_passed(const skm_results* results, std::size_t index, int* out_has_filter,
                                             int* out_passed) {
  return guard(__func__, [&] {
    breakdown_at(results, index);  // explain check
    const Match& m = match_at(results, index);
    if (out_has_filter) *out_has_filter = m.filter ? 1 : 0;
    if (out_passed) *out_passed = !m.filter || m.filter->passed ? 1 : 0;
  });
}

SKM_API void skm_results_free(skm_results* results) { delete results; }

}  // extern "C"
