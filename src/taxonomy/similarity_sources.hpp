// Internal: what SkillSimilarity derives from concept ids and labels — the scheme (source) of an id,
// label twins across sources, and generic members that stand for their category.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "skillmatch/taxonomy.hpp"

namespace skillmatch::detail {

/// The scheme of a concept id: for a URI ("http://data.europa.eu/esco/skill/...") everything up to
/// the last '/', otherwise everything up to the first ':' ("onet:tech:Git" -> "onet"); "" when it has
/// neither (all such ids form one scheme). Ids are namespaced per source, so the scheme tells the sources apart.
std::string_view id_scheme(std::string_view id) noexcept;

/// Per concept, the concept whose evidence it shares: itself, or the representative of its label-twin
/// group. Twins are one skill named in two sources that no same_as record merged (the Stack Overflow
/// tag "tensorflow" and the O*NET technology "TensorFlow"; O*NET "Oracle Java" and ESCO "Java
/// (computer programming)"): two concepts of different schemes have the same name (the compact
/// normalised preferred label without a trailing "(qualifier)"), or one's name without a vendor word
/// (a first word that starts >= 5 technology names of its scheme; the rest >= 4 characters) is the
/// other's name, and that name belongs to at most one concept per scheme. Alternative labels are not
/// used: they are too loose (ESCO's "computer programming" lists languages among them) and would chain
/// unrelated skills into one group. Categories and occupations are never twinned. The representative is the
/// member with the most links (then frequency, popularity, smaller index). Depends on the taxonomy only.
std::vector<ConceptIndex> label_twin_representatives(const Taxonomy& taxonomy);

/// Per concept, the category it stands for, or itself: a concept every word of whose name is a word
/// of a broader concept's name is that category's generic member (O*NET lists "Accounting software"
/// under the UNSPSC commodity "Accounting software", "Video editing software" under "Video creation
/// and editing software"), so the hierarchy treats it as the category (its siblings as its members).
std::vector<ConceptIndex> category_stand_ins(const Taxonomy& taxonomy);

}  // namespace skillmatch::detail
