// Tests of the curated relation compiler (curated_relations.hpp): membership vs association, every
// kind of unusable row reported with its line, cycles refused, and the bundled compiled file matching
// data/curation/skill_relations.tsv (a table edit without recompiling is caught here). Also the
// occupation crosswalk the learned vectors use (occupation_crosswalk.hpp).
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "skillmatch/curated_relations.hpp"
#include "skillmatch/similarity.hpp"
#include "skillmatch/skill_knowledge.hpp"
#include "skillmatch/taxonomy_io.hpp"
#include "taxonomy/occupation_crosswalk.hpp"
#include "test_support.hpp"

using namespace skillmatch;
using skillmatch::test::contains;
using skillmatch::test::issues_text;
using skillmatch::test::read_text_file;

namespace {

std::shared_ptr<const Taxonomy> small_taxonomy() {
  TaxonomyBuilder b;
  b.add_concept("k:ml", ConceptKind::knowledge, "machine learning");
  b.add_concept("k:dl", ConceptKind::knowledge, "deep learning");
  b.add_concept("t:tf", ConceptKind::technology, "TensorFlow");
  b.add_concept("t:torch", ConceptKind::technology, "PyTorch");
  b.add_concept("t:python", ConceptKind::technology, "Python");
  b.add_concept("c:tools", ConceptKind::category, "software tools");
  b.add_concept("o:ds", ConceptKind::occupation, "data scientist");
  b.add_broader("t:tf", "c:tools");
  return b.build();
}

constexpr const char* kHeader = "# comment\n\nskill\trelated\trelation\tstrength\n";

}  // namespace

TEST_CASE("compile_relations turns memberships into broader links and associations into related links") {
  Resolver r(small_taxonomy());
  const std::string text = std::string(kHeader) +
                           "deep learning\tmachine learning\tpart\t0.9\n"  // line 4
                           "TensorFlow\tdeep learning\tfield\t0.7\n"
                           "tensorflow\tk:dl\tfield\t0.9\n"               // normalised name, an id: the same row again
                           "PyTorch\tTensorFlow\tpeer\t0.9\n"
                           "TensorFlow\tPyTorch\tpeer\t0.5\n"             // the same pair again: kept once
                           "PyTorch\tPython\tlanguage\t0.5\n";           // loose: an association
  const CompiledRelations c = compile_relations(r, text, "rel.tsv");
  CHECK(issues_text(c).empty());
  REQUIRE(c.entries.size() == 4);
  CHECK(c.entries[0].membership);
  CHECK(c.entries[1].membership);
  CHECK_FALSE(c.entries[2].membership);
  CHECK_FALSE(c.entries[3].membership);
  CHECK(c.entries[3].strength == doctest::Approx(0.5));

  std::ostringstream out;
  write_relation_records(c, r.taxonomy(), out, std::vector<std::string>{"header"});
  CHECK(out.str() ==
        "#skillmatch-taxonomy 1\n# header\n"
        "broader\tk:dl\tk:ml\n"
        "broader\tt:tf\tk:dl\n"
        "related\tt:torch\tt:tf\trelated\t0.9\n"
        "related\tt:torch\tt:python\trelated\t0.5\n");

  // Read back on top of the taxonomy: TensorFlow is now below deep learning, and a candidate with
  // TensorFlow meets "deep learning" better than the reverse (the direction rule follows the hierarchy).
  TaxonomyBuilder b;
  read_native_taxonomy(b, "#skillmatch-taxonomy 1\nconcept\tk:ml\tknowledge\tmachine learning\ten\n"
                          "concept\tk:dl\tknowledge\tdeep learning\ten\nconcept\tt:tf\ttechnology\tTensorFlow\ten\n"
                          "concept\tt:torch\ttechnology\tPyTorch\ten\nconcept\tt:python\ttechnology\tPython\ten\n",
                       "base");
  read_native_taxonomy(b, out.str(), "relations");
  const auto t = b.build();
  const ConceptIndex tf = *t->find("t:tf"), dl = *t->find("k:dl"), ml = *t->find("k:ml");
  REQUIRE(t->broader(tf).size() == 1);
  CHECK(t->broader(tf)[0] == dl);
  const SkillSimilarity sim(t);
  CHECK(sim.broader(ml, tf));
  CHECK(sim.similarity(tf, dl) > 0.3f);
  CHECK(sim.credit(dl, tf) > sim.credit(tf, dl));
}

TEST_CASE("compile_relations reports every unusable row with its line") {
  Resolver r(small_taxonomy());
  const std::string text = std::string(kHeader) +
                           "deep learning\tmachine learning\n"                 // 4: too few fields
                           "deep learning\tmachine learning\tcousin\t0.9\n"    // 5: unknown relation
                           "deep learning\tmachine learning\tpart\t1.5\n"      // 6: strength out of range
                           "deep learning\tmachine learning\tpart\tstrong\n"   // 7: not a number
                           "COBOL\tmachine learning\tfield\t0.9\n"             // 8: unknown name
                           "TensorFlow\ttensorflow\tpeer\t0.9\n"               // 9: one concept
                           "TensorFlow\tsoftware tools\tfield\t0.9\n"          // 10: a category
                           "Python\tdata scientist\tfield\t0.9\n"              // 11: an occupation
                           "deep learning\tmachine learning\tpart\t0.9\n"      // 12: fine
                           "machine learning\tdeep learning\tpart\t0.9\n"      // 13: closes a cycle
                           "\tmachine learning\tpart\t0.9\n";                  // 14: empty field
  const CompiledRelations c = compile_relations(r, text, "rel.tsv");
  const std::string all = issues_text(c);
  REQUIRE_MESSAGE(c.issues.size() == 10, all);
  const std::size_t lines[] = {4, 5, 6, 7, 8, 9, 10, 11, 13, 14};
  for (std::size_t i = 0; i < 10; ++i) CHECK(c.issues[i].line == lines[i]);
  CHECK(contains(c.issues[0].message, "expected 4"));
  CHECK(contains(c.issues[1].message, "unknown relation 'cousin'"));
  CHECK(contains(c.issues[2].message, "(0, 1]"));
  CHECK(contains(c.issues[4].message, "'COBOL'"));
  CHECK(contains(c.issues[5].message, "same concept"));
  CHECK(contains(c.issues[6].message, "category"));
  CHECK(contains(c.issues[7].message, "occupation"));
  CHECK(contains(c.issues[8].message, "cycle"));
  CHECK(contains(c.issues[9].message, "empty skill"));
  REQUIRE(c.entries.size() == 1);
  CHECK(c.entries[0].line == 12);

  CHECK(contains(issues_text(compile_relations(r, "", "rel.tsv")), "no header row"));
  CHECK(contains(issues_text(compile_relations(r, "a\tb\tpeer\t0.9\n", "rel.tsv")), "must be the header"));
  CHECK(contains(issues_text(compile_relations(r, std::string(kHeader) + "deep \xff learning\tPython\tpeer\t0.9\n", "rel.tsv")),
                 "ill-formed UTF-8"));
}

TEST_CASE("the bundled compiled relations match data/curation/skill_relations.tsv") {
  const std::string table_path = SKILLMATCH_SOURCE_DIR "/data/curation/skill_relations.tsv";
  const std::string compiled_path = SKILLMATCH_SOURCE_DIR "/data/taxonomy/relations.tsv";
  Resolver base(relations_base_taxonomy());
  const CompiledRelations c = compile_relations(base, read_text_file(table_path), table_path);
  CHECK(c.entries.size() >= 800);
  std::ostringstream fresh;
  write_relation_records(c, base.taxonomy(), fresh);
  auto records = [](const std::string& text) {
    std::set<std::string> out;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);)
      if (!line.empty() && line[0] != '#') out.insert(line);
    return out;
  };
  CHECK_MESSAGE(records(fresh.str()) == records(read_text_file(compiled_path)),
                "recompile: build/skillmatch build-relations --relations data/curation/skill_relations.tsv "
                "--out data/taxonomy/relations.tsv");
}

TEST_CASE("occupation_crosswalk pairs one job's occupations across sources by title, never ambiguously") {
  TaxonomyBuilder b;
  b.add_concept("onet:15-2051.00", ConceptKind::occupation, "Data Scientists");
  b.add_label("onet:15-2051.00", "Data Scientist", "en", LabelKind::alternative);
  b.add_label("onet:15-2051.00", "Research Scientist", "en", LabelKind::alternative);
  b.add_concept("onet:19-1029.00", ConceptKind::occupation, "Biological Scientists");
  b.add_label("onet:19-1029.00", "Research Scientist", "en", LabelKind::alternative);
  b.add_concept("http://e/occupation/1", ConceptKind::occupation, "data scientist");
  b.add_concept("http://e/occupation/2", ConceptKind::occupation, "research scientist");  // two O*NET readings
  b.add_concept("http://e/occupation/3", ConceptKind::occupation, "baker");
  b.add_concept("http://e/skill/1", ConceptKind::skill, "data scientists");  // not an occupation
  const auto t = b.build();
  const auto pairs = detail::occupation_crosswalk(*t);
  REQUIRE(pairs.size() == 1);
  const std::set<ConceptIndex> got{pairs[0].first, pairs[0].second};
  CHECK(got == std::set<ConceptIndex>{*t->find("onet:15-2051.00"), *t->find("http://e/occupation/1")});
}

TEST_CASE("curated relations make the bundled similarity know the tools of a field") {
  Resolver resolver(bundled_taxonomy());
  const auto knowledge = learn_skill_knowledge(resolver);
  auto c = [&](const char* name) {
    auto m = resolver.resolve_best(name);
    REQUIRE_MESSAGE(m, name);
    return m->concept_index;
  };
  const auto& sim = *knowledge.similarity;
  CHECK(sim.similarity(c("machine learning"), c("TensorFlow")) >= 0.5f);
  CHECK(sim.similarity(c("Java"), c("Kotlin")) >= 0.5f);
  CHECK(sim.similarity(c("machine learning"), c("TensorFlow")) > sim.similarity(c("machine learning"), c("Kotlin")));
  // The direction rule: a candidate with TensorFlow meets "machine learning" better than the reverse.
  CHECK(sim.credit(c("machine learning"), c("TensorFlow")) > sim.credit(c("TensorFlow"), c("machine learning")));
}
