// The skill-pair sanity set (tests/data/skill_pairs.tsv, our own) through the similarity every entry
// point uses, and the direction rule of SkillSimilarity::credit().
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "skillmatch/skill_knowledge.hpp"
#include "skillmatch/skill_pairs.hpp"
#include "skillmatch/taxonomy_io.hpp"

using namespace skillmatch;

namespace {

struct Bundled {
  Resolver resolver{bundled_taxonomy()};
  SkillKnowledge knowledge = learn_skill_knowledge(resolver);
};

const Bundled& bundled() {
  static const Bundled b;
  return b;
}

}  // namespace

TEST_CASE("skill pairs: figures on the test split (never tuned on)") {
  const auto triples = read_skill_pairs_file(std::string(SKILLMATCH_TEST_DATA_DIR) + "/skill_pairs.tsv");
  REQUIRE(triples.size() >= 160);
  const SkillSimilarity& sim = *bundled().knowledge.similarity;
  const Resolver& resolver = bundled().resolver;
  const auto report = evaluate_skill_pairs(triples, "test", resolver, sim);
  const SkillPairFigures& f = report.figures;
  MESSAGE("test split: " << f.triples << " triples, related > unrelated " << 100 * f.ordered_share()
                         << " %, related >= 0.5 " << 100 * f.related_met_share() << " %, unrelated < 0.2 "
                         << 100 * f.unrelated_low_share() << " %, " << f.unresolved << " names unresolved");
  // Issue 9's targets are 90 % / 75 % / 90 %. The bundled taxonomy still cannot resolve 13 of the test
  // triples' names, and an unresolved related skill is a miss, so the first two are not reached yet
  // (docs/similarity.md: 84.4 %, 74.4 %, 96.7 % at the time of writing). These floors are those figures
  // minus a margin: a drop below them is a regression.
  CHECK(f.ordered_share() >= 0.80);
  CHECK(f.related_met_share() >= 0.70);
  CHECK(f.unrelated_low_share() >= 0.90);  // the third target, met
}

TEST_CASE("skill pairs: reader errors name the line") {
  std::istringstream missing("# comment\narea\tanchor\trelated\tsplit\n");
  CHECK_THROWS_WITH_AS(read_skill_pairs(missing, "pairs.tsv"), doctest::Contains("pairs.tsv:2"), Error);
  std::istringstream short_line("area\tanchor\trelated\tunrelated\tsplit\nai\tx\ty\n");
  CHECK_THROWS_WITH_AS(read_skill_pairs(short_line, "p"), doctest::Contains("p:2"), Error);
  std::istringstream empty_cell("area\tanchor\trelated\tunrelated\tsplit\nai\tx\t\tz\tdev\n");
  CHECK_THROWS_WITH_AS(read_skill_pairs(empty_cell, "p"), doctest::Contains("'related' is empty"), Error);
  std::istringstream ok("area\tanchor\trelated\tunrelated\tsplit\nai\tx\ty\tz\tdev\n");
  CHECK(read_skill_pairs(ok, "p").size() == 1);
}

TEST_CASE("credit: a narrower skill meets a broader requirement better than the reverse") {
  const SkillSimilarity& sim = *bundled().knowledge.similarity;
  const Taxonomy& t = sim.taxonomy();
  const Resolver& resolver = bundled().resolver;
  auto concept_of = [&](const char* name) {
    auto m = resolver.resolve_best(name);
    REQUIRE(m);
    return m->concept_index;
  };
  // ESCO knowledge "machine learning" (an area) vs O*NET technologies (tools of it).
  const ConceptIndex ml = concept_of("machine learning");
  for (const char* tool : {"TensorFlow", "PyTorch", "scikit-learn"}) {
    CAPTURE(tool);
    const ConceptIndex x = concept_of(tool);
    CHECK(sim.broader(ml, x));
    CHECK_FALSE(sim.broader(x, ml));
    CHECK(sim.credit(ml, x) == sim.similarity(ml, x));  // the tool meets the area in full
    CHECK(sim.credit(x, ml) == doctest::Approx(sim.similarity(ml, x) * sim.options().broader_credit));
    if (sim.similarity(ml, x) > 0) CHECK(sim.credit(ml, x) > sim.credit(x, ml));
  }
  // A hierarchy member and its category: "Intuit QuickBooks" under "Accounting software".
  const ConceptIndex accounting = t.at("onet:tech:Accounting_software"), quickbooks = t.at("onet:tech:Intuit_QuickBooks");
  CHECK(sim.broader(accounting, quickbooks));
  CHECK(sim.credit(accounting, quickbooks) > sim.credit(quickbooks, accounting));
  // Two tools of one kind: no direction, credit is the symmetric similarity both ways.
  const ConceptIndex pytorch = concept_of("PyTorch"), tensorflow = concept_of("TensorFlow");
  CHECK(sim.credit(pytorch, tensorflow) == sim.credit(tensorflow, pytorch));
  CHECK(sim.credit(pytorch, pytorch) == 1.0f);
  CHECK_THROWS_AS(sim.credit(pytorch, static_cast<ConceptIndex>(t.size())), Error);
}
