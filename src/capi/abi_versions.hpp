// src/capi/abi_versions.hpp — the published versions of every size-tagged struct of skillmatch.h,
// frozen, and the rule that maps a caller's `size` to the fields it has.
//
// A struct's version N is the layout that the header of the release introducing it had; its size
// is sizeof(that layout) on the platform. A caller's `size` is valid when it equals a published
// size or is larger than the current one (a newer header); anything else is SKM_INVALID_ARGUMENT.
// Fields of version N+1 start at or after sizeof(version N), so tail padding of an older struct is
// never read as a newer field. The static_asserts below fail the build when a field is moved,
// removed or retyped, or when a new version does not grow the struct: append new fields only, and
// add a frozen copy of the old layout here when a release ships.
#pragma once

#include <cstddef>
#include <span>
#include <string>

#include "skillmatch/skillmatch.h"

namespace skillmatch::capi::abi {

// ---- Version 1 (skillmatch 0.1.0) ---------------------------------------------------------------
struct resolve_options_v1 {
  std::size_t size;
  std::size_t max_results;
  double min_confidence;
  int fuzzy;
};

struct engine_options_v1 {
  std::size_t size;
  const skm_taxonomy* taxonomy;
  const char* job_schema_json;
  const char* candidate_schema_json;
  const skm_schema* job_schema;
  const skm_schema* candidate_schema;
  int external_vectors;
  std::size_t dimension;
  std::size_t threads;
  double min_confidence;
};

struct match_options_v1 {
  std::size_t size;
  std::size_t k;
  const char* filter;
  int required_as_filter;
  double must_threshold;
  double similarity_floor;
  double specificity;
  double weight_vector;
  double weight_required;
  double weight_preferred;
  double weight_preferences;
  const skm_preference* preferences;
  std::size_t preference_count;
  std::size_t rerank_depth;
  int explain;
  std::size_t threads;
};

struct requirement_v1 {
  std::size_t size;
  const char* text;
  const char* concept_id;
  const char* concept_label;
  int required;
  double weight;
  const char* matched_text;
  const char* matched_id;
  double similarity;
  double level_factor;
  double credit;
  double contribution;
};

// ---- Layout checks: every published field keeps its offset in the current struct ---------------
#define SKM_SAME_FIELD(OLD, NEW, FIELD)                                                   \
  static_assert(offsetof(OLD, FIELD) == offsetof(NEW, FIELD), #NEW "::" #FIELD " moved"); \
  static_assert(sizeof(OLD::FIELD) == sizeof(NEW::FIELD), #NEW "::" #FIELD " changed size")

SKM_SAME_FIELD(resolve_options_v1, skm_resolve_options, size);
SKM_SAME_FIELD(resolve_options_v1, skm_resolve_options, max_results);
SKM_SAME_FIELD(resolve_options_v1, skm_resolve_options, min_confidence);
SKM_SAME_FIELD(resolve_options_v1, skm_resolve_options, fuzzy);
// Version 2 (after 0.1.0): kind, compounds — both after version 1's sizeof (its tail padding too).
static_assert(offsetof(skm_resolve_options, kind) >= sizeof(resolve_options_v1));
static_assert(offsetof(skm_resolve_options, compounds) >= sizeof(resolve_options_v1));
static_assert(sizeof(skm_resolve_options) > sizeof(resolve_options_v1));

SKM_SAME_FIELD(engine_options_v1, skm_engine_options, size);
SKM_SAME_FIELD(engine_options_v1, skm_engine_options, taxonomy);
SKM_SAME_FIELD(engine_options_v1, skm_engine_options, job_schema_json);
SKM_SAME_FIELD(engine_options_v1, skm_engine_options, candidate_schema_json);
SKM_SAME_FIELD(engine_options_v1, skm_engine_options, job_schema);
SKM_SAME_FIELD(engine_options_v1, skm_engine_options, candidate_schema);
SKM_SAME_FIELD(engine_options_v1, skm_engine_options, external_vectors);
SKM_SAME_FIELD(engine_options_v1, skm_engine_options, dimension);
SKM_SAME_FIELD(engine_options_v1, skm_engine_options, threads);
SKM_SAME_FIELD(engine_options_v1, skm_engine_options, min_confidence);
static_assert(sizeof(skm_engine_options) == sizeof(engine_options_v1), "a new engine option: add engine_options_v2");

SKM_SAME_FIELD(match_options_v1, skm_match_options, size);
SKM_SAME_FIELD(match_options_v1, skm_match_options, k);
SKM_SAME_FIELD(match_options_v1, skm_match_options, filter);
SKM_SAME_FIELD(match_options_v1, skm_match_options, required_as_filter);
SKM_SAME_FIELD(match_options_v1, skm_match_options, must_threshold);
SKM_SAME_FIELD(match_options_v1, skm_match_options, similarity_floor);
SKM_SAME_FIELD(match_options_v1, skm_match_options, specificity);
SKM_SAME_FIELD(match_options_v1, skm_match_options, weight_vector);
SKM_SAME_FIELD(match_options_v1, skm_match_options, weight_required);
SKM_SAME_FIELD(match_options_v1, skm_match_options, weight_preferred);
SKM_SAME_FIELD(match_options_v1, skm_match_options, weight_preferences);
SKM_SAME_FIELD(match_options_v1, skm_match_options, preferences);
SKM_SAME_FIELD(match_options_v1, skm_match_options, preference_count);
SKM_SAME_FIELD(match_options_v1, skm_match_options, rerank_depth);
SKM_SAME_FIELD(match_options_v1, skm_match_options, explain);
SKM_SAME_FIELD(match_options_v1, skm_match_options, threads);
static_assert(sizeof(skm_match_options) == sizeof(match_options_v1), "a new match option: add match_options_v2");

SKM_SAME_FIELD(requirement_v1, skm_requirement, size);
SKM_SAME_FIELD(requirement_v1, skm_requirement, text);
SKM_SAME_FIELD(requirement_v1, skm_requirement, concept_id);
SKM_SAME_FIELD(requirement_v1, skm_requirement, concept_label);
SKM_SAME_FIELD(requirement_v1, skm_requirement, required);
SKM_SAME_FIELD(requirement_v1, skm_requirement, weight);
SKM_SAME_FIELD(requirement_v1, skm_requirement, matched_text);
SKM_SAME_FIELD(requirement_v1, skm_requirement, matched_id);
SKM_SAME_FIELD(requirement_v1, skm_requirement, similarity);
SKM_SAME_FIELD(requirement_v1, skm_requirement, level_factor);
SKM_SAME_FIELD(requirement_v1, skm_requirement, credit);
SKM_SAME_FIELD(requirement_v1, skm_requirement, contribution);
static_assert(sizeof(skm_requirement) == sizeof(requirement_v1), "a new requirement field: add requirement_v2");
#undef SKM_SAME_FIELD

// ---- Status codes and enums are ABI too --------------------------------------------------------
static_assert(SKM_OK == 0 && SKM_INVALID_ARGUMENT == 1 && SKM_PARSE_ERROR == 2 && SKM_IO_ERROR == 3 &&
              SKM_NOT_FOUND == 4 && SKM_CYCLE == 5 && SKM_DIMENSION_MISMATCH == 6 && SKM_INVALID_VALUE == 7 &&
              SKM_DUPLICATE == 8 && SKM_CORRUPT == 9 && SKM_INTERNAL == 10 && SKM_NULL_ARGUMENT == 11 &&
              SKM_OUT_OF_MEMORY == 12);
static_assert(SKM_SIDE_JOB == 0 && SKM_SIDE_CANDIDATE == 1);
static_assert(SKM_PART_VECTOR == 0 && SKM_PART_REQUIRED == 1 && SKM_PART_PREFERRED == 2 && SKM_PART_PREFERENCES == 3);

/// Published sizes of each struct, oldest first; the current struct's sizeof is the last.
inline constexpr std::size_t resolve_options_sizes[] = {sizeof(resolve_options_v1), sizeof(skm_resolve_options)};
inline constexpr std::size_t engine_options_sizes[] = {sizeof(skm_engine_options)};
inline constexpr std::size_t match_options_sizes[] = {sizeof(skm_match_options)};
inline constexpr std::size_t requirement_sizes[] = {sizeof(skm_requirement)};
inline constexpr std::size_t open_options_sizes[] = {sizeof(skm_open_options)};  // new in 0.1.0 with save/open
inline constexpr std::size_t extract_options_sizes[] = {sizeof(skm_extract_options)};  // new with the extractor
static_assert(SKM_REQUIREMENT_UNSTATED == 0 && SKM_REQUIREMENT_MUST == 1 && SKM_REQUIREMENT_NICE == 2);

/// The number of leading bytes of the current struct that a caller's struct of `size` bytes holds:
/// the published size it equals, or the whole current struct for a larger (newer) one. 0 when
/// `size` is no published size (the caller then gets SKM_INVALID_ARGUMENT naming `sizes`).
constexpr std::size_t known_bytes(std::size_t size, std::span<const std::size_t> sizes) noexcept {
  if (size >= sizes.back()) return sizes.back();
  for (std::size_t s : sizes)
    if (s == size) return s;
  return 0;
}

/// "24, 32 or >= 40": the sizes `known_bytes` accepts, for error messages.
inline std::string accepted_sizes(std::span<const std::size_t> sizes) {
  std::string text;
  for (std::size_t i = 0; i + 1 < sizes.size(); ++i) text += std::to_string(sizes[i]) + ", ";
  return text + (sizes.size() > 1 ? "or >= " : ">= ") + std::to_string(sizes.back());
}

}  // namespace skillmatch::capi::abi
