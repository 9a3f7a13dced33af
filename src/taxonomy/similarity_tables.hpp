// Per-concept tables behind SkillSimilarity: everything similarity() reads, laid out as CSR arrays
// sorted by concept index so that each part is a linear merge of two short contiguous lists.
#pragma once

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

struct SkillSimilarity::Tables {
  /// Builds every table except the neighbour lists. Options are already checked.
  static std::unique_ptr<Tables> build(const Taxonomy& taxonomy, const SimilarityOptions& options);

  std::vector<float> ic;                 // normalised IC per concept
  std::vector<double> count;             // accumulated smoothed count per concept
  Csr<AncestorEntry> ancestors;          // ancestors including self, sorted by index
  Csr<WeightedEntry> associations;       // related / occupation_related, both directions, sorted by target
  Csr<WeightedEntry> occupations;        // occupations needing the concept, sorted; empty below min support
  std::vector<float> occupation_norm;    // Euclidean norm of each occupation vector (0 when empty)
  std::vector<float> occupation_sum;     // sum of the weights of each occupation vector (0 when empty)
  Csr<ConceptIndex> narrower_by_count;   // narrower concepts, largest count first (neighbour candidates)

  // Neighbour lists, built once on demand.
  std::once_flag neighbours_once;
  Csr<Neighbour> neighbours;
};

}  // namespace skillmatch
