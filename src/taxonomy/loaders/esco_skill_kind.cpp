// The skill/knowledge rule for ESCO labels without a skillType (see esco_skill_kind.hpp).
#include "taxonomy/loaders/esco_skill_kind.hpp"

#include <cctype>

namespace skillmatch::loaders {
namespace {

// The first word, lower-cased (ASCII letters only: ESCO's English labels start with an English word).
std::string first_word(std::string_view label, std::string_view* rest = nullptr) {
  std::size_t i = 0;
  while (i < label.size() && label[i] == ' ') ++i;
  std::string word;
  for (; i < label.size() && label[i] != ' '; ++i) word += static_cast<char>(std::tolower(static_cast<unsigned char>(label[i])));
  if (rest) *rest = label.substr(i);
  return word;
}

// Words that follow "to" without being verbs ("to the", "to their customers"): determiners and
// pronouns. A verb use needs at least this many occurrences so a stray noun is not taken for a verb.
constexpr int kMinVerbUses = 2;
bool is_determiner(std::string_view w) {
  for (std::string_view d : {"the", "a", "an", "their", "its", "his", "her", "all", "other", "this", "these",
                             "those", "which", "such", "them", "any", "each", "both", "it", "those", "our", "your"})
    if (w == d) return true;
  return false;
}

}  // namespace

void EscoSkillKindRule::learn_label(std::string_view label, ConceptKind kind) {
  std::string w = first_word(label);
  if (w.empty()) return;
  auto& v = first_words_[w];
  (kind == ConceptKind::knowledge ? v.knowledge : v.skill) += 1;
}

void EscoSkillKindRule::learn_text(std::string_view text) {
  // Scan "to <word>" with word boundaries on both sides; words are runs of ASCII lower-case letters.
  for (std::size_t i = 0; i + 3 < text.size(); ++i) {
    if (text[i] != 't' || text[i + 1] != 'o' || text[i + 2] != ' ') continue;
    if (i > 0 && std::isalpha(static_cast<unsigned char>(text[i - 1]))) continue;
    std::size_t j = i + 3;
    std::string word;
    while (j < text.size() && text[j] >= 'a' && text[j] <= 'z') word += text[j++];
    if (word.empty() || (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j])))) continue;
    if (!is_determiner(word)) ++verb_uses_[word];
  }
}

ConceptKind EscoSkillKindRule::kind_of(std::string_view label) const {
  std::string_view rest;
  const std::string w = first_word(label, &rest);
  if (auto it = first_words_.find(w); it != first_words_.end() && (it->second.skill || it->second.knowledge))
    return it->second.skill > it->second.knowledge ? ConceptKind::skill : ConceptKind::knowledge;
  const bool more_words = rest.find_first_not_of(' ') != std::string_view::npos;
  if (auto it = verb_uses_.find(w); more_words && it != verb_uses_.end() && it->second >= kMinVerbUses)
    return ConceptKind::skill;
  return ConceptKind::knowledge;
}

}  // namespace skillmatch::loaders
