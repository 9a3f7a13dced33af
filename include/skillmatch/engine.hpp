// skillmatch/engine.hpp — the matching engine a portal embeds: taxonomy + resolver + skill
// similarity + embedding + one ProfileIndex per side; match in both directions, batch, explain.
//
// Pipeline of one match (docs/matching.md):
//   1. the filter expression (over the other side's attributes) is compiled and evaluated into a
//      bitmap, AND the live rows, AND (optionally) a bitmap of rows that cover every must-have;
//   2. exact top-k' search of the query vector over the admitted rows, the filter applied inside the
//      SIMD scan (k' = rerank_depth);
//   3. the k' rows are re-ranked by the hybrid score (scoring.hpp) and the best k returned, each
//      with its breakdown when asked.
//
// Thread-safety: match*, embed, parse_profile and the accessors may run concurrently from any number
// of threads, also while one thread calls upsert/remove (see ProfileIndex's contract). A query takes
// the documents' lock per phase and per scan chunk, never for its whole length, so the writer
// progresses; a profile written during a query may be missed or included, and every result is live,
// filtered and scored on its data at the re-rank (docs/matching.md "Concurrency").
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "skillmatch/attributes.hpp"
#include "skillmatch/core/thread_pool.hpp"
#include "skillmatch/embedder.hpp"
#include "skillmatch/extract.hpp"
#include "skillmatch/filter.hpp"
#include "skillmatch/profile.hpp"
#include "skillmatch/profile_index.hpp"
#include "skillmatch/profile_json.hpp"
#include "skillmatch/resolver.hpp"
#include "skillmatch/scoring.hpp"
#include "skillmatch/similarity.hpp"

namespace skillmatch {

struct EngineOptions {
  /// The taxonomy; null = bundled_taxonomy() (or the resolver's taxonomy when one is given).
  std::shared_ptr<const Taxonomy> taxonomy;
  /// A resolver to share (e.g. one already used to parse profiles); null = the engine builds one.
  /// Error(invalid_argument) when it was built on another taxonomy than `taxonomy`.
  std::shared_ptr<const Resolver> resolver;
  /// Attributes each side's profiles carry (filters on job->candidate queries use the candidate schema).
  AttributeSchema job_schema, candidate_schema;
  /// External vectors: profiles must carry "vector" with `dimension` components, the engine does not
  /// embed. Otherwise the engine learns skill vectors of `embedding.dimension` components at start-up
  /// from the taxonomy and the bundled real postings. Either way the engine learns skill vectors for
  /// the skill similarity (learn_skill_knowledge, skill_knowledge.hpp); with external vectors at the
  /// default length (embedding.dimension is ignored) and embedding() still refuses.
  bool external_vectors = false;
  std::size_t dimension = 128;  // external vectors only
  EmbeddingOptions embedding;
  SimilarityOptions similarity;
  ProfileParseOptions parsing;
  /// Worker threads for searches and batches; 0 = hardware threads.
  std::size_t threads = 0;
};

struct MatchOptions {
  std::size_t k = 10;                  // results per query, >= 1
  std::string filter;                  // filter expression over the other side's attributes; "" = none
  bool required_as_filter = false;     // drop documents that miss a must-have (similarity below threshold)
  float must_threshold = 0.5f;         // similarity at which a must-have counts as met
  float similarity_floor = 0.45f;      // skill similarities below this earn no credit (scoring.hpp)
  float specificity = 1.0f;            // how much a requirement's information content scales its weight, [0, 1]
  ScoreWeights weights;                // see scoring.hpp
  std::vector<Preference> preferences; // soft preferences over the other side's attributes
  /// Let `filter` and `preferences` use protected attributes (AttributeDef::is_protected). Off: a
  /// filter or preference naming one is Error(invalid_argument) naming the attribute.
  bool allow_protected = false;
  std::size_t rerank_depth = 0;        // k' vector hits re-ranked; 0 = max(10·k, 200)
  bool explain = false;                // fill Match::breakdown and Match::filter
  std::size_t threads = 0;             // 0 = the engine's pool size
  /// match_all only: called after each query with (done, total); calls are serialised by the
  /// engine but may come from any of its threads. Empty = none.
  std::function<void(std::size_t done, std::size_t total)> progress;
};

struct Match {
  std::string id;                           // the document's external id
  float score = 0;
  std::optional<ScoreBreakdown> breakdown;  // with MatchOptions::explain
  std::optional<FilterExplanation> filter;  // with explain and a filter
};

struct MatchResults {
  std::string query_id;
  std::vector<Match> matches;   // best first; ties by id
  std::size_t admitted = 0;     // documents that passed the filters
};

struct OpenOptions {
  /// Check every section's checksum before using it (one pass over the file at memory speed). Off
  /// only for callers who verified the file already (verify_index_file, `skillmatch index verify`):
  /// the structure is still checked and a damaged file still gives an error, never a crash, but a
  /// flipped bit inside a vector or a score-relevant number may go unnoticed.
  bool verify_checksums = true;
};

class Engine {
 public:
  /// Builds the resolver, similarity tables and (unless external vectors) the skill embedding.
  /// Throws Error(invalid_argument) for bad options.
  explicit Engine(EngineOptions options);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  const Taxonomy& taxonomy() const noexcept;
  const Resolver& resolver() const noexcept;
  const SkillSimilarity& similarity() const noexcept;
  /// The learned embedding; Error(invalid_argument) when the engine uses external vectors.
  const SkillEmbedding& embedding() const;
  std::size_t dimension() const noexcept;
  const ProfileIndex& index(Side side) const noexcept;

  /// Parses one JSON profile (profile_json.hpp) with this engine's resolver; a "text" field goes
  /// through extractor().
  Profile parse_profile(std::string_view json, std::string_view where = "profile") const;
  /// JSONL text (read_profiles_jsonl_text) parsed and resolved on the engine's threads with this
  /// engine's resolver and `options` (the engine's own parsing options when null); lines with a
  /// "text" field go through extractor() unless `options` names another extractor.
  std::vector<Profile> parse_profiles_jsonl(std::string_view text, std::string_view source_name,
                                            const ProfileParseOptions* options = nullptr,
                                            ProfileParseReport* report = nullptr) const;
  /// The skill extractor over this engine's resolver (extract.hpp), built on first use (about a
  /// third of a second on the bundled taxonomy; concurrent first calls build it once).
  const Extractor& extractor() const;
  /// A job or candidate profile from a posting or CV in prose (profile_from_text, extract.hpp): one
  /// skill per concept mentioned, required when the text says must, with the years it states; the
  /// mentions come back beside it for explanations ("matched 'PyTorch' at 7-14"). Errors as
  /// Extractor::extract, Error(invalid_argument) for an empty id.
  TextProfile parse_text_profile(std::string_view id, std::string_view text, const ExtractOptions& options = {}) const;
  /// The profile's unit vector: its external vector normalised, or its skills (and title occupation)
  /// embedded. Error(dimension_mismatch) for a wrong-length external vector, Error(invalid_value) for
  /// NaN/Inf or a zero vector, Error(invalid_argument) when external vectors are required and missing.
  std::vector<float> embed(const Profile& profile) const;

  /// Adds or replaces a profile on `side` (errors as ProfileIndex::upsert and embed(), with the id).
  void upsert(Side side, const Profile& profile);
  /// Adds many (embedding on the engine's threads, then inserting in order); returns how many were
  /// added. Stops at the first error, in order (earlier ones stay, as with a loop of upsert());
  /// `added` (may be null) receives how many were added, also when it throws.
  std::size_t upsert_all(Side side, std::span<const Profile> profiles, std::size_t* added = nullptr);
  bool remove(Side side, std::string_view id);
  std::size_t size(Side side) const;

  /// Best documents of the other side for `query`, a profile of `query_side`.
  /// Errors: parse/compile errors of the filter or preferences (Error(parse_error), not_found...),
  /// Error(invalid_argument) for k == 0, embed() errors for the query, and the query's attributes
  /// checked against `query_side`'s schema as AttributeColumns::set_row checks a stored profile's
  /// (not_found for an undeclared attribute, invalid_value for a wrong type or unknown level) when
  /// that side declares attributes; a side that declares none ignores a query's attributes.
  MatchResults match(const Profile& query, Side query_side, const MatchOptions& options) const;
  /// The same for a stored profile of `query_side`; Error(not_found) for an unknown id.
  MatchResults match_id(Side query_side, std::string_view query_id, const MatchOptions& options) const;
  /// Every stored profile of `query_side` against the other side (batch: the vector stage runs as
  /// blocked matrix products); results in row order of the query side.
  std::vector<MatchResults> match_all(Side query_side, const MatchOptions& options) const;

  /// Saves both sides (ids, titles, skills, vectors, attribute columns, schemas), the learned skill
  /// vectors and the identity of the taxonomy (taxonomy_content_hash) to `path`, in the index file
  /// format (docs/index-format.md). Removed rows are not written (the file is compacted). Atomic: a
  /// temporary file in the same directory, fsync, rename over `path`, fsync of the directory; a crash
  /// leaves the previous file intact. Error(io_error) naming the path and the system's reason.
  /// Thread-safety: may run with match* and other saves; upserts/removes wait until it is done.
  void save(const std::filesystem::path& path) const;
  /// An engine from a saved file. Taken from `options`: taxonomy (or the resolver's), resolver,
  /// similarity, parsing and threads. Taken from the file: the schemas, external_vectors, dimension
  /// and the learned skill vectors (nothing is relearned); `options`' values of these are ignored.
  /// Errors: Error(invalid_argument) when the file was built with another taxonomy (the message gives
  /// both content hashes); Error(corrupt) "index file '<path>': <part> at offset N: ..." for a damaged,
  /// truncated, wrong-version or hostile file; Error(io_error) when it cannot be read. Upserts and
  /// removes work on the opened engine as on a new one.
  static std::unique_ptr<Engine> open(const std::filesystem::path& path, EngineOptions options = {},
                                      const OpenOptions& open_options = {});

 private:
  struct Impl;
  explicit Engine(std::unique_ptr<Impl> impl);
  ProfileParseOptions parsing_for(std::string_view json, const ProfileParseOptions& base) const;
  std::unique_ptr<Impl> impl_;
};

}  // namespace skillmatch
