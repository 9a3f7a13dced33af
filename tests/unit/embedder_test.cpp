// SkillEmbedding (PPMI + randomised SVD skill vectors), embed_profile, the file format and the postings
// reader; on a small synthetic taxonomy and on the bundled taxonomy with the skill2vec postings.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <sstream>
#include <string>
#include <vector>

#include "embed/exact_label_lookup.hpp"
#include "embed/fnv1a.hpp"
#include "skillmatch/embedder.hpp"
#include "skillmatch/postings.hpp"
#include "skillmatch/taxonomy_io.hpp"
#include "test_support.hpp"

using namespace skillmatch;
using namespace skillmatch::test;

namespace {

double norm_of(std::span<const float> v) {
  double s = 0;
  for (float x : v) s += double{x} * x;
  return std::sqrt(s);
}

// Three domains (databases, 3D graphics, machine learning), one occupation each, Excel shared by all
// three occupations at half importance; postings that pair tools of the same domain.
std::shared_ptr<const Taxonomy> synthetic_taxonomy(const std::string& prefix = "") {
  TaxonomyBuilder b;
  const auto id = [&](const char* s) { return prefix + s; };
  for (const char* cat : {"cat:db", "cat:3d", "cat:ml", "cat:office"}) b.add_concept(id(cat), ConceptKind::category, cat);
  const char* tools[][2] = {{"t:mysql", "cat:db"},   {"t:postgres", "cat:db"}, {"t:oracle", "cat:db"},
                            {"t:maya", "cat:3d"},    {"t:blender", "cat:3d"},  {"t:3dsmax", "cat:3d"},
                            {"t:pytorch", "cat:ml"}, {"t:tensorflow", "cat:ml"}, {"t:sklearn", "cat:ml"},
                            {"t:excel", "cat:office"}, {"t:newdb", "cat:db"}};
  for (const auto& t : tools) {
    b.add_concept(id(t[0]), ConceptKind::technology, t[0] + 2);
    b.add_broader(id(t[0]), id(t[1]));
  }
  b.add_concept(id("t:lonely"), ConceptKind::technology, "lonely");  // no link at all
  const char* occupations[][4] = {{"occ:dba", "t:mysql", "t:postgres", "t:oracle"},
                                  {"occ:artist", "t:maya", "t:blender", "t:3dsmax"},
                                  {"occ:ds", "t:pytorch", "t:tensorflow", "t:sklearn"}};
  for (const auto& o : occupations) {
    b.add_concept(id(o[0]), ConceptKind::occupation, o[0] + 4);
    for (int i = 1; i < 4; ++i) b.add_related(id(o[0]), id(o[i]), RelationKind::occupation_skill, 1.0f);
    b.add_related(id(o[0]), id("t:excel"), RelationKind::occupation_skill, 0.5f);
  }
  return b.build();
}

std::vector<std::vector<ConceptIndex>> synthetic_postings(const Taxonomy& t) {
  const auto c = [&](const char* s) { return t.at(s); };
  std::vector<std::vector<ConceptIndex>> postings;
  for (int rep = 0; rep < 5; ++rep) {
    postings.push_back({c("t:mysql"), c("t:postgres")});
    postings.push_back({c("t:postgres"), c("t:oracle"), c("t:mysql")});
    postings.push_back({c("t:maya"), c("t:blender")});
    postings.push_back({c("t:3dsmax"), c("t:maya")});
    postings.push_back({c("t:pytorch"), c("t:tensorflow"), c("t:sklearn")});
    postings.push_back({c("t:tensorflow"), c("t:pytorch")});
  }
  postings.push_back({c("t:excel")});  // a single skill adds nothing but must be accepted
  postings.push_back({});
  return postings;
}

std::string saved(const SkillEmbedding& e) {
  std::ostringstream out;
  e.save(out);
  return out.str();
}

SkillEmbedding loaded(const std::string& bytes, std::shared_ptr<const Taxonomy> t) {
  std::istringstream in(bytes);
  return SkillEmbedding::load(in, std::move(t));
}

// The bundled taxonomy, the skill2vec postings read with the exact-label lookup, and vectors learned
// from both; each built once per process, on first use (ctest runs every test case in its own process).
const PostingCorpus& bundled_corpus() {
  static const PostingCorpus corpus = [] {
    const detail::ExactLabelLookup lookup(*bundled_taxonomy());
    return read_postings_file(SKILLMATCH_SOURCE_DIR "/data/postings/skill2vec_it_postings.tsv",
                              [&](std::string_view text) { return lookup(text); });
  }();
  return corpus;
}

struct BundledFixture {
  std::shared_ptr<const Taxonomy> taxonomy = bundled_taxonomy();
  const PostingCorpus& corpus = bundled_corpus();
  SkillEmbedding embedding = SkillEmbedding::learn(taxonomy, corpus.postings);
  float cosine(const char* a, const char* b) const {
    return embedding.cosine(taxonomy->at(a), taxonomy->at(b));
  }
};

const BundledFixture& bundled() {
  static const BundledFixture fixture;
  return fixture;
}

}  // namespace

TEST_CASE("embedder: skills that co-occur are closer than unrelated ones (synthetic taxonomy)") {
  auto t = synthetic_taxonomy();
  const auto postings = synthetic_postings(*t);
  EmbeddingOptions options;
  // Well below the 19 concepts with data: the vectors come from a low-rank approximation, and only a
  // real truncation turns shared contexts into similar vectors (near full rank, rows of U * S^0.5 are
  // close to orthogonal whatever the data).
  options.dimension = 4;
  const SkillEmbedding e = SkillEmbedding::learn(t, postings, options);
  const auto cos = [&](const char* a, const char* b) { return e.cosine(t->at(a), t->at(b)); };

  CHECK(cos("t:mysql", "t:postgres") > cos("t:mysql", "t:maya") + 0.3f);
  CHECK(cos("t:mysql", "t:postgres") > cos("t:mysql", "t:pytorch") + 0.3f);
  CHECK(cos("t:maya", "t:blender") > cos("t:maya", "t:tensorflow") + 0.3f);
  CHECK(cos("t:pytorch", "t:tensorflow") > cos("t:pytorch", "t:oracle") + 0.3f);
  // An occupation sits with the skills it needs.
  CHECK(cos("occ:dba", "t:mysql") > cos("occ:dba", "t:blender"));
  // A concept with only a broader link lands near its category's members.
  CHECK(e.has_vector(t->at("t:newdb")));
  CHECK(cos("t:newdb", "t:oracle") > cos("t:newdb", "t:maya"));
  CHECK(e.cosine(t->at("t:mysql"), t->at("t:mysql")) == doctest::Approx(1.0f));
}

TEST_CASE("embedder: unit vectors, zero vectors for concepts without links, dimension") {
  auto t = synthetic_taxonomy();
  EmbeddingOptions options;
  options.dimension = 128;  // larger than the number of concepts: the extra coordinates are zero
  const SkillEmbedding e = SkillEmbedding::learn(t, synthetic_postings(*t), options);
  REQUIRE(e.dimension() == 128);
  REQUIRE(e.size() == t->size());
  REQUIRE(e.data().size() == t->size() * 128);
  for (ConceptIndex c = 0; c < t->size(); ++c) {
    CAPTURE(t->id(c));
    REQUIRE(e.vector(c).size() == 128);
    if (t->id(c) == "t:lonely") {
      CHECK_FALSE(e.has_vector(c));
      CHECK(norm_of(e.vector(c)) == 0.0);
    } else {
      CHECK(e.has_vector(c));
      CHECK(norm_of(e.vector(c)) == doctest::Approx(1.0).epsilon(1e-5));
    }
  }
  CHECK(e.vector_count() == t->size() - 1);
  CHECK(e.cosine(t->at("t:lonely"), t->at("t:mysql")) == 0.0f);
  CHECK(contains(error_of([&] { (void)e.vector(static_cast<ConceptIndex>(t->size())); }), "invalid_argument"));
}

TEST_CASE("embedder: learning is deterministic and the seed matters") {
  auto t = synthetic_taxonomy();
  const auto postings = synthetic_postings(*t);
  EmbeddingOptions options;
  options.dimension = 8;  // below the number of concepts: a real truncation
  const SkillEmbedding a = SkillEmbedding::learn(t, postings, options);
  const SkillEmbedding b = SkillEmbedding::learn(t, postings, options);
  REQUIRE(a.data().size() == b.data().size());
  CHECK(std::memcmp(a.data().data(), b.data().data(), a.data().size_bytes()) == 0);
  CHECK(a.data_fingerprint() == b.data_fingerprint());

  options.seed = 7;
  const SkillEmbedding c = SkillEmbedding::learn(t, postings, options);
  CHECK(c.data_fingerprint() != a.data_fingerprint());
  CHECK(std::memcmp(a.data().data(), c.data().data(), a.data().size_bytes()) != 0);
}

TEST_CASE("embedder: concepts without data get their neighbours' mean") {
  auto t = synthetic_taxonomy();
  EmbeddingOptions options;
  options.dimension = 16;
  options.hierarchy_weight = 0;  // categories and t:newdb have no co-occurrence at all now
  const SkillEmbedding e = SkillEmbedding::learn(t, synthetic_postings(*t), options);
  const ConceptIndex db = t->at("cat:db"), newdb = t->at("t:newdb");
  REQUIRE(e.has_vector(db));
  REQUIRE(e.has_vector(newdb));
  // cat:db = normalised mean of mysql, postgres, oracle (t:newdb had none yet when it was filled).
  std::vector<double> mean(16, 0.0);
  for (const char* s : {"t:mysql", "t:postgres", "t:oracle"}) {
    const auto v = e.vector(t->at(s));
    for (std::size_t j = 0; j < 16; ++j) mean[j] += v[j];
  }
  double n = 0;
  for (double x : mean) n += x * x;
  n = std::sqrt(n);
  for (std::size_t j = 0; j < 16; ++j) CHECK(e.vector(db)[j] == doctest::Approx(mean[j] / n).epsilon(1e-5));
  CHECK(e.cosine(newdb, db) == doctest::Approx(1.0f).epsilon(1e-5));
  CHECK_FALSE(e.has_vector(t->at("t:lonely")));
}

TEST_CASE("embedder: bad options and postings are rejected") {
  auto t = synthetic_taxonomy();
  EmbeddingOptions options;
  options.dimension = 0;
  CHECK(contains(error_of([&] { SkillEmbedding::learn(t, {}, options); }), "invalid_argument: EmbeddingOptions.dimension"));
  options = {};
  options.posting_weight = -1;
  CHECK(contains(error_of([&] { SkillEmbedding::learn(t, {}, options); }), "posting_weight"));
  options = {};
  options.hierarchy_weight = std::nanf("");
  CHECK(contains(error_of([&] { SkillEmbedding::learn(t, {}, options); }), "hierarchy_weight"));
  const std::vector<std::vector<ConceptIndex>> bad{{0, 1}, {2, 999}};
  CHECK(contains(error_of([&] { SkillEmbedding::learn(t, bad, {}); }), "posting 1, skill 1: concept index 999"));
  CHECK(contains(error_of([&] { SkillEmbedding::learn(nullptr, {}, {}); }), "invalid_argument"));
}

TEST_CASE("embed_profile: weighted sum, normalised; checks sizes, indices and weights") {
  auto t = synthetic_taxonomy();
  EmbeddingOptions options;
  options.dimension = 16;
  const SkillEmbedding e = SkillEmbedding::learn(t, synthetic_postings(*t), options);
  const ConceptIndex mysql = t->at("t:mysql"), maya = t->at("t:maya"), lonely = t->at("t:lonely");
  std::vector<float> out(16, 5.0f);

  const WeightedConcept one[] = {{mysql, 2.0f}, {lonely, 1.0f}};
  REQUIRE(embed_profile(e, one, out));
  for (std::size_t j = 0; j < 16; ++j) CHECK(out[j] == doctest::Approx(e.vector(mysql)[j]));

  const WeightedConcept two[] = {{mysql, 3.0f}, {maya, 1.0f}, {t->at("t:pytorch"), 0.0f}};
  REQUIRE(embed_profile(e, two, out));
  CHECK(norm_of(out) == doctest::Approx(1.0).epsilon(1e-5));
  std::vector<double> expect(16);
  double n = 0;
  for (std::size_t j = 0; j < 16; ++j) {
    expect[j] = 3.0 * e.vector(mysql)[j] + e.vector(maya)[j];
    n += expect[j] * expect[j];
  }
  for (std::size_t j = 0; j < 16; ++j) CHECK(out[j] == doctest::Approx(expect[j] / std::sqrt(n)).epsilon(1e-4));

  const WeightedConcept none[] = {{lonely, 1.0f}};
  CHECK_FALSE(embed_profile(e, none, out));
  CHECK(norm_of(out) == 0.0);
  CHECK_FALSE(embed_profile(e, {}, out));

  std::vector<float> wrong(15);
  CHECK(contains(error_of([&] { embed_profile(e, one, wrong); }), "dimension_mismatch"));
  const WeightedConcept out_of_range[] = {{mysql, 1.0f}, {9999, 1.0f}};
  CHECK(contains(error_of([&] { embed_profile(e, out_of_range, out); }), "invalid_argument: embed_profile: skill 1"));
  const WeightedConcept negative[] = {{mysql, -1.0f}};
  CHECK(contains(error_of([&] { embed_profile(e, negative, out); }), "invalid_value"));
  const WeightedConcept nan_weight[] = {{mysql, std::nanf("")}};
  CHECK(contains(error_of([&] { embed_profile(e, nan_weight, out); }), "invalid_value"));
}

TEST_CASE("embedder file: save then load gives the same vectors") {
  auto t = synthetic_taxonomy();
  EmbeddingOptions options;
  options.dimension = 16;
  options.seed = 1234;
  options.hierarchy_weight = 0.5f;
  const SkillEmbedding e = SkillEmbedding::learn(t, synthetic_postings(*t), options);
  const SkillEmbedding back = loaded(saved(e), t);
  CHECK(back.dimension() == 16);
  CHECK(back.options().seed == 1234);
  CHECK(back.options().hierarchy_weight == 0.5f);
  CHECK(back.data_fingerprint() == e.data_fingerprint());
  REQUIRE(back.data().size() == e.data().size());
  CHECK(std::memcmp(back.data().data(), e.data().data(), e.data().size_bytes()) == 0);
  CHECK_FALSE(back.has_vector(t->at("t:lonely")));
  CHECK(saved(back) == saved(e));
}

TEST_CASE("embedder file: damaged, truncated and foreign files are rejected with Error(corrupt)") {
  auto t = synthetic_taxonomy();
  EmbeddingOptions options;
  options.dimension = 16;
  const SkillEmbedding e = SkillEmbedding::learn(t, synthetic_postings(*t), options);
  const std::string good = saved(e);

  std::string flipped = good;
  flipped[good.size() / 2] = static_cast<char>(flipped[good.size() / 2] ^ 0x10);
  CHECK(contains(error_of([&] { loaded(flipped, t); }), "corrupt: embedding stream: checksum mismatch"));

  CHECK(contains(error_of([&] { loaded(good.substr(0, good.size() - 3), t); }), "corrupt: embedding stream: truncated"));
  CHECK(contains(error_of([&] { loaded(good.substr(0, 20), t); }), "truncated"));
  CHECK(contains(error_of([&] { loaded("", t); }), "truncated"));

  std::string magic = good;
  magic[0] = 'X';
  CHECK(contains(error_of([&] { loaded(magic, t); }), "not a skillmatch embedding file"));

  std::string version = good;
  version[8] = 9;
  CHECK(contains(error_of([&] { loaded(version, t); }), "unsupported embedding file version 9"));

  // Same size, other concept ids: the fingerprint tells them apart.
  auto other = synthetic_taxonomy("x");
  REQUIRE(other->size() == t->size());
  CHECK(contains(error_of([&] { loaded(good, other); }), "made for another taxonomy"));
  auto bundled_tax = bundled_taxonomy();
  CHECK(contains(error_of([&] { loaded(good, bundled_tax); }), "the taxonomy has"));

  // A consistent checksum over a non-unit vector: the content check catches it.
  std::string scaled = good;
  const std::size_t first_vector = 68 + t->size();
  const ConceptIndex mysql = t->at("t:mysql");
  float x = 0;
  std::memcpy(&x, scaled.data() + first_vector + mysql * 16 * 4, 4);
  x = x * 3.0f + 1.0f;
  std::memcpy(scaled.data() + first_vector + mysql * 16 * 4, &x, 4);
  detail::Fnv1a h;
  h.bytes(scaled.data(), scaled.size() - 8);
  std::string with_sum = scaled.substr(0, scaled.size() - 8);
  for (int i = 0; i < 8; ++i) with_sum.push_back(static_cast<char>(static_cast<unsigned char>(h.value() >> (8 * i))));
  CHECK(contains(error_of([&] { loaded(with_sum, t); }), "t:mysql): vector is neither unit length nor absent"));
}

TEST_CASE("embedder file: save_file/load_file round trip and missing file") {
  auto t = synthetic_taxonomy();
  EmbeddingOptions options;
  options.dimension = 8;
  const SkillEmbedding e = SkillEmbedding::learn(t, synthetic_postings(*t), options);
  const auto path = std::filesystem::temp_directory_path() / "skillmatch_embedder_test.skemb";
  e.save_file(path);
  CHECK_FALSE(std::filesystem::exists(path.string() + ".tmp"));
  const SkillEmbedding back = SkillEmbedding::load_file(path, t);
  CHECK(std::memcmp(back.data().data(), e.data().data(), e.data().size_bytes()) == 0);
  std::filesystem::remove(path);
  CHECK(contains(error_of([&] { SkillEmbedding::load_file(path, t); }), "io_error: cannot open embedding file"));
}

TEST_CASE("postings reader: splits, resolves, deduplicates and reports unknown skills") {
  auto t = synthetic_taxonomy();
  const detail::ExactLabelLookup lookup(*t);
  std::istringstream in(
      "posting_id\tn_skills\tskills\n"
      "p1\t4\tMySQL| postgres |mysql|Fortran\n"
      "\n"
      "p2\t3\tfortran|cobol||Maya\r\n"
      "p3\t1\tCOBOL\n");
  const PostingCorpus corpus = read_postings(in, "mem.tsv", [&](std::string_view s) { return lookup(s); });
  REQUIRE(corpus.postings.size() == 3);
  CHECK(corpus.posting_ids == std::vector<std::string>{"p1", "p2", "p3"});
  std::vector<ConceptIndex> p1{t->at("t:mysql"), t->at("t:postgres")};
  std::sort(p1.begin(), p1.end());
  CHECK(corpus.postings[0] == p1);
  CHECK(corpus.postings[1] == std::vector<ConceptIndex>{t->at("t:maya")});
  CHECK(corpus.postings[2].empty());
  CHECK(corpus.skill_mentions == 8);
  CHECK(corpus.resolved_mentions == 4);
  REQUIRE(corpus.unresolved.size() == 4);  // texts are reported as written: cobol x1, COBOL x1, ...
  CHECK(corpus.unresolved[0].second == 1);

  std::istringstream bad_cols("posting_id\tskills\nx\ta|b\nextra\tcol\tumns\n");
  CHECK(contains(error_of([&] { read_postings(bad_cols, "mem.tsv", [&](std::string_view s) { return lookup(s); }); }),
                 "parse_error: mem.tsv:3: expected 2 tab-separated columns, found 3"));
  std::istringstream no_skills("posting_id\ttext\n1\tx\n");
  CHECK(contains(error_of([&] { read_postings(no_skills, "mem.tsv", [&](std::string_view s) { return lookup(s); }); }),
                 "mem.tsv:1: header has no \"skills\" column"));
  std::istringstream empty("");
  CHECK(contains(error_of([&] { read_postings(empty, "mem.tsv", [&](std::string_view s) { return lookup(s); }); }),
                 "parse_error"));
  CHECK(contains(error_of([&] { read_postings_file("/nonexistent/postings.tsv", [&](std::string_view s) { return lookup(s); }); }),
                 "io_error"));
}

TEST_CASE("embedder on the bundled taxonomy: the skill2vec corpus mostly resolves") {
  const PostingCorpus& corpus = bundled_corpus();
  CHECK(corpus.postings.size() == 8385);
  REQUIRE(corpus.skill_mentions > 80000);
  // The exact-label lookup maps about 70% of the skill mentions (a floor, to catch a broken reader or
  // label index; the Resolver should do better).
  CHECK(double(corpus.resolved_mentions) / double(corpus.skill_mentions) > 0.6);
  std::size_t usable = 0;  // postings that add co-occurrence (two or more distinct concepts)
  for (const auto& p : corpus.postings) usable += p.size() >= 2;
  CHECK(usable > 7000);
  // The copy compiled into the library reads the same.
  const detail::ExactLabelLookup lookup(*bundled_taxonomy());
  const PostingCorpus embedded = read_bundled_postings([&](std::string_view text) { return lookup(text); });
  CHECK(embedded.postings == corpus.postings);
  CHECK(embedded.posting_ids == corpus.posting_ids);
}

TEST_CASE("embedder on the bundled taxonomy: sanity pairs") {
  const auto& f = bundled();
  // Deep-learning frameworks (listed together by the same data-science occupations and postings) are
  // closer to each other than to a spreadsheet.
  CHECK(f.cosine("onet:tech:PyTorch", "onet:tech:TensorFlow") > f.cosine("onet:tech:PyTorch", "onet:tech:Microsoft_Excel"));
  CHECK(f.cosine("onet:tech:PyTorch", "onet:tech:TensorFlow") > 0.5f);
  // 3D modelling tools (both needed by multimedia artists) vs a 3D tool and a database.
  CHECK(f.cosine("onet:tech:Autodesk_Maya", "onet:tech:Blender") > f.cosine("onet:tech:Autodesk_Maya", "onet:tech:MySQL"));
  // Two relational databases vs a database and a 3D tool.
  CHECK(f.cosine("onet:tech:MySQL", "onet:tech:PostgreSQL") > f.cosine("onet:tech:MySQL", "onet:tech:Blender"));
  // Container tooling vs a container tool and an image editor.
  CHECK(f.cosine("onet:tech:Docker", "onet:tech:Kubernetes") > f.cosine("onet:tech:Docker", "onet:tech:Adobe_Photoshop"));
  // A Stack Overflow tag merged into an O*NET concept is the same concept, so the same vector.
  CHECK(f.taxonomy->at("so:pytorch") == f.taxonomy->at("onet:tech:PyTorch"));
}

TEST_CASE("embedder on the bundled taxonomy: every linked concept has a unit vector") {
  const auto& f = bundled();
  const Taxonomy& t = *f.taxonomy;
  std::size_t linked = 0, without = 0, bad_norm = 0;
  for (ConceptIndex c = 0; c < t.size(); ++c) {
    const bool has_link = !t.broader(c).empty() || !t.narrower(c).empty() || !t.related(c).empty() ||
                          !t.related_in(c).empty();
    if (has_link) ++linked;
    if (has_link && !f.embedding.has_vector(c)) ++without;
    const double n = norm_of(f.embedding.vector(c));
    if (f.embedding.has_vector(c) ? std::abs(n - 1.0) > 1e-4 : n != 0.0) ++bad_norm;
  }
  CHECK(linked > 10000);
  CHECK(without == 0);
  CHECK(bad_norm == 0);
  CHECK(f.embedding.dimension() == 128);
}

TEST_CASE("embedder on the bundled taxonomy: deterministic, and a profile vector") {
  const auto& f = bundled();
  const SkillEmbedding again = SkillEmbedding::learn(f.taxonomy, f.corpus.postings);
  CHECK(std::memcmp(again.data().data(), f.embedding.data().data(), again.data().size_bytes()) == 0);

  // A data-science profile is closer to TensorFlow than to Autodesk Maya.
  const Taxonomy& t = *f.taxonomy;
  const WeightedConcept profile[] = {{t.at("onet:tech:PyTorch"), 1.0f}, {t.at("onet:tech:Python"), 1.0f},
                                     {t.at("onet:tech:Scikit-learn"), 0.5f}};
  std::vector<float> v(f.embedding.dimension());
  REQUIRE(embed_profile(f.embedding, profile, v));
  const auto dot = [&](const char* id) {
    const auto w = f.embedding.vector(t.at(id));
    double s = 0;
    for (std::size_t j = 0; j < v.size(); ++j) s += double{v[j]} * w[j];
    return s;
  };
  CHECK(dot("onet:tech:TensorFlow") > dot("onet:tech:Autodesk_Maya"));
}
