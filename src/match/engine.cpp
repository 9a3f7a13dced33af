// Engine: wires taxonomy, resolver, similarity, embedding and the two indexes into the match
// pipeline (filter bitmap -> SIMD exact top-k' -> hybrid re-rank -> explanation).
#include "skillmatch/engine.hpp"

#include <algorithm>
#include <cmath>
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
  // Both views for the whole write: the vector sections point into the stores.
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

Profile Engine::parse_profile(std::string_view json, std::string_view where) const {
  return parse_profile_json(json, impl_->resolver, where, impl_->options.parsing);
}

std::vector<float> Engine::embed(const Profile& profile) const { return impl_->embed(profile); }

void Engine::upsert(Side side, const Profile& profile) {
  if (profile.id.empty()) fail(ErrorCode::invalid_argument, std::string(to_string(side)) + " profile with an empty id");
  auto v = impl_->embed(profile);
  impl_->index(side).upsert(profile, v);
}

std::size_t Engine::upsert_all(Side side, std::span<const Profile> profiles) {
  // Embedding is the expensive part and needs no lock: do it in parallel, then insert in order.
  std::vector<std::vector<float>> vectors(profiles.size());
  impl_->pool.parallel_for(profiles.size(), 0, [&](std::size_t i, std::size_t) { vectors[i] = impl_->embed(profiles[i]); });
  for (std::size_t i = 0; i < profiles.size(); ++i) impl_->index(side).upsert(profiles[i], vectors[i]);
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

// Everything one call of match()/match_all() shares between its queries.
struct MatchContext {
  const MatchOptions& options;
  Side query_side;
  const ProfileIndex::ReadView& docs;
  const CompiledQuery& compiled;
  HybridScorer scorer;
  Bitmap base;  // live rows that pass the filter
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
static void admitted_rows(const MatchContext& ctx, std::span<const ProfileSkill> query_skills, Bitmap& admitted) {
  admitted = ctx.base;
  if (!ctx.options.required_as_filter) return;
  if (ctx.query_side == Side::job) {
    for (const auto& want : query_skills) {
      if (!want.required) continue;
      Bitmap any(ctx.docs.rows());
      ctx.docs.for_each_concept([&](ConceptIndex c, std::span<const std::uint32_t> rows) {
        if (ctx.scorer.meets(want, c))
          for (std::uint32_t r : rows) any.set(r);
      });
      admitted &= any;
    }
    return;
  }
  ctx.base.for_each_set([&](std::size_t r) {
    if (!ctx.scorer.meets_required(ctx.docs.skills(static_cast<std::uint32_t>(r)), query_skills)) admitted.reset(r);
  });
}

// Re-ranks the vector hits of one query by the hybrid score and fills its results.
static void rerank(const MatchContext& ctx, std::span<const ProfileSkill> query_skills,
                   std::span<const float> query_vector, const std::vector<Hit>& hits, MatchResults& out) {
  struct Scored {
    std::uint32_t row;
    float score;
  };
  std::vector<Scored> scored;
  scored.reserve(hits.size());
  const bool query_is_job = ctx.query_side == Side::job;
  for (const auto& h : hits) {
    auto doc_skills = ctx.docs.skills(h.row);
    auto job = query_is_job ? query_skills : doc_skills;
    auto cand = query_is_job ? doc_skills : query_skills;
    float pref = preference_share(ctx.compiled, ctx.docs.columns(), h.row, nullptr);
    float s = ctx.scorer.score(job, cand, row_cosine(ctx.docs, h.row, query_vector), pref);
    scored.push_back({h.row, s});
  }
  std::sort(scored.begin(), scored.end(), [&](const Scored& a, const Scored& b) {
    if (a.score != b.score) return a.score > b.score;
    return ctx.docs.id(a.row) < ctx.docs.id(b.row);
  });
  if (scored.size() > ctx.options.k) scored.resize(ctx.options.k);
  out.matches.clear();
  for (const auto& s : scored) {
    Match m;
    m.id = ctx.docs.id(s.row);
    m.score = s.score;
    if (ctx.options.explain) {
      auto doc_skills = ctx.docs.skills(s.row);
      auto job = query_is_job ? query_skills : doc_skills;
      auto cand = query_is_job ? doc_skills : query_skills;
      ScoreBreakdown b;
      float pref = preference_share(ctx.compiled, ctx.docs.columns(), s.row, &b.preference_outcomes);
      m.score = ctx.scorer.score(job, cand, row_cosine(ctx.docs, s.row, query_vector), pref, &b);
      for (auto& p : b.preference_outcomes)
        p.contribution = p.passed ? b.preferences.weight * p.weight / ctx.compiled.preference_weight_sum : 0;
      m.breakdown = std::move(b);
      if (ctx.compiled.filter) m.filter = explain(*ctx.compiled.filter, ctx.docs.columns(), s.row);
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
  admitted_rows(ctx, query_skills, admitted);
  out.admitted = admitted.count();
  if (out.admitted == 0) return;
  std::vector<Hit> hits;
  ExactSearchOptions so;
  so.k = rerank_depth(ctx.options);
  so.filter = &admitted;
  so.threads = threads;
  exact_search(ctx.docs.vectors(), query_vector, so, pool, hits);
  rerank(ctx, query_skills, query_vector, hits, out);
}

static MatchContext make_context(const SkillSimilarity& similarity, const MatchOptions& options, Side query_side,
                                 const ProfileIndex::ReadView& docs, const CompiledQuery& compiled) {
  MatchContext ctx{options, query_side, docs, compiled,
                   HybridScorer(similarity, options.weights, options.must_threshold, options.similarity_floor,
                                options.specificity),
                   docs.live()};
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
  auto docs = target.read();
  const MatchContext ctx = make_context(similarity, options, query_side, docs, compiled);
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
  auto queries = im.index(query_side).read();
  auto docs = target.read();
  std::vector<std::uint32_t> query_rows;
  queries.live().for_each_set([&](std::size_t r) { query_rows.push_back(static_cast<std::uint32_t>(r)); });
  std::vector<MatchResults> results(query_rows.size());
  if (query_rows.empty()) return results;
  const MatchContext ctx = make_context(im.similarity, options, query_side, docs, compiled);

  // Without required_as_filter every query admits the same rows, so the vector stage runs as one
  // batch (blocked matrix products); with it each query has its own rows and searches alone. Either
  // way each query then goes through run_query, the path match() takes.
  std::vector<std::vector<Hit>> hits;
  const bool batch = !options.required_as_filter && ctx.base.count() > 0;
  if (batch) {
    std::vector<float> qv(query_rows.size() * im.dimension);
    for (std::size_t i = 0; i < query_rows.size(); ++i) {
      auto v = queries.vectors().row(query_rows[i]);
      std::copy(v.begin(), v.end(), qv.begin() + static_cast<std::ptrdiff_t>(i * im.dimension));
    }
    ExactSearchOptions so;
    so.k = rerank_depth(options);
    so.filter = &ctx.base;
    so.threads = options.threads;
    exact_search_batch(docs.vectors(), qv.data(), query_rows.size(), so, &im.pool, hits);
  }
  std::mutex progress_mutex;
  std::size_t done = 0;
  im.pool.parallel_for(query_rows.size(), options.threads, [&](std::size_t i, std::size_t) {
    results[i].query_id = queries.id(query_rows[i]);
    run_query(ctx, nullptr, 1, queries.skills(query_rows[i]), queries.vectors().row(query_rows[i]),
              batch ? &hits[i] : nullptr, results[i]);
    if (options.progress) {
      std::lock_guard lock(progress_mutex);
      options.progress(++done, query_rows.size());
    }
  });
  return results;
}

}  // namespace skillmatch
