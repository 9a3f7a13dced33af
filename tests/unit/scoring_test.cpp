// The hybrid score: how absent parts are handled, which skill meets a must-have, contributions.
#include <doctest/doctest.h>

#include "skillmatch/scoring.hpp"

using namespace skillmatch;

namespace {

// Two technologies under one category (related through the hierarchy), one unrelated technology.
std::shared_ptr<const Taxonomy> taxonomy() {
  TaxonomyBuilder b;
  b.add_concept("cat", ConceptKind::category, "Category");
  b.add_concept("other", ConceptKind::category, "Other");
  for (const char* id : {"a", "b", "c"}) {
    b.add_concept(id, ConceptKind::technology, id);
    b.add_broader(id, "cat");
    b.add_stats(id, {5, 0, false, false});
  }
  b.add_concept("z", ConceptKind::technology, "z");
  b.add_broader("z", "other");
  b.add_stats("z", {50, 0, false, false});
  b.add_related("a", "b", RelationKind::related, 0.9f);
  return b.build();
}

ProfileSkill skill(const Taxonomy& t, const char* id, bool required = false, float years = 0) {
  ProfileSkill s;
  s.concept_index = t.at(id);
  s.text = id;
  s.required = required;
  s.years = years;
  return s;
}

}  // namespace

TEST_CASE("scoring: the vector keeps its share whether or not the job has must-haves") {
  auto t = taxonomy();
  SkillSimilarity sim(t);
  HybridScorer scorer(sim, ScoreWeights{0.6f, 0.25f, 0.15f, 0.0f});
  std::vector<ProfileSkill> cand = {skill(*t, "a")};
  ScoreBreakdown with_musts, without_musts, no_skills;
  std::vector<ProfileSkill> job1 = {skill(*t, "a", true), skill(*t, "z")};
  std::vector<ProfileSkill> job2 = {skill(*t, "a"), skill(*t, "z")};
  scorer.score(job1, cand, 0.5f, -1, &with_musts);
  scorer.score(job2, cand, 0.5f, -1, &without_musts);
  CHECK(with_musts.vector.weight == doctest::Approx(0.6));
  CHECK(without_musts.vector.weight == doctest::Approx(0.6));
  // The absent must-have part hands its weight to the other coverage part, not to the vector.
  CHECK(!without_musts.required.present);
  CHECK(without_musts.preferred.weight == doctest::Approx(0.4));
  // A job with no resolved skill is scored on the vector alone.
  scorer.score({}, cand, 0.5f, -1, &no_skills);
  CHECK(no_skills.vector.weight == doctest::Approx(1.0));
  CHECK(no_skills.score == doctest::Approx(0.5));
  for (const auto* b : {&with_musts, &without_musts}) {
    CHECK(b->vector.contribution + b->required.contribution + b->preferred.contribution + b->preferences.contribution ==
          doctest::Approx(b->score));
    float reqs = 0;
    for (const auto& r : b->requirements) reqs += r.contribution;
    CHECK(reqs == doctest::Approx(b->required.contribution + b->preferred.contribution));
  }
}

TEST_CASE("scoring: a must-have is credited by the skill that meets it, and only evidence meets it") {
  auto t = taxonomy();
  SkillSimilarity sim(t);
  HybridScorer scorer(sim, ScoreWeights{}, 0.5f, 0.2f, 0.5f);
  const float ab = sim.similarity(t->at("a"), t->at("b"));
  const float az = sim.similarity(t->at("a"), t->at("z"));
  REQUIRE(ab >= 0.5f);  // a related link and a shared parent
  REQUIRE(az < 0.5f);   // nothing in common
  std::vector<ProfileSkill> job = {skill(*t, "a", true, 5)};
  // b meets "a" with 1 year of the 5 asked; z is unrelated, with 9 years. The must-have is met by b,
  // and the explanation names b.
  std::vector<ProfileSkill> cand = {skill(*t, "b", false, 1), skill(*t, "z", false, 9)};
  ScoreBreakdown out;
  scorer.score(job, cand, 0.3f, -1, &out);
  REQUIRE(out.requirements.size() == 1);
  CHECK(out.requirements[0].met);
  CHECK(out.requirements[0].matched_by == t->at("b"));
  CHECK(out.requirements[0].similarity == doctest::Approx(ab));
  CHECK(out.requirements[0].evidence.combined == doctest::Approx(ab));
  CHECK(out.missing_required.empty());
  CHECK(scorer.meets_required(job, cand));
  // Only the unrelated skill: missing, and meets() agrees.
  std::vector<ProfileSkill> unrelated = {skill(*t, "z", false, 9)};
  scorer.score(job, unrelated, 0.9f, -1, &out);
  CHECK(!out.requirements[0].met);
  REQUIRE(out.missing_required.size() == 1);
  CHECK(out.missing_required[0] == "a");
  CHECK(!scorer.meets_required(job, unrelated));
  CHECK(!scorer.meets(job[0], t->at("z")));
  CHECK(scorer.meets(job[0], t->at("a")));
}
