// Gap analytics (gap.hpp): every figure of compute_gap checked against a brute-force count over all
// (job, candidate) pairs on the bundled sample portal, with removed rows on both sides.
#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <string>

#include <boost/json.hpp>

#include "skillmatch/engine.hpp"
#include "skillmatch/gap.hpp"
#include "skillmatch/gap_report.hpp"
#include "skillmatch/schema_io.hpp"
#include "skillmatch/taxonomy_io.hpp"
#include "test_support.hpp"

using namespace skillmatch;
using skillmatch::test::contains;
using skillmatch::test::error_of;

namespace {

std::unique_ptr<Engine> sample_engine() {
  auto resolver = std::make_shared<const Resolver>(bundled_taxonomy());
  const std::string dir = SKILLMATCH_SOURCE_DIR "/data/sample/";
  auto jobs = read_profiles_jsonl_file(dir + "jobs.jsonl", *resolver);
  auto cands = read_profiles_jsonl_file(dir + "candidates.jsonl", *resolver);
  EngineOptions eo;
  eo.resolver = resolver;
  eo.job_schema = read_attribute_schema_file(dir + "jobs.schema.json");
  eo.candidate_schema = read_attribute_schema_file(dir + "candidates.schema.json");
  eo.threads = 2;
  auto engine = std::make_unique<Engine>(std::move(eo));
  engine->upsert_all(Side::job, jobs);
  engine->upsert_all(Side::candidate, cands);
  return engine;
}

const Engine& shared_sample() {
  static const std::unique_ptr<Engine> engine = [] {
    auto e = sample_engine();
    // Removed rows must count nowhere.
    CHECK(e->remove(Side::job, "J00007"));
    for (const char* id : {"C00003", "C00100", "C01999"}) CHECK(e->remove(Side::candidate, id));
    return e;
  }();
  return *engine;
}

// Every row's Japanese level bucket (0 none/missing .. 5 N1) from the displayed level.
std::vector<std::size_t> buckets(const ProfileIndex::ReadView& v, const char* attr) {
  auto a = v.columns().schema().find(attr);
  REQUIRE(a);
  std::vector<std::size_t> out(v.rows(), 0);
  for (std::uint32_t row = 0; row < v.rows(); ++row) {
    const std::string s = v.columns().display(row, *a);
    for (std::size_t b = 0; b < jlpt_bucket_count; ++b)
      if (s == jlpt_bucket_names[b]) out[row] = b;
  }
  return out;
}

}  // namespace

TEST_CASE("gap figures agree with a brute-force count over every job-candidate pair (sample data)") {
  const Engine& engine = shared_sample();
  GapOptions o;
  o.threads = 2;
  const GapReport gap = compute_gap(engine, o);
  const HybridScorer scorer(engine.similarity(), ScoreWeights{}, o.must_threshold, o.similarity_floor);
  auto jobs = engine.index(Side::job).read();
  auto cands = engine.index(Side::candidate).read();
  CHECK(gap.jobs == 299);
  CHECK(gap.candidates == 1997);
  REQUIRE(gap.has_jlpt);

  const auto job_level = buckets(jobs, "jlpt_required"), cand_level = buckets(cands, "jlpt");
  std::vector<std::uint32_t> job_rows, cand_rows;
  jobs.live().for_each_set([&](std::size_t r) { job_rows.push_back(static_cast<std::uint32_t>(r)); });
  cands.live().for_each_set([&](std::size_t r) { cand_rows.push_back(static_cast<std::uint32_t>(r)); });

  // Per skill: demand and supply by brute force.
  std::map<ConceptIndex, double> demand;
  for (auto j : job_rows)
    for (const auto& s : jobs.skills(j)) demand[s.concept_index] += s.required ? o.must_weight : o.nice_weight;
  REQUIRE(gap.skills.size() == demand.size());
  std::size_t shortage = 0, checked_by_level = 0;
  for (const auto& g : gap.skills) {
    CAPTURE(g.concept_id);
    CHECK(g.demand == doctest::Approx(demand.at(g.concept_index)));
    ProfileSkill want;
    want.concept_index = g.concept_index;
    want.required = true;
    std::uint32_t supply = 0, exact = 0;
    std::array<std::uint32_t, jlpt_bucket_count> by_level{};
    for (auto c : cand_rows) {
      bool met = false, has = false;
      for (const auto& s : cands.skills(c)) {
        met = met || scorer.meets(want, s.concept_index);
        has = has || s.concept_index == g.concept_index;
      }
      supply += met;
      exact += has;
      if (met) ++by_level[cand_level[c]];
    }
    CHECK(g.supply == supply);
    CHECK(g.supply_exact == exact);
    CHECK(g.ratio == doctest::Approx(supply / g.demand));
    const double relative = g.ratio / (double(gap.candidates) / gap.jobs);
    CHECK(g.relative == doctest::Approx(relative));
    CHECK(g.band == (relative < 0.5 ? GapBand::shortage : relative > 2 ? GapBand::surplus : GapBand::balanced));
    shortage += g.band == GapBand::shortage;
    if (checked_by_level++ < 40) CHECK(g.supply_by_jlpt == by_level);
  }
  CHECK(shortage > 0);
  for (std::size_t i = 1; i < gap.skills.size(); ++i) CHECK(gap.skills[i - 1].demand >= gap.skills[i].demand);

  // Per job: the pool, the near-qualified, the Japanese bar; the funnel; the steps.
  REQUIRE(gap.job_gaps.size() == job_rows.size());
  std::vector<bool> qualified_any(cands.rows()), both_any(cands.rows()), near_any(cands.rows()), clear_any(cands.rows());
  std::map<ConceptIndex, std::uint32_t> step_pairs;
  std::size_t jobs_with_near = 0, disagree = 0;
  for (std::size_t k = 0; k < job_rows.size(); ++k) {
    const auto j = job_rows[k];
    const JobGap& jg = gap.job_gaps[k];
    CAPTURE(jg.id);
    CHECK(jg.id == jobs.id(j));
    const std::size_t need = job_level[j];
    std::uint32_t qualified = 0, qualified_jlpt = 0, near = 0, musts = 0;
    for (const auto& s : jobs.skills(j)) musts += s.required;
    CHECK(jg.musts == musts);
    for (auto c : cand_rows) {
      const bool clears = cand_level[c] >= need;
      if (clears) clear_any[c] = true;
      std::uint32_t missed = 0;
      ConceptIndex missing = no_concept;
      for (const auto& want : jobs.skills(j)) {
        if (!want.required) continue;
        bool met = false;
        for (const auto& s : cands.skills(c)) met = met || scorer.meets(want, s.concept_index);
        if (!met) ++missed, missing = want.concept_index;
      }
      disagree += (missed == 0) != scorer.meets_required(jobs.skills(j), cands.skills(c));
      if (missed == 0) {
        ++qualified;
        if (clears) ++qualified_jlpt;
        if (musts) qualified_any[c] = true, both_any[c] = both_any[c] || clears;
      } else if (missed == 1) {
        ++near;
        near_any[c] = true;
        ++step_pairs[missing];
      }
    }
    CHECK(jg.qualified == qualified);
    CHECK(jg.qualified_jlpt == qualified_jlpt);
    CHECK(jg.near == near);
    CHECK(jg.examples.size() == std::min<std::size_t>(near, o.near_examples));
    jobs_with_near += near > 0;
    for (const auto& e : jg.examples) {
      // The step names the one must-have the candidate misses and their closest skill to it.
      CHECK(!scorer.meets_required(jobs.skills(j), cands.skills(e.candidate_row)));
      ProfileSkill want;
      want.concept_index = e.missing;
      bool met = false;
      float best = 0;
      for (const auto& s : cands.skills(e.candidate_row)) {
        met = met || scorer.meets(want, s.concept_index);
        best = std::max(best, scorer.credit_similarity(e.missing, s.concept_index));
      }
      CHECK_FALSE(met);
      CHECK(e.credit == doctest::Approx(best));
      CHECK(e.credit < o.must_threshold);
    }
  }
  CHECK(jobs_with_near > 100);
  CHECK(disagree == 0);  // the brute force uses the scorer's own rule
  std::uint32_t q = 0, b = 0, n = 0, cl = 0;
  for (auto c : cand_rows) q += qualified_any[c], b += both_any[c], n += near_any[c] && !qualified_any[c], cl += clear_any[c];
  CHECK(gap.funnel.candidates == gap.candidates);
  CHECK(gap.funnel.qualified == q);
  CHECK(gap.funnel.qualified_jlpt == b);
  CHECK(gap.funnel.near_only == n);
  CHECK(gap.funnel.clear_jlpt == cl);
  REQUIRE(gap.steps.size() == step_pairs.size());
  for (const auto& s : gap.steps) CHECK(s.pairs == step_pairs.at(s.missing));

  // Areas partition the live profiles; levels add up.
  std::uint32_t area_jobs = 0, area_cands = 0;
  for (const auto& a : gap.areas) {
    area_jobs += a.jobs, area_cands += a.candidates;
    std::uint32_t by_level = 0;
    for (auto c : a.candidates_by_jlpt) by_level += c;
    CHECK(by_level == a.candidates);
  }
  CHECK(area_jobs == gap.jobs);
  CHECK(area_cands == gap.candidates);
  REQUIRE(gap.areas.size() == 5);
  CHECK(gap.areas[0].id == "ai");
  CHECK(gap.areas[4].id == "other");
  for (std::size_t a = 0; a < 4; ++a) CHECK(gap.areas[a].jobs > 10);
}

TEST_CASE("mission areas: the bundled file, the hierarchy and occupation rules, and malformed files") {
  auto tax = bundled_taxonomy();
  const auto areas = bundled_mission_areas(*tax);
  REQUIRE(areas.size() == 4);
  CHECK(areas[0].id == "ai");
  CHECK(areas[3].id == "programming");
  const auto table = area_table(*tax, areas);
  auto area_of = [&](const char* id) {
    auto c = tax->find(id);
    REQUIRE(c);
    return table[*c] < areas.size() ? areas[table[*c]].id : std::string("other");
  };
  CHECK(area_of("onet:tech:TensorFlow") == "ai");
  CHECK(area_of("onet:tech:Autodesk_Maya") == "animation");
  CHECK(area_of("onet:tech:Kubernetes") == "cloud");
  CHECK(area_of("onet:tech:Python") == "programming");
  CHECK(area_of("onet:tech:Adobe_Photoshop") == "animation");  // through the animators' occupation
  CHECK(contains(error_of([&] { parse_mission_areas("ai\tAI\n", *tax, "areas.tsv"); }, ErrorCode::parse_error),
                 "areas.tsv:1: expected"));
  CHECK(contains(error_of([&] { parse_mission_areas("# c\nai\tAI\tonet:tech:R\nai\tA I\tonet:tech:Go\n", *tax, "f"); },
                          ErrorCode::parse_error),
                 "f:3: area 'ai' has two labels"));
  auto custom = parse_mission_areas("x\tX\tonet:tech:R\nx\tX\tno:such:id\n", *tax, "f");
  REQUIRE(custom.size() == 1);
  CHECK(custom[0].concepts.size() == 1);
}

TEST_CASE("gap options are checked; an engine without Japanese levels has none in the report") {
  const Engine& engine = shared_sample();
  GapOptions bad;
  bad.must_threshold = 2;
  CHECK(contains(error_of([&] { compute_gap(engine, bad); }, ErrorCode::invalid_argument), "must_threshold"));
  bad = {};
  bad.shortage_below = 3;
  CHECK(contains(error_of([&] { compute_gap(engine, bad); }, ErrorCode::invalid_argument), "shortage_below"));
  GapOptions no_jlpt;
  no_jlpt.candidate_jlpt_attribute = "location";  // categorical: not a level
  const auto gap = compute_gap(engine, no_jlpt);
  CHECK_FALSE(gap.has_jlpt);
  CHECK(gap.funnel.clear_jlpt == 0);
}

TEST_CASE("exposure: slot and pool shares per group, the four-fifths flag; the report's JSON and HTML") {
  const Engine& engine = shared_sample();
  ExposureOptions eo;
  eo.attributes = {"degree"};
  eo.match.k = 5;
  eo.match.threads = 2;
  const auto ex = compute_exposure(engine, eo);
  REQUIRE(ex.attributes.size() == 1);
  CHECK(ex.jobs == 299);
  CHECK(ex.slots == 299 * 5);
  CHECK(ex.admitted == 299u * 1997u);
  // Brute force: the group of every top-5 slot.
  auto cands = engine.index(Side::candidate).read();
  const auto degree = *cands.columns().schema().find("degree");
  std::map<std::string, std::uint64_t> slots, pool;
  for (const auto& r : engine.match_all(Side::job, eo.match))
    for (const auto& m : r.matches) {
      const auto row = *cands.row_of(m.id);
      ++slots[cands.columns().display(row, degree)];
    }
  cands.live().for_each_set([&](std::size_t r) { pool[cands.columns().display(r, degree)] += 299; });
  double max_rate = 0;
  for (const auto& g : ex.attributes[0].groups)
    if (g.pool_share >= 0.01) max_rate = std::max(max_rate, g.rate);
  double slot_share_sum = 0;
  for (const auto& g : ex.attributes[0].groups) {
    CAPTURE(g.group);
    CHECK(g.slots == slots[g.group]);
    CHECK(g.pool == pool[g.group]);
    CHECK(g.rate == doctest::Approx(g.slot_share / g.pool_share));
    CHECK(g.impact == doctest::Approx(g.rate / max_rate));
    CHECK(g.reference == (g.pool_share >= 0.01));
    CHECK(g.flagged == (g.reference && g.impact < 0.8));
    slot_share_sum += g.slot_share;
  }
  CHECK(slot_share_sum == doctest::Approx(1.0));
  CHECK(contains(error_of([&] {
                   ExposureOptions x;
                   x.attributes = {"gender"};
                   compute_exposure(engine, x);
                 }, ErrorCode::not_found), "gender"));

  const auto gap = compute_gap(engine);
  const auto json = gap_report_to_json(gap, &ex, engine.taxonomy());
  const auto& skills = json.at("skills").as_array();
  REQUIRE(skills.size() == gap.skills.size());
  const auto& first = skills.at(0).as_object();
  for (const char* key : {"concept_id", "label", "demand", "supply", "ratio"}) CHECK(first.contains(key));
  CHECK(json.at("areas").as_array().size() == 5);
  CHECK(json.at("exposure").at("attributes").as_array().size() == 1);
  const std::string html = gap_report_html(gap, &ex, {});
  for (const char* part : {"<svg class=\"chart shortage\"", "<svg class=\"chart levels\"", "<svg class=\"chart funnel\"",
                           "<svg class=\"chart exposure\"", "<table class=\"shortage\"", "<table class=\"steps\""})
    CHECK_MESSAGE(contains(html, part), part);
  CHECK_FALSE(contains(html, "<script"));
  CHECK_FALSE(contains(html, "http://data.europa.eu/esco/skill/3a2d5b45\">"));  // ids only inside escaped attributes
}
