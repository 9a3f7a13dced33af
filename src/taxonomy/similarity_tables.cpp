// Precomputation for SkillSimilarity: information content from real frequencies accumulated up the
// broader DAG, ancestor lists, association lists and occupation vectors (formulas in similarity.hpp).
#include <algorithm>
#include <cmath>
#include <iterator>
#include <vector>

#include "taxonomy/similarity_tables.hpp"

namespace skillmatch {
namespace {

bool is_association(RelationKind kind) noexcept {
  return kind == RelationKind::related || kind == RelationKind::occupation_related;
}

/// The factor that brings popularity to the scale of frequency: the median ratio over concepts that
/// have both (robust to a few odd concepts), else the ratio of the means, else 1.
double popularity_scale(const Taxonomy& taxonomy) {
  std::vector<double> ratios;
  double freq_sum = 0, pop_sum = 0;
  std::size_t freq_n = 0, pop_n = 0;
  for (ConceptIndex c = 0; c < taxonomy.size(); ++c) {
    const ConceptStats& s = taxonomy.stats(c);
    bool has_freq = std::isfinite(s.frequency) && s.frequency > 0;
    bool has_pop = std::isfinite(s.popularity) && s.popularity > 0;
    if (has_freq) freq_sum += s.frequency, ++freq_n;
    if (has_pop) pop_sum += s.popularity, ++pop_n;
    if (has_freq && has_pop) ratios.push_back(s.frequency / s.popularity);
  }
  if (!ratios.empty()) {
    auto mid = ratios.begin() + static_cast<std::ptrdiff_t>(ratios.size() / 2);
    std::nth_element(ratios.begin(), mid, ratios.end());
    return *mid;
  }
  if (freq_n > 0 && pop_n > 0)
    return (freq_sum / static_cast<double>(freq_n)) / (pop_sum / static_cast<double>(pop_n));
  return 1.0;
}

/// Ancestor sets (including the concept) in topological order: a concept's set is itself plus the
/// union of its parents' sets, so each set is built from already finished ones.
std::vector<std::vector<ConceptIndex>> ancestor_sets(const Taxonomy& taxonomy) {
  std::vector<std::vector<ConceptIndex>> sets(taxonomy.size());
  std::vector<ConceptIndex> merged;
  for (ConceptIndex c : taxonomy.topological_order()) {
    auto parents = taxonomy.broader(c);
    auto& set = sets[c];
    if (parents.size() == 1) {
      set = sets[parents[0]];
    } else {
      for (ConceptIndex p : parents) {
        merged.clear();
        std::set_union(set.begin(), set.end(), sets[p].begin(), sets[p].end(), std::back_inserter(merged));
        set.swap(merged);
      }
    }
    set.insert(std::lower_bound(set.begin(), set.end(), c), c);
  }
  return sets;
}

}  // namespace

std::unique_ptr<SkillSimilarity::Tables> SkillSimilarity::Tables::build(const Taxonomy& taxonomy,
                                                                         const SimilarityOptions& options) {
  auto t = std::make_unique<Tables>();
  const std::size_t n = taxonomy.size();
  const auto sets = ancestor_sets(taxonomy);

  // Counts: own count plus smoothing, added once to every distinct ancestor.
  const double scale = popularity_scale(taxonomy);
  t->count.assign(n, 0.0);
  for (ConceptIndex c = 0; c < n; ++c) {
    const ConceptStats& s = taxonomy.stats(c);
    double own = 0;
    if (std::isfinite(s.frequency) && s.frequency > 0)
      own = s.frequency;
    else if (std::isfinite(s.popularity) && s.popularity > 0)
      own = s.popularity * scale;
    own += options.count_smoothing;
    for (ConceptIndex a : sets[c]) t->count[a] += own;
  }

  // IC relative to the largest root above each concept, then normalised by the largest IC.
  std::vector<double> raw_ic(n, 0.0);
  double ic_max = 0;
  for (ConceptIndex c = 0; c < n; ++c) {
    double z = 0;
    for (ConceptIndex a : sets[c])
      if (taxonomy.broader(a).empty()) z = std::max(z, t->count[a]);
    raw_ic[c] = std::max(0.0, std::log(z / t->count[c]));
    ic_max = std::max(ic_max, raw_ic[c]);
  }
  t->ic.resize(n);
  for (ConceptIndex c = 0; c < n; ++c) t->ic[c] = ic_max > 0 ? static_cast<float>(raw_ic[c] / ic_max) : 0.0f;

  for (ConceptIndex c = 0; c < n; ++c) {
    for (ConceptIndex a : sets[c]) t->ancestors.items.push_back({a, t->ic[a]});
    t->ancestors.end_row();
  }

  // Association links, both directions, one entry per target with the larger weight.
  std::vector<WeightedEntry> row;
  for (ConceptIndex c = 0; c < n; ++c) {
    row.clear();
    for (const RelatedLink& l : taxonomy.related(c))
      if (is_association(l.kind)) row.push_back({l.target, l.weight});
    for (const RelatedLink& l : taxonomy.related_in(c))
      if (is_association(l.kind)) row.push_back({l.target, l.weight});
    std::sort(row.begin(), row.end(), [](const WeightedEntry& x, const WeightedEntry& y) {
      return x.concept_index != y.concept_index ? x.concept_index < y.concept_index : x.weight > y.weight;
    });
    auto last = std::unique(row.begin(), row.end(), [](const WeightedEntry& x, const WeightedEntry& y) {
      return x.concept_index == y.concept_index;
    });
    t->associations.items.insert(t->associations.items.end(), row.begin(), last);
    t->associations.end_row();
  }

  // Occupation vectors: the occupations that need each concept (incoming occupation_skill links).
  t->occupation_norm.assign(n, 0.0f);
  t->occupation_sum.assign(n, 0.0f);
  for (ConceptIndex c = 0; c < n; ++c) {
    row.clear();
    for (const RelatedLink& l : taxonomy.related_in(c))
      if (l.kind == RelationKind::occupation_skill) row.push_back({l.target, l.weight});
    if (row.size() >= options.min_cooccurrence_support && !row.empty()) {
      std::sort(row.begin(), row.end(), [](const WeightedEntry& x, const WeightedEntry& y) {
        return x.concept_index < y.concept_index;
      });
      double sq = 0, sum = 0;
      for (const WeightedEntry& e : row) sq += double{e.weight} * double{e.weight}, sum += e.weight;
      t->occupation_norm[c] = static_cast<float>(std::sqrt(sq));
      t->occupation_sum[c] = static_cast<float>(sum);
      t->occupations.items.insert(t->occupations.items.end(), row.begin(), row.end());
    }
    t->occupations.end_row();
  }

  // Narrower lists ordered by count: the best Lin candidates below an ancestor come first.
  for (ConceptIndex c = 0; c < n; ++c) {
    auto children = taxonomy.narrower(c);
    auto first = t->narrower_by_count.items.size();
    t->narrower_by_count.items.insert(t->narrower_by_count.items.end(), children.begin(), children.end());
    std::sort(t->narrower_by_count.items.begin() + static_cast<std::ptrdiff_t>(first), t->narrower_by_count.items.end(),
              [&](ConceptIndex x, ConceptIndex y) {
                return t->count[x] != t->count[y] ? t->count[x] > t->count[y] : x < y;
              });
    t->narrower_by_count.end_row();
  }
  return t;
}

}  // namespace skillmatch
