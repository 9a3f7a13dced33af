// Internal: the numerical core of SkillEmbedding::learn() — co-occurrence counts, PPMI and a randomised
// truncated SVD. Kept apart from the class so the Eigen-heavy code lives in one translation unit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "skillmatch/embedder.hpp"

namespace skillmatch::detail {

struct LearnedVectors {
  std::vector<float> vectors;            // concepts x dimension, row-major; unit rows or zero rows
  std::vector<std::uint8_t> has_vector;  // 1 for a unit row
  std::size_t cooccurring_pairs = 0;     // non-zero entries of the co-occurrence matrix (diagnostics)
  std::size_t ppmi_entries = 0;          // positive entries of the PPMI matrix
  std::size_t active_concepts = 0;       // concepts with any co-occurrence (rows of the PPMI matrix)
};

/// Learns vectors from the taxonomy's links and `postings`. Preconditions (checked by the caller):
/// options are in range and every posting entry is < taxonomy.size(). Concepts without co-occurrence
/// get zero rows here; SkillEmbedding::learn() fills them from their neighbours afterwards.
LearnedVectors learn_ppmi_svd(const Taxonomy& taxonomy, std::span<const std::vector<ConceptIndex>> postings,
                              const EmbeddingOptions& options);

}  // namespace skillmatch::detail
