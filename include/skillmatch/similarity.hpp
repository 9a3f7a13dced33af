// skillmatch/similarity.hpp — how similar two concepts of a taxonomy are, sim(a, b) in [0, 1], and how
// well a skill held meets a skill required, credit(requirement, have).
//
// Evidence (docs/similarity.md has the why and the measured figures). Each concept first maps to the
// concept whose evidence it uses, ev(c): itself, or the representative of its label-twin group (the
// same skill in two sources that no same_as merged, e.g. the tag "tensorflow" and O*NET "TensorFlow";
// same name without a trailing "(qualifier)" or without a vendor word). ev(a) == ev(b): sim =
// twin_similarity. Otherwise, on x = ev(a), y = ev(b):
//
//   embedding     E = ramp(cos(v_x, v_y)) * trust(x) * trust(y), v = the learned SkillEmbedding vectors
//                 (PPMI + SVD over occupations, postings, related links, hierarchy; embedder.hpp),
//                 ramp linear from embedding_floor (0) to embedding_full (1), trust(c) = n / (n + k),
//                 n = postings, occupation links and related links naming c, k = evidence_shrinkage.
//                 A concept known only through the hierarchy (n = 0) has a vector near its category's,
//                 which says nothing about the skill: trust 0.
//   hierarchy     on the stand-ins (a concept whose name's words are all in a broader concept's name is
//                 that category's generic member, e.g. O*NET "Accounting software"): 1 for the same;
//                 when one is an ancestor of the other, Lin 2 IC(upper) / (IC(upper) + IC(lower)), or, when
//                 the upper one is no category (a field and its tools), membership_similarity ^ hops if
//                 larger (hops = broader links between them); for
//                 two members of a category sqrt(count(x) count(y)) / count(lcs), lcs = the common
//                 ancestor with the smallest count, 0 when only roots are shared. So a broad shared
//                 ancestor gives little (two leaves of an ESCO group of 20 score ~1/20, where Lin gave 0.7).
//                 IC and count: own(c) = frequency, else popularity * s (s = median frequency/popularity),
//                 count(c) = sum of own + alpha over c and its distinct descendants, IC = -log(count/Z)
//                 normalised, Z = the largest count of a root above c.
//   related       curated links (related, occupation_related), either direction:
//                 R = max(w(x,y), hop_decay * max_z w(x,z) w(z,y)).
//   cooccurrence  occupations needing both (occupation_skill links, weight = importance), by default NPMI
//                 within each source's occupations (the id scheme: "onet", the ESCO URI path):
//                 C = max over sources of max(0, log(p_xy / (p_x p_y)) / -log p_xy) * n / (n + shrinkage),
//                 n = shared occupations; a hub listed by most occupations has PMI ~ 0 with everything.
//                 Concepts with fewer than min_cooccurrence_support occupations take no part.
//
// Combination, a weighted noisy-or: sim = 1 - (1 - wH H)(1 - wR R)(1 - wC C)(1 - wE E), sim(a, a) = 1.
// Each part is independent evidence; one strong part suffices, agreeing parts reinforce, weights are
// each part's ceiling.
//
// Direction rule: a narrower skill meets a broader requirement in full, a broader one only in part.
// credit(requirement, have) = sim(requirement, have), times broader_credit when have is broader than
// the requirement: a proper hierarchy ancestor of it (on stand-ins), or an area of knowledge / skill
// (ConceptKind knowledge, skill, soft_skill) while the requirement is a technology or certification,
// neither being below the other. Two concepts of one rank and no hierarchy link have no direction.
//
// similarity() and credit() are O(|ancestors| + links + occupations of a and b + dimension) over
// precomputed sorted per-concept tables, with no allocation: meant for the matcher's inner loop.
// neighbours(c) lists the top-K most similar concepts of c from a bounded candidate set (hierarchy,
// links, shared occupations, shared postings), never all pairs.
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
  float embedding_floor = 0.2f;      // cosine at or below which the learned vectors say nothing, in [-1, 1)
  float embedding_full = 0.8f;       // cosine at which E reaches 1, in (embedding_floor, 1]
  float evidence_shrinkage = 0.0f;   // >= 0: trust(c) = n / (n + this) (0 when n = 0), n = documents and links naming c
  float broader_credit = 0.6f;       // in [0, 1]: credit() factor when the skill held is broader than required
  float twin_similarity = 0.95f;     // in [0, 1]: similarity of label twins (one skill in two sources, not merged)
  float related_hop_decay = 0.5f;    // in [0, 1]: factor on a two-link path a - x - b; 0 = direct links only
  float membership_similarity = 0.85f;  // in [0, 1]: H of a concept and a skill/knowledge/technology above it,
                                        // to the power of the broader links between them (0 = Lin only)
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
