// Neighbour lists of SkillSimilarity: per concept, a bounded candidate set from the hierarchy, the
// association links and shared occupations, scored with the full similarity; never all pairs.
#include <algorithm>
#include <vector>

#include "taxonomy/similarity_tables.hpp"

namespace skillmatch {
namespace {

/// One pending child in the best-first walk down from an ancestor: narrower_by_count.row(parent)[pos].
struct PendingChild {
  double count;
  ConceptIndex parent;
  std::uint32_t pos;
};

bool heap_less(const PendingChild& x, const PendingChild& y) noexcept {
  return x.count != y.count ? x.count < y.count : x.parent > y.parent;
}

}  // namespace

void SkillSimilarity::build_neighbours() const {
  Tables& t = *tables_;
  std::call_once(t.neighbours_once, [&] {
    const std::size_t n = taxonomy_->size();
    const std::size_t k = options_.neighbour_count;
    const std::size_t m = std::max<std::size_t>(options_.neighbour_candidates, k);
    Csr<Neighbour> out;
    out.begin.reserve(n + 1);

    std::vector<std::uint32_t> candidate_stamp(n, 0), walk_stamp(n, 0);
    std::uint32_t walk = 0;
    std::vector<ConceptIndex> candidates;
    std::vector<PendingChild> heap;
    std::vector<double> dot(n, 0.0);
    std::vector<ConceptIndex> touched;
    std::vector<Neighbour> scored;
    // Grouping nodes (UNSPSC classes, ESCO skill groups) are nobody's skill: never a neighbour.
    std::vector<bool> is_category(n);
    for (ConceptIndex c = 0; c < n; ++c) is_category[c] = taxonomy_->kind(c) == ConceptKind::category;

    for (ConceptIndex c = 0; c < n && k > 0; ++c) {
      candidates.clear();
      const std::uint32_t stamp = c + 1;
      auto add = [&](ConceptIndex x) {
        if (x != c && candidate_stamp[x] != stamp && !is_category[x]) {
          candidate_stamp[x] = stamp;
          candidates.push_back(x);
        }
      };

      // Hierarchy: below each informative ancestor A, the pairs whose lcs is A score
      // 2 IC(A) / (IC(c) + IC(x)), best for the x with the largest count. A best-first walk over
      // narrower lists sorted by count yields A's descendants in that order (a child's count never
      // exceeds its parent's), touching O(m) entries however wide A is.
      for (const AncestorEntry& ancestor : t.ancestors.row(c)) {
        add(ancestor.concept_index);     // the ancestor itself: lcs = the ancestor
        if (ancestor.ic <= 0) continue;  // a root of its hierarchy: its descendants share nothing through it
        ++walk;
        heap.clear();
        auto push_child = [&](ConceptIndex parent, std::uint32_t pos) {
          auto row = t.narrower_by_count.row(parent);
          if (pos < row.size()) {
            heap.push_back({t.count[row[pos]], parent, pos});
            std::push_heap(heap.begin(), heap.end(), heap_less);
          }
        };
        push_child(ancestor.concept_index, 0);
        std::size_t emitted = 0;
        while (!heap.empty() && emitted < m) {
          std::pop_heap(heap.begin(), heap.end(), heap_less);
          PendingChild top = heap.back();
          heap.pop_back();
          ConceptIndex x = t.narrower_by_count.row(top.parent)[top.pos];
          push_child(top.parent, top.pos + 1);
          if (walk_stamp[x] == walk) continue;  // reached again through another parent
          walk_stamp[x] = walk;
          push_child(x, 0);
          if (x != c) add(x), ++emitted;
        }
      }

      // Association links and one hop beyond them.
      auto links = t.associations.row(c);
      for (const WeightedEntry& e : links) add(e.concept_index);
      if (options_.related_hop_decay > 0) {
        std::size_t hops = 0;
        for (const WeightedEntry& e : links)
          for (const WeightedEntry& f : t.associations.row(e.concept_index))
            if (hops < m) add(f.concept_index), ++hops;
      }

      // Shared occupations: one row of the sparse product (skills x occupations)(occupations x skills),
      // accumulating dot products or sums of minima, keeping the m concepts with the largest measure.
      const bool cosine = options_.cooccurrence_measure == CooccurrenceMeasure::cosine;
      if (options_.cooccurrence_weight > 0) {
        touched.clear();
        const double sum_c = t.occupation_sum[c];
        for (const WeightedEntry& occupation : t.occupations.row(c))
          for (const RelatedLink& l : taxonomy_->related(occupation.concept_index))
            if (l.kind == RelationKind::occupation_skill && l.target != c && t.occupation_norm[l.target] > 0) {
              if (dot[l.target] == 0) touched.push_back(l.target);
              dot[l.target] += cosine ? double{occupation.weight} * double{l.weight}
                                      : double{std::min(occupation.weight, l.weight)};
            }
        auto by_cosine = [&](ConceptIndex x, ConceptIndex y) {
          // c's own norm or sum is common to all candidates; only the candidate's part ranks them.
          double cx = cosine ? dot[x] / t.occupation_norm[x] : dot[x] / (t.occupation_sum[x] - dot[x] + sum_c);
          double cy = cosine ? dot[y] / t.occupation_norm[y] : dot[y] / (t.occupation_sum[y] - dot[y] + sum_c);
          return cx != cy ? cx > cy : x < y;
        };
        if (touched.size() > m) {
          std::nth_element(touched.begin(), touched.begin() + static_cast<std::ptrdiff_t>(m), touched.end(), by_cosine);
          for (std::size_t i = 0; i < m; ++i) add(touched[i]);
        } else {
          for (ConceptIndex x : touched) add(x);
        }
        for (ConceptIndex x : touched) dot[x] = 0;
      }

      // Concepts named in the same real postings (the learned vectors' first-order evidence).
      {
        std::size_t taken = 0;
        for (std::uint32_t posting : t.postings_of.row(c)) {
          for (ConceptIndex x : t.posting_members.row(posting)) {
            if (taken == m) break;
            if (candidate_stamp[x] != stamp && x != c) ++taken;
            add(x);
          }
          if (taken == m) break;
        }
      }

      scored.clear();
      for (ConceptIndex x : candidates) {
        float s = parts(c, x).combined;
        if (s > 0) scored.push_back({x, s});
      }
      auto better = [](const Neighbour& x, const Neighbour& y) {
        return x.similarity != y.similarity ? x.similarity > y.similarity : x.concept_index < y.concept_index;
      };
      std::size_t keep = std::min(k, scored.size());
      std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(keep), scored.end(), better);
      out.items.insert(out.items.end(), scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(keep));
      out.end_row();
    }
    while (out.begin.size() < n + 1) out.end_row();  // neighbour_count == 0: empty rows
    t.neighbours = std::move(out);
  });
}

}  // namespace skillmatch
