// learn_skill_knowledge(): bundled postings -> embedding -> similarity (skillmatch/skill_knowledge.hpp).
#include "skillmatch/skill_knowledge.hpp"

#include <optional>

#include "skillmatch/postings.hpp"

namespace skillmatch {

std::vector<std::vector<ConceptIndex>> resolve_bundled_postings(const Resolver& resolver) {
  ResolveOptions o;
  o.fuzzy = false;
  o.min_confidence = 0.7f;
  o.max_results = 1;
  auto corpus = read_bundled_postings([&](std::string_view text) -> std::optional<ConceptIndex> {
    auto m = resolver.resolve_best(text, o);
    return m ? std::optional<ConceptIndex>(m->concept_index) : std::nullopt;
  });
  return std::move(corpus.postings);
}

SkillKnowledge learn_skill_knowledge(const Resolver& resolver, const EmbeddingOptions& embedding_options,
                                     const SimilarityOptions& similarity_options) {
  const auto taxonomy = resolver.taxonomy_ptr();
  const auto postings = resolve_bundled_postings(resolver);
  SkillKnowledge k;
  k.embedding = std::make_shared<const SkillEmbedding>(SkillEmbedding::learn(taxonomy, postings, embedding_options));
  k.similarity = std::make_shared<const SkillSimilarity>(taxonomy, similarity_options,
                                                         SimilarityEvidence{postings, k.embedding});
  return k;
}

SkillKnowledge skill_knowledge_with(const Resolver& resolver, std::shared_ptr<const SkillEmbedding> embedding,
                                    const SimilarityOptions& similarity_options) {
  const auto taxonomy = resolver.taxonomy_ptr();
  if (!embedding || embedding->taxonomy_ptr() != taxonomy)
    fail(ErrorCode::invalid_argument, "skill_knowledge_with: the embedding is null or belongs to another taxonomy");
  const auto postings = resolve_bundled_postings(resolver);
  SkillKnowledge k;
  k.embedding = std::move(embedding);
  k.similarity = std::make_shared<const SkillSimilarity>(taxonomy, similarity_options,
                                                         SimilarityEvidence{postings, k.embedding});
  return k;
}

}  // namespace skillmatch
