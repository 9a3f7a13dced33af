#include "skillmatch/scoring.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>

namespace skillmatch {

float years_to_level(float years) noexcept {
  return years < 1 ? 1.0f : years < 3 ? 2.0f : years < 5 ? 3.0f : years < 8 ? 4.0f : 5.0f;
}

float level_factor(const ProfileSkill& want, const ProfileSkill& have) noexcept {
  if (want.years <= 0 && want.level <= 0) return 1.0f;  // the job asks for no level
  float want_value, have_value;
  if (want.years > 0 && have.years > 0) {
    want_value = want.years;
    have_value = have.years;
  } else {
    // Different scales (or one missing): compare as levels (docs/profiles.md).
    want_value = want.level > 0 ? want.level : years_to_level(want.years);
    have_value = have.level > 0 ? have.level : have.years > 0 ? years_to_level(have.years) : 0;
  }
  if (have_value <= 0) return 0.75f;  // the candidate does not say
  return 0.5f + 0.5f * std::min(1.0f, have_value / want_value);
}

namespace {
constexpr float unset = -1.0f;  // no credit or IC is negative
}

struct CreditMemo::Table {
  std::vector<std::atomic<float>> credit, ic;
};

float CreditMemo::direct_ic(const SkillSimilarity& similarity, ConceptIndex c) {
  // A concept outside any hierarchy has no information content to speak of (its IC is 0 by
  // construction, not because it is common): it counts as average.
  const bool isolated = similarity.taxonomy().broader(c).empty();
  return isolated ? 0.5f : similarity.information_content(c);
}

CreditMemo::CreditMemo(const SkillSimilarity& similarity, std::span<const ConceptIndex> requirements,
                       std::span<const ConceptIndex> held, bool held_major, std::size_t max_pairs)
    : similarity_(&similarity), held_major_(held_major) {
  const std::size_t n = similarity.taxonomy().size();
  requirement_slot_.assign(n, -1);
  held_slot_.assign(n, -1);
  std::size_t nr = 0;
  for (ConceptIndex c : requirements)
    if (c < n && requirement_slot_[c] < 0) requirement_slot_[c] = static_cast<std::int32_t>(nr++);
  for (ConceptIndex c : held)
    if (c < n && held_slot_[c] < 0) held_slot_[c] = static_cast<std::int32_t>(held_count_++);
  requirement_count_ = nr;
  if (nr == 0 || held_count_ == 0 || nr > max_pairs / held_count_) return;
  table_ = std::make_unique<Table>();
  table_->credit = std::vector<std::atomic<float>>(nr * held_count_);
  for (auto& x : table_->credit) x.store(unset, std::memory_order_relaxed);
  table_->ic = std::vector<std::atomic<float>>(nr);
  for (auto& x : table_->ic) x.store(unset, std::memory_order_relaxed);
  active_ = true;
}

CreditMemo::~CreditMemo() = default;

float CreditMemo::credit(ConceptIndex requirement, ConceptIndex have) const {
  if (!active_ || requirement >= requirement_slot_.size() || have >= held_slot_.size() ||
      requirement_slot_[requirement] < 0 || held_slot_[have] < 0)
    return similarity_->credit(requirement, have);
  const auto r = static_cast<std::size_t>(requirement_slot_[requirement]);
  const auto h = static_cast<std::size_t>(held_slot_[have]);
  auto& slot = table_->credit[held_major_ ? h * requirement_count_ + r : r * held_count_ + h];
  float v = slot.load(std::memory_order_relaxed);
  if (v == unset) {
    v = similarity_->credit(requirement, have);
    slot.store(v, std::memory_order_relaxed);
  }
  return v;
}

float CreditMemo::information_content(ConceptIndex requirement) const {
  if (!active_ || requirement >= requirement_slot_.size() || requirement_slot_[requirement] < 0)
    return direct_ic(*similarity_, requirement);
  auto& slot = table_->ic[static_cast<std::size_t>(requirement_slot_[requirement])];
  float v = slot.load(std::memory_order_relaxed);
  if (v == unset) {
    v = direct_ic(*similarity_, requirement);
    slot.store(v, std::memory_order_relaxed);
  }
  return v;
}

HybridScorer::HybridScorer(const SkillSimilarity& similarity, ScoreWeights weights, float must_threshold,
                           float similarity_floor, float specificity)
    : similarity_(&similarity),
      weights_(weights),
      must_threshold_(must_threshold),
      similarity_floor_(similarity_floor),
      specificity_(specificity) {
  if (!(specificity >= 0 && specificity <= 1)) fail(ErrorCode::invalid_argument, "specificity must be in [0, 1]");
  for (float w : {weights.vector, weights.required, weights.preferred, weights.preferences})
    if (!(w >= 0) || !std::isfinite(w))
      fail(ErrorCode::invalid_argument, "score weights must be finite and >= 0");
  if (weights.vector + weights.required + weights.preferred + weights.preferences <= 0)
    fail(ErrorCode::invalid_argument, "at least one score weight must be > 0");
  if (!(must_threshold >= 0 && must_threshold <= 1))
    fail(ErrorCode::invalid_argument, "must_threshold must be in [0, 1]");
  if (!(similarity_floor >= 0 && similarity_floor <= 1))
    fail(ErrorCode::invalid_argument, "similarity_floor must be in [0, 1]");
}

float HybridScorer::credit_similarity(ConceptIndex requirement, ConceptIndex have) const {
  if (requirement == have) return 1.0f;
  return memo_ ? memo_->credit(requirement, have) : similarity_->credit(requirement, have);
}

bool HybridScorer::meets(const ProfileSkill& want, ConceptIndex have) const {
  const float sim = credit_similarity(want.concept_index, have);
  return sim >= must_threshold_ && sim >= similarity_floor_ && sim > 0;
}

HybridScorer::Best HybridScorer::best_match(const ProfileSkill& want, std::span<const ProfileSkill> have) const {
  // A must-have is credited by a skill that meets it when there is one (the explanation then names
  // the skill that met it); only when none does, by the best partial match.
  Best best, best_meeting;
  for (const auto& s : have) {
    float sim = credit_similarity(want.concept_index, s.concept_index);
    if (sim <= 0 || sim < similarity_floor_) continue;
    float lf = level_factor(want, s);
    float credit = sim * lf;
    Best b{&s, sim, lf, credit};
    if (credit > best.credit || (credit == best.credit && sim > best.similarity)) best = b;
    if (want.required && sim >= must_threshold_ &&
        (credit > best_meeting.credit || (credit == best_meeting.credit && sim > best_meeting.similarity)))
      best_meeting = b;
  }
  return best_meeting.skill ? best_meeting : best;
}

float HybridScorer::effective_weight(const ProfileSkill& want) const {
  if (specificity_ <= 0) return want.weight;
  // Specific skills tell more about a match than ubiquitous ones (Excel, email): scale by the
  // concept's information content, as TF-IDF scales terms by rarity.
  // A concept outside any hierarchy has no information content to speak of (its IC is 0 by
  // construction, not because it is common): it counts as average.
  float ic = memo_ ? memo_->information_content(want.concept_index) : CreditMemo::direct_ic(*similarity_, want.concept_index);
  return want.weight * ((1.0f - specificity_) + specificity_ * ic);
}

bool HybridScorer::meets_required(std::span<const ProfileSkill> job_skills,
                                  std::span<const ProfileSkill> candidate_skills) const {
  for (const auto& want : job_skills)
    if (want.required && !meets_one(want, candidate_skills)) return false;
  return true;
}

bool HybridScorer::meets_one(const ProfileSkill& want, std::span<const ProfileSkill> have) const {
  for (const auto& s : have)
    if (meets(want, s.concept_index)) return true;
  return false;
}

float HybridScorer::score(std::span<const ProfileSkill> job_skills, std::span<const ProfileSkill> candidate_skills,
                          float vector_cosine, float preference_share, ScoreBreakdown* out) const {
  float req_sum = 0, req_credit = 0, nice_sum = 0, nice_credit = 0;
  if (out) {
    out->requirements.clear();
    out->missing_required.clear();
  }
  for (const auto& want : job_skills) {
    Best b = best_match(want, candidate_skills);
    const float w = effective_weight(want);
    (want.required ? req_sum : nice_sum) += w;
    (want.required ? req_credit : nice_credit) += w * b.credit;
    if (out) {
      RequirementOutcome r;
      r.requirement = want.concept_index;
      r.requirement_text = want.text;
      r.required = want.required;
      r.weight = w;
      if (b.skill) {
        r.matched_by = b.skill->concept_index;
        r.matched_text = b.skill->text;
      }
      r.similarity = b.similarity;
      r.level_factor = b.skill ? b.level_factor : 1.0f;
      r.credit = b.credit;
      r.met = b.skill && b.similarity >= must_threshold_;
      if (b.skill) r.evidence = want.concept_index == b.skill->concept_index
                                    ? SimilarityParts{1, 1, 1, 1}
                                    : similarity_->explain(want.concept_index, b.skill->concept_index);
      if (want.required && !r.met) out->missing_required.push_back(want.text);
      out->requirements.push_back(std::move(r));
    }
  }
  ScorePart parts[4];
  parts[0] = {true, std::max(0.0f, std::min(1.0f, vector_cosine)), weights_.vector, 0};
  parts[1] = {req_sum > 0, req_sum > 0 ? req_credit / req_sum : 0, weights_.required, 0};
  parts[2] = {nice_sum > 0, nice_sum > 0 ? nice_credit / nice_sum : 0, weights_.preferred, 0};
  parts[3] = {preference_share >= 0, std::max(0.0f, std::min(1.0f, preference_share)), weights_.preferences, 0};
  // Absent parts (docs/matching.md "What a score means"): the two coverage parts are one skill
  // budget, so a job without must-haves (or without nice-to-haves) gives the missing part's weight
  // to the other coverage part, and the vector keeps its share for every job. Only when the job has
  // no resolved skill at all, or the query gives no preferences, is the absent weight spread over the
  // parts present in proportion.
  if (!parts[1].present && parts[2].present) parts[2].weight += parts[1].weight;
  if (!parts[2].present && parts[1].present) parts[1].weight += parts[2].weight;
  float total_weight = 0;
  for (auto& p : parts)
    if (p.present) total_weight += p.weight;
  float score = 0;
  for (auto& p : parts) {
    p.weight = p.present && total_weight > 0 ? p.weight / total_weight : 0;
    p.contribution = p.value * p.weight;
    score += p.contribution;
  }
  if (out) {
    out->vector = parts[0];
    out->required = parts[1];
    out->preferred = parts[2];
    out->preferences = parts[3];
    // Each requirement's contribution: its share of its part's contribution.
    for (auto& r : out->requirements) {
      const ScorePart& part = r.required ? parts[1] : parts[2];
      float sum = r.required ? req_sum : nice_sum;
      r.contribution = sum > 0 ? part.weight * r.weight * r.credit / sum : 0;
    }
    out->score = score;
  }
  return score;
}

}  // namespace skillmatch
