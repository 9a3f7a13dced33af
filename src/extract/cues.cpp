// The hand-written word lists of cues.hpp, and the learned ones of learned_keys.inc.
#include "extract/cues.hpp"

#include <algorithm>
#include <array>

namespace skillmatch::extract_detail {
namespace {

using namespace std::string_view_literals;

// Each of these names a product or technique and is also a common English word or letter, so a
// match needs context. Keep sorted: looked up by binary search.
constexpr std::array kCurated = {
    "access"sv, "alpine"sv, "analysis"sv, "ant"sv, "arch"sv, "basic"sv, "bash"sv, "bootstrap"sv, "c"sv,
    "chef"sv, "crystal"sv, "d"sv, "dart"sv, "design"sv, "elixir"sv, "ember"sv, "excel"sv, "express"sv,
    "flask"sv, "flow"sv, "gem"sv, "go"sv, "hack"sv, "hive"sv, "io"sv, "j"sv, "java"sv, "jest"sv, "julia"sv,
    "k"sv, "make"sv, "manage"sv, "management"sv, "max"sv, "maya"sv, "mocha"sv, "office"sv, "outlook"sv,
    "pig"sv, "power"sv, "premiere"sv, "project"sv, "puppet"sv, "r"sv, "rails"sv, "react"sv, "ruby"sv,
    "rust"sv, "sage"sv, "salt"sv, "scheme"sv, "shell"sv, "sketch"sv, "slack"sv, "spark"sv, "spring"sv,
    "storm"sv, "swift"sv, "teams"sv, "torch"sv, "unity"sv, "windows"sv, "word"sv, "zoom"sv,
};

#include "extract/learned_keys.inc"

// Japanese words so generic that the glossary's reading of them says nothing about a posting:
// 開発経験 (development experience) is every posting's. Never mentions (tuned on ja_dev.tsv).
constexpr std::array kCuratedBlocked = {"開発"sv, "開発経験"sv};

constexpr std::array kSkillsCues = {
    "experience"sv, "knowledge"sv, "languages"sv, "proficiency"sv, "proficient"sv, "skills"sv, "stack"sv,
    "technologies"sv, "tools"sv, "スキル"sv, "技術"sv, "言語"sv, "環境"sv, "経験"sv, "ツル"sv,
};
constexpr std::array kNameCues = {
    "言語"sv, "lang"sv, "language"sv, "programming"sv, "framework"sv, "フレムワク"sv,
};
constexpr std::array kLeadCues = {"experience"sv, "expertise"sv, "knowledge"sv, "proficiency"sv,
                                  "proficient"sv, "skilled"sv, "skills"sv, "year"sv, "years"sv};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view token) {
  return std::find(list.begin(), list.end(), token) != list.end();
}

}  // namespace

std::span<const std::string_view> curated_ambiguous_keys() noexcept { return kCurated; }
std::span<const std::string_view> learned_ambiguous_keys() noexcept { return kLearnedAmbiguous; }
std::span<const std::string_view> learned_blocked_keys() noexcept { return kLearnedBlocked; }
std::span<const std::string_view> curated_blocked_keys() noexcept { return kCuratedBlocked; }
bool is_skills_cue(std::string_view token) noexcept { return contains(kSkillsCues, token); }
bool is_name_cue(std::string_view token) noexcept { return contains(kNameCues, token); }
bool is_lead_cue(std::string_view token) noexcept { return contains(kLeadCues, token); }

}  // namespace skillmatch::extract_detail
