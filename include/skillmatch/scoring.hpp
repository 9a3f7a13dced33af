// skillmatch/scoring.hpp — the hybrid score of a (job, candidate) pair and its explanation.
//
// score = Σ over the parts present of  w'_p · value_p,   w'_p = w_p / Σ_{present q} w_q
//
//   vector      max(0, cos(job vector, candidate vector))                       always present
//   required    coverage of the job's must-have skills by the candidate's skills  if the job has musts
//   preferred   coverage of the job's nice-to-have skills                         if it has nice-to-haves
//   preferences share of the query's soft preferences (weighted) the document meets  if any were given
//
// coverage = Σ_r w_r · credit_r / Σ_r w_r over the job's skills r of that kind, where
// w_r = weight_r · ((1 - specificity) + specificity · IC(r)) and IC is the concept's normalised
// information content (SkillSimilarity::information_content; 0.5 for a concept outside any
// hierarchy): rare, specific skills count more than ubiquitous ones, as TF-IDF weighs terms; with
// credit_r = max over the candidate's skills s of sim(r, s) · level_factor(r, s): sim is the
// taxonomy's skill similarity (1 for the same concept), level_factor compares years and levels when
// the job states them: 0.5 + 0.5 · min(1, have / want) per stated dimension, 0.75 when the candidate
// does not state it, 1 when the job does not ask. A must-have is met when some candidate skill s has
// sim(r, s) >= `must_threshold` (meets()); it is then credited by the best such skill, which the
// explanation names with the evidence (SimilarityParts) behind its similarity; otherwise it is
// reported missing.
// Absent parts: required and preferred are one skill budget, so when a job has only one kind of skill
// that kind gets both weights and the vector keeps its share for every job; a job without any resolved
// skill, or a query without preferences, spreads the absent weight over the present parts in
// proportion. Every score is in [0, 1], the contributions in an explanation add up to the score, and
// a score means the same for every query of the same options (docs/matching.md "What a score means").
// Scores do not depend on the direction of the query: (job, candidate) scores the same from either side.
//
// Thread-safety: a HybridScorer is immutable; score() may run concurrently.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "skillmatch/profile.hpp"
#include "skillmatch/similarity.hpp"

namespace skillmatch {

// Fitted on the dev splits by `skillmatch evaluate-matching --fit` (coordinate ascent, must-haves kept at
// least as heavy as nice-to-haves; docs/matching.md#evaluation), with similarity_floor 0.45 and
// specificity 1 (MatchOptions). Since the skill similarity rests on curated relations and an embedding
// ramp that no longer saturates (docs/similarity.md), coverage earns 28.5 % of the weight: the hybrid
// ranks above both its parts on the ESCO set and above the vector on O*NET's job -> candidates.
// Preferences keep a fixed 0.05 (the sets have none).
struct ScoreWeights {
  float vector = 0.665f;
  float required = 0.1425f;
  float preferred = 0.1425f;
  float preferences = 0.05f;
};

/// A soft preference: a filter expression over the other side's attributes and its weight (> 0).
struct Preference {
  std::string expression;
  float weight = 1.0f;
};

struct RequirementOutcome {
  ConceptIndex requirement = no_concept;  // the job's skill
  std::string requirement_text;           // as the job wrote it
  bool required = false;
  float weight = 0;                        // the job's weight of this skill
  ConceptIndex matched_by = no_concept;    // the candidate's best skill, or no_concept
  std::string matched_text;                // as the candidate wrote it
  float similarity = 0;                    // sim(requirement, matched_by)
  float level_factor = 1;                  // years/level adjustment
  float credit = 0;                        // similarity · level_factor
  bool met = false;                        // similarity >= must_threshold (a must-have is met)
  SimilarityParts evidence;                // why matched_by relates to the requirement (1s: the same concept)
  float contribution = 0;                  // this requirement's share of the score
};

struct PreferenceOutcome {
  std::string expression;
  float weight = 0;
  bool passed = false;
  float contribution = 0;
};

/// One part of the score: its value in [0, 1], effective weight and contribution (= value · weight).
struct ScorePart {
  bool present = false;
  float value = 0;
  float weight = 0;
  float contribution = 0;
};

struct ScoreBreakdown {
  ScorePart vector, required, preferred, preferences;
  std::vector<RequirementOutcome> requirements;  // the job's skills, in its order
  std::vector<std::string> missing_required;     // musts below the threshold (as the job wrote them)
  std::vector<PreferenceOutcome> preference_outcomes;
  float score = 0;                               // the sum of the contributions
};

/// credit_similarity() and the information content of requirements, remembered for the concepts of
/// one batch (Engine::match_all): a query in either direction scores up to k' documents with
/// |job skills| x |candidate skills| similarities each, and the same pairs recur across queries, so
/// each pair is computed once per batch instead of once per (query, document). The table is dense over
/// the given requirement concepts x held concepts (4 bytes a pair, at most `max_pairs`, else inactive);
/// a concept outside the lists is computed directly. Values are exactly the similarity's (scores do not
/// change). Thread-safety: const members may run concurrently (entries fill in with relaxed atomics;
/// two threads computing one pair store the same value).
class CreditMemo {
 public:
  /// `held_major`: lay the table out by held concept (the pairs of one held concept contiguous), for
  /// batches whose queries are candidates: a query's few skills then touch a few contiguous rows,
  /// which stay in cache across its k' documents. False: by requirement (queries are jobs).
  CreditMemo(const SkillSimilarity& similarity, std::span<const ConceptIndex> requirements,
             std::span<const ConceptIndex> held, bool held_major = false,
             std::size_t max_pairs = std::size_t{1} << 25);
  ~CreditMemo();
  CreditMemo(const CreditMemo&) = delete;
  CreditMemo& operator=(const CreditMemo&) = delete;
  bool active() const noexcept { return active_; }
  /// similarity.credit(requirement, have).
  float credit(ConceptIndex requirement, ConceptIndex have) const;
  /// similarity.information_content(requirement) (0.5 for a concept outside any hierarchy, as
  /// HybridScorer::effective_weight counts it).
  float information_content(ConceptIndex requirement) const;
  /// The information content effective_weight() uses, computed (no memo).
  static float direct_ic(const SkillSimilarity& similarity, ConceptIndex requirement);

 private:
  const SkillSimilarity* similarity_;
  bool active_ = false;
  std::vector<std::int32_t> requirement_slot_, held_slot_;  // per concept, -1 = not in the table
  std::size_t requirement_count_ = 0, held_count_ = 0;
  bool held_major_ = false;
  struct Table;
  std::unique_ptr<Table> table_;
};

class HybridScorer {
 public:
  /// Error(invalid_argument) when a weight is negative or not finite, all are zero, or the
  /// threshold or the floor is outside [0, 1].
  HybridScorer(const SkillSimilarity& similarity, ScoreWeights weights, float must_threshold = 0.5f,
               float similarity_floor = 0.45f, float specificity = 1.0f);

  /// The score of a pair. `preference_share` is the weighted share of preferences met in [0, 1], or
  /// a negative number when the query gave none. With `out`, fills the breakdown (allocates);
  /// without, allocates nothing.
  float score(std::span<const ProfileSkill> job_skills, std::span<const ProfileSkill> candidate_skills,
              float vector_cosine, float preference_share, ScoreBreakdown* out = nullptr) const;

  /// Whether every must-have of the job is met: some candidate skill meets it (see meets()).
  bool meets_required(std::span<const ProfileSkill> job_skills, std::span<const ProfileSkill> candidate_skills) const;
  /// Whether a candidate skill `have` meets the requirement `want` on its own: its similarity to the
  /// requirement reaches must_threshold (and the floor). The one rule behind `missing_required`,
  /// meets_required() and the engine's required_as_filter.
  bool meets(const ProfileSkill& want, ConceptIndex have) const;
  /// The similarity a candidate skill `have` earns for requirement `requirement` (1 for the same concept).
  float credit_similarity(ConceptIndex requirement, ConceptIndex have) const;

  /// Takes similarities and information contents from `memo` (borrowed; null = none) instead of
  /// computing them: the same scores, faster for batches.
  void use_memo(const CreditMemo* memo) noexcept { memo_ = memo && memo->active() ? memo : nullptr; }

  const ScoreWeights& weights() const noexcept { return weights_; }
  float must_threshold() const noexcept { return must_threshold_; }
  float similarity_floor() const noexcept { return similarity_floor_; }
  /// A requirement's weight in its coverage: weight · ((1 - specificity) + specificity · IC).
  float effective_weight(const ProfileSkill& want) const;

 private:
  struct Best {
    const ProfileSkill* skill = nullptr;
    float similarity = 0, level_factor = 1, credit = 0;
  };
  Best best_match(const ProfileSkill& want, std::span<const ProfileSkill> have) const;
  bool meets_one(const ProfileSkill& want, std::span<const ProfileSkill> have) const;

  const SkillSimilarity* similarity_;
  const CreditMemo* memo_ = nullptr;
  ScoreWeights weights_;
  float must_threshold_;
  float similarity_floor_;
  float specificity_;
};

/// level_factor as documented above (exposed for tests and explanations).
float level_factor(const ProfileSkill& want, const ProfileSkill& have) noexcept;
/// Years of experience as a level: < 1 -> 1, < 3 -> 2, < 5 -> 3, < 8 -> 4, else 5.
float years_to_level(float years) noexcept;

}  // namespace skillmatch
