// skillmatch/skill_knowledge.hpp — the learned skill vectors and the skill similarity built on them,
// from a taxonomy and the bundled real postings, built together so that each has one owner.
//
// The Engine, the C ABI's taxonomy handle (skm_taxonomy_similarity / Taxonomy.similarity in the
// bindings) and the CLI all build their similarity through learn_skill_knowledge(), so every entry
// point scores skill pairs the same way.
#pragma once

#include <memory>
#include <vector>

#include "skillmatch/embedder.hpp"
#include "skillmatch/resolver.hpp"
#include "skillmatch/similarity.hpp"

namespace skillmatch {

struct SkillKnowledge {
  std::shared_ptr<const SkillEmbedding> embedding;    // learned from occupations, links and the postings
  std::shared_ptr<const SkillSimilarity> similarity;  // uses (and keeps alive) the embedding
};

/// The bundled real postings (read_bundled_postings) as concept sets, read with `resolver`: confident
/// readings only (no typo guessing, confidence >= 0.7), since the co-occurrence they feed must not be
/// polluted by wrong readings.
std::vector<std::vector<ConceptIndex>> resolve_bundled_postings(const Resolver& resolver);

/// Learns the embedding from the resolver's taxonomy and the bundled postings, then builds the
/// similarity on the taxonomy, the postings and the embedding. About a second on the bundled
/// taxonomy (the embedding dominates). Throws what SkillEmbedding::learn and the SkillSimilarity
/// constructor throw for bad options. Thread-safe (reads only shared immutable data).
SkillKnowledge learn_skill_knowledge(const Resolver& resolver, const EmbeddingOptions& embedding_options = {},
                                     const SimilarityOptions& similarity_options = {});
/// The same with an embedding learned before (e.g. read from an index file, Engine::open): builds
/// only the similarity, on the resolver's taxonomy, the bundled postings and `embedding`.
/// Error(invalid_argument) when `embedding` is null or belongs to another taxonomy object.
SkillKnowledge skill_knowledge_with(const Resolver& resolver, std::shared_ptr<const SkillEmbedding> embedding,
                                    const SimilarityOptions& similarity_options = {});

}  // namespace skillmatch
