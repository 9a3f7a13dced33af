// SkillEmbedding: learn() (checks, the PPMI + SVD core, neighbour fill), accessors and embed_profile().
#include <algorithm>
#include <cmath>
#include <string>

#include "embed/dot8.hpp"
#include "embed/embedding_access.hpp"
#include "embed/fnv1a.hpp"
#include "embed/learn_vectors.hpp"

namespace skillmatch {
namespace {

constexpr std::size_t kMaxDimension = 1024;
constexpr std::size_t kMaxPowerIterations = 16;

// Weights are relative; the upper bound keeps every count far from float/double overflow.
constexpr float kMaxWeight = 1e6f;

void check_weight(float w, const char* name) {
  if (!(w >= 0 && w <= kMaxWeight))
    fail(ErrorCode::invalid_argument,
         std::string("EmbeddingOptions.") + name + " must be in [0, 1e6], got " + std::to_string(w));
}

void check_options(const EmbeddingOptions& o) {
  if (o.dimension < 1 || o.dimension > kMaxDimension)
    fail(ErrorCode::invalid_argument, "EmbeddingOptions.dimension must be in 1.." + std::to_string(kMaxDimension) +
                                          ", got " + std::to_string(o.dimension));
  if (o.power_iterations > kMaxPowerIterations)
    fail(ErrorCode::invalid_argument, "EmbeddingOptions.power_iterations must be <= " +
                                          std::to_string(kMaxPowerIterations) + ", got " +
                                          std::to_string(o.power_iterations));
  check_weight(o.posting_weight, "posting_weight");
  check_weight(o.occupation_weight, "occupation_weight");
  check_weight(o.related_weight, "related_weight");
  check_weight(o.hierarchy_weight, "hierarchy_weight");
}

void check_postings(std::span<const std::vector<ConceptIndex>> postings, std::size_t concepts) {
  for (std::size_t p = 0; p < postings.size(); ++p)
    for (std::size_t i = 0; i < postings[p].size(); ++i)
      if (postings[p][i] >= concepts)
        fail(ErrorCode::invalid_argument, "posting " + std::to_string(p) + ", skill " + std::to_string(i) +
                                              ": concept index " + std::to_string(postings[p][i]) +
                                              " is out of range (taxonomy has " + std::to_string(concepts) +
                                              " concepts)");
}

std::uint64_t fingerprint_inputs(std::uint64_t taxonomy_fp, std::span<const std::vector<ConceptIndex>> postings,
                               const EmbeddingOptions& o) {
  detail::Fnv1a h;
  h.u64(taxonomy_fp);
  h.u64(o.dimension);
  h.u64(o.seed);
  h.f32(o.posting_weight);
  h.f32(o.occupation_weight);
  h.f32(o.related_weight);
  h.f32(o.hierarchy_weight);
  h.u64(o.power_iterations);
  h.u64(postings.size());
  for (const auto& posting : postings) {
    h.u64(posting.size());
    for (ConceptIndex c : posting) h.u64(c);
  }
  return h.value();
}

// Concepts without a learned vector take the normalised mean of their neighbours' vectors (broader,
// narrower, related either way). Passes alternate along and against the topological order, each using
// what earlier concepts of the same pass received, until a pass changes nothing; so a chain of concepts
// without data below (or above) a concept with a vector is filled in one pass.
void fill_from_neighbours(const Taxonomy& t, std::size_t dim, std::vector<float>& vectors,
                          std::vector<std::uint8_t>& has) {
  std::vector<double> sum(dim);
  const auto topo = t.topological_order();
  bool forward = true;
  for (bool changed = true; changed; forward = !forward) {
    changed = false;
    for (std::size_t step = 0; step < topo.size(); ++step) {
      const ConceptIndex c = topo[forward ? step : topo.size() - 1 - step];
      if (has[c]) continue;
      std::fill(sum.begin(), sum.end(), 0.0);
      std::size_t found = 0;
      auto add = [&](ConceptIndex nb) {
        if (!has[nb] || nb == c) return;
        const float* v = vectors.data() + std::size_t{nb} * dim;
        for (std::size_t j = 0; j < dim; ++j) sum[j] += v[j];
        ++found;
      };
      for (ConceptIndex nb : t.broader(c)) add(nb);
      for (ConceptIndex nb : t.narrower(c)) add(nb);
      for (const RelatedLink& link : t.related(c)) add(link.target);
      for (const RelatedLink& link : t.related_in(c)) add(link.target);
      if (found == 0) continue;
      double norm = 0;
      for (double x : sum) norm += x * x;
      norm = std::sqrt(norm);
      if (!(norm > 1e-9)) continue;  // neighbours cancel out: no direction to give
      float* out = vectors.data() + std::size_t{c} * dim;
      for (std::size_t j = 0; j < dim; ++j) out[j] = static_cast<float>(sum[j] / norm);
      has[c] = 1;
      changed = true;
    }
  }
}

// Out of line and cold: keeps the message building out of embed_profile's loop.
[[noreturn, gnu::cold, gnu::noinline]] void reject_profile_skill(std::size_t i, const WeightedConcept& s,
                                                                 std::size_t concepts) {
  if (s.concept_index >= concepts)
    fail(ErrorCode::invalid_argument, "embed_profile: skill " + std::to_string(i) + " has concept index " +
                                          std::to_string(s.concept_index) + ", out of range (" +
                                          std::to_string(concepts) + " concepts)");
  fail(ErrorCode::invalid_value, "embed_profile: skill " + std::to_string(i) + " has weight " +
                                     std::to_string(s.weight) + "; weights must be finite and >= 0");
}

}  // namespace

SkillEmbedding EmbeddingAccess::make(std::shared_ptr<const Taxonomy> taxonomy, const EmbeddingOptions& options,
                                     std::vector<float> vectors, std::vector<std::uint8_t> has_vector,
                                     std::uint64_t data_fingerprint) {
  SkillEmbedding e;
  e.taxonomy_fingerprint_ = taxonomy_fingerprint(*taxonomy);
  e.taxonomy_ = std::move(taxonomy);
  e.options_ = options;
  e.dimension_ = options.dimension;
  e.vectors_ = std::move(vectors);
  e.has_vector_ = std::move(has_vector);
  e.data_fingerprint_ = data_fingerprint;
  return e;
}

std::uint64_t EmbeddingAccess::taxonomy_fingerprint(const Taxonomy& taxonomy) {
  detail::Fnv1a h;
  h.u64(taxonomy.size());
  for (ConceptIndex c = 0; c < taxonomy.size(); ++c) h.text(taxonomy.id(c));
  return h.value();
}

SkillEmbedding SkillEmbedding::learn(std::shared_ptr<const Taxonomy> taxonomy,
                                     std::span<const std::vector<ConceptIndex>> postings,
                                     const EmbeddingOptions& options) {
  if (!taxonomy) fail(ErrorCode::invalid_argument, "SkillEmbedding::learn: taxonomy is null");
  check_options(options);
  check_postings(postings, taxonomy->size());
  detail::LearnedVectors learned = detail::learn_ppmi_svd(*taxonomy, postings, options);
  fill_from_neighbours(*taxonomy, options.dimension, learned.vectors, learned.has_vector);
  const std::uint64_t fp =
      fingerprint_inputs(EmbeddingAccess::taxonomy_fingerprint(*taxonomy), postings, options);
  return EmbeddingAccess::make(std::move(taxonomy), options, std::move(learned.vectors),
                               std::move(learned.has_vector), fp);
}

std::span<const float> SkillEmbedding::vector(ConceptIndex c) const {
  if (c >= size())
    fail(ErrorCode::invalid_argument, "SkillEmbedding::vector: concept index " + std::to_string(c) +
                                          " is out of range (" + std::to_string(size()) + " concepts)");
  return {vectors_.data() + std::size_t{c} * dimension_, dimension_};
}

bool SkillEmbedding::has_vector(ConceptIndex c) const {
  if (c >= size())
    fail(ErrorCode::invalid_argument, "SkillEmbedding::has_vector: concept index " + std::to_string(c) +
                                          " is out of range (" + std::to_string(size()) + " concepts)");
  return has_vector_[c] != 0;
}

float SkillEmbedding::cosine(ConceptIndex a, ConceptIndex b) const {
  const auto va = vector(a), vb = vector(b);
  if (!has_vector_[a] || !has_vector_[b]) return 0.0f;
  double dot = 0;
  for (std::size_t j = 0; j < dimension_; ++j) dot += double{va[j]} * vb[j];
  return static_cast<float>(std::clamp(dot, -1.0, 1.0));
}

std::size_t SkillEmbedding::vector_count() const noexcept {
  return static_cast<std::size_t>(std::count(has_vector_.begin(), has_vector_.end(), std::uint8_t{1}));
}

bool embed_profile(const SkillEmbedding& embedding, std::span<const WeightedConcept> skills, std::span<float> out) {
  const std::size_t dim = embedding.dimension();
  if (out.size() != dim)
    fail(ErrorCode::dimension_mismatch, "embed_profile: output has " + std::to_string(out.size()) +
                                            " floats, the embedding has dimension " + std::to_string(dim));
  // Check everything first so a bad entry leaves `out` untouched.
  const std::size_t concepts = embedding.size();
  for (std::size_t i = 0; i < skills.size(); ++i)
    if (skills[i].concept_index >= concepts || !std::isfinite(skills[i].weight) || skills[i].weight < 0)
      reject_profile_skill(i, skills[i], concepts);
  // Concepts without a vector hold zeros, so every skill can be added without a branch; an all-zero
  // sum means no skill had a vector.
  float* o = out.data();
  std::fill(o, o + dim, 0.0f);
  const float* all = embedding.data().data();
  for (const WeightedConcept& s : skills) {
    const float* v = all + std::size_t{s.concept_index} * dim;
    const float w = s.weight;
    for (std::size_t j = 0; j < dim; ++j) o[j] += w * v[j];
  }
  double norm = std::sqrt(double{detail::dot8(o, o, dim)});
  if (!(norm > 1e-12) || !std::isfinite(norm)) {
    std::fill(o, o + dim, 0.0f);
    return false;
  }
  const auto inv = static_cast<float>(1.0 / norm);
  for (std::size_t k = 0; k < dim; ++k) o[k] *= inv;
  return true;
}

}  // namespace skillmatch
