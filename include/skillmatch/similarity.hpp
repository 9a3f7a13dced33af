// skillmatch/similarity.hpp — how similar two concepts of a taxonomy are, sim(a, b) in [0, 1].
//
// sim(a, b) combines three pieces of evidence that two skills are interchangeable or go together:
//
//   hierarchy     Lin similarity over the broader DAG with information content from real frequencies:
//                   own(c)   = frequency(c), else popularity(c) * s (see below), else 0
//                   count(c) = sum of own(d) + alpha over c and every distinct descendant d of c
//                              (alpha = count_smoothing, so every count is >= alpha > 0 and IC finite;
//                              a descendant reachable by several paths counts once)
//                   p(c)     = count(c) / Z(c), Z(c) = the largest count of a root above c (c itself for
//                              a root). Each top-level hierarchy (UNSPSC, ESCO skills, ...) is its own
//                              probability space, so the root of any hierarchy carries no information
//                              and separate vocabularies do not inflate each other's IC.
//                   IC(c)    = -log p(c) / IC_max      (normalised to [0, 1]; Lin is scale-free)
//                   H(a, b)  = 2 IC(lcs) / (IC(a) + IC(b)), lcs = the common ancestor (a and b
//                              included) with the largest IC; 0 when there is none or IC(a)+IC(b) = 0.
//                 popularity is brought to the scale of frequency by s = the median of
//                 frequency / popularity over concepts that have both (the mean ratio when none has
//                 both; 1 when no concept has a frequency). With no statistics at all IC falls back
//                 to "intrinsic" IC from subtree sizes.
//   related       association links: RelationKind::related and occupation_related, either direction,
//                 with their weights:  R(a, b) = max(w(a,b), hop_decay * max_x w(a,x) w(x,b)).
//   cooccurrence  concepts needed by the same occupations (RelationKind::occupation_skill links,
//                 occupation -> concept, weight = importance), comparing the two sparse occupation
//                 vectors u, v with a measure m, shrunk towards 0 when few occupations are shared:
//                   C(a, b) = m(u, v) * n / (n + shrinkage),  n = number of shared occupations,
//                 m = weighted Jaccard sum_o min(u_o, v_o) / sum_o max(u_o, v_o) (default), or cosine.
//                 Why Jaccard by default: a generic tool (Microsoft Excel, listed by nearly every
//                 occupation) has a cosine of sqrt(|b| / |a|) with every specific tool b it contains
//                 (0.5 for a tool of a quarter of the occupations), which reads as "similar"; Jaccard
//                 gives |b| / |a| (0.25), so generic tools stop looking like everything's neighbour,
//                 while two tools of the same few occupations (PyTorch, TensorFlow) stay high.
//                 Concepts listed by fewer than min_cooccurrence_support occupations get C = 0
//                 (one shared occupation between two rare tools is noise, not evidence).
//
// The parts are combined with a weighted noisy-or:
//     sim(a, b) = 1 - (1 - wH H) (1 - wR R) (1 - wC C),   and sim(a, a) = 1.
// Why noisy-or: each part is independent evidence; one strong part alone (a curated related link,
// or near-identical occupation profiles) should give a high similarity even when the others are
// silent, several moderate parts should reinforce each other, and the result stays in [0, 1]
// without renormalising. The weights are each part's ceiling (a part at 1 gives sim = its weight),
// so no single part short of identity says "the same skill".
//
// similarity() is O(|ancestors(a)| + |ancestors(b)| + deg(a) + deg(b)) over precomputed, sorted,
// contiguous per-concept tables, with no allocation; it is meant for the matcher's inner loop.
//
// neighbours(c) lists the top-K most similar concepts of c, best first, computed for all concepts
// together on the first call (or at construction with precompute_neighbours). Candidates come only
// from the hierarchy (the most frequent descendants of each informative ancestor, which are the
// best candidates under Lin), association links (and one hop), and concepts sharing occupations;
// never all pairs.
#pragma once

#include <cstdint>
#include <memory>
#include <span>

#include <vector>

#include "skillmatch/taxonomy.hpp"

namespace skillmatch {

class SkillEmbedding;

/// Tuning of SkillSimilarity; the defaults are what the library ships with. Every field is checked by
/// the SkillSimilarity constructor (Error(invalid_argument) naming the field when out of range).
enum class CooccurrenceMeasure : std::uint8_t {
  weighted_jaccard,  // sum of minima / sum of maxima of the occupation weights
  cosine,            // dot product / product of Euclidean norms
  npmi,              // normalised PMI of the weighted occupation counts within each source's occupations
};

struct SimilarityOptions {
  float hierarchy_weight = 0.8f;     // wH in [0, 1]: ceiling of the hierarchy part
  float related_weight = 0.9f;       // wR in [0, 1]: ceiling of the related-link part
  float cooccurrence_weight = 0.4f;  // wC in [0, 1]: ceiling of the co-occurrence part
  float embedding_weight = 0.95f;    // wE in [0, 1]: ceiling of the learned-vector part (0 without vectors)
  float embedding_floor = 0.15f;     // cosine at or below which the learned vectors say nothing, in [-1, 1)
  float embedding_full = 0.5f;       // cosine at which E reaches 1, in (embedding_floor, 1]
  float evidence_shrinkage = 0.5f;   // >= 0: trust(c) = n / (n + this), n = documents and links naming c
  float broader_credit = 0.6f;       // in [0, 1]: credit() factor when the skill held is broader than required
  float twin_similarity = 0.95f;     // in [0, 1]: similarity of label twins (one skill in two sources, not merged)
  float related_hop_decay = 0.5f;    // in [0, 1]: factor on a two-link path a - x - b; 0 = direct links only
  double count_smoothing = 1.0;      // alpha > 0: added to every concept's own count before accumulation
  std::uint32_t min_cooccurrence_support = 2;  // occupations a concept needs to take part in C
  float cooccurrence_shrinkage = 4.0f;         // >= 0: C = m * n / (n + shrinkage)
  CooccurrenceMeasure cooccurrence_measure = CooccurrenceMeasure::npmi;
  std::uint32_t neighbour_count = 32;          // K of neighbours(); 0 = no neighbour lists
  std::uint32_t neighbour_candidates = 128;    // candidates taken per source (per ancestor, links, occupations)
  bool precompute_neighbours = false;          // build neighbour lists in the constructor instead of lazily
};

/// The parts of one similarity and their combination (see the formula at the top of this header).
struct SimilarityParts {
  float hierarchy = 0;     // H(a, b), over the broader DAG, in [0, 1]
  float related = 0;       // R(a, b), in [0, 1]
  float cooccurrence = 0;  // C(a, b), in [0, 1]
  float embedding = 0;     // E(a, b), from the learned skill vectors, in [0, 1]
  float combined = 0;      // the noisy-or of the weighted parts == similarity(a, b)
};

/// Evidence beyond the taxonomy's own links. Both parts are optional; without them similarity()
/// rests on the hierarchy, related links and occupation links alone.
struct SimilarityEvidence {
  /// Real job postings as concept sets (e.g. read_bundled_postings resolved with the Resolver). Read
  /// during construction only (the caller keeps ownership); they set how much each concept's learned
  /// vector is trusted and give neighbour candidates. Entries >= taxonomy size: Error(invalid_argument).
  std::span<const std::vector<ConceptIndex>> postings;
  /// Learned skill vectors of the same taxonomy (shared, kept alive by the SkillSimilarity).
  /// Error(invalid_argument) when they belong to another taxonomy.
  std::shared_ptr<const SkillEmbedding> embedding;
};

struct Neighbour {
  ConceptIndex concept_index = no_concept;
  float similarity = 0;
};

/// Skill-to-skill similarity over one taxonomy. Immutable after construction except for the lazily
/// built neighbour lists, which are built once under std::call_once: every const member may be called
/// from any number of threads at once. Keeps the taxonomy alive through its shared_ptr. Movable; a
/// moved-from object may only be destroyed or assigned to.
class SkillSimilarity {
 public:
  /// Precomputes the per-concept tables (O(sum of ancestor-set sizes + links)).
  /// Throws Error(invalid_argument) for a null taxonomy or an option out of range.
  explicit SkillSimilarity(std::shared_ptr<const Taxonomy> taxonomy, SimilarityOptions options = {},
                           SimilarityEvidence evidence = {});
  ~SkillSimilarity();
  SkillSimilarity(SkillSimilarity&&) noexcept;
  SkillSimilarity& operator=(SkillSimilarity&&) noexcept;
  SkillSimilarity(const SkillSimilarity&) = delete;
  SkillSimilarity& operator=(const SkillSimilarity&) = delete;

  /// sim(a, b) in [0, 1]; 1 when a == b; symmetric. No allocation.
  /// Throws Error(invalid_argument) naming the index when a or b >= taxonomy().size().
  float similarity(ConceptIndex a, ConceptIndex b) const;

  /// How well a candidate who has skill `have` meets a requirement for skill `requirement`, in
  /// [0, 1]: similarity(requirement, have), times broader_credit when `have` is broader than
  /// `requirement` (the direction rule at the top of this header). Not symmetric. No allocation.
  /// Throws Error(invalid_argument) like similarity().
  float credit(ConceptIndex requirement, ConceptIndex have) const;

  /// Whether `a` is broader than `b` under the direction rule (a proper hierarchy ancestor of b, or
  /// a skill / knowledge area while b is a technology, with neither below the other). No allocation.
  /// Throws Error(invalid_argument) like similarity().
  bool broader(ConceptIndex a, ConceptIndex b) const;

  /// The parts of similarity(a, b) and their combination; for a == b every part is 1.
  /// Throws Error(invalid_argument) like similarity().
  SimilarityParts explain(ConceptIndex a, ConceptIndex b) const;

  /// Up to neighbour_count concepts most similar to c (similarity > 0, never c itself and never a
  /// ConceptKind::category grouping node, which nobody has as a skill), best first,
  /// ties by smaller index. The span stays valid as long as this object. The first call builds the
  /// lists of every concept (thread-safe; other callers wait). Throws Error(invalid_argument) for c
  /// out of range.
  std::span<const Neighbour> neighbours(ConceptIndex c) const;

  /// Information content of c normalised to [0, 1] (the IC of the formula above).
  /// Throws Error(invalid_argument) for c out of range.
  float information_content(ConceptIndex c) const;

  const Taxonomy& taxonomy() const noexcept { return *taxonomy_; }
  const SimilarityOptions& options() const noexcept { return options_; }

  struct Tables;  // the precomputed per-concept tables (src/taxonomy/similarity_tables.hpp)

 private:
  std::shared_ptr<const Taxonomy> taxonomy_;
  SimilarityOptions options_;
  std::shared_ptr<const SkillEmbedding> embedding_;
  std::unique_ptr<Tables> tables_;

  void check(ConceptIndex c) const;
  SimilarityParts parts(ConceptIndex a, ConceptIndex b) const noexcept;
  bool broader_unchecked(ConceptIndex a, ConceptIndex b) const noexcept;
  void build_neighbours() const;
};

}  // namespace skillmatch
