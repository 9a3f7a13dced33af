// Internal: lets the learner and the file reader (src/embed/) construct a SkillEmbedding.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "skillmatch/embedder.hpp"

namespace skillmatch {

struct EmbeddingAccess {
  /// Takes ownership of the vectors (size() x dimension) and flags; no checks (callers check).
  static SkillEmbedding make(std::shared_ptr<const Taxonomy> taxonomy, const EmbeddingOptions& options,
                             std::vector<float> vectors, std::vector<std::uint8_t> has_vector,
                             std::uint64_t data_fingerprint);
  /// Hash of the taxonomy's concept ids in index order.
  static std::uint64_t taxonomy_fingerprint(const Taxonomy& taxonomy);
};

}  // namespace skillmatch
