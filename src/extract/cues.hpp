// Word lists the extractor reads context from: ambiguous skill names, requirement and years cues,
// skills headers. Lists are normalised text (normalizer.hpp: lower case, katakana folded).
#pragma once

#include <span>
#include <string_view>

namespace skillmatch::extract_detail {

/// Names that are also ordinary words ("go", "spring", "swift", "manage"), written by hand.
std::span<const std::string_view> curated_ambiguous_keys() noexcept;
/// Keys that SkillSpan's training split shows to be wrong more often than right (learned_keys.inc,
/// written by `skillmatch evaluate-extractor --learn`), and keys it shows to be almost never a skill.
std::span<const std::string_view> learned_ambiguous_keys() noexcept;
std::span<const std::string_view> learned_blocked_keys() noexcept;
/// Generic Japanese words never taken as mentions (開発経験).
std::span<const std::string_view> curated_blocked_keys() noexcept;

/// A token that says a list or skills section is under way ("skills", "stack", "スキル", "言語").
bool is_skills_cue(std::string_view token) noexcept;
/// A token right after a name that says it is a language or tool ("言語" in Go言語, "lang").
bool is_name_cue(std::string_view token) noexcept;
/// A token before "of"/"in"/"with" that says a skill follows ("years of", "experience with").
bool is_lead_cue(std::string_view token) noexcept;

}  // namespace skillmatch::extract_detail
