// Command-line tuning of SimilarityOptions (`pairs --set`, `evaluate-matching --similarity`): one
// NAME=VALUE setting at a time, so a tuning can be tried without rebuilding.
#pragma once

#include <string_view>

#include "skillmatch/similarity.hpp"

namespace skillmatch::cli {

/// Applies "NAME=VALUE" (a float field of SimilarityOptions, e.g. embedding_floor=0.2) to `options`.
/// Throws UsageError for a malformed setting, an unknown name or a value that is no number; the
/// range is checked later by the SkillSimilarity constructor.
void apply_similarity_setting(SimilarityOptions& options, std::string_view setting);

}  // namespace skillmatch::cli
