// skillmatch/profile.hpp — a candidate or a job: resolved skills with weights, levels and
// must/nice flags, typed attributes, an optional external vector.
//
// Plain value types: no hidden sharing, safe to build on one thread and hand to another.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "skillmatch/attributes.hpp"
#include "skillmatch/taxonomy.hpp"

namespace skillmatch {

/// Which side of the market a profile or an index belongs to.
enum class Side : std::uint8_t { job, candidate };
const char* to_string(Side side) noexcept;
inline Side other_side(Side side) noexcept { return side == Side::job ? Side::candidate : Side::job; }

struct ProfileSkill {
  ConceptIndex concept_index = no_concept;
  std::string text;          // as the profile wrote it (for explanations)
  float weight = 1.0f;       // > 0; how much this skill counts among the profile's skills
  bool required = false;     // jobs: a must-have; nice-to-have otherwise (ignored on candidates)
  float years = 0;           // years of experience, or years a job asks for; 0 = not stated
  float level = 0;           // proficiency 1..5, or the level a job asks for; 0 = not stated
  float confidence = 1.0f;   // how sure the resolver was that `text` names this concept
};

struct Profile {
  std::string id;     // external id, unique within its side; non-empty
  std::string title;  // free text ("Backend engineer"); may be empty
  /// The occupation concept the title resolved to, if any (it contributes to the profile vector).
  ConceptIndex title_concept = no_concept;
  /// Resolved skills, one entry per concept: repeats of a concept merge (larger weight, years and
  /// level; required if any says so).
  std::vector<ProfileSkill> skills;
  /// Skill texts the resolver could not place; reported, never silently dropped.
  std::vector<std::string> unknown_skills;
  AttributeValues attributes;
  /// An external embedding supplied by the portal; empty = let the engine embed the skills.
  std::vector<float> vector;

  /// Adds a skill, merging with an existing entry of the same concept as described above.
  void add_skill(const ProfileSkill& skill);
};

}  // namespace skillmatch
