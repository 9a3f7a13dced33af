// Precomputation for SkillSimilarity: information content from real frequencies accumulated up the
// broader DAG, ancestor lists, association lists and occupation vectors (formulas in similarity.hpp).
#include <algorithm>
#include <cmath>
#include <iterator>
#include <vector>

#include "taxonomy/similarity_sources.hpp"
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

struct Ancestor {
  ConceptIndex concept_index;
  std::uint32_t hops;  // broader links on the shortest path up to it (0 for the concept itself)
};

/// Ancestor sets (including the concept, sorted by index) in topological order: a concept's set is
/// itself plus the union of its parents' sets one hop further, the shorter path kept; each set is
/// built from already finished ones.
std::vector<std::vector<Ancestor>> ancestor_sets(const Taxonomy& taxonomy) {
  std::vector<std::vector<Ancestor>> sets(taxonomy.size());
  std::vector<Ancestor> merged;
  for (ConceptIndex c : taxonomy.topological_order()) {
    auto& set = sets[c];
    for (ConceptIndex p : taxonomy.broader(c)) {
      merged.clear();
      auto i = set.begin();
      for (const Ancestor& up : sets[p]) {
        const Ancestor a{up.concept_index, up.hops + 1};
        while (i != set.end() && i->concept_index < a.concept_index) merged.push_back(*i++);
        if (i != set.end() && i->concept_index == a.concept_index) {
          merged.push_back({a.concept_index, std::min(i->hops, a.hops)});
          ++i;
        } else {
          merged.push_back(a);
        }
      }
      merged.insert(merged.end(), i, set.end());
      set.swap(merged);
    }
    const auto at = std::lower_bound(set.begin(), set.end(), c,
                                     [](const Ancestor& a, ConceptIndex x) { return a.concept_index < x; });
    set.insert(at, Ancestor{c, 0});
  }
  return sets;
}

}  // namespace

std::unique_ptr<SkillSimilarity::Tables> SkillSimilarity::Tables::build(
    const Taxonomy& taxonomy, const SimilarityOptions& options, std::span<const std::vector<ConceptIndex>> postings) {
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
    for (const Ancestor& a : sets[c]) t->count[a.concept_index] += own;
  }

  // IC relative to the largest root above each concept, then normalised by the largest IC.
  std::vector<double> raw_ic(n, 0.0);
  double ic_max = 0;
  for (ConceptIndex c = 0; c < n; ++c) {
    double z = 0;
    for (const Ancestor& a : sets[c])
      if (taxonomy.broader(a.concept_index).empty()) z = std::max(z, t->count[a.concept_index]);
    raw_ic[c] = std::max(0.0, std::log(z / t->count[c]));
    ic_max = std::max(ic_max, raw_ic[c]);
  }
  t->ic.resize(n);
  for (ConceptIndex c = 0; c < n; ++c) t->ic[c] = ic_max > 0 ? static_cast<float>(raw_ic[c] / ic_max) : 0.0f;

  for (ConceptIndex c = 0; c < n; ++c) {
    for (const Ancestor& a : sets[c]) {
      const ConceptIndex x = a.concept_index;
      const float member = taxonomy.kind(x) == ConceptKind::category
                               ? 0.0f
                               : std::pow(options.membership_similarity, static_cast<float>(a.hops));
      t->ancestors.items.push_back({x, t->ic[x], static_cast<float>(t->count[x]), member});
    }
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

  // Occupation schemes: NPMI compares a pair with chance within one source's occupations (a tool
  // every O*NET occupation lists is a hub there, whatever ESCO says).
  t->occupation_scheme.assign(n, 0);
  t->scheme_sum.assign(n * kOccupationSchemes, 0.0f);
  {
    std::vector<std::string_view> schemes;
    for (ConceptIndex o = 0; o < n; ++o) {
      bool has_skills = false;
      for (const RelatedLink& l : taxonomy.related(o)) has_skills = has_skills || l.kind == RelationKind::occupation_skill;
      if (!has_skills) continue;
      const auto scheme = detail::id_scheme(taxonomy.id(o));
      auto it = std::find(schemes.begin(), schemes.end(), scheme);
      std::size_t slot = static_cast<std::size_t>(it - schemes.begin());
      if (it == schemes.end()) schemes.push_back(scheme);
      slot = std::min(slot, kOccupationSchemes - 1);
      t->occupation_scheme[o] = static_cast<std::uint8_t>(slot);
      t->scheme_occupations[slot] += 1;
    }
    for (ConceptIndex c = 0; c < n; ++c)
      for (const WeightedEntry& e : t->occupations.row(c))
        t->scheme_sum[std::size_t{c} * kOccupationSchemes + t->occupation_scheme[e.concept_index]] += e.weight;
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

  // Postings: each posting's distinct concepts (postings naming fewer than two say nothing about
  // pairs), and per concept the postings naming it.
  std::vector<std::uint32_t> evidence(n, 0);
  std::vector<ConceptIndex> members;
  for (const auto& posting : postings) {
    members.assign(posting.begin(), posting.end());
    std::sort(members.begin(), members.end());
    members.erase(std::unique(members.begin(), members.end()), members.end());
    if (members.size() < 2) continue;
    t->posting_members.items.insert(t->posting_members.items.end(), members.begin(), members.end());
    t->posting_members.end_row();
    for (ConceptIndex c : members) ++evidence[c];
  }
  {
    std::vector<std::uint32_t> fill(n + 1, 0);
    for (ConceptIndex c = 0; c < n; ++c) fill[c + 1] = fill[c] + evidence[c];
    t->postings_of.begin = fill;
    t->postings_of.items.resize(fill[n]);
    const std::size_t posting_count = t->posting_members.begin.size() - 1;
    for (std::uint32_t p = 0; p < posting_count; ++p)
      for (ConceptIndex c : t->posting_members.row(p)) t->postings_of.items[fill[c]++] = p;
  }

  // Trust: how much a concept's learned vector rests on its own data (postings, occupations, links)
  // rather than on the hierarchy alone.
  t->trust.assign(n, 0.0f);
  t->specificity_rank.assign(n, 0);
  std::vector<double> docs(n, 0.0);
  for (ConceptIndex c = 0; c < n; ++c) {
    docs[c] = static_cast<double>(evidence[c] + t->associations.row(c).size());
    for (const RelatedLink& l : taxonomy.related_in(c))
      if (l.kind == RelationKind::occupation_skill) docs[c] += 1;
    for (const RelatedLink& l : taxonomy.related(c))
      if (l.kind == RelationKind::occupation_skill) docs[c] += 1;  // an occupation's own skill list
    // No data of its own: no trust, whatever the shrinkage (also keeps 0 / 0 out when it is 0).
    t->trust[c] = docs[c] > 0 ? static_cast<float>(docs[c] / (docs[c] + double{options.evidence_shrinkage})) : 0.0f;
    switch (taxonomy.kind(c)) {
      case ConceptKind::technology:
      case ConceptKind::certification: t->specificity_rank[c] = 2; break;
      case ConceptKind::skill:
      case ConceptKind::knowledge:
      case ConceptKind::soft_skill: t->specificity_rank[c] = 1; break;
      default: t->specificity_rank[c] = 0; break;
    }
  }
  t->evidence_of = detail::label_twin_representatives(taxonomy);
  t->stand_in = detail::category_stand_ins(taxonomy);
  return t;
}

}  // namespace skillmatch
