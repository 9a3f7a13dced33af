// The match pipeline against brute force, explanations, both directions, updates, concurrency.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <random>
#include <chrono>
#include <cstdlib>
#include <set>
#include <thread>

#include "skillmatch/engine.hpp"
#include "skillmatch/explain.hpp"
#include "skillmatch/schema_io.hpp"
#include "skillmatch/taxonomy_io.hpp"

using namespace skillmatch;

namespace {

constexpr std::size_t kDim = 16;

// A small taxonomy: 3 categories x 6 technologies, two occupations that use some of them.
std::shared_ptr<const Taxonomy> small_taxonomy() {
  TaxonomyBuilder b;
  for (int c = 0; c < 3; ++c) {
    std::string cat = "cat" + std::to_string(c);
    b.add_concept(cat, ConceptKind::category, "Category " + std::to_string(c));
    for (int t = 0; t < 6; ++t) {
      std::string id = "t" + std::to_string(c) + std::to_string(t);
      b.add_concept(id, ConceptKind::technology, "Tech" + std::to_string(c) + std::to_string(t));
      b.add_broader(id, cat);
      b.add_stats(id, {double(1 + t), 0, false, false});
    }
  }
  b.add_concept("occA", ConceptKind::occupation, "Occupation A");
  b.add_concept("occB", ConceptKind::occupation, "Occupation B");
  for (int t = 0; t < 4; ++t) {
    b.add_related("occA", "t0" + std::to_string(t), RelationKind::occupation_skill, 1.0f);
    b.add_related("occB", "t1" + std::to_string(t), RelationKind::occupation_skill, 1.0f);
  }
  return b.build();
}

AttributeSchema candidate_schema() {
  AttributeSchema s;
  s.add_jlpt("jlpt");
  s.add_categorical("city");
  s.add_numeric("salary");
  s.add_boolean("visa_refused");
  return s;
}
AttributeSchema job_schema() {
  AttributeSchema s;
  s.add_categorical("city");
  s.add_boolean("sponsor");
  return s;
}

Engine make_engine() {
  EngineOptions o;
  o.taxonomy = small_taxonomy();
  o.external_vectors = true;
  o.dimension = kDim;
  o.candidate_schema = candidate_schema();
  o.job_schema = job_schema();
  o.threads = 2;
  return Engine(std::move(o));
}

std::vector<float> random_vector(std::mt19937& rng) {
  std::normal_distribution<float> g;
  std::vector<float> v(kDim);
  for (auto& x : v) x = g(rng);
  return v;
}

Profile random_profile(const Taxonomy& t, Side side, int i, std::mt19937& rng) {
  Profile p;
  p.id = (side == Side::job ? "J" : "C") + std::to_string(i);
  p.vector = random_vector(rng);
  std::uniform_int_distribution<int> cat(0, 2), tech(0, 5), n(1, 5), coin(0, 1);
  int count = n(rng);
  for (int s = 0; s < count; ++s) {
    ProfileSkill k;
    std::string id = "t" + std::to_string(cat(rng)) + std::to_string(tech(rng));
    k.concept_index = t.at(id);
    k.text = id;
    k.required = side == Side::job && coin(rng);
    k.years = coin(rng) ? float(n(rng)) : 0;
    p.add_skill(k);
  }
  const char* cities[] = {"Lahore", "Karachi", "Tokyo"};
  if (side == Side::candidate) {
    const char* levels[] = {"N5", "N4", "N3", "N2", "N1"};
    if (coin(rng)) p.attributes.set_string("jlpt", levels[n(rng) - 1]);
    p.attributes.set_string("city", cities[cat(rng)]);
    p.attributes.set_number("salary", 3e6 + 1e6 * n(rng));
    p.attributes.set_bool("visa_refused", n(rng) == 1);
  } else {
    p.attributes.set_string("city", cities[cat(rng)]);
    p.attributes.set_bool("sponsor", coin(rng));
  }
  return p;
}

struct Fixture {
  Engine engine = make_engine();
  std::vector<Profile> jobs, candidates;
  Fixture() {
    std::mt19937 rng(7);
    for (int i = 0; i < 40; ++i) jobs.push_back(random_profile(engine.taxonomy(), Side::job, i, rng));
    for (int i = 0; i < 300; ++i) candidates.push_back(random_profile(engine.taxonomy(), Side::candidate, i, rng));
    engine.upsert_all(Side::job, jobs);
    engine.upsert_all(Side::candidate, candidates);
  }
};

float cosine(const std::vector<float>& a, const std::vector<float>& b) {
  double ab = 0, aa = 0, bb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) ab += a[i] * b[i], aa += a[i] * a[i], bb += b[i] * b[i];
  return static_cast<float>(ab / std::sqrt(aa * bb));
}

}  // namespace

TEST_CASE("match equals a brute-force ranking of the hybrid score over the filtered rows") {
  Fixture f;
  const MatchOptions defaults;
  HybridScorer scorer(f.engine.similarity(), ScoreWeights{}, defaults.must_threshold, defaults.similarity_floor, defaults.specificity);
  MatchOptions o;
  o.k = 10;
  o.filter = "jlpt >= N4 and not visa_refused and city in (\"Lahore\", \"Tokyo\")";
  o.rerank_depth = 1000;  // re-rank every admitted row: the result must be exact
  auto schema = candidate_schema();
  auto compiled = compile_filter(o.filter, schema);
  for (int q : {0, 5, 17, 33}) {
    const Profile& job = f.jobs[q];
    auto got = f.engine.match(job, Side::job, o);
    std::vector<std::pair<float, std::string>> want;
    auto view = f.engine.index(Side::candidate).read();
    for (const auto& c : f.candidates) {
      auto row = *view.row_of(c.id);
      if (!matches(compiled, view.columns(), row)) continue;
      want.emplace_back(scorer.score(job.skills, c.skills, cosine(job.vector, c.vector), -1), c.id);
    }
    std::sort(want.begin(), want.end(), [](auto& a, auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    CHECK(got.admitted == want.size());
    REQUIRE(got.matches.size() == std::min<std::size_t>(10, want.size()));
    for (std::size_t i = 0; i < got.matches.size(); ++i) {
      CHECK(got.matches[i].score == doctest::Approx(want[i].first).epsilon(1e-5));
      // Rows with (nearly) equal scores may swap; ids must agree wherever scores differ.
      if (i + 1 < want.size() && want[i].first - want[i + 1].first > 1e-5f && (i == 0 || want[i - 1].first - want[i].first > 1e-5f))
        CHECK(got.matches[i].id == want[i].second);
    }
  }
}

TEST_CASE("with only the vector part, the default pipeline is the exact vector top-k") {
  Fixture f;
  MatchOptions o;
  o.k = 7;
  o.weights = {1, 0, 0, 0};
  for (int q : {1, 2, 3}) {
    auto got = f.engine.match(f.jobs[q], Side::job, o);
    std::vector<std::pair<float, std::string>> want;
    for (const auto& c : f.candidates) want.emplace_back(std::max(0.0f, cosine(f.jobs[q].vector, c.vector)), c.id);
    std::sort(want.begin(), want.end(), [](auto& a, auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    REQUIRE(got.matches.size() == 7);
    for (std::size_t i = 0; i < 7; ++i) {
      CHECK(got.matches[i].id == want[i].second);
      CHECK(got.matches[i].score == doctest::Approx(want[i].first).epsilon(1e-5));
    }
  }
}

TEST_CASE("explanations add up to the score, in both directions, and the pair scores the same both ways") {
  Fixture f;
  MatchOptions o;
  o.k = 5;
  o.explain = true;
  o.filter = "salary <= 7000000";
  o.preferences = {{"city = \"Tokyo\"", 2.0f}, {"jlpt >= N3", 1.0f}};
  auto r = f.engine.match(f.jobs[3], Side::job, o);
  REQUIRE(!r.matches.empty());
  for (const auto& m : r.matches) {
    REQUIRE(m.breakdown);
    const auto& b = *m.breakdown;
    float parts = b.vector.contribution + b.required.contribution + b.preferred.contribution + b.preferences.contribution;
    CHECK(parts == doctest::Approx(m.score).epsilon(1e-5));
    float reqs = 0;
    for (const auto& q : b.requirements) reqs += q.contribution;
    CHECK(reqs == doctest::Approx(b.required.contribution + b.preferred.contribution).epsilon(1e-4));
    float prefs = 0;
    for (const auto& p : b.preference_outcomes) prefs += p.contribution;
    CHECK(prefs == doctest::Approx(b.preferences.contribution).epsilon(1e-5));
    CHECK(b.preference_outcomes.size() == 2);
    REQUIRE(m.filter);
    CHECK(m.filter->passed);
    float weights = b.vector.weight + b.required.weight + b.preferred.weight + b.preferences.weight;
    CHECK(weights == doctest::Approx(1.0));
    for (const auto& q : b.requirements)
      if (q.required && q.similarity < 0.5f) CHECK(std::find(b.missing_required.begin(), b.missing_required.end(), q.requirement_text) != b.missing_required.end());
    auto json = match_to_json(m, f.engine.taxonomy());
    CHECK(json.contains("parts"));
    CHECK(!explanation_to_text(m, f.engine.taxonomy()).empty());
  }
  // The same pair from the candidate's side scores the same (no preferences, no filter).
  MatchOptions plain;
  plain.k = 300;
  auto from_job = f.engine.match(f.jobs[3], Side::job, plain);
  auto best = std::find_if(f.candidates.begin(), f.candidates.end(), [&](const Profile& p) { return p.id == from_job.matches[0].id; });
  REQUIRE(best != f.candidates.end());
  auto from_cand = f.engine.match(*best, Side::candidate, plain);
  auto it = std::find_if(from_cand.matches.begin(), from_cand.matches.end(), [&](const Match& m) { return m.id == f.jobs[3].id; });
  REQUIRE(it != from_cand.matches.end());
  CHECK(it->score == doctest::Approx(from_job.matches[0].score).epsilon(1e-5));
}

TEST_CASE("required-as-filter keeps exactly the documents that meet every must-have, in both directions") {
  Fixture f;
  MatchOptions o;
  o.k = 300;
  o.required_as_filter = true;
  HybridScorer scorer(f.engine.similarity(), ScoreWeights{}, o.must_threshold, o.similarity_floor, o.specificity);
  for (int q = 0; q < 10; ++q) {
    auto r = f.engine.match(f.jobs[q], Side::job, o);
    std::vector<std::string> expected;
    for (const auto& c : f.candidates)
      if (scorer.meets_required(f.jobs[q].skills, c.skills)) expected.push_back(c.id);
    // The filter is exact: the admitted rows are the ones whose explanation lists no missing must-have.
    CHECK(r.admitted == expected.size());
    std::vector<std::string> got;
    for (const auto& m : r.matches) got.push_back(m.id);
    std::sort(got.begin(), got.end());
    std::sort(expected.begin(), expected.end());
    CHECK(got == expected);
  }
  o.explain = true;
  for (int q = 0; q < 5; ++q) {
    auto jobs = f.engine.match(f.candidates[q], Side::candidate, o);
    std::size_t expected = 0;
    for (const auto& j : f.jobs) expected += scorer.meets_required(j.skills, f.candidates[q].skills);
    CHECK(jobs.admitted == expected);
    CHECK(jobs.matches.size() == expected);
    for (const auto& m : jobs.matches) {
      REQUIRE(m.breakdown);
      CHECK(m.breakdown->missing_required.empty());
      for (const auto& req : m.breakdown->requirements)
        if (req.required) {
          CHECK(req.met);
          CHECK(req.matched_by != no_concept);
          CHECK(req.similarity >= o.must_threshold);
        }
    }
  }
}

TEST_CASE("batch matching equals one-by-one matching") {
  Fixture f;
  MatchOptions o;
  o.k = 5;
  o.filter = "not visa_refused";
  auto all = f.engine.match_all(Side::job, o);
  REQUIRE(all.size() == f.jobs.size());
  for (std::size_t i = 0; i < all.size(); i += 7) {
    auto one = f.engine.match_id(Side::job, all[i].query_id, o);
    REQUIRE(one.matches.size() == all[i].matches.size());
    CHECK(one.admitted == all[i].admitted);
    for (std::size_t j = 0; j < one.matches.size(); ++j) {
      CHECK(one.matches[j].id == all[i].matches[j].id);
      CHECK(one.matches[j].score == all[i].matches[j].score);
    }
  }
}

// match() and match_all() are one pipeline: on the bundled sample portal, every query's ids, scores
// and admitted count agree, with and without a filter and required-as-filter, in both directions.
TEST_CASE("single and batch matching return the same ids on the sample data, with and without filters") {
  auto resolver = std::make_shared<const Resolver>(bundled_taxonomy());
  const std::string dir = SKILLMATCH_SOURCE_DIR "/data/sample/";
  auto jobs = read_profiles_jsonl_file(dir + "jobs.jsonl", *resolver);
  auto cands = read_profiles_jsonl_file(dir + "candidates.jsonl", *resolver);
  EngineOptions eo;
  eo.resolver = resolver;
  eo.job_schema = read_attribute_schema_file(dir + "jobs.schema.json");
  eo.candidate_schema = read_attribute_schema_file(dir + "candidates.schema.json");
  eo.threads = 2;
  Engine engine(std::move(eo));
  engine.upsert_all(Side::job, jobs);
  engine.upsert_all(Side::candidate, cands);
  struct Case {
    Side side;
    const char* filter;
    bool required_as_filter;
  };
  const Case cases[] = {{Side::job, "", false},
                        {Side::job, "jlpt >= N4 and not visa_refused", false},
                        {Side::job, "", true},
                        {Side::job, "jlpt >= N4 and not visa_refused", true},
                        {Side::candidate, "", false},
                        {Side::candidate, "visa_sponsorship", true},
                        {Side::candidate, "", true}};
  std::size_t non_trivial = 0;
  for (const auto& c : cases) {
    CAPTURE(c.filter);
    CAPTURE(c.required_as_filter);
    MatchOptions o;
    o.k = 10;
    o.filter = c.filter;
    o.required_as_filter = c.required_as_filter;
    auto all = engine.match_all(c.side, o);
    REQUIRE(all.size() == engine.size(c.side));
    for (std::size_t i = 0; i < all.size(); i += c.side == Side::job ? 3 : 37) {
      auto one = engine.match_id(c.side, all[i].query_id, o);
      CHECK(one.query_id == all[i].query_id);
      CHECK(one.admitted == all[i].admitted);
      REQUIRE(one.matches.size() == all[i].matches.size());
      for (std::size_t j = 0; j < one.matches.size(); ++j) {
        CHECK(one.matches[j].id == all[i].matches[j].id);
        CHECK(one.matches[j].score == all[i].matches[j].score);
      }
      non_trivial += !one.matches.empty() && one.admitted < engine.size(other_side(c.side));
    }
  }
  CHECK(non_trivial > 20);  // the filters really drop rows, and something is still found
}

TEST_CASE("updates and removals are visible to the next match; removed rows are reused") {
  Fixture f;
  MatchOptions o;
  o.k = 1;
  o.weights = {1, 0, 0, 0};
  Profile probe = f.candidates[10];
  probe.vector = f.jobs[0].vector;  // now the perfect match of job 0
  f.engine.upsert(Side::candidate, probe);
  CHECK(f.engine.size(Side::candidate) == 300);
  CHECK(f.engine.match(f.jobs[0], Side::job, o).matches[0].id == probe.id);
  CHECK(f.engine.remove(Side::candidate, probe.id));
  CHECK_FALSE(f.engine.remove(Side::candidate, probe.id));
  CHECK(f.engine.size(Side::candidate) == 299);
  CHECK(f.engine.match(f.jobs[0], Side::job, o).matches[0].id != probe.id);
  CHECK_THROWS_AS(f.engine.match_id(Side::candidate, probe.id, o), Error);
  probe.id = "C-new";
  f.engine.upsert(Side::candidate, probe);
  CHECK(f.engine.match(f.jobs[0], Side::job, o).matches[0].id == "C-new");
  CHECK(f.engine.index(Side::candidate).read().rows() == 300);  // the freed row was reused
}

TEST_CASE("bad queries and profiles are rejected with clear errors, the index unchanged") {
  Fixture f;
  MatchOptions o;
  o.filter = "jlpt >= N9";
  CHECK_THROWS_AS(f.engine.match(f.jobs[0], Side::job, o), Error);
  o.filter = "salary >";
  try {
    f.engine.match(f.jobs[0], Side::job, o);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::parse_error);
  }
  o.filter.clear();
  o.k = 0;
  CHECK_THROWS_AS(f.engine.match(f.jobs[0], Side::job, o), Error);
  Profile bad = f.candidates[0];
  bad.id = "X";
  bad.vector.resize(kDim - 1);
  try {
    f.engine.upsert(Side::candidate, bad);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::dimension_mismatch);
    CHECK(std::string(e.what()).find("'X'") != std::string::npos);
  }
  bad.vector.assign(kDim, 0.5f);
  bad.vector[3] = std::nanf("");
  CHECK_THROWS_AS(f.engine.upsert(Side::candidate, bad), Error);
  bad.vector[3] = 0.5f;
  bad.attributes.set_string("salary", "a lot");
  CHECK_THROWS_AS(f.engine.upsert(Side::candidate, bad), Error);
  bad.attributes.clear();
  bad.attributes.set_number("shoe_size", 42);
  CHECK_THROWS_AS(f.engine.upsert(Side::candidate, bad), Error);
  CHECK(f.engine.size(Side::candidate) == 300);
  CHECK(!f.engine.index(Side::candidate).read().row_of("X"));
}

TEST_CASE("readers match while a writer updates and removes (run under ThreadSanitizer in CI)") {
  Fixture f;
  std::atomic<bool> stop{false};
  std::atomic<int> matched{0};
  auto reader = [&](int seed) {
    MatchOptions o;
    o.k = 5;
    o.filter = "not visa_refused";
    int i = seed;
    while (!stop.load()) {
      auto r = f.engine.match(f.jobs[static_cast<std::size_t>(i++ % 40)], Side::job, o);
      for (const auto& m : r.matches) CHECK(!m.id.empty());
      matched.fetch_add(1);
    }
  };
  std::thread r1(reader, 0), r2(reader, 13);
  std::mt19937 rng(3);
  for (int round = 0; round < 200; ++round) {
    Profile p = random_profile(f.engine.taxonomy(), Side::candidate, 1000 + round % 20, rng);
    f.engine.upsert(Side::candidate, p);
    if (round % 3 == 0) f.engine.remove(Side::candidate, "C" + std::to_string(1000 + (round / 3) % 20));
  }
  while (matched.load() < 20) std::this_thread::yield();
  stop = true;
  r1.join();
  r2.join();
  CHECK(matched.load() >= 20);
  CHECK(f.engine.size(Side::candidate) >= 300);
}

namespace {

#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

using Clock = std::chrono::steady_clock;

// Upserts (and every 4th time removes) candidates "W<n>" for `seconds`; returns upserts done.
std::size_t write_for(Engine& engine, double seconds, std::mt19937& rng, int& next) {
  std::size_t done = 0;
  const auto end = Clock::now() + std::chrono::duration<double>(seconds);
  while (Clock::now() < end) {
    Profile p = random_profile(engine.taxonomy(), Side::candidate, 0, rng);
    p.id = "W" + std::to_string(next++ % 500);
    engine.upsert(Side::candidate, p);
    if (next % 4 == 0) engine.remove(Side::candidate, "W" + std::to_string((next / 4) % 500));
    ++done;
  }
  return done;
}

}  // namespace

TEST_CASE("concurrency: a writer keeps making progress under 4 busy matcher threads") {
  // Before the writer-preferring lock and per-phase holds, 4 matchers running back to back kept a
  // writer out almost entirely (8 upserts in 8 s where it did ~40k/s alone).
  Engine engine = make_engine();
  std::mt19937 rng(11);
  std::vector<Profile> jobs, candidates;
  for (int i = 0; i < 20; ++i) jobs.push_back(random_profile(engine.taxonomy(), Side::job, i, rng));
  const int n = kSanitized ? 4000 : 20000;
  for (int i = 0; i < n; ++i) candidates.push_back(random_profile(engine.taxonomy(), Side::candidate, i, rng));
  engine.upsert_all(Side::job, jobs);
  engine.upsert_all(Side::candidate, candidates);

  const double seconds = kSanitized ? 1.0 : 0.5;
  int next = 0;
  const std::size_t solo = write_for(engine, seconds, rng, next);

  std::atomic<bool> stop{false};
  std::atomic<std::size_t> matched{0};
  std::vector<std::thread> matchers;
  for (int t = 0; t < 4; ++t)
    matchers.emplace_back([&, t] {
      MatchOptions o;
      o.k = 10;
      o.threads = 1;
      o.filter = "not visa_refused";
      for (std::size_t i = static_cast<std::size_t>(t); !stop.load(); ++i) {
        auto r = engine.match(jobs[i % jobs.size()], Side::job, o);
        CHECK(!r.matches.empty());
        matched.fetch_add(1);
      }
    });
  while (matched.load() < 8) std::this_thread::yield();  // every matcher is busy
  const std::size_t loaded = write_for(engine, seconds, rng, next);
  stop = true;
  for (auto& m : matchers) m.join();
  MESSAGE("writer alone: " << solo << " upserts, under 4 matchers: " << loaded << " upserts in " << seconds
                           << " s each; " << matched.load() << " matches");
  // Progress, not a benchmark (bench_live.cpp reports the ratio): 2 cores shared by 5 threads leave
  // the writer ~40 % of a core at best, and ctest runs another test beside this one (a CI run measured
  // 1/27). A starved writer got ~1/40,000, so 1/200 still tells the two apart with a wide margin.
  CHECK(loaded >= 50);
  CHECK(loaded * 200 >= solo);
}

TEST_CASE("concurrency soak: 8 matchers in both directions (single and batch) and writers on both sides") {
  // match_all holds no two locks at once, so batches in opposite directions with writers queued on
  // both sides cannot deadlock; the index ends with exactly the writers' live profiles.
  Engine engine = make_engine();
  std::mt19937 rng(5);
  std::vector<Profile> jobs, candidates;
  for (int i = 0; i < 40; ++i) jobs.push_back(random_profile(engine.taxonomy(), Side::job, i, rng));
  for (int i = 0; i < 600; ++i) candidates.push_back(random_profile(engine.taxonomy(), Side::candidate, i, rng));
  engine.upsert_all(Side::job, jobs);
  engine.upsert_all(Side::candidate, candidates);
  const double seconds = [] {
    if (const char* s = std::getenv("SKILLMATCH_SOAK_SECONDS")) return std::atof(s);
    return kSanitized ? 20.0 : 2.0;
  }();

  std::atomic<bool> stop{false};
  std::atomic<std::size_t> queries{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      MatchOptions o;
      o.k = 5;
      o.threads = 1 + t % 2;
      const Side side = t % 2 ? Side::candidate : Side::job;
      // Filters are over the other side's attributes.
      if (t % 3 == 0) o.filter = side == Side::job ? "city = \"Tokyo\" or jlpt >= N3" : "city = \"Tokyo\" or sponsor";
      for (std::size_t i = static_cast<std::size_t>(t); !stop.load(); ++i) {
        if (t < 2) {
          o.filter = side == Side::job ? "not visa_refused" : "sponsor";
          for (const auto& r : engine.match_all(side, o))
            for (const auto& m : r.matches) CHECK(!m.id.empty());
        } else if (t < 4) {
          o.required_as_filter = true;
          o.explain = true;
          auto r = engine.match(side == Side::job ? jobs[i % jobs.size()] : candidates[i % candidates.size()], side, o);
          for (const auto& m : r.matches) CHECK(m.breakdown.has_value());
        } else {
          try {
            auto r = engine.match_id(side, side == Side::job ? jobs[i % jobs.size()].id : "S" + std::to_string(i % 200), o);
            for (const auto& m : r.matches) CHECK(!m.id.empty());
          } catch (const Error& e) {
            CHECK(e.code() == ErrorCode::not_found);  // a profile the writer removed
          }
        }
        queries.fetch_add(1);
      }
    });
  std::set<std::string> live_candidates, live_jobs;
  for (const auto& c : candidates) live_candidates.insert(c.id);
  for (const auto& j : jobs) live_jobs.insert(j.id);
  auto writer = [&](Side side, std::set<std::string>& live, unsigned seed) {
    std::mt19937 wrng(seed);
    const auto end = Clock::now() + std::chrono::duration<double>(seconds);
    for (int i = 0; Clock::now() < end; ++i) {
      Profile p = random_profile(engine.taxonomy(), side, i, wrng);
      p.id = (side == Side::job ? "T" : "S") + std::to_string(wrng() % 200);
      engine.upsert(side, p);
      live.insert(p.id);
      if (i % 3 == 0) {
        const std::string gone = (side == Side::job ? "T" : "S") + std::to_string(wrng() % 200);
        CHECK(engine.remove(side, gone) == (live.erase(gone) == 1));
      }
    }
  };
  std::thread job_writer(writer, Side::job, std::ref(live_jobs), 17u);
  writer(Side::candidate, live_candidates, 19u);
  job_writer.join();
  stop = true;
  for (auto& t : threads) t.join();
  MESSAGE(queries.load() << " queries in " << seconds << " s");
  CHECK(queries.load() > 8);
  CHECK(engine.size(Side::candidate) == live_candidates.size());
  CHECK(engine.size(Side::job) == live_jobs.size());
  const auto view = engine.index(Side::candidate).read();
  for (const auto& id : live_candidates) CHECK(view.row_of(id).has_value());
}
