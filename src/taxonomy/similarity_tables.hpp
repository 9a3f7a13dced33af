// Per-concept tables behind SkillSimilarity: everything similarity() reads, laid out as CSR arrays
// sorted by concept index so that each part is a linear merge of two short contiguous lists.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <vector>

#include "skillmatch/similarity.hpp"

namespace skillmatch {

struct AncestorEntry {
  ConceptIndex concept_index;  // an ancestor of the concept (or the concept itself)
  float ic;                    // its normalised information content
  float count;                 // its accumulated smoothed count (the mass below it)
  // H through membership when this ancestor is a skill, knowledge or technology (not a category):
  // membership_similarity ^ (broader links on the shortest path up); 0 for a category (then Lin decides).
  float member;
};

struct WeightedEntry {
  ConceptIndex concept_index;
  float weight;
};

/// A CSR table: row r is items[begin[r], begin[r+1]).
template <typename T>
struct Csr {
  std::vector<std::uint32_t> begin{0};
  std::vector<T> items;
  std::span<const T> row(ConceptIndex r) const noexcept {
    return {items.data() + begin[r], begin[r + 1] - begin[r]};
  }
  void end_row() { begin.push_back(static_cast<std::uint32_t>(items.size())); }
};

/// Occupation schemes (sources) told apart by the co-occurrence part; further schemes share the last.
inline constexpr std::size_t kOccupationSchemes = 4;

struct SkillSimilarity::Tables {
  /// Builds every table except the neighbour lists. Options are already checked.
  static std::unique_ptr<Tables> build(const Taxonomy& taxonomy, const SimilarityOptions& options,
                                       std::span<const std::vector<ConceptIndex>> postings);

  std::vector<float> ic;                 // normalised IC per concept
  std::vector<double> count;             // accumulated smoothed count per concept
  Csr<AncestorEntry> ancestors;          // ancestors including self, sorted by index
  Csr<WeightedEntry> associations;       // related / occupation_related, both directions, sorted by target
  Csr<WeightedEntry> occupations;        // occupations needing the concept, sorted; empty below min support
  std::vector<float> occupation_norm;    // Euclidean norm of each occupation vector (0 when empty)
  std::vector<float> occupation_sum;     // sum of the weights of each occupation vector (0 when empty)
  Csr<ConceptIndex> narrower_by_count;   // narrower concepts, largest count first (neighbour candidates)
  std::vector<std::uint8_t> occupation_scheme;  // per concept: scheme slot of an occupation (0 otherwise)
  std::array<float, kOccupationSchemes> scheme_occupations{};  // occupations with skill links per slot
  std::vector<float> scheme_sum;         // concept x kOccupationSchemes: its occupation weights per slot
  std::vector<ConceptIndex> evidence_of; // the concept whose evidence it uses: itself or its label twin
  std::vector<ConceptIndex> stand_in;    // itself, or the category it is the generic member of
  std::vector<float> trust;              // n / (n + evidence_shrinkage), n = documents and links naming the concept
  std::vector<std::uint8_t> specificity_rank;  // 2 technology (an instance), 1 skill / knowledge, 0 other
  Csr<std::uint32_t> postings_of;        // per concept: the postings (indices into posting_members) naming it
  Csr<ConceptIndex> posting_members;     // per posting (>= 2 distinct concepts): its concepts, sorted

  // Neighbour lists, built once on demand.
  std::once_flag neighbours_once;
  Csr<Neighbour> neighbours;
};

}  // namespace skillmatch
