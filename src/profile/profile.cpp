#include "skillmatch/profile.hpp"

#include <algorithm>

namespace skillmatch {

const char* to_string(Side side) noexcept { return side == Side::job ? "job" : "candidate"; }

void Profile::add_skill(const ProfileSkill& skill) {
  auto it = std::find_if(skills.begin(), skills.end(),
                         [&](const ProfileSkill& s) { return s.concept_index == skill.concept_index; });
  if (it == skills.end()) {
    skills.push_back(skill);
    return;
  }
  it->weight = std::max(it->weight, skill.weight);
  it->years = std::max(it->years, skill.years);
  it->level = std::max(it->level, skill.level);
  it->required = it->required || skill.required;
  if (skill.confidence > it->confidence) {
    it->confidence = skill.confidence;
    it->text = skill.text;
  }
}

}  // namespace skillmatch
