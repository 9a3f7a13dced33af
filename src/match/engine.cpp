// Engine: wires taxonomy, resolver, similarity, embedding and the two indexes into the match
// pipeline (filter bitmap -> SIMD exact top-k' -> hybrid re-rank -> explanation).
#include "skillmatch/engine.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <mutex>

#include "filter/program.hpp"
#include "index/engine_file.hpp"
#include "skillmatch/skill_knowledge.hpp"
#include "skillmatch/search/exact_search.hpp"
#include "skillmatch/taxonomy_io.hpp"

namespace skillmatch {


struct Engine::Impl {
  EngineOptions options;
  std::shared_ptr<const Taxonomy> taxonomy;
  std::shared_ptr<const Resolver> resolver_ptr;
  const Resolver& resolver;
  SkillKnowledge knowledge;  // the embedding and the similarity on it; learned also with external vectors
  const SkillSimilarity& similarity;
  std::size_t dimension;
  std::unique_ptr<ProfileIndex> jobs, candidates;
  mutable ThreadPool pool;
  mutable std::once_flag extractor_once;
  mutable std::shared_ptr<const Extractor> extractor;  // built on first use

  // `learned`: skill vectors learned before (Engine::open); null = learn them now.
  explicit Impl(EngineOptions opts, std::shared_ptr<const SkillEmbedding> learned = nullptr)
      : options(std::move(opts)),
        taxonomy(taxonomy_of(options)),
        resolver_ptr(options.resolver ? options.resolver : std::make_shared<const Resolver>(taxonomy)),
        resolver(*resolver_ptr),
        knowledge(learned ? skill_knowledge_with(check_resolver(resolver, taxonomy), std::move(learned), options.similarity)
                          : learn_skill_knowledge(check_resolver(resolver, taxonomy), similarity_embedding_options(options),
                                                  options.similarity)),
        similarity(*knowledge.similarity),
        dimension(options.external_vectors ? options.dimension : options.embedding.dimension),
        pool(options.threads) {
    if (dimension == 0) fail(ErrorCode::invalid_argument, "engine: vector dimension must be > 0");
    jobs = std::make_unique<ProfileIndex>(Side::job, options.job_schema, dimension);
    candidates = std::make_unique<ProfileIndex>(Side::candidate, options.candidate_schema, dimension);
  }

  static std::shared_ptr<const Taxonomy> taxonomy_of(const EngineOptions& o) {
    return o.taxonomy ? o.taxonomy : o.resolver ? o.resolver->taxonomy_ptr() : bundled_taxonomy();
  }

  // With external vectors the learned vectors serve only the skill similarity: at the library's
  // default length, whatever the external dimension (which may be 4, or 65536).
  static EmbeddingOptions similarity_embedding_options(const EngineOptions& o) {
    EmbeddingOptions e = o.embedding;
    if (o.external_vectors) e.dimension = EmbeddingOptions{}.dimension;
    return e;
  }

  static const Resolver& check_resolver(const Resolver& r, const std::shared_ptr<const Taxonomy>& t) {
    if (r.taxonomy_ptr() != t) fail(ErrorCode::invalid_argument, "engine: the resolver was built on another taxonomy");
    return r;
  }

  const ProfileIndex& index(Side side) const { return side == Side::job ? *jobs : *candidates; }
  ProfileIndex& index(Side side) { return side == Side::job ? *jobs : *candidates; }

  std::vector<float> embed(const Profile& p) const {
    std::vector<float> v(dimension, 0.0f);
    const std::string what = "profile '" + p.id + "'";
    if (!p.vector.empty()) {
      validate_vector(p.vector, dimension, what + ": vector");
      double norm = 0;
      for (float x : p.vector) norm += double(x) * x;
      if (norm <= 0) fail(ErrorCode::invalid_value, what + ": vector is all zeros");
      const float inv = static_cast<float>(1.0 / std::sqrt(norm));
      for (std::size_t i = 0; i < dimension; ++i) v[i] = p.vector[i] * inv;
      return v;
    }
    if (options.external_vectors)
      fail(ErrorCode::invalid_argument, what + ": this engine uses external vectors and the profile has none");
    std::vector<WeightedConcept> skills;
    skills.reserve(p.skills.size() + 1);
    for (const auto& s : p.skills) skills.push_back({s.concept_index, s.weight * s.confidence});
    // The title's occupation adds context, as much as one average skill.
    if (p.title_concept != no_concept) skills.push_back({p.title_concept, 1.0f});
    embed_profile(*knowledge.embedding, skills, v);  // all zeros when nothing has a vector: matches on skills only
    return v;
  }
};

Engine::Engine(EngineOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;

void Engine::save(const std::filesystem::path& path) const {
  const Impl& im = *impl_;
  // Both views for the whole write: the vector sections point into the stores. The only place that
  // holds both sides' locks: jobs first, always (one global order, profile_index.hpp).
  auto jobs = im.jobs->read();
  auto candidates = im.candidates->read();
  indexfile::EngineFileParts parts;
  parts.taxonomy = im.taxonomy.get();
  parts.embedding = im.knowledge.embedding.get();
  parts.external_vectors = im.options.external_vectors;
  parts.dimension = im.dimension;
  parts.jobs = im.jobs.get();
  parts.candidates = im.candidates.get();
  indexfile::write_engine_file(path, parts);
}

std::unique_ptr<Engine> Engine::open(const std::filesystem::path& path, EngineOptions options,
                                     const OpenOptions& open_options) {
  options.taxonomy = Impl::taxonomy_of(options);
  std::unique_ptr<Impl> impl;
  // The resolver and the similarity are built while the two sides decode.
  auto file = indexfile::read_engine_file(path, options.taxonomy, open_options.verify_checksums,
                                          [&](const indexfile::LoadedEngineFile& f) {
    options.external_vectors = f.info.external_vectors;
    options.dimension = f.info.dimension;
    options.embedding = f.embedding->options();
    options.job_schema = {};  // the sides' own schemas replace these below
    options.candidate_schema = {};
    impl = std::make_unique<Impl>(std::move(options), f.embedding);
  });
  impl->jobs = std::move(file.jobs);
  impl->candidates = std::move(file.candidates);
  impl->options.job_schema = impl->jobs->schema();
  impl->options.candidate_schema = impl->candidates->schema();
  return std::unique_ptr<Engine>(new Engine(std::move(impl)));
}

const Taxonomy& Engine::taxonomy() const noexcept { return *impl_->taxonomy; }
const Resolver& Engine::resolver() const noexcept { return impl_->resolver; }
const SkillSimilarity& Engine::similarity() const noexcept { return impl_->similarity; }
const SkillEmbedding& Engine::embedding() const {
  if (impl_->options.external_vectors)
    fail(ErrorCode::invalid_argument, "this engine uses external vectors, it has no embedding");
  return *impl_->knowledge.embedding;
}
std::size_t Engine::dimension() const noexcept { return impl_->dimension; }
const ProfileIndex& Engine::index(Side side) const noexcept { return impl_->index(side); }

// The parsing options for `json`: `base`, with the engine's extractor when the text may hold a
// "text" field and `base` has none. Only such text pays for building the extractor.
ProfileParseOptions Engine::parsing_for(std::string_view json, const ProfileParseOptions& base) const {
  if (base.extractor || json.find("\"text\"") == std::string_view::npos) return base;
  ProfileParseOptions parsing = base;
  extractor();
  parsing.extractor = impl_->extractor;
  return parsing;
}

Profile Engine::parse_profile(std::string_view json, std::string_view where) const {
  return parse_profile_json(json, impl_->resolver, where, parsing_for(json, impl_->options.parsing));
}

const Extractor& Engine::extractor() const {
  std::call_once(impl_->extractor_once, [this] {
    impl_->extractor = impl_->options.parsing.extractor ? impl_->options.parsing.extractor
                                                         : std::make_shared<const Extractor>(impl_->resolver_ptr);
  });
  return *impl_->extractor;
}

TextProfile Engine::parse_text_profile(std::string_view id, std::string_view text, const ExtractOptions& options) const {
  return profile_from_text(extractor(), id, text, options);
}

std::vector<Profile> Engine::parse_profiles_jsonl(std::string_view text, std::string_view source_name,
                                                  const ProfileParseOptions* options, ProfileParseReport* report) const {
  return read_profiles_jsonl_text(text, source_name, impl_->resolver,
                                  parsing_for(text, options ? *options : impl_->options.parsing), &impl_->pool, report);
}

std::vector<float> Engine::embed(const Profile& profile) const { return impl_->embed(profile); }

void Engine::upsert(Side side, const Profile& profile) {
  if (profile.id.empty()) fail(ErrorCode::invalid_argument, std::string(to_string(side)) + " profile with an empty id");
  auto v = impl_->embed(profile);
  impl_->index(side).upsert(profile, v);
}

std::size_t Engine::upsert_all(Side side, std::span<const Profile> profiles, std::size_t* added) {
  // Embedding is the expensive part and needs no lock: do it in parallel, then insert in order. An
  // embedding error is kept with its profile and raised when the insertion reaches it, so the
  // profiles before it are added, as a loop of upsert() would.
  if (added) *added = 0;
  std::vector<std::vector<float>> vectors(profiles.size());
  std::vector<std::exception_ptr> errors(profiles.size());
  impl_->pool.parallel_for(profiles.size(), 0, [&](std::size_t i, std::size_t) {
    try {
      if (profiles[i].id.empty())
        fail(ErrorCode::invalid_argument, std::string(to_string(side)) + " profile with an empty id");
      vectors[i] = impl_->embed(profiles[i]);
    } catch (...) {
      errors[i] = std::current_exception();
    }
  });
  for (std::size_t i = 0; i < profiles.size(); ++i) {
    if (errors[i]) std::rethrow_exception(errors[i]);
    impl_->index(side).upsert(profiles[i], vectors[i]);
    if (added) ++*added;
  }
  return profiles.size();
}

bool Engine::remove(Side side, std::string_view id) { return impl_->index(side).remove(id); }
std::size_t Engine::size(Side side) const { return impl_->index(side).read().live_count(); }

namespace {

struct CompiledQuery {
  std::optional<CompiledFilter> filter;
  std::vector<std::pair<CompiledFilter, float>> preferences;
  float preference_weight_sum = 0;
};

// Protected attributes never select nor rank unless the query allows it (docs/gap.md, fair exposure).
void check_protected(const CompiledFilter& f, const AttributeSchema& schema, bool allowed, const char* what) {
  if (allowed) return;
  for (const auto& clause : f.program().clauses)
    if (clause.attribute < schema.size() && schema[clause.attribute].is_protected)
      fail(ErrorCode::invalid_argument, std::string(what) + " '" + f.source() + "' uses the protected attribute '" +
                                            schema[clause.attribute].name + "' (MatchOptions::allow_protected allows it)");
}

CompiledQuery compile_query(const MatchOptions& o, const AttributeSchema& schema) {
  if (o.k == 0) fail(ErrorCode::invalid_argument, "match: k must be >= 1");
  CompiledQuery q;
  if (o.filter.find_first_not_of(" \t\r\n") != std::string::npos) {
    q.filter = compile_filter(o.filter, schema);
    check_protected(*q.filter, schema, o.allow_protected, "filter");
  }
  for (const auto& p : o.preferences) {
    if (!(p.weight > 0) || !std::isfinite(p.weight))
      fail(ErrorCode::invalid_argument, "preference '" + p.expression + "': weight must be > 0");
    try {
      q.preferences.emplace_back(compile_filter(p.expression, schema), p.weight);
    } catch (const Error& e) {
      fail(e.code(), "preference '" + p.expression + "': " + e.what());
    }
    check_protected(q.preferences.back().first, schema, o.allow_protected, "preference");
    q.preference_weight_sum += p.weight;
  }
  return q;
}

float preference_share(const CompiledQuery& q, const AttributeColumns& columns, std::uint32_t row,
                       std::vector<PreferenceOutcome>* outcomes) {
  if (q.preferences.empty()) return -1.0f;
  float met = 0;
  for (const auto& [f, w] : q.preferences) {
    bool ok = matches(f, columns, row);
    if (ok) met += w;
    if (outcomes) outcomes->push_back({f.source(), w, ok, 0});
  }
  return met / q.preference_weight_sum;
}

}  // namespace

// Everything one call of match()/match_all() shares between its queries. No ReadView lives here:
// a query takes the documents' lock in short phases (the admitted rows; the vector scan, one chunk
// per hold through the index's scan guard; the re-rank), never for its whole length, so a writer
// gets in between (profile_index.hpp). A row written between two phases is re-checked at the
// re-rank: a removed row is dropped, a replaced one is filtered and scored on its new data.
struct MatchContext {
  const MatchOptions& options;
  Side query_side;
  const ProfileIndex& index;
  const CompiledQuery& compiled;
  HybridScorer scorer;
  Bitmap base;  // rows live and passing the filter when the query (or batch) started
};

// The cosine of a query and a stored row, computed the same way whichever search produced the hit
// (the batch GEMM and the single-query kernels differ in the last bits), so that match() and
// match_all() give the same scores and hence the same order.
static float row_cosine(const ProfileIndex::ReadView& docs, std::uint32_t row, std::span<const float> query) {
  auto v = docs.vectors().row(row);
  float c = 0;
  for (std::size_t i = 0; i < v.size(); ++i) c += v[i] * query[i];
  return c;
}

// The rows a query may return: `base`, and with required_as_filter only the rows that meet every
// must-have by HybridScorer::meets(), the same rule as the explanation's missing_required, so the
// filter drops exactly the documents whose explanation would list a missing must-have.
// Job queries: each distinct concept of the documents is tested once per must-have and its rows are
// taken from the inverted index (exact, no neighbour-list truncation). Candidate queries: the must-
// haves are the documents', so each admitted job is checked against the candidate's skills.
static void admitted_rows(const MatchContext& ctx, const ProfileIndex::ReadView& docs,
                          std::span<const ProfileSkill> query_skills, Bitmap& admitted) {
  admitted = ctx.base;
  if (!ctx.options.required_as_filter) return;
  if (ctx.query_side == Side::job) {
    for (const auto& want : query_skills) {
      if (!want.required) continue;
      Bitmap any(docs.rows());
      docs.for_each_concept([&](ConceptIndex c, std::span<const std::uint32_t> rows) {
        if (ctx.scorer.meets(want, c))
          for (std::uint32_t r : rows) any.set(r);
      });
      any.resize(admitted.size());  // rows added since the base was taken are not searched
      admitted &= any;
    }
    return;
  }
  ctx.base.for_each_set([&](std::size_t r) {
    if (!ctx.scorer.meets_required(docs.skills(static_cast<std::uint32_t>(r)), query_skills)) admitted.reset(r);
  });
}

// Whether a hit of the vector stage may still be returned at the re-rank: its row may have been
// removed or replaced since the admitted rows were taken (a concurrent writer). Always true for
// rows nobody wrote meanwhile, so without writers results are those of a locked query.
static bool still_admitted(const MatchContext& ctx, const ProfileIndex::ReadView& docs,
                           std::span<const ProfileSkill> query_skills, std::uint32_t row) {
  if (row >= docs.rows() || !docs.live().test(row)) return false;
  if (ctx.compiled.filter && !matches(*ctx.compiled.filter, docs.columns(), row)) return false;
  if (ctx.options.required_as_filter) {
    auto doc_skills = docs.skills(row);
    const bool query_is_job = ctx.query_side == Side::job;
    if (!ctx.scorer.meets_required(query_is_job ? query_skills : doc_skills, query_is_job ? doc_skills : query_skills))
      return false;
  }
  return true;
}

// Re-ranks the vector hits of one query by the hybrid score and fills its results. Takes the
// documents' lock for its length (short: k' rows).
static void rerank(const MatchContext& ctx, std::span<const ProfileSkill> query_skills,
                   std::span<const float> query_vector, const std::vector<Hit>& hits, MatchResults& out) {
  struct Scored {
    std::uint32_t row;
    float score;
  };
  thread_local std::vector<Scored> scored;  // per thread, grows only: no allocation per query
  scored.clear();
  scored.reserve(hits.size());
  const bool query_is_job = ctx.query_side == Side::job;
  const auto docs = ctx.index.read();
  for (const auto& h : hits) {
    if (!still_admitted(ctx, docs, query_skills, h.row)) continue;
    auto doc_skills = docs.skills(h.row);
    auto job = query_is_job ? query_skills : doc_skills;
    auto cand = query_is_job ? doc_skills : query_skills;
    float pref = preference_share(ctx.compiled, docs.columns(), h.row, nullptr);
    float s = ctx.scorer.score(job, cand, row_cosine(docs, h.row, query_vector), pref);
    scored.push_back({h.row, s});
  }
  const std::size_t keep = std::min(ctx.options.k, scored.size());
  auto better = [&](const Scored& a, const Scored& b) {
    if (a.score != b.score) return a.score > b.score;
    return docs.id(a.row) < docs.id(b.row);
  };
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(keep), scored.end(), better);
  scored.resize(keep);
  out.matches.clear();
  for (const auto& s : scored) {
    Match m;
    m.id = docs.id(s.row);
    m.score = s.score;
    if (ctx.options.explain) {
      auto doc_skills = docs.skills(s.row);
      auto job = query_is_job ? query_skills : doc_skills;
      auto cand = query_is_job ? doc_skills : query_skills;
      ScoreBreakdown b;
      float pref = preference_share(ctx.compiled, docs.columns(), s.row, &b.preference_outcomes);
      m.score = ctx.scorer.score(job, cand, row_cosine(docs, s.row, query_vector), pref, &b);
      for (auto& p : b.preference_outcomes)
        p.contribution = p.passed ? b.preferences.weight * p.weight / ctx.compiled.preference_weight_sum : 0;
      m.breakdown = std::move(b);
      if (ctx.compiled.filter) m.filter = explain(*ctx.compiled.filter, docs.columns(), s.row);
    }
    out.matches.push_back(std::move(m));
  }
}

static std::size_t rerank_depth(const MatchOptions& o) {
  return o.rerank_depth ? std::max(o.rerank_depth, o.k) : std::max<std::size_t>(10 * o.k, 200);
}

// One query, start to end: admitted rows, exact top-k' over them, re-rank. `hits` is the query's
// top-k' when a batch search already found it over `ctx.base` (only valid when the admitted rows are
// the base rows, i.e. without required_as_filter); else this searches itself.
static void run_query(const MatchContext& ctx, ThreadPool* pool, std::size_t threads,
                      std::span<const ProfileSkill> query_skills, std::span<const float> query_vector,
                      const std::vector<Hit>* batch_hits, MatchResults& out) {
  if (batch_hits) {
    out.admitted = ctx.base.count();
    if (out.admitted) rerank(ctx, query_skills, query_vector, *batch_hits, out);
    return;
  }
  Bitmap admitted;
  {
    const auto docs = ctx.index.read();
    admitted_rows(ctx, docs, query_skills, admitted);
  }
  out.admitted = admitted.count();
  if (out.admitted == 0) return;
  thread_local std::vector<Hit> hits;
  ExactSearchOptions so;
  so.k = rerank_depth(ctx.options);
  so.filter = &admitted;
  so.threads = threads;
  so.guard = &ctx.index.scan_guard();
  exact_search(ctx.index.vectors_unlocked(), query_vector, so, pool, hits);
  rerank(ctx, query_skills, query_vector, hits, out);
}

static MatchContext make_context(const SkillSimilarity& similarity, const MatchOptions& options, Side query_side,
                                 const ProfileIndex& index, const CompiledQuery& compiled) {
  MatchContext ctx{options, query_side, index, compiled,
                   HybridScorer(similarity, options.weights, options.must_threshold, options.similarity_floor,
                                options.specificity),
                   {}};
  const auto docs = index.read();
  ctx.base = docs.live();
  if (compiled.filter) {
    Bitmap f;
    evaluate(*compiled.filter, docs.columns(), f);
    ctx.base &= f;
  }
  return ctx;
}

// match() and match_id(): one query with its unit vector.
static MatchResults match_one(const SkillSimilarity& similarity, ThreadPool& pool, const ProfileIndex& target,
                              const CompiledQuery& compiled, std::string query_id,
                              std::span<const ProfileSkill> query_skills, std::span<const float> query_vector,
                              Side query_side, const MatchOptions& options) {
  const MatchContext ctx = make_context(similarity, options, query_side, target, compiled);
  MatchResults results;
  results.query_id = std::move(query_id);
  run_query(ctx, &pool, options.threads, query_skills, query_vector, nullptr, results);
  return results;
}

MatchResults Engine::match(const Profile& query, Side query_side, const MatchOptions& options) const {
  const Impl& im = *impl_;
  const ProfileIndex& target = im.index(other_side(query_side));
  const CompiledQuery compiled = compile_query(options, target.schema());
  if (!query.attributes.empty() && im.index(query_side).schema().size() > 0) {
    // A query's attributes follow its side's schema, as a stored profile's do (undeclared names,
    // wrong types, unknown levels are errors); they are checked only, not stored. A side that
    // declares no attributes (an engine used in one direction) ignores them.
    AttributeColumns check(im.index(query_side).schema());
    check.append(query.attributes, "query '" + query.id + "'");
  }
  std::vector<float> qv = im.embed(query);
  return match_one(im.similarity, im.pool, target, compiled, query.id, query.skills, qv, query_side, options);
}

MatchResults Engine::match_id(Side query_side, std::string_view query_id, const MatchOptions& options) const {
  // The stored unit vector as it is (embedding it again would renormalise it and change the last
  // bits, so a stored query would score differently from match_all()).
  const Impl& im = *impl_;
  const ProfileIndex& target = im.index(other_side(query_side));
  const CompiledQuery compiled = compile_query(options, target.schema());
  std::vector<float> qv;
  std::vector<ProfileSkill> skills;
  {
    auto view = im.index(query_side).read();
    auto row = view.row_of(query_id);
    if (!row) fail(ErrorCode::not_found, std::string("no ") + to_string(query_side) + " with id '" + std::string(query_id) + "'");
    auto v = view.vectors().row(*row);
    qv.assign(v.begin(), v.end());
    auto s = view.skills(*row);
    skills.assign(s.begin(), s.end());
  }
  return match_one(im.similarity, im.pool, target, compiled, std::string(query_id), skills, qv, query_side, options);
}

std::vector<MatchResults> Engine::match_all(Side query_side, const MatchOptions& options) const {
  const Impl& im = *impl_;
  const ProfileIndex& target = im.index(other_side(query_side));
  CompiledQuery compiled = compile_query(options, target.schema());
  // The queries are copied out under the query side's lock, which is then released: a thread never
  // holds both sides' locks (two batches in opposite directions would otherwise deadlock behind
  // writers queued on each side).
  std::vector<std::string> query_ids;
  std::vector<std::vector<ProfileSkill>> query_skills;
  std::vector<float> qv;
  std::vector<ConceptIndex> query_concepts, doc_concepts;  // for the batch's CreditMemo
  {
    const auto queries = im.index(query_side).read();
    const std::size_t nq = queries.live_count();
    query_ids.reserve(nq);
    query_skills.reserve(nq);
    qv.reserve(nq * im.dimension);
    queries.live().for_each_set([&](std::size_t r) {
      const auto row = static_cast<std::uint32_t>(r);
      query_ids.push_back(queries.id(row));
      auto sk = queries.skills(row);
      query_skills.emplace_back(sk.begin(), sk.end());
      for (const auto& k : sk) query_concepts.push_back(k.concept_index);
      auto v = queries.vectors().row(row);
      qv.insert(qv.end(), v.begin(), v.end());
    });
  }
  const std::size_t nq = query_ids.size();
  std::vector<MatchResults> results(nq);
  if (nq == 0) return results;
  MatchContext ctx = make_context(im.similarity, options, query_side, target, compiled);
  {
    const auto docs = target.read();
    docs.for_each_concept([&](ConceptIndex c, std::span<const std::uint32_t>) { doc_concepts.push_back(c); });
  }
  // Every query scores up to k' documents and the pairs of concepts recur across queries: compute
  // each similarity once per batch (the cost that made candidate->jobs ~85x slower per document).
  const bool query_is_job = query_side == Side::job;
  const CreditMemo memo(im.similarity, query_is_job ? query_concepts : doc_concepts,
                        query_is_job ? doc_concepts : query_concepts, /*held_major=*/!query_is_job);
  ctx.scorer.use_memo(&memo);
  auto query_vector = [&](std::size_t i) {
    return std::span<const float>(qv.data() + i * im.dimension, im.dimension);
  };

  // Without required_as_filter every query admits the same rows, so the vector stage runs as one
  // batch (blocked matrix products); with it each query has its own rows and searches alone. Either
  // way each query then goes through run_query, the path match() takes.
  std::vector<std::vector<Hit>> hits;
  const bool batch = !options.required_as_filter && ctx.base.count() > 0;
  if (batch) {
    ExactSearchOptions so;
    so.k = rerank_depth(options);
    so.filter = &ctx.base;
    so.threads = options.threads;
    so.guard = &target.scan_guard();
    exact_search_batch(target.vectors_unlocked(), qv.data(), nq, so, &im.pool, hits);
  }
  std::mutex progress_mutex;
  std::size_t done = 0;
  im.pool.parallel_for(nq, options.threads, [&](std::size_t i, std::size_t) {
    results[i].query_id = query_ids[i];
    run_query(ctx, nullptr, 1, query_skills[i], query_vector(i), batch ? &hits[i] : nullptr, results[i]);
    if (options.progress) {
      std::lock_guard lock(progress_mutex);
      options.progress(++done, nq);
    }
  });
  return results;
}

}  // namespace skillmatch
