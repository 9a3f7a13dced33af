// SkillSimilarity: option checks and the per-pair parts (hierarchy, related, co-occurrence) and their
// noisy-or combination. Every part is a merge of short sorted rows; nothing here allocates.
#include "skillmatch/similarity.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "embed/dot8.hpp"
#include "embed/embedding_access.hpp"
#include "skillmatch/embedder.hpp"
#include "taxonomy/similarity_tables.hpp"

namespace skillmatch {
namespace {

void check_unit(float value, const char* name) {
  if (!(value >= 0.0f && value <= 1.0f))
    fail(ErrorCode::invalid_argument,
         std::string("SimilarityOptions.") + name + " = " + std::to_string(value) + " is not in [0, 1]");
}

void check_options(const SimilarityOptions& o) {
  check_unit(o.hierarchy_weight, "hierarchy_weight");
  check_unit(o.related_weight, "related_weight");
  check_unit(o.cooccurrence_weight, "cooccurrence_weight");
  check_unit(o.related_hop_decay, "related_hop_decay");
  if (!(std::isfinite(o.count_smoothing) && o.count_smoothing > 0))
    fail(ErrorCode::invalid_argument,
         "SimilarityOptions.count_smoothing = " + std::to_string(o.count_smoothing) + " must be finite and > 0");
  check_unit(o.embedding_weight, "embedding_weight");
  check_unit(o.broader_credit, "broader_credit");
  check_unit(o.twin_similarity, "twin_similarity");
  check_unit(o.membership_similarity, "membership_similarity");
  if (!(o.embedding_floor >= -1.0f && o.embedding_floor < 1.0f))
    fail(ErrorCode::invalid_argument,
         "SimilarityOptions.embedding_floor = " + std::to_string(o.embedding_floor) + " is not in [-1, 1)");
  if (!(o.embedding_full > o.embedding_floor && o.embedding_full <= 1.0f))
    fail(ErrorCode::invalid_argument, "SimilarityOptions.embedding_full = " + std::to_string(o.embedding_full) +
                                          " is not in (embedding_floor, 1]");
  if (!(std::isfinite(o.evidence_shrinkage) && o.evidence_shrinkage >= 0))
    fail(ErrorCode::invalid_argument, "SimilarityOptions.evidence_shrinkage = " +
                                          std::to_string(o.evidence_shrinkage) + " must be finite and >= 0");
  if (!(std::isfinite(o.cooccurrence_shrinkage) && o.cooccurrence_shrinkage >= 0))
    fail(ErrorCode::invalid_argument, "SimilarityOptions.cooccurrence_shrinkage = " +
                                          std::to_string(o.cooccurrence_shrinkage) + " must be finite and >= 0");
}

/// Lin: 2 IC(lcs) / (IC(a) + IC(b)) over the most informative common ancestor.
// Calls f(x, y) for every pair of entries with the same concept in two lists sorted by concept
// (a linear merge: the lists are short, so this beats hashing).
template <typename Entry, typename F>
void for_each_common(std::span<const Entry> a, std::span<const Entry> b, F&& f) noexcept {
  auto i = a.begin(), j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (i->concept_index < j->concept_index) {
      ++i;
    } else if (j->concept_index < i->concept_index) {
      ++j;
    } else {
      f(*i, *j);
      ++i, ++j;
    }
  }
}

const AncestorEntry* find_ancestor(std::span<const AncestorEntry> row, ConceptIndex x) noexcept {
  auto it = std::lower_bound(row.begin(), row.end(), x,
                             [](const AncestorEntry& e, ConceptIndex t) { return e.concept_index < t; });
  return it != row.end() && it->concept_index == x ? &*it : nullptr;
}

bool has_ancestor(std::span<const AncestorEntry> row, ConceptIndex x) noexcept { return find_ancestor(row, x) != nullptr; }

/// H(a, b) on the concepts' stand-ins x, y (similarity_sources.hpp): 1 for the same; Lin
/// 2 IC(x) / (IC(x) + IC(y)) when x is above y (a member of a specific category is close to it, one
/// of a broad category is not); otherwise sqrt(count(x) count(y)) / count(lcs), lcs = the common
/// ancestor with the smallest count: two members of a category are as close as the category is tight
/// (0 when only roots are shared).
float hierarchy_part(const SkillSimilarity::Tables& t, ConceptIndex a, ConceptIndex b) noexcept {
  const ConceptIndex x = t.stand_in[a], y = t.stand_in[b];
  if (x == y) return 1;
  auto ax = t.ancestors.row(x), ay = t.ancestors.row(y);
  auto lin = [&](ConceptIndex upper, ConceptIndex lower) {
    const float d = t.ic[upper] + t.ic[lower];
    return d > 0 ? std::min(1.0f, 2 * t.ic[upper] / d) : 0.0f;
  };
  // A member of a skill or knowledge area (not a category) is close to it however broad the area is:
  // "TensorFlow" under "deep learning" under "machine learning" (Lin would say a member of a broad
  // area is far from it, which is right for a category of tools, wrong for a field and its tools).
  if (const AncestorEntry* up = find_ancestor(ay, x)) return std::max(lin(x, y), up->member);
  if (const AncestorEntry* up = find_ancestor(ax, y)) return std::max(lin(y, x), up->member);
  float lcs = 0;
  for_each_common(ax, ay, [&](const AncestorEntry& e, const AncestorEntry&) {
    if (e.ic > 0 && (lcs == 0 || e.count < lcs)) lcs = e.count;
  });
  if (lcs <= 0) return 0;
  return std::min(1.0f, static_cast<float>(std::sqrt(t.count[x] * t.count[y])) / lcs);
}

/// The learned-vector part: the cosine mapped linearly from [floor, full] to [0, 1], times how much
/// each vector rests on the concept's own data.
float embedding_part(const float* va, const float* vb, std::size_t dim, float trust_a, float trust_b,
                     const SimilarityOptions& o) noexcept {
  if (trust_a <= 0 || trust_b <= 0) return 0;
  const float cosine = detail::dot8(va, vb, dim);
  float ramp = std::clamp((cosine - o.embedding_floor) / (o.embedding_full - o.embedding_floor), 0.0f, 1.0f);
  return ramp * (trust_a * trust_b);  // grouped so that E(a, b) == E(b, a) bit for bit
}

float weight_of(std::span<const WeightedEntry> row, ConceptIndex target) noexcept {
  auto it = std::lower_bound(row.begin(), row.end(), target,
                             [](const WeightedEntry& e, ConceptIndex t) { return e.concept_index < t; });
  return it != row.end() && it->concept_index == target ? it->weight : 0.0f;
}

/// max(w(a,b), decay * max_x w(a,x) w(x,b)).
float related_part(std::span<const WeightedEntry> a, std::span<const WeightedEntry> b, ConceptIndex b_index,
                   float decay) noexcept {
  float direct = weight_of(a, b_index);
  float hop = 0;
  if (decay > 0) {
    for_each_common(a, b, [&](const WeightedEntry& x, const WeightedEntry& y) { hop = std::max(hop, x.weight * y.weight); });
  }
  return std::max(direct, decay * hop);
}

/// Calls f(x, y) for the entries of two occupation rows with the same occupation. When one row is much
/// longer (a generic tool listed by hundreds of occupations) the short one is looked up in it.
template <typename F>
void for_each_shared_occupation(std::span<const WeightedEntry> a, std::span<const WeightedEntry> b, F&& f) noexcept {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() > 16 * a.size()) {
    auto from = b.begin();
    for (const WeightedEntry& e : a) {
      from = std::lower_bound(from, b.end(), e.concept_index,
                              [](const WeightedEntry& x, ConceptIndex t) { return x.concept_index < t; });
      if (from == b.end()) break;
      if (from->concept_index == e.concept_index) f(e, *from);
    }
  } else {
    for_each_common(a, b, f);
  }
}

/// C(a, b): the co-occurrence measure over the occupations needing both, shrunk by n / (n + shrinkage).
float cooccurrence_part(const SkillSimilarity::Tables& t, ConceptIndex a, ConceptIndex b,
                        const SimilarityOptions& options) noexcept {
  auto ra = t.occupations.row(a), rb = t.occupations.row(b);
  if (ra.empty() || rb.empty()) return 0;
  if (options.cooccurrence_measure == CooccurrenceMeasure::npmi) {
    std::array<double, kOccupationSchemes> both{};
    std::array<std::uint32_t, kOccupationSchemes> shared{};
    for_each_shared_occupation(ra, rb, [&](const WeightedEntry& x, const WeightedEntry& y) {
      const auto slot = t.occupation_scheme[x.concept_index];
      both[slot] += std::min(x.weight, y.weight);
      ++shared[slot];
    });
    double best = 0;
    for (std::size_t s = 0; s < kOccupationSchemes; ++s) {
      if (shared[s] == 0) continue;
      const double total = t.scheme_occupations[s];
      const double pa = t.scheme_sum[std::size_t{a} * kOccupationSchemes + s] / total;
      const double pb = t.scheme_sum[std::size_t{b} * kOccupationSchemes + s] / total;
      const double pab = both[s] / total;
      if (!(pab > 0 && pab < 1 && pa > 0 && pb > 0)) continue;
      const double npmi = std::log(pab / (pa * pb)) / -std::log(pab);
      const double n = shared[s];
      best = std::max(best, npmi * n / (n + double{options.cooccurrence_shrinkage}));
    }
    return static_cast<float>(std::clamp(best, 0.0, 1.0));
  }
  double dot = 0, min_sum = 0;
  std::size_t shared = 0;
  for_each_shared_occupation(ra, rb, [&](const WeightedEntry& x, const WeightedEntry& y) {
    dot += double{x.weight} * double{y.weight}, ++shared;
    min_sum += std::min(x.weight, y.weight);
  });
  if (shared == 0) return 0;
  // sum of maxima = sum(a) + sum(b) - sum of minima.
  const double measure = options.cooccurrence_measure == CooccurrenceMeasure::cosine
                             ? dot / (double{t.occupation_norm[a]} * double{t.occupation_norm[b]})
                             : min_sum / (double{t.occupation_sum[a]} + double{t.occupation_sum[b]} - min_sum);
  const double n = static_cast<double>(shared);
  return static_cast<float>(std::clamp(measure * n / (n + double{options.cooccurrence_shrinkage}), 0.0, 1.0));
}

}  // namespace

SkillSimilarity::SkillSimilarity(std::shared_ptr<const Taxonomy> taxonomy, SimilarityOptions options,
                                 SimilarityEvidence evidence)
    : taxonomy_(std::move(taxonomy)), options_(options), embedding_(std::move(evidence.embedding)) {
  if (!taxonomy_) fail(ErrorCode::invalid_argument, "SkillSimilarity: taxonomy is null");
  check_options(options_);
  if (embedding_ && embedding_->taxonomy_ptr() != taxonomy_ &&
      (embedding_->size() != taxonomy_->size() ||
       embedding_->taxonomy_fingerprint() != EmbeddingAccess::taxonomy_fingerprint(*taxonomy_)))
    fail(ErrorCode::invalid_argument, "SkillSimilarity: the embedding was learned for another taxonomy");
  for (std::size_t p = 0; p < evidence.postings.size(); ++p)
    for (ConceptIndex c : evidence.postings[p])
      if (c >= taxonomy_->size())
        fail(ErrorCode::invalid_argument, "SkillSimilarity: posting " + std::to_string(p) + " names concept index " +
                                              std::to_string(c) + ", out of range (taxonomy has " +
                                              std::to_string(taxonomy_->size()) + " concepts)");
  tables_ = Tables::build(*taxonomy_, options_, evidence.postings);
  if (options_.precompute_neighbours) build_neighbours();
}

SkillSimilarity::~SkillSimilarity() = default;
SkillSimilarity::SkillSimilarity(SkillSimilarity&&) noexcept = default;
SkillSimilarity& SkillSimilarity::operator=(SkillSimilarity&&) noexcept = default;

void SkillSimilarity::check(ConceptIndex c) const {
  if (c >= taxonomy_->size())
    fail(ErrorCode::invalid_argument, "SkillSimilarity: concept index " + std::to_string(c) +
                                          " out of range (taxonomy has " + std::to_string(taxonomy_->size()) +
                                          " concepts)");
}

SimilarityParts SkillSimilarity::parts(ConceptIndex a0, ConceptIndex b0) const noexcept {
  const Tables& t = *tables_;
  // Label twins (the same skill in two sources, not merged) share one concept's evidence.
  const ConceptIndex a = t.evidence_of[a0], b = t.evidence_of[b0];
  if (a == b) return {1.0f, 1.0f, 1.0f, 1.0f, options_.twin_similarity};
  SimilarityParts p;
  p.hierarchy = hierarchy_part(t, a, b);
  p.related = related_part(t.associations.row(a), t.associations.row(b), b, options_.related_hop_decay);
  p.cooccurrence = cooccurrence_part(t, a, b, options_);
  if (embedding_) {
    const std::size_t dim = embedding_->dimension();
    const float* data = embedding_->data().data();
    p.embedding = embedding_part(data + std::size_t{a} * dim, data + std::size_t{b} * dim, dim, t.trust[a],
                                 t.trust[b], options_);
  }
  float miss = (1 - options_.hierarchy_weight * p.hierarchy) * (1 - options_.related_weight * p.related) *
               (1 - options_.cooccurrence_weight * p.cooccurrence) *
               (1 - options_.embedding_weight * p.embedding);
  p.combined = std::clamp(1 - miss, 0.0f, 1.0f);
  return p;
}

float SkillSimilarity::similarity(ConceptIndex a, ConceptIndex b) const {
  check(a);
  check(b);
  if (a == b) return 1.0f;
  return parts(a, b).combined;
}

SimilarityParts SkillSimilarity::explain(ConceptIndex a, ConceptIndex b) const {
  check(a);
  check(b);
  if (a == b) return {1.0f, 1.0f, 1.0f, 1.0f, 1.0f};
  return parts(a, b);
}

bool SkillSimilarity::broader_unchecked(ConceptIndex a, ConceptIndex b) const noexcept {
  if (a == b) return false;
  const Tables& t = *tables_;
  const ConceptIndex x = t.stand_in[a], y = t.stand_in[b];
  if (x != y) {
    if (has_ancestor(t.ancestors.row(y), x)) return true;   // a is above b in the hierarchy
    if (has_ancestor(t.ancestors.row(x), y)) return false;  // a is below b
  } else if (x == a) {
    return true;  // b is the generic member named like its category a: a stands above it
  } else if (x == b) {
    return false;
  }
  const auto& rank = tables_->specificity_rank;
  return rank[a] == 1 && rank[b] == 2;   // an area of knowledge or skill vs a named tool
}

bool SkillSimilarity::broader(ConceptIndex a, ConceptIndex b) const {
  check(a);
  check(b);
  return broader_unchecked(a, b);
}

float SkillSimilarity::credit(ConceptIndex requirement, ConceptIndex have) const {
  check(requirement);
  check(have);
  if (requirement == have) return 1.0f;
  const float s = parts(requirement, have).combined;
  return broader_unchecked(have, requirement) ? s * options_.broader_credit : s;
}

float SkillSimilarity::information_content(ConceptIndex c) const {
  check(c);
  return tables_->ic[c];
}

std::span<const Neighbour> SkillSimilarity::neighbours(ConceptIndex c) const {
  check(c);
  build_neighbours();
  return tables_->neighbours.row(c);
}

}  // namespace skillmatch
