// Skill or knowledge for an ESCO concept known only by its preferred label.
//
// esco_occupation_profiles.tsv names the skills of every occupation by preferred label only; the data
// has no skills_en.csv, so for the ~12,000 skills outside the collections the skillType column is not
// available. ESCO writes skills/competences as an imperative verb phrase ("manage budgets", "liaise
// with managers") and knowledge as a noun phrase ("copyright legislation", "types of metal"). The rule
// learns that from the data, never from a hand list:
//   1. the first words of the collections' labels, which do carry skillType, vote (a word seen first
//      in more skill labels than knowledge labels reads as a skill, and the other way round);
//   2. a first word no collection label starts with reads as a skill when ESCO's own descriptions use
//      it as a verb after "to" ("... in order to diagnose ...") and the label has more than one word;
//   3. anything else reads as knowledge.
// On the collections, trained on 70 % and checked on the other 30 % (crc32 split of the label), the
// rule agrees with skillType for 94 % of the labels (docs/loaders.md).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "skillmatch/taxonomy.hpp"

namespace skillmatch::loaders {

class EscoSkillKindRule {
 public:
  /// A label whose skillType the data gives (rule 1).
  void learn_label(std::string_view label, ConceptKind kind);
  /// Free text from the same release: every word after "to " is counted as a verb use (rule 2).
  void learn_text(std::string_view text);
  /// skill or knowledge for a label the data does not type.
  ConceptKind kind_of(std::string_view label) const;

 private:
  struct Votes {
    int skill = 0, knowledge = 0;
  };
  std::unordered_map<std::string, Votes> first_words_;
  std::unordered_map<std::string, int> verb_uses_;
};

}  // namespace skillmatch::loaders
