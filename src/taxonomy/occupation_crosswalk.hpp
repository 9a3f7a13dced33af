// Internal: occupations of two sources that are the same job, found by title (a crosswalk learned from
// the taxonomy's own labels). The learned vectors use it to bridge sources that never share an
// occupation list: ESCO's "data scientist" names "machine learning", O*NET's "Data Scientists" names
// TensorFlow; without a bridge the two skills never meet in any document.
#pragma once

#include <utility>
#include <vector>

#include "skillmatch/taxonomy.hpp"

namespace skillmatch::detail {

/// Pairs (a, b), a < b, of occupation concepts of different id schemes (id_scheme()) where the
/// preferred title of one, compact-normalised, is a title (preferred or alternative) of the other and
/// of no other occupation of that other's scheme. O*NET's preferred titles are plural ("Data
/// Scientists") and its alternative titles singular ("Data Scientist"), ESCO's preferred titles singular:
/// the rule meets both ways without stemming. Only a preferred title claims, since alternative titles
/// are loose (ESCO lists "data scientist" under "bioinformatics scientist"). Sorted, no duplicates.
/// Depends on the taxonomy only; O(labels of occupations).
std::vector<std::pair<ConceptIndex, ConceptIndex>> occupation_crosswalk(const Taxonomy& taxonomy);

}  // namespace skillmatch::detail
