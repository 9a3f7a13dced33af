// SkillSimilarity: option checks and the per-pair parts (hierarchy, related, co-occurrence) and their
// noisy-or combination. Every part is a merge of short sorted rows; nothing here allocates.
#include "skillmatch/similarity.hpp"

#include <algorithm>
#include <cmath>
#include <string>

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

float lin(std::span<const AncestorEntry> a, std::span<const AncestorEntry> b, float ic_a, float ic_b) noexcept {
  float denominator = ic_a + ic_b;
  if (denominator <= 0) return 0;
  float best = 0;
  for_each_common(a, b, [&](const AncestorEntry& x, const AncestorEntry&) { best = std::max(best, x.ic); });
  return std::min(1.0f, 2 * best / denominator);
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

struct VectorStats {
  float norm, sum;
};

/// Shrunk cosine or weighted Jaccard of two sorted sparse vectors. When one is much longer (a generic
/// tool listed by hundreds of occupations) the short one is looked up in it by binary search.
float cooccurrence_part(std::span<const WeightedEntry> a, std::span<const WeightedEntry> b, VectorStats sa,
                        VectorStats sb, const SimilarityOptions& options) noexcept {
  if (a.empty() || b.empty() || sa.norm <= 0 || sb.norm <= 0) return 0;
  if (a.size() > b.size()) std::swap(a, b);
  double dot = 0, min_sum = 0;
  std::size_t shared = 0;
  if (b.size() > 16 * a.size()) {
    auto from = b.begin();
    for (const WeightedEntry& e : a) {
      from = std::lower_bound(from, b.end(), e.concept_index,
                              [](const WeightedEntry& x, ConceptIndex t) { return x.concept_index < t; });
      if (from == b.end()) break;
      if (from->concept_index == e.concept_index) {
        dot += double{e.weight} * double{from->weight}, ++shared;
        min_sum += std::min(e.weight, from->weight);
      }
    }
  } else {
    for_each_common(a, b, [&](const WeightedEntry& x, const WeightedEntry& y) {
      dot += double{x.weight} * double{y.weight}, ++shared;
      min_sum += std::min(x.weight, y.weight);
    });
  }
  if (shared == 0) return 0;
  // sum of maxima = sum(a) + sum(b) - sum of minima.
  double measure = options.cooccurrence_measure == CooccurrenceMeasure::cosine
                       ? dot / (double{sa.norm} * double{sb.norm})
                       : min_sum / (double{sa.sum} + double{sb.sum} - min_sum);
  double n = static_cast<double>(shared);
  return static_cast<float>(std::clamp(measure * n / (n + double{options.cooccurrence_shrinkage}), 0.0, 1.0));
}

}  // namespace

SkillSimilarity::SkillSimilarity(std::shared_ptr<const Taxonomy> taxonomy, SimilarityOptions options)
    : taxonomy_(std::move(taxonomy)), options_(options) {
  if (!taxonomy_) fail(ErrorCode::invalid_argument, "SkillSimilarity: taxonomy is null");
  check_options(options_);
  tables_ = Tables::build(*taxonomy_, options_);
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

SimilarityParts SkillSimilarity::parts(ConceptIndex a, ConceptIndex b) const noexcept {
  const Tables& t = *tables_;
  SimilarityParts p;
  p.hierarchy = lin(t.ancestors.row(a), t.ancestors.row(b), t.ic[a], t.ic[b]);
  p.related = related_part(t.associations.row(a), t.associations.row(b), b, options_.related_hop_decay);
  p.cooccurrence = cooccurrence_part(t.occupations.row(a), t.occupations.row(b),
                                     {t.occupation_norm[a], t.occupation_sum[a]},
                                     {t.occupation_norm[b], t.occupation_sum[b]}, options_);
  float miss = (1 - options_.hierarchy_weight * p.hierarchy) * (1 - options_.related_weight * p.related) *
               (1 - options_.cooccurrence_weight * p.cooccurrence);
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
  if (a == b) return {1.0f, 1.0f, 1.0f, 1.0f};
  return parts(a, b);
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
