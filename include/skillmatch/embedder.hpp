// skillmatch/embedder.hpp — skill vectors learned from the taxonomy and job postings, and profile vectors.
//
// SkillEmbedding gives every concept of a Taxonomy a unit float32 vector (or an all-zero vector when
// nothing is known about the concept). The vectors come from co-occurrence: skills needed by the same
// occupation or asked for by the same job posting, plus related links and the broader hierarchy as weak
// extra context. The counts are turned into positive pointwise mutual information (PPMI, context
// distribution smoothed with alpha = 0.75) and factorised with a randomised truncated SVD; a concept's
// vector is its row of U * S^0.5, L2-normalised. Concepts without data of their own get the mean of their
// taxonomy neighbours' vectors. Label twins (one skill named in two sources without a same_as merge,
// e.g. the tag "tensorflow" and O*NET "TensorFlow"; docs/similarity.md) are learned as one concept and
// share its vector. docs/embedder.md describes the method, its parameters and the file format.
//
// Learning is deterministic: the same taxonomy, postings and options give bit-identical vectors on the
// same build (fixed seeds, fixed summation order, no threads). One caveat: Eigen sizes its dense
// matrix-product blocks from the CPU's cache sizes at run time, so the same binary on a CPU with other
// cache sizes may round differently in the last bits.
//
// embed_profile() turns a weighted set of skills into one unit vector (a profile vector for search).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <span>
#include <vector>

#include "skillmatch/taxonomy.hpp"

namespace skillmatch {

/// Parameters of SkillEmbedding::learn(). They are stored with the vectors (save/load keep them).
struct EmbeddingOptions {
  // Vector length, 1..1024 (128 and 256 are the tested sizes). The vectors come from a rank-`dimension`
  // approximation, so it should stay well below the number of concepts with data (for the bundled
  // taxonomy ~12k): near full rank the vectors carry little similarity. Beyond that number the extra
  // coordinates are zero.
  std::size_t dimension = 128;
  std::uint64_t seed = 42;           // seed of the random test matrix of the randomised SVD
  float posting_weight = 1.0f;       // weight of one job posting (a set of skills asked for together)
  float occupation_weight = 1.0f;    // weight of one occupation (its skills, weighted by importance)
  float related_weight = 0.5f;       // weight of one related / occupation_related link (times its weight)
  float hierarchy_weight = 0.25f;    // share of a concept's context given to its broader concepts
  std::size_t power_iterations = 2;  // power iterations of the randomised SVD, 0..16
};

/// Learned skill vectors for one taxonomy. Immutable after learn()/load(): every const member may be
/// called from any number of threads at once. Keeps the taxonomy alive (shared ownership). Copying copies
/// the vectors (concepts x dimension floats); moving is cheap.
class SkillEmbedding {
 public:
  /// Learns vectors for every concept of `taxonomy` from its occupation -> skill links, its related
  /// links and broader hierarchy, and `postings` (each posting: the concepts one job posting asks for;
  /// order and repeats within a posting do not matter; postings with fewer than two distinct concepts
  /// add nothing). The caller keeps ownership of `postings`; they are not referenced afterwards.
  /// Throws Error(invalid_argument) for a null taxonomy, a concept index >= taxonomy->size() (naming the
  /// posting and position), or options out of range (dimension not in 1..1024, a weight outside
  /// [0, 1e6] or NaN, power_iterations > 16). Time: about a second for the bundled taxonomy with ~8k postings at
  /// dimension 128 (benchmarks/bench_embedder.cpp).
  static SkillEmbedding learn(std::shared_ptr<const Taxonomy> taxonomy,
                              std::span<const std::vector<ConceptIndex>> postings,
                              const EmbeddingOptions& options = {});

  std::size_t dimension() const noexcept { return dimension_; }
  std::size_t size() const noexcept { return has_vector_.size(); }
  const Taxonomy& taxonomy() const noexcept { return *taxonomy_; }
  const std::shared_ptr<const Taxonomy>& taxonomy_ptr() const noexcept { return taxonomy_; }
  const EmbeddingOptions& options() const noexcept { return options_; }

  /// The concept's vector, dimension() floats, unit length or all zero (then has_vector() is false).
  /// The span stays valid as long as this object. Throws Error(invalid_argument) when c >= size().
  std::span<const float> vector(ConceptIndex c) const;
  /// Throws Error(invalid_argument) when c >= size().
  bool has_vector(ConceptIndex c) const;
  /// Cosine similarity in [-1, 1]; 0 when either concept has no vector. Throws as vector().
  float cosine(ConceptIndex a, ConceptIndex b) const;
  /// All vectors, row-major: concept c's vector starts at c * dimension().
  std::span<const float> data() const noexcept { return vectors_; }
  /// Number of concepts with a vector.
  std::size_t vector_count() const noexcept;

  /// Identifies the taxonomy the vectors belong to (a hash of its concept ids in index order).
  std::uint64_t taxonomy_fingerprint() const noexcept { return taxonomy_fingerprint_; }
  /// Identifies what the vectors were learned from: taxonomy fingerprint, postings and options. Equal
  /// fingerprints mean the same inputs; an engine can use it to tell whether stored vectors are stale.
  std::uint64_t data_fingerprint() const noexcept { return data_fingerprint_; }

  /// Writes the versioned binary format (docs/embedder.md): header, options, vectors, checksum.
  /// Throws Error(io_error) when the stream fails. Thread-safe with other const calls.
  void save(std::ostream& out) const;
  /// Reads what save() wrote, for the same taxonomy (same concept ids in the same order).
  /// Throws Error(corrupt) with a message saying what is wrong for a file that is not an embedding
  /// file, has an unsupported version, was made for another taxonomy, is truncated, fails its checksum
  /// or holds non-unit vectors; Error(invalid_argument) for a null taxonomy.
  static SkillEmbedding load(std::istream& in, std::shared_ptr<const Taxonomy> taxonomy);

  /// save() to a file, atomically: written to "<path>.tmp" and renamed over `path`.
  /// Throws Error(io_error) naming the path.
  void save_file(const std::filesystem::path& path) const;
  /// load() from a file; messages name the path. Throws Error(io_error) when it cannot be opened.
  static SkillEmbedding load_file(const std::filesystem::path& path, std::shared_ptr<const Taxonomy> taxonomy);

 private:
  SkillEmbedding() = default;

  std::shared_ptr<const Taxonomy> taxonomy_;
  EmbeddingOptions options_;
  std::size_t dimension_ = 0;
  std::vector<float> vectors_;            // size() x dimension_, row-major
  std::vector<std::uint8_t> has_vector_;  // 1 when the row is a unit vector
  std::uint64_t taxonomy_fingerprint_ = 0;
  std::uint64_t data_fingerprint_ = 0;

  friend struct EmbeddingAccess;  // the learner and the file reader fill the fields (src/embed/)
};

/// One skill of a profile and how much it counts (>= 0; e.g. importance times level).
struct WeightedConcept {
  ConceptIndex concept_index = no_concept;
  float weight = 1.0f;
};

/// Profile vector: the normalised weighted sum of the skills' vectors, written to `out`
/// (exactly embedding.dimension() floats). Skills without a vector and zero weights are skipped.
/// Returns false and writes zeros when no skill with a positive weight has a vector (or the sum is zero).
/// Throws Error(dimension_mismatch) when out.size() != dimension(), Error(invalid_argument) for a
/// concept index >= size(), Error(invalid_value) for a negative or non-finite weight (naming the
/// position). Does not allocate; thread-safe (distinct `out` per thread).
bool embed_profile(const SkillEmbedding& embedding, std::span<const WeightedConcept> skills, std::span<float> out);

}  // namespace skillmatch
