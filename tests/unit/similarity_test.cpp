// SkillSimilarity on small hand-built taxonomies: the identities of a similarity (range, symmetry,
// sim(a, a) = 1), each part doing its job, and neighbour lists equal to a brute-force top-K.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "skillmatch/similarity.hpp"

using namespace skillmatch;

namespace {

void concept_(TaxonomyBuilder& b, const std::string& id, ConceptKind kind = ConceptKind::technology,
              double frequency = 0) {
  b.add_concept(id, kind, id);
  if (frequency > 0) b.add_stats(id, ConceptStats{frequency, 0, false, false});
}

// Built with += rather than "g" + std::to_string(i): g++ 12 gives a false -Wrestrict on the latter.
std::string name(const char* prefix, int i) {
  std::string s = prefix;
  s += std::to_string(i);
  return s;
}

ErrorCode error_code_of(auto&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  return ErrorCode::internal;
}

// software (root)
//  +- niche 3d   (rare: two leaves used by few occupations)   -> maya (2), blender (2)
//  +- office     (generic: many frequent leaves)              -> excel (400), calc (300), word (500)
//  +- loner      (a leaf right under the root)                (50)
// isolated: no parent, no link.
std::shared_ptr<const Taxonomy> hierarchy_taxonomy(double niche_frequency = 2, double office_frequency = 400) {
  TaxonomyBuilder b;
  concept_(b, "software", ConceptKind::category);
  concept_(b, "niche3d", ConceptKind::category);
  concept_(b, "office", ConceptKind::category);
  concept_(b, "maya", ConceptKind::technology, niche_frequency);
  concept_(b, "blender", ConceptKind::technology, niche_frequency);
  concept_(b, "excel", ConceptKind::technology, office_frequency);
  concept_(b, "calc", ConceptKind::technology, office_frequency * 0.75);
  concept_(b, "word", ConceptKind::technology, office_frequency * 1.25);
  concept_(b, "loner", ConceptKind::technology, 50);
  concept_(b, "isolated", ConceptKind::technology, 5);
  b.add_broader("niche3d", "software");
  b.add_broader("office", "software");
  b.add_broader("loner", "software");
  b.add_broader("maya", "niche3d");
  b.add_broader("blender", "niche3d");
  b.add_broader("excel", "office");
  b.add_broader("calc", "office");
  b.add_broader("word", "office");
  return b.build();
}

// A deterministic random taxonomy with every kind of evidence: a two-level hierarchy with some
// second parents, related links and occupations needing skills.
std::shared_ptr<const Taxonomy> random_taxonomy(std::uint32_t seed) {
  std::mt19937 rng(seed);
  TaxonomyBuilder b;
  const int groups = 6, skills = 60, occupations = 15;
  concept_(b, "root", ConceptKind::category);
  for (int g = 0; g < groups; ++g) {
    concept_(b, name("g", g), ConceptKind::category);
    b.add_broader(name("g", g), "root");
  }
  std::uniform_int_distribution<int> group(0, groups - 1), skill(0, skills - 1), freq(1, 300);
  std::uniform_real_distribution<float> weight(0.1f, 1.0f);
  for (int s = 0; s < skills; ++s) {
    std::string id = name("s", s);
    concept_(b, id, ConceptKind::technology, s % 7 == 0 ? 0 : freq(rng));
    if (s % 11 != 0) b.add_broader(id, name("g", group(rng)));
    if (s % 5 == 0) b.add_broader(id, name("g", group(rng)));  // maybe a second parent
  }
  for (int r = 0; r < 40; ++r) {
    int x = skill(rng), y = skill(rng);
    if (x != y) b.add_related(name("s", x), name("s", y), RelationKind::related, weight(rng));
  }
  for (int o = 0; o < occupations; ++o) {
    std::string id = name("o", o);
    concept_(b, id, ConceptKind::occupation);
    for (int i = 0; i < 8; ++i) b.add_related(id, name("s", skill(rng)), RelationKind::occupation_skill, weight(rng));
  }
  return b.build();
}

}  // namespace

TEST_CASE("similarity: identity, symmetry and range on every pair") {
  for (std::uint32_t seed : {1u, 2u, 3u}) {
    auto tax = random_taxonomy(seed);
    SkillSimilarity sim(tax);
    std::size_t positive = 0;
    for (ConceptIndex a = 0; a < tax->size(); ++a) {
      CHECK(sim.similarity(a, a) == 1.0f);
      for (ConceptIndex b = a + 1; b < tax->size(); ++b) {
        float ab = sim.similarity(a, b), ba = sim.similarity(b, a);
        CHECK(ab == ba);
        CHECK(ab >= 0.0f);
        CHECK(ab < 1.0f);
        SimilarityParts p = sim.explain(a, b);
        CHECK(p.combined == ab);
        for (float part : {p.hierarchy, p.related, p.cooccurrence}) {
          CHECK(part >= 0.0f);
          CHECK(part <= 1.0f);
        }
        positive += ab > 0;
      }
    }
    CHECK(positive > 100);  // the evidence is actually used
  }
}

TEST_CASE("similarity: siblings under a rare parent beat siblings under a generic parent") {
  auto tax = hierarchy_taxonomy();
  SkillSimilarity sim(tax);
  auto id = [&](const char* s) { return tax->at(s); };
  float niche = sim.similarity(id("maya"), id("blender"));
  float office = sim.similarity(id("excel"), id("calc"));
  CHECK(niche > office);
  CHECK(office > 0.0f);
  // The root covers its whole hierarchy: it carries no information, so two concepts whose only
  // common ancestor is the root share nothing through the hierarchy.
  CHECK(sim.information_content(id("software")) == 0.0f);
  CHECK(sim.explain(id("maya"), id("excel")).hierarchy == 0.0f);
  CHECK(sim.similarity(id("loner"), id("word")) == 0.0f);
  // A concept's count includes its descendants', so a parent is less informative than its children.
  CHECK(sim.information_content(id("office")) < sim.information_content(id("calc")));
  CHECK(sim.information_content(id("niche3d")) < sim.information_content(id("maya")));
  // Lin: IC(lcs) = IC(a) for an ancestor, so parent-child similarity is high but below 1.
  float parent_child = sim.explain(id("niche3d"), id("maya")).hierarchy;
  CHECK(parent_child > niche);
  CHECK(parent_child < 1.0f);

  // Siblings score by how tight their category is, sqrt(count(a) count(b)) / count(lcs): the same
  // whatever the frequency scale (here 3 x 3 / 7 for the niche pair).
  CHECK(sim.explain(id("maya"), id("blender")).hierarchy == doctest::Approx(3.0 / 7.0));
  auto scaled = hierarchy_taxonomy(200, 40000);
  SkillSimilarity sim2(scaled);
  CHECK(sim2.explain(scaled->at("excel"), scaled->at("calc")).hierarchy ==
        doctest::Approx(sim.explain(id("excel"), id("calc")).hierarchy).epsilon(0.01));
}

TEST_CASE("similarity: information content counts a descendant once in a diamond") {
  // root -> p1 -> c, root -> p2 -> c, root -> q. With smoothing 1: count(c) = 11, count(p1) = 12,
  // count(q) = 11, count(root) = 11 + 1 + 1 + 11 + 1 = 25 (c counted once, not once per path).
  TaxonomyBuilder b;
  concept_(b, "root", ConceptKind::category);
  concept_(b, "p1", ConceptKind::category);
  concept_(b, "p2", ConceptKind::category);
  concept_(b, "c", ConceptKind::technology, 10);
  concept_(b, "q", ConceptKind::technology, 10);
  b.add_broader("p1", "root");
  b.add_broader("p2", "root");
  b.add_broader("q", "root");
  b.add_broader("c", "p1");
  b.add_broader("c", "p2");
  auto tax = b.build();
  SkillSimilarity sim(tax);
  CHECK(sim.information_content(tax->at("c")) == doctest::Approx(1.0));
  CHECK(sim.information_content(tax->at("q")) == doctest::Approx(1.0));
  CHECK(sim.information_content(tax->at("p1")) == doctest::Approx(std::log(25.0 / 12) / std::log(25.0 / 11)));
  // Lin(c, p2) with lcs p2.
  double ic_p = std::log(25.0 / 12) / std::log(25.0 / 11);
  CHECK(sim.explain(tax->at("c"), tax->at("p2")).hierarchy == doctest::Approx(2 * ic_p / (ic_p + 1.0)).epsilon(1e-5));
}

TEST_CASE("similarity: popularity stands in for a missing frequency, on the frequency scale") {
  // a and b have both numbers (popularity = 100 x frequency), so popularity is scaled by 1/100;
  // x has only popularity 5000 -> own count 50, exactly like y with frequency 50.
  TaxonomyBuilder b;
  concept_(b, "root", ConceptKind::category);
  for (const char* id : {"a", "b", "x", "y"}) {
    concept_(b, id);
    b.add_broader(id, "root");
  }
  b.add_stats("a", ConceptStats{10, 1000, false, false});
  b.add_stats("b", ConceptStats{20, 2000, false, false});
  b.add_stats("x", ConceptStats{0, 5000, false, false});
  b.add_stats("y", ConceptStats{50, 0, false, false});
  auto tax = b.build();
  SkillSimilarity sim(tax);
  CHECK(sim.information_content(tax->at("x")) == doctest::Approx(sim.information_content(tax->at("y"))));
  CHECK(sim.information_content(tax->at("x")) < sim.information_content(tax->at("a")));
}

TEST_CASE("similarity: related links raise similarity, one hop less than a direct link") {
  TaxonomyBuilder b;
  for (const char* id : {"docker", "kubernetes", "helm", "cobol"}) concept_(b, id);
  auto plain = [&] {
    TaxonomyBuilder c;
    for (const char* id : {"docker", "kubernetes", "helm", "cobol"}) concept_(c, id);
    return c.build();
  }();
  b.add_related("docker", "kubernetes", RelationKind::related, 0.8f);
  b.add_related("helm", "kubernetes", RelationKind::related, 1.0f);
  auto tax = b.build();
  SkillSimilarity without(plain), with(tax);
  auto id = [&](const char* s) { return tax->at(s); };
  CHECK(without.similarity(plain->at("docker"), plain->at("kubernetes")) == 0.0f);

  SimilarityParts direct = with.explain(id("docker"), id("kubernetes"));
  CHECK(direct.related == doctest::Approx(0.8));
  CHECK(direct.combined == doctest::Approx(0.9 * 0.8));  // only part present: its weight times its value
  CHECK(with.explain(id("kubernetes"), id("docker")).related == doctest::Approx(0.8));  // either direction
  // docker - kubernetes - helm: one hop, decay 0.5 x 0.8 x 1.0.
  CHECK(with.explain(id("docker"), id("helm")).related == doctest::Approx(0.4));
  CHECK(with.similarity(id("docker"), id("helm")) < with.similarity(id("docker"), id("kubernetes")));
  CHECK(with.similarity(id("docker"), id("cobol")) == 0.0f);

  SimilarityOptions direct_only;
  direct_only.related_hop_decay = 0;
  CHECK(SkillSimilarity(tax, direct_only).similarity(id("docker"), id("helm")) == 0.0f);
}

TEST_CASE("similarity: skills needed by the same occupations score higher than unrelated ones") {
  TaxonomyBuilder b;
  for (const char* id : {"pytorch", "tensorflow", "excel", "autocad", "rare_tool"}) concept_(b, id);
  for (const char* id : {"ml_engineer", "data_scientist", "accountant", "drafter", "clerk"})
    concept_(b, id, ConceptKind::occupation);
  auto needs = [&](const char* occupation, const char* skill, float w = 1.0f) {
    b.add_related(occupation, skill, RelationKind::occupation_skill, w);
  };
  needs("ml_engineer", "pytorch");
  needs("ml_engineer", "tensorflow");
  needs("data_scientist", "pytorch");
  needs("data_scientist", "tensorflow");
  for (const char* o : {"data_scientist", "accountant", "drafter", "clerk"}) needs(o, "excel");
  needs("drafter", "autocad");
  needs("clerk", "autocad", 0.5f);
  needs("ml_engineer", "rare_tool");  // one occupation only: below the default support of 2
  auto tax = b.build();
  SkillSimilarity sim(tax);
  auto id = [&](const char* s) { return tax->at(s); };

  float ml = sim.similarity(id("pytorch"), id("tensorflow"));
  float generic = sim.similarity(id("pytorch"), id("excel"));
  CHECK(ml > generic);
  // NPMI (default): excel is a hub (4 of 5 occupations); sharing one of them is below chance, 0.
  CHECK(generic == 0.0f);
  CHECK(sim.similarity(id("pytorch"), id("autocad")) == 0.0f);
  // Identical occupation vectors: NPMI 1, shrunk by 2 shared / (2 + 4).
  CHECK(sim.explain(id("pytorch"), id("tensorflow")).cooccurrence == doctest::Approx(1.0 / 3));
  CHECK(sim.explain(id("pytorch"), id("rare_tool")).cooccurrence == 0.0f);

  // Weighted Jaccard vs cosine on a generic tool: pytorch's occupations are two, excel's four with
  // one shared: Jaccard 1/5, cosine 1/sqrt(2*4), both times 1/(1+4).
  SimilarityOptions jaccard;
  jaccard.cooccurrence_measure = CooccurrenceMeasure::weighted_jaccard;
  CHECK(SkillSimilarity(tax, jaccard).explain(id("pytorch"), id("excel")).cooccurrence == doctest::Approx(0.2 / 5));
  SimilarityOptions cosine;
  cosine.cooccurrence_measure = CooccurrenceMeasure::cosine;
  CHECK(SkillSimilarity(tax, cosine).explain(id("pytorch"), id("excel")).cooccurrence ==
        doctest::Approx(1 / std::sqrt(8.0) / 5));
  // Weights count: autocad is needed fully by drafters and half by clerks, excel fully by both.
  // Jaccard = (1 + 0.5) / (4 + 1.5 - 1.5) = 0.375, shrunk by 2 / (2 + 4).
  CHECK(SkillSimilarity(tax, jaccard).explain(id("excel"), id("autocad")).cooccurrence ==
        doctest::Approx(0.375 / 3));

  SimilarityOptions support1;
  support1.min_cooccurrence_support = 1;
  CHECK(SkillSimilarity(tax, support1).explain(id("pytorch"), id("rare_tool")).cooccurrence > 0.0f);
}

TEST_CASE("similarity: a concept with no parents or links has similarity 0 with every other") {
  auto tax = hierarchy_taxonomy();
  SkillSimilarity sim(tax);
  ConceptIndex isolated = tax->at("isolated");
  for (ConceptIndex c = 0; c < tax->size(); ++c)
    if (c != isolated) CHECK(sim.similarity(isolated, c) == 0.0f);
  CHECK(sim.neighbours(isolated).empty());
}

TEST_CASE("similarity: neighbours are the brute-force top K, best first, without itself or categories") {
  for (std::uint32_t seed : {7u, 8u}) {
    auto tax = random_taxonomy(seed);
    SimilarityOptions options;
    options.neighbour_count = 8;
    options.neighbour_candidates = 1000;  // more than the taxonomy: the candidate set must miss nothing
    SkillSimilarity sim(tax, options);
    std::size_t non_empty = 0;
    for (ConceptIndex c = 0; c < tax->size(); ++c) {
      std::vector<Neighbour> expected;
      for (ConceptIndex x = 0; x < tax->size(); ++x)
        if (x != c && tax->kind(x) != ConceptKind::category && sim.similarity(c, x) > 0) expected.push_back({x, sim.similarity(c, x)});
      std::sort(expected.begin(), expected.end(), [](const Neighbour& p, const Neighbour& q) {
        return p.similarity != q.similarity ? p.similarity > q.similarity : p.concept_index < q.concept_index;
      });
      if (expected.size() > 8) expected.resize(8);
      auto got = sim.neighbours(c);
      REQUIRE(got.size() == expected.size());
      for (std::size_t i = 0; i < got.size(); ++i) {
        CHECK(got[i].concept_index == expected[i].concept_index);
        CHECK(got[i].similarity == expected[i].similarity);
      }
      non_empty += !got.empty();
    }
    CHECK(non_empty > tax->size() / 2);
  }
}

TEST_CASE("similarity: neighbours with few candidates stay sorted, exact and self-free") {
  auto tax = random_taxonomy(11);
  SimilarityOptions options;
  options.neighbour_count = 5;
  options.neighbour_candidates = 5;
  options.precompute_neighbours = true;
  SkillSimilarity sim(tax, options);
  for (ConceptIndex c = 0; c < tax->size(); ++c) {
    auto got = sim.neighbours(c);
    CHECK(got.size() <= 5);
    for (std::size_t i = 0; i < got.size(); ++i) {
      CHECK(got[i].concept_index != c);
      CHECK(tax->kind(got[i].concept_index) != ConceptKind::category);
      CHECK(got[i].similarity > 0.0f);
      CHECK(got[i].similarity == sim.similarity(c, got[i].concept_index));
      if (i > 0) CHECK(got[i - 1].similarity >= got[i].similarity);
    }
  }
  auto h = hierarchy_taxonomy();
  SkillSimilarity hs(h);
  REQUIRE(!hs.neighbours(h->at("maya")).empty());
  CHECK(hs.neighbours(h->at("maya"))[0].concept_index == h->at("blender"));
}

TEST_CASE("similarity: out-of-range indexes and bad options are invalid_argument") {
  auto tax = hierarchy_taxonomy();
  SkillSimilarity sim(tax);
  auto n = static_cast<ConceptIndex>(tax->size());
  CHECK(error_code_of([&] { (void)sim.similarity(0, n); }) == ErrorCode::invalid_argument);
  CHECK(error_code_of([&] { (void)sim.similarity(n, 0); }) == ErrorCode::invalid_argument);
  CHECK(error_code_of([&] { (void)sim.explain(no_concept, 0); }) == ErrorCode::invalid_argument);
  CHECK(error_code_of([&] { (void)sim.neighbours(n); }) == ErrorCode::invalid_argument);
  CHECK(error_code_of([&] { (void)sim.information_content(n); }) == ErrorCode::invalid_argument);
  CHECK(error_code_of([&] { SkillSimilarity s(nullptr); }) == ErrorCode::invalid_argument);
  SimilarityOptions bad;
  bad.hierarchy_weight = 1.5f;
  CHECK(error_code_of([&] { SkillSimilarity s(tax, bad); }) == ErrorCode::invalid_argument);
  bad = {};
  bad.count_smoothing = 0;
  CHECK(error_code_of([&] { SkillSimilarity s(tax, bad); }) == ErrorCode::invalid_argument);
  bad = {};
  bad.related_hop_decay = std::nanf("");
  CHECK(error_code_of([&] { SkillSimilarity s(tax, bad); }) == ErrorCode::invalid_argument);
  try {
    (void)sim.similarity(0, n);
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find(std::to_string(n)) != std::string::npos);  // names the index
  }
}

TEST_CASE("similarity: concurrent first calls to neighbours() build the lists once, consistently") {
  auto tax = random_taxonomy(5);
  SkillSimilarity shared(tax);
  SimilarityOptions eager;
  eager.precompute_neighbours = true;
  SkillSimilarity reference(tax, eager);
  std::vector<std::vector<Neighbour>> seen(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < seen.size(); ++t)
    threads.emplace_back([&, t] {
      for (ConceptIndex c = 0; c < tax->size(); ++c) {
        auto list = shared.neighbours(c);
        seen[t].insert(seen[t].end(), list.begin(), list.end());
        (void)shared.similarity(c, static_cast<ConceptIndex>((c + t) % tax->size()));
      }
    });
  for (auto& th : threads) th.join();
  std::vector<Neighbour> expected;
  for (ConceptIndex c = 0; c < tax->size(); ++c) {
    auto list = reference.neighbours(c);
    expected.insert(expected.end(), list.begin(), list.end());
  }
  REQUIRE(!expected.empty());
  for (const auto& s : seen) {
    REQUIRE(s.size() == expected.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
      CHECK(s[i].concept_index == expected[i].concept_index);
      CHECK(s[i].similarity == expected[i].similarity);
    }
  }
}
