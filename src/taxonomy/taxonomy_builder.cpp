// TaxonomyBuilder: collects records from any number of sources, then resolves references, merges
// same_as groups, checks the broader DAG and freezes everything into a Taxonomy's CSR arrays.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <unordered_map>

#include <boost/unordered/unordered_flat_map.hpp>

#include "skillmatch/taxonomy.hpp"

namespace skillmatch {
namespace {

// A compact source location: records are many, source files few.
struct Loc {
  std::uint32_t file = 0;  // index into Impl::files; 0 = unknown
  std::uint32_t line = 0;
};

struct PendingConcept {
  std::string id;
  ConceptKind kind;
  std::string preferred;
  std::string lang;
  Loc where;
};
struct PendingLabel {
  std::string id;
  std::string text, lang;
  LabelKind kind;
  Loc where;
};
struct PendingPair {
  std::string a, b;
  Loc where;
};
struct PendingRelated {
  std::string from, to;
  RelationKind kind;
  float weight;
  Loc where;
};
struct PendingStats {
  std::string id;
  ConceptStats stats;
  Loc where;
};

void check_id(std::string_view id, const SourceLocation& where) {
  if (id.empty()) fail_at(ErrorCode::invalid_argument, where, "empty concept id");
  if (id.find_first_of("\t\r\n") != std::string_view::npos)
    fail_at(ErrorCode::invalid_argument, where, "concept id '" + std::string(id) + "' contains a tab or newline");
}

void check_text(std::string_view text, const char* what, const SourceLocation& where) {
  if (text.empty()) fail_at(ErrorCode::invalid_argument, where, std::string("empty ") + what);
  if (text.find_first_of("\t\r\n") != std::string_view::npos)
    fail_at(ErrorCode::invalid_argument, where, std::string(what) + " '" + std::string(text) + "' contains a tab or newline");
}

}  // namespace

struct TaxonomyBuilder::Impl {
  std::vector<std::string> files{""};
  std::vector<PendingConcept> concepts;
  boost::unordered_flat_map<std::string, std::uint32_t> concept_pos;
  std::vector<PendingLabel> labels;
  std::vector<PendingPair> broader;   // a = child, b = parent
  std::vector<PendingPair> same_as;   // a = canonical, b = other
  std::vector<PendingRelated> related;
  std::vector<PendingStats> stats;

  std::uint32_t last_file = 0;

  Loc loc(const SourceLocation& where) {
    if (where.file.empty() && where.line == 0) return {};
    // Records come in long runs from one file, so checking the last file first makes this O(1).
    if (files[last_file] != where.file) {
      auto it = std::find(files.begin(), files.end(), where.file);
      if (it == files.end()) it = files.insert(files.end(), where.file);
      last_file = static_cast<std::uint32_t>(it - files.begin());
    }
    return {last_file, static_cast<std::uint32_t>(where.line)};
  }

  SourceLocation where(Loc l) const { return {files[l.file], l.line}; }

  std::uint32_t pos_of(const std::string& id, Loc l, const char* role) const {
    auto it = concept_pos.find(id);
    if (it == concept_pos.end())
      fail_at(ErrorCode::not_found, where(l), std::string(role) + " refers to unknown concept id '" + id + "'");
    return it->second;
  }
};

TaxonomyBuilder::TaxonomyBuilder() : impl_(std::make_unique<Impl>()) {}
TaxonomyBuilder::~TaxonomyBuilder() = default;
TaxonomyBuilder::TaxonomyBuilder(TaxonomyBuilder&&) noexcept = default;
TaxonomyBuilder& TaxonomyBuilder::operator=(TaxonomyBuilder&&) noexcept = default;

void TaxonomyBuilder::add_concept(std::string_view id, ConceptKind kind, std::string_view preferred_label,
                                  std::string_view lang, const SourceLocation& where) {
  check_id(id, where);
  check_text(preferred_label, "preferred label", where);
  auto& im = *impl_;
  std::string key(id);
  if (auto it = im.concept_pos.find(key); it != im.concept_pos.end())
    fail_at(ErrorCode::duplicate, where,
            "concept id '" + key + "' declared twice (first at " + im.where(im.concepts[it->second].where).str() + ")");
  im.concept_pos.emplace(key, static_cast<std::uint32_t>(im.concepts.size()));
  im.concepts.push_back({std::move(key), kind, std::string(preferred_label), std::string(lang), im.loc(where)});
}

bool TaxonomyBuilder::has_concept(std::string_view id) const noexcept {
  return impl_->concept_pos.contains(std::string(id));
}

std::size_t TaxonomyBuilder::concept_count() const noexcept { return impl_->concepts.size(); }

void TaxonomyBuilder::add_label(std::string_view id, std::string_view text, std::string_view lang, LabelKind kind,
                                const SourceLocation& where) {
  check_id(id, where);
  check_text(text, "label", where);
  if (kind == LabelKind::preferred)
    fail_at(ErrorCode::invalid_argument, where, "a preferred label is given with the concept, not as an extra label");
  impl_->labels.push_back({std::string(id), std::string(text), std::string(lang), kind, impl_->loc(where)});
}

void TaxonomyBuilder::add_broader(std::string_view child, std::string_view parent, const SourceLocation& where) {
  check_id(child, where);
  check_id(parent, where);
  if (child == parent)
    fail_at(ErrorCode::cycle, where, "concept '" + std::string(child) + "' is declared broader than itself");
  impl_->broader.push_back({std::string(child), std::string(parent), impl_->loc(where)});
}

void TaxonomyBuilder::add_related(std::string_view from, std::string_view to, RelationKind kind, float weight,
                                  const SourceLocation& where) {
  check_id(from, where);
  check_id(to, where);
  if (!(weight > 0.0f && weight <= 1.0f))  // also rejects NaN
    fail_at(ErrorCode::invalid_value, where, "related weight " + std::to_string(weight) + " is not in (0, 1]");
  impl_->related.push_back({std::string(from), std::string(to), kind, weight, impl_->loc(where)});
}

void TaxonomyBuilder::add_same_as(std::string_view canonical, std::string_view other, const SourceLocation& where) {
  check_id(canonical, where);
  check_id(other, where);
  if (canonical == other) return;
  impl_->same_as.push_back({std::string(canonical), std::string(other), impl_->loc(where)});
}

void TaxonomyBuilder::add_stats(std::string_view id, const ConceptStats& stats, const SourceLocation& where) {
  check_id(id, where);
  if (!(stats.frequency >= 0) || !std::isfinite(stats.frequency) || !(stats.popularity >= 0) ||
      !std::isfinite(stats.popularity))
    fail_at(ErrorCode::invalid_value, where, "statistics of '" + std::string(id) + "' must be finite and >= 0");
  impl_->stats.push_back({std::string(id), stats, impl_->loc(where)});
}

namespace {

void merge_stats(ConceptStats& into, const ConceptStats& from) {
  into.frequency = std::max(into.frequency, from.frequency);
  into.popularity = std::max(into.popularity, from.popularity);
  into.hot = into.hot || from.hot;
  into.in_demand = into.in_demand || from.in_demand;
}

template <typename T>
std::vector<std::uint32_t> csr_offsets(std::size_t n, const std::vector<T>& items, auto key) {
  std::vector<std::uint32_t> begin(n + 1, 0);
  for (const auto& item : items) ++begin[key(item) + 1];
  std::partial_sum(begin.begin(), begin.end(), begin.begin());
  return begin;
}

}  // namespace

std::shared_ptr<const Taxonomy> TaxonomyBuilder::build() {
  Impl im = std::move(*impl_);
  impl_ = std::make_unique<Impl>();
  const std::size_t declared = im.concepts.size();

  // 1. same_as groups: union-find whose root is the canonical concept of the first declaration.
  std::vector<std::uint32_t> parent(declared);
  std::iota(parent.begin(), parent.end(), 0u);
  auto root = [&](std::uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (const auto& s : im.same_as) {
    std::uint32_t canon = root(im.pos_of(s.a, s.where, "same_as"));
    std::uint32_t other = root(im.pos_of(s.b, s.where, "same_as"));
    if (canon != other) parent[other] = canon;
  }

  // 2. Final dense indices for the roots, in declaration order.
  std::vector<ConceptIndex> final_index(declared, no_concept);
  auto tax = std::shared_ptr<Taxonomy>(new Taxonomy());
  for (std::uint32_t p = 0; p < declared; ++p) {
    if (root(p) != p) continue;
    final_index[p] = static_cast<ConceptIndex>(tax->ids_.size());
    tax->ids_.push_back(im.concepts[p].id);
    tax->kinds_.push_back(im.concepts[p].kind);
  }
  const std::size_t n = tax->ids_.size();
  auto index_of = [&](std::uint32_t pos) { return final_index[root(pos)]; };
  auto resolve = [&](const std::string& id, Loc l, const char* role) { return index_of(im.pos_of(id, l, role)); };

  // 3. Alias ids: the ids of merged concepts.
  {
    std::vector<std::pair<ConceptIndex, std::string>> aliases;
    for (std::uint32_t p = 0; p < declared; ++p)
      if (root(p) != p) aliases.emplace_back(index_of(p), im.concepts[p].id);
    std::stable_sort(aliases.begin(), aliases.end(), [](auto& a, auto& b) { return a.first < b.first; });
    tax->alias_begin_ = csr_offsets(n, aliases, [](const auto& a) { return a.first; });
    for (auto& a : aliases) tax->alias_ids_.push_back(std::move(a.second));
  }

  // 4. Labels: the concept's own preferred label first, merged concepts' preferred labels as
  //    alternatives, then every extra label; exact (text, lang) repeats are kept once.
  {
    std::vector<Label> labels;
    labels.reserve(declared + im.labels.size());
    for (std::uint32_t p = 0; p < declared; ++p) {
      auto& c = im.concepts[p];
      labels.push_back({std::move(c.preferred), std::move(c.lang),
                        root(p) == p ? LabelKind::preferred : LabelKind::alternative, index_of(p)});
    }
    for (auto& l : im.labels)
      labels.push_back({std::move(l.text), std::move(l.lang), l.kind, resolve(l.id, l.where, "label")});
    // Stable sort by concept, preferred first, keeping source order otherwise.
    std::stable_sort(labels.begin(), labels.end(), [](const Label& a, const Label& b) {
      if (a.concept_index != b.concept_index) return a.concept_index < b.concept_index;
      return (a.kind == LabelKind::preferred) > (b.kind == LabelKind::preferred);
    });
    std::vector<Label> kept;
    kept.reserve(labels.size());
    std::size_t group_start = 0;
    for (auto& l : labels) {
      if (!kept.empty() && kept.back().concept_index != l.concept_index) group_start = kept.size();
      bool repeat = false;
      for (std::size_t i = group_start; i < kept.size() && !repeat; ++i)
        repeat = kept[i].text == l.text && kept[i].lang == l.lang;
      if (!repeat) kept.push_back(std::move(l));
    }
    tax->label_begin_ = csr_offsets(n, kept, [](const Label& l) { return l.concept_index; });
    tax->labels_ = std::move(kept);
  }

  // 5. Broader edges, deduplicated; self-loops created by merging are dropped.
  std::vector<std::pair<ConceptIndex, ConceptIndex>> edges;  // (child, parent)
  std::vector<Loc> edge_loc;
  {
    std::vector<std::tuple<ConceptIndex, ConceptIndex, Loc>> raw;
    for (const auto& e : im.broader) {
      ConceptIndex c = resolve(e.a, e.where, "broader (child)");
      ConceptIndex p = resolve(e.b, e.where, "broader (parent)");
      if (c != p) raw.emplace_back(c, p, e.where);
    }
    std::stable_sort(raw.begin(), raw.end(), [](auto& x, auto& y) {
      return std::tie(std::get<0>(x), std::get<1>(x)) < std::tie(std::get<0>(y), std::get<1>(y));
    });
    for (auto& [c, p, l] : raw)
      if (edges.empty() || edges.back() != std::pair{c, p}) {
        edges.emplace_back(c, p);
        edge_loc.push_back(l);
      }
  }
  tax->broader_begin_ = csr_offsets(n, edges, [](const auto& e) { return e.first; });
  for (auto& e : edges) tax->broader_.push_back(e.second);
  {
    std::vector<std::pair<ConceptIndex, ConceptIndex>> down;  // (parent, child)
    for (auto& e : edges) down.emplace_back(e.second, e.first);
    std::sort(down.begin(), down.end());
    tax->narrower_begin_ = csr_offsets(n, down, [](const auto& e) { return e.first; });
    for (auto& e : down) tax->narrower_.push_back(e.second);
  }

  // 6. Topological order (Kahn, parents first) and depth; leftovers mean a cycle.
  {
    std::vector<std::uint32_t> pending(n);
    for (ConceptIndex c = 0; c < n; ++c) pending[c] = tax->broader_begin_[c + 1] - tax->broader_begin_[c];
    tax->topo_.reserve(n);
    for (ConceptIndex c = 0; c < n; ++c)
      if (pending[c] == 0) tax->topo_.push_back(c);
    tax->depth_.assign(n, 0);
    for (std::size_t i = 0; i < tax->topo_.size(); ++i) {
      ConceptIndex p = tax->topo_[i];
      for (std::uint32_t k = tax->narrower_begin_[p]; k < tax->narrower_begin_[p + 1]; ++k) {
        ConceptIndex c = tax->narrower_[k];
        tax->depth_[c] = std::max(tax->depth_[c], tax->depth_[p] + 1);
        if (--pending[c] == 0) tax->topo_.push_back(c);
      }
    }
    if (tax->topo_.size() != n) {
      // Walk up from any concept left over; every leftover has a leftover parent, so the walk
      // must revisit a concept, and the part from its first visit is a cycle.
      ConceptIndex start = 0;
      while (pending[start] == 0) ++start;
      std::vector<ConceptIndex> path;
      std::vector<std::int64_t> seen_at(n, -1);
      ConceptIndex c = start;
      while (seen_at[c] < 0) {
        seen_at[c] = static_cast<std::int64_t>(path.size());
        path.push_back(c);
        for (std::uint32_t k = tax->broader_begin_[c]; k < tax->broader_begin_[c + 1]; ++k)
          if (pending[tax->broader_[k]] != 0) {
            c = tax->broader_[k];
            break;
          }
      }
      std::string cycle;
      for (std::size_t i = static_cast<std::size_t>(seen_at[c]); i < path.size(); ++i)
        cycle += tax->ids_[path[i]] + " -> ";
      cycle += tax->ids_[c];
      // Name where the first edge of the cycle was declared.
      ConceptIndex a = path[static_cast<std::size_t>(seen_at[c])];
      ConceptIndex b = static_cast<std::size_t>(seen_at[c]) + 1 < path.size() ? path[static_cast<std::size_t>(seen_at[c]) + 1] : c;
      auto it = std::lower_bound(edges.begin(), edges.end(), std::pair{a, b});
      SourceLocation w = it != edges.end() && *it == std::pair{a, b} ? im.where(edge_loc[static_cast<std::size_t>(it - edges.begin())]) : SourceLocation{};
      fail(ErrorCode::cycle, (w.file.empty() ? std::string() : w.str() + ": ") + "broader relations form a cycle: " + cycle);
    }
  }

  // 7. Related links, deduplicated per (from, to, kind) with the larger weight; merge self-links dropped.
  {
    std::vector<std::pair<ConceptIndex, RelatedLink>> links;
    for (const auto& r : im.related) {
      ConceptIndex a = resolve(r.from, r.where, "related (from)");
      ConceptIndex b = resolve(r.to, r.where, "related (to)");
      if (a != b) links.push_back({a, RelatedLink{b, r.weight, r.kind}});
    }
    std::sort(links.begin(), links.end(), [](const auto& x, const auto& y) {
      if (x.first != y.first) return x.first < y.first;
      if (x.second.kind != y.second.kind) return x.second.kind < y.second.kind;
      if (x.second.target != y.second.target) return x.second.target < y.second.target;
      return x.second.weight > y.second.weight;
    });
    links.erase(std::unique(links.begin(), links.end(),
                            [](const auto& x, const auto& y) {
                              return x.first == y.first && x.second.kind == y.second.kind &&
                                     x.second.target == y.second.target;
                            }),
                links.end());
    tax->related_begin_ = csr_offsets(n, links, [](const auto& l) { return l.first; });
    for (auto& l : links) tax->related_.push_back(l.second);
    std::vector<std::pair<ConceptIndex, RelatedLink>> in;
    for (auto& l : links) in.push_back({l.second.target, RelatedLink{l.first, l.second.weight, l.second.kind}});
    std::stable_sort(in.begin(), in.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    tax->related_in_begin_ = csr_offsets(n, in, [](const auto& l) { return l.first; });
    for (auto& l : in) tax->related_in_.push_back(l.second);
  }

  // 8. Statistics, merged field by field.
  tax->stats_.assign(n, ConceptStats{});
  for (const auto& s : im.stats) merge_stats(tax->stats_[resolve(s.id, s.where, "stats")], s.stats);

  // 9. Id lookup table over primary and alias ids.
  tax->id_lookup_.reserve(declared);
  for (std::uint32_t p = 0; p < declared; ++p) tax->id_lookup_.emplace_back(std::move(im.concepts[p].id), index_of(p));
  std::sort(tax->id_lookup_.begin(), tax->id_lookup_.end());
  return tax;
}

}  // namespace skillmatch
