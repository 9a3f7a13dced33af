// Read-only accessors of Taxonomy and the enum <-> text mappings used by every format.
#include "skillmatch/taxonomy.hpp"

#include <algorithm>
#include <array>

namespace skillmatch {
namespace {

constexpr std::array<const char*, concept_kind_count> kConceptKindNames = {
    "technology", "knowledge", "skill", "soft_skill", "occupation", "language", "certification", "category"};
constexpr std::array<const char*, 4> kLabelKindNames = {"preferred", "alternative", "hidden", "abbreviation"};
constexpr std::array<const char*, 3> kRelationKindNames = {"related", "occupation_skill", "occupation_related"};

template <typename Enum, std::size_t N>
std::optional<Enum> parse_enum(const std::array<const char*, N>& names, std::string_view text) noexcept {
  for (std::size_t i = 0; i < N; ++i)
    if (text == names[i]) return static_cast<Enum>(i);
  return std::nullopt;
}

}  // namespace

const char* to_string(ConceptKind kind) noexcept { return kConceptKindNames[static_cast<std::size_t>(kind)]; }
const char* to_string(LabelKind kind) noexcept { return kLabelKindNames[static_cast<std::size_t>(kind)]; }
const char* to_string(RelationKind kind) noexcept { return kRelationKindNames[static_cast<std::size_t>(kind)]; }
std::optional<ConceptKind> parse_concept_kind(std::string_view text) noexcept {
  return parse_enum<ConceptKind>(kConceptKindNames, text);
}
std::optional<LabelKind> parse_label_kind(std::string_view text) noexcept {
  return parse_enum<LabelKind>(kLabelKindNames, text);
}
std::optional<RelationKind> parse_relation_kind(std::string_view text) noexcept {
  return parse_enum<RelationKind>(kRelationKindNames, text);
}

void Taxonomy::check(ConceptIndex c) const {
  if (c >= size())
    fail(ErrorCode::invalid_argument,
         "concept index " + std::to_string(c) + " out of range (taxonomy has " + std::to_string(size()) + ")");
}

std::optional<ConceptIndex> Taxonomy::find(std::string_view id) const noexcept {
  auto it = std::lower_bound(id_lookup_.begin(), id_lookup_.end(), id,
                             [](const auto& entry, std::string_view key) { return entry.first < key; });
  if (it == id_lookup_.end() || it->first != id) return std::nullopt;
  return it->second;
}

ConceptIndex Taxonomy::at(std::string_view id) const {
  if (auto c = find(id)) return *c;
  fail(ErrorCode::not_found, "unknown concept id '" + std::string(id) + "'");
}

std::string_view Taxonomy::id(ConceptIndex c) const {
  check(c);
  return ids_[c];
}

std::span<const std::string> Taxonomy::alias_ids(ConceptIndex c) const {
  check(c);
  return {alias_ids_.data() + alias_begin_[c], alias_begin_[c + 1] - alias_begin_[c]};
}

ConceptKind Taxonomy::kind(ConceptIndex c) const {
  check(c);
  return kinds_[c];
}

std::string_view Taxonomy::preferred_label(ConceptIndex c) const {
  check(c);
  return labels_[label_begin_[c]].text;
}

std::span<const Label> Taxonomy::labels(ConceptIndex c) const {
  check(c);
  return {labels_.data() + label_begin_[c], label_begin_[c + 1] - label_begin_[c]};
}

std::span<const ConceptIndex> Taxonomy::broader(ConceptIndex c) const {
  check(c);
  return {broader_.data() + broader_begin_[c], broader_begin_[c + 1] - broader_begin_[c]};
}

std::span<const ConceptIndex> Taxonomy::narrower(ConceptIndex c) const {
  check(c);
  return {narrower_.data() + narrower_begin_[c], narrower_begin_[c + 1] - narrower_begin_[c]};
}

std::span<const RelatedLink> Taxonomy::related(ConceptIndex c) const {
  check(c);
  return {related_.data() + related_begin_[c], related_begin_[c + 1] - related_begin_[c]};
}

std::span<const RelatedLink> Taxonomy::related_in(ConceptIndex c) const {
  check(c);
  return {related_in_.data() + related_in_begin_[c], related_in_begin_[c + 1] - related_in_begin_[c]};
}

const ConceptStats& Taxonomy::stats(ConceptIndex c) const {
  check(c);
  return stats_[c];
}

std::uint32_t Taxonomy::depth(ConceptIndex c) const {
  check(c);
  return depth_[c];
}

std::size_t Taxonomy::count(ConceptKind kind) const noexcept {
  return static_cast<std::size_t>(std::count(kinds_.begin(), kinds_.end(), kind));
}

}  // namespace skillmatch
