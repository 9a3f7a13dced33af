// Co-occurrence counts -> PPMI -> randomised truncated SVD (Halko, Martinsson, Tropp 2011).
//
// Counts. Every source is a "document", a weighted set of concepts:
//   - an occupation with the skills it needs (member weight = link importance; the occupation itself is
//     a member with weight 1, so occupations get vectors too), scaled by occupation_weight; only
//     occupations of the postings' domain (kMinPostedShare below; all of them when there are no postings);
//   - a job posting (member weights 1), scaled by posting_weight.
// Two members i, j of a document with n members co-occur with count scale * w_i * w_j / (n - 1): each
// member hands out about one unit of context per document, so a 400-skill occupation does not drown a
// 10-skill posting, and pairs from small documents (more specific) count more. All documents form a
// sparse matrix A (documents x concepts, rows scaled by sqrt(scale / (n - 1))) and the counts are
// A^T A without its diagonal.
// Related and occupation_related links add related_weight * link weight to the pair. Finally each
// concept with broader concepts gives them hierarchy_weight times its own context mass (1 when it has
// none), split evenly: the hierarchy is weak context for concepts with data and the only context for
// concepts without (which then sit near their category).
//
// PPMI. With row sums r and the smoothed context distribution r_j^alpha / Z (alpha = 0.75, Levy,
// Goldberg, Dagan 2015): PPMI(i, j) = max(0, log(C_ij * Z / (r_i * r_j^alpha))).
//
// SVD. Rank k = min(dimension, active concepts), sample size l = min(k + 10, active concepts):
// Y = M * Omega (Gaussian, fixed seed), Q = qr(Y); q power iterations Q = qr(M * (M^T * Q)) with
// Householder QR (one QR per iteration: in float, with Q orthonormal at the start of each iteration, the
// condition growth of one M M^T step is harmless); B = Q^T M, its small SVD through a Householder QR
// of B^T and JacobiSVD of the l x l factor. M^T is stored row-major as well, so both sparse x dense
// products stream rows of the dense factor (vectorised). The embedding is
// U * S^0.5, each column's sign fixed (largest-magnitude entry positive) and each row L2-normalised.
// Everything runs on one thread in a fixed order, so results are bit-identical run to run.
#include "embed/learn_vectors.hpp"

#include "taxonomy/occupation_crosswalk.hpp"
#include "taxonomy/similarity_sources.hpp"

#include <Eigen/Dense>
#include <Eigen/SparseCore>

#include <algorithm>
#include <cmath>
#include <limits>

namespace skillmatch::detail {
namespace {

using SparseD = Eigen::SparseMatrix<double>;  // column-major
using SparseF = Eigen::SparseMatrix<float, Eigen::RowMajor>;
using DenseRowF = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using DenseColF = Eigen::MatrixXf;
using Triplet = Eigen::Triplet<double>;
using Eigen::Index;

constexpr double kContextAlpha = 0.75;
// Chosen on the dev splits of the skill-pair set and the matching evaluation (docs/similarity.md):
// 0.1 to 0.3 all beat no filter; 0.5 and above drop most ESCO occupations and lose recall.
constexpr double kMinPostedShare = 0.2;
constexpr std::size_t kOversampling = 10;
// A row of U * S^0.5 shorter than this fraction of the longest row is numerical residue of a part of
// the graph the top-k subspace does not reach; it is treated as "no vector" and filled from neighbours.
constexpr double kRelativeRowNormFloor = 1e-4;

Index idx(std::size_t v) { return static_cast<Index>(v); }

// splitmix64 (Steele, Lea, Flood 2014): a portable, well-mixed 64-bit stream, so the random test matrix
// does not depend on the standard library's distribution implementations.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in (0, 1]: 53 random bits, never 0 so the logarithm below is finite.
  double uniform() { return (static_cast<double>(next() >> 11) + 1.0) * 0x1.0p-53; }

 private:
  std::uint64_t state_;
};

// Fills `m` row by row with standard normal values (Box-Muller, both outputs used).
void fill_gaussian(DenseRowF& m, std::uint64_t seed) {
  SplitMix64 rng(seed);
  const Index total = m.size();
  float* p = m.data();
  for (Index i = 0; i < total; i += 2) {
    const double radius = std::sqrt(-2.0 * std::log(rng.uniform()));
    const double angle = 2.0 * 3.14159265358979323846 * rng.uniform();
    p[i] = static_cast<float>(radius * std::cos(angle));
    if (i + 1 < total) p[i + 1] = static_cast<float>(radius * std::sin(angle));
  }
}

// One document: its members (distinct, ascending) and their weights.
struct Member {
  ConceptIndex concept_index;
  double weight;
};

// Appends the document's rows of A. `members` may hold repeats (same_as merges can map two links to
// one concept); a repeat keeps the largest weight.
void add_document(std::vector<Member>& members, double scale, Index row, std::vector<Triplet>& out) {
  std::sort(members.begin(), members.end(), [](const Member& a, const Member& b) {
    return a.concept_index != b.concept_index ? a.concept_index < b.concept_index : a.weight > b.weight;
  });
  members.erase(std::unique(members.begin(), members.end(),
                            [](const Member& a, const Member& b) { return a.concept_index == b.concept_index; }),
                members.end());
  if (members.size() < 2 || scale <= 0) return;
  const double row_scale = std::sqrt(scale / static_cast<double>(members.size() - 1));
  for (const Member& m : members) out.emplace_back(row, idx(m.concept_index), row_scale * m.weight);
}

// Symmetric co-occurrence counts over all concepts (diagonal zero).
SparseD cooccurrence_counts(const Taxonomy& taxonomy, std::span<const std::vector<ConceptIndex>> postings,
                            const EmbeddingOptions& options, std::span<const ConceptIndex> twin) {
  const Index n = idx(taxonomy.size());
  std::vector<Triplet> doc_entries;
  Index documents = 0;
  std::vector<Member> members;
  if (options.occupation_weight > 0) {
    // The postings say what the domain is: an occupation is a document only when at least
    // kMinPostedShare of its link mass is on concepts some posting names. A taxonomy that holds every
    // trade (ESCO's 3,039 occupations) then spends the embedding's dimensions on the trades the
    // postings are about instead of separating bakers from welders; scaling those documents down
    // would not do, since PPMI is blind to a uniform scale on a part of the graph that shares no
    // concept with the rest. Without postings every occupation is a document.
    std::vector<char> posted(taxonomy.size(), 0);
    for (const auto& posting : postings)
      for (ConceptIndex c : posting) posted[twin[c]] = 1;
    const bool focus = !postings.empty();
    // Per occupation: its members (the occupation itself last) and whether it is of the postings' domain.
    std::vector<std::vector<Member>> occupation_members(taxonomy.size());
    std::vector<char> in_domain(taxonomy.size(), 0);
    for (ConceptIndex c = 0; c < taxonomy.size(); ++c) {
      auto& list = occupation_members[c];
      double mass = 0, posted_mass = 0;
      for (const RelatedLink& link : taxonomy.related(c))
        if (link.kind == RelationKind::occupation_skill) {
          list.push_back({twin[link.target], link.weight});
          mass += link.weight;
          if (posted[twin[link.target]]) posted_mass += link.weight;
        }
      if (list.empty()) continue;
      list.push_back({c, 1.0});
      in_domain[c] = !focus || posted_mass >= kMinPostedShare * mass;
      if (!in_domain[c]) continue;
      members = list;
      add_document(members, options.occupation_weight, documents++, doc_entries);
    }
    // One job in two sources (occupation_crosswalk.hpp): the union of both skill lists is one more
    // document, so that the sources' skills co-occur ("machine learning" from ESCO's data scientist,
    // TensorFlow from O*NET's Data Scientists). Without it they meet only through postings and twins.
    const auto crosswalk = occupation_crosswalk(taxonomy);
    for (const auto& [a, b] : crosswalk) {
      if (occupation_members[a].empty() || occupation_members[b].empty() || !(in_domain[a] || in_domain[b])) continue;
      members = occupation_members[a];
      members.insert(members.end(), occupation_members[b].begin(), occupation_members[b].end());
      add_document(members, options.occupation_weight, documents++, doc_entries);
    }
  }
  if (options.posting_weight > 0) {
    for (const auto& posting : postings) {
      members.clear();
      for (ConceptIndex c : posting) members.push_back({twin[c], 1.0});
      add_document(members, options.posting_weight, documents++, doc_entries);
    }
  }
  SparseD docs(std::max<Index>(documents, 1), n);
  docs.setFromTriplets(doc_entries.begin(), doc_entries.end());
  doc_entries = {};
  const SparseD docs_t = docs.transpose();
  SparseD counts = docs_t * docs;
  counts.prune([](const Index& row, const Index& col, const double&) { return row != col; });

  // Related links, both directions.
  std::vector<Triplet> extra;
  if (options.related_weight > 0) {
    for (ConceptIndex c = 0; c < taxonomy.size(); ++c)
      for (const RelatedLink& link : taxonomy.related(c)) {
        if (link.kind == RelationKind::occupation_skill || link.target == c) continue;
        const double w = static_cast<double>(options.related_weight) * link.weight;
        const ConceptIndex a = twin[c], b = twin[link.target];
        if (a == b) continue;
        extra.emplace_back(idx(a), idx(b), w);
        extra.emplace_back(idx(b), idx(a), w);
      }
    SparseD related(n, n);
    related.setFromTriplets(extra.begin(), extra.end());
    counts += related;
  }

  // Hierarchy, relative to each concept's own context mass.
  if (options.hierarchy_weight > 0) {
    const Eigen::VectorXd mass = counts * Eigen::VectorXd::Ones(n);  // symmetric: row sums
    extra.clear();
    for (ConceptIndex c = 0; c < taxonomy.size(); ++c) {
      const auto parents = taxonomy.broader(c);
      if (parents.empty()) continue;
      const double own = mass[idx(c)] > 0 ? mass[idx(c)] : 1.0;
      const double w = static_cast<double>(options.hierarchy_weight) * own / static_cast<double>(parents.size());
      for (ConceptIndex p : parents) {
        extra.emplace_back(idx(c), idx(p), w);
        extra.emplace_back(idx(p), idx(c), w);
      }
    }
    SparseD hierarchy(n, n);
    hierarchy.setFromTriplets(extra.begin(), extra.end());
    counts += hierarchy;
  }
  counts.makeCompressed();
  return counts;
}

// Orthonormal basis of the columns of `y` (thin Q of a Householder QR).
DenseColF orthonormal_columns(const DenseColF& y) {
  Eigen::HouseholderQR<DenseColF> qr(y);
  return qr.householderQ() * DenseColF::Identity(y.rows(), y.cols());
}

}  // namespace

LearnedVectors learn_ppmi_svd(const Taxonomy& taxonomy, std::span<const std::vector<ConceptIndex>> postings,
                              const EmbeddingOptions& options) {
  const std::size_t concepts = taxonomy.size();
  const std::size_t dim = options.dimension;
  LearnedVectors result;
  result.vectors.assign(concepts * dim, 0.0f);
  result.has_vector.assign(concepts, 0);

  // Label twins (one skill in two sources, not merged) pool their evidence in one representative,
  // whose vector they all take.
  const std::vector<ConceptIndex> twin = label_twin_representatives(taxonomy);
  const SparseD counts = cooccurrence_counts(taxonomy, postings, options, twin);
  result.cooccurring_pairs = static_cast<std::size_t>(counts.nonZeros());

  // Active concepts (any co-occurrence) get consecutive rows of the PPMI matrix.
  const Eigen::VectorXd mass = counts * Eigen::VectorXd::Ones(counts.cols());
  std::vector<Index> row_of(concepts, -1);
  std::vector<ConceptIndex> concept_of;
  double z = 0;
  for (std::size_t c = 0; c < concepts; ++c)
    if (mass[idx(c)] > 0) {
      row_of[c] = idx(concept_of.size());
      concept_of.push_back(static_cast<ConceptIndex>(c));
      z += std::pow(mass[idx(c)], kContextAlpha);
    }
  const std::size_t n = concept_of.size();
  result.active_concepts = n;
  if (n == 0) return result;

  std::vector<double> log_row(concepts, 0.0);
  for (std::size_t c = 0; c < concepts; ++c)
    if (mass[idx(c)] > 0) log_row[c] = std::log(mass[idx(c)]);
  const double log_z = std::log(z);
  std::vector<Eigen::Triplet<float>> ppmi_entries;
  ppmi_entries.reserve(static_cast<std::size_t>(counts.nonZeros()));
  for (Index col = 0; col < counts.outerSize(); ++col)
    for (SparseD::InnerIterator it(counts, col); it; ++it) {
      const auto i = static_cast<std::size_t>(it.row()), j = static_cast<std::size_t>(col);
      const double pmi = std::log(it.value()) + log_z - log_row[i] - kContextAlpha * log_row[j];
      if (pmi > 0) ppmi_entries.emplace_back(row_of[i], row_of[j], static_cast<float>(pmi));
    }
  result.ppmi_entries = ppmi_entries.size();
  SparseF m(idx(n), idx(n));
  m.setFromTriplets(ppmi_entries.begin(), ppmi_entries.end());
  ppmi_entries = {};

  // Randomised range finder with power iterations.
  const std::size_t k = std::min(dim, n);
  const std::size_t l = std::min(k + kOversampling, n);
  DenseRowF omega(idx(n), idx(l));
  fill_gaussian(omega, options.seed);
  // Every sparse x dense product is written into a freshly constructed row-major matrix: assigning
  // one to an existing or column-major matrix takes a path about 4x slower in Eigen 3.4 (measured).
  DenseColF q = orthonormal_columns(DenseRowF(m * omega));
  const SparseF mt = m.transpose();  // row-major too: both products take the fast row-wise path
  for (std::size_t iter = 0; iter < options.power_iterations; ++iter) {
    const DenseRowF q_rows = q;
    const DenseRowF back = mt * q_rows;
    const DenseRowF y = m * back;
    q = orthonormal_columns(y);
  }
  // B = Q^T M (l x n). B^T = M^T Q = Qb Rb, so B = Rb^T Qb^T and B's left singular vectors are those
  // of the small l x l matrix Rb^T.
  const DenseRowF q_rows = q;
  const DenseRowF bt_rows = mt * q_rows;
  const DenseColF bt = bt_rows;
  Eigen::HouseholderQR<DenseColF> bt_qr(bt);
  const DenseColF rb_t =
      bt_qr.matrixQR().topRows(idx(l)).triangularView<Eigen::Upper>().toDenseMatrix().transpose();
  Eigen::JacobiSVD<DenseColF> svd(rb_t, Eigen::ComputeFullU);
  DenseColF u = q * svd.matrixU().leftCols(idx(k));
  const Eigen::VectorXf sv = svd.singularValues().head(idx(k));

  // Fix each column's sign (the SVD's is arbitrary) and scale by S^0.5.
  for (Index col = 0; col < u.cols(); ++col) {
    Index at = 0;
    u.col(col).cwiseAbs().maxCoeff(&at);
    const float sign = u(at, col) < 0 ? -1.0f : 1.0f;
    u.col(col) *= sign * std::sqrt(std::max(sv[col], 0.0f));
  }

  std::vector<double> norms(n);
  double longest = 0;
  for (std::size_t r = 0; r < n; ++r) {
    norms[r] = u.row(idx(r)).cast<double>().norm();
    longest = std::max(longest, norms[r]);
  }
  for (std::size_t r = 0; r < n; ++r) {
    if (!(norms[r] > kRelativeRowNormFloor * longest) || !std::isfinite(norms[r])) continue;
    const std::size_t c = concept_of[r];
    float* out = result.vectors.data() + c * dim;
    for (std::size_t j = 0; j < k; ++j) out[j] = static_cast<float>(u(idx(r), idx(j)) / norms[r]);
    result.has_vector[c] = 1;
  }
  for (std::size_t c = 0; c < concepts; ++c) {
    const std::size_t r = twin[c];
    if (r == c) continue;
    std::copy_n(result.vectors.data() + r * dim, dim, result.vectors.data() + c * dim);
    result.has_vector[c] = result.has_vector[r];
  }
  return result;
}

}  // namespace skillmatch::detail
