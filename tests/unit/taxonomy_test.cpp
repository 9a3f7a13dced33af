// Taxonomy model and builder: ids, labels, DAG checks, same_as merging, CSR accessors.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "skillmatch/taxonomy.hpp"
#include "test_support.hpp"

using namespace skillmatch;
using namespace skillmatch::test;

TEST_CASE("builder freezes concepts, labels, hierarchy and links") {
  TaxonomyBuilder b;
  b.add_concept("cat:software", ConceptKind::category, "Software");
  b.add_concept("t:py", ConceptKind::technology, "Python");
  b.add_concept("t:java", ConceptKind::technology, "Java");
  b.add_concept("occ:dev", ConceptKind::occupation, "Developer");
  b.add_label("t:py", "パイソン", "ja", LabelKind::alternative);
  b.add_label("t:py", "py", "en", LabelKind::hidden);
  b.add_label("t:py", "py", "en", LabelKind::hidden);  // exact repeat kept once
  b.add_broader("t:py", "cat:software");
  b.add_broader("t:java", "cat:software");
  b.add_related("occ:dev", "t:py", RelationKind::occupation_skill, 0.5f);
  b.add_related("occ:dev", "t:py", RelationKind::occupation_skill, 0.75f);  // larger weight wins
  b.add_stats("t:py", {30, 1000, true, false});
  auto t = b.build();

  REQUIRE(t->size() == 4);
  ConceptIndex py = t->at("t:py");
  CHECK(t->preferred_label(py) == "Python");
  CHECK(t->kind(py) == ConceptKind::technology);
  REQUIRE(t->labels(py).size() == 3);
  CHECK(t->labels(py)[0].kind == LabelKind::preferred);
  CHECK(t->labels(py)[1].text == "パイソン");
  CHECK(t->labels(py)[1].lang == "ja");
  ConceptIndex sw = t->at("cat:software");
  CHECK(t->broader(py).size() == 1);
  CHECK(t->broader(py)[0] == sw);
  CHECK(t->narrower(sw).size() == 2);
  CHECK(t->depth(sw) == 0);
  CHECK(t->depth(py) == 1);
  ConceptIndex dev = t->at("occ:dev");
  REQUIRE(t->related(dev).size() == 1);
  CHECK(t->related(dev)[0].target == py);
  CHECK(t->related(dev)[0].weight == doctest::Approx(0.75));
  REQUIRE(t->related_in(py).size() == 1);
  CHECK(t->related_in(py)[0].target == dev);
  CHECK(t->stats(py).frequency == 30);
  CHECK(t->stats(py).hot);
  CHECK_FALSE(t->find("t:nothing").has_value());
  CHECK(contains(error_of([&] { (void)t->at("t:nothing"); }), "not_found: unknown concept id 't:nothing'"));
  CHECK(contains(error_of([&] { (void)t->labels(99); }), "invalid_argument"));
  CHECK(t->count(ConceptKind::technology) == 2);
  // Topological order puts every parent before its children.
  auto topo = t->topological_order();
  REQUIRE(topo.size() == 4);
  auto pos = [&](ConceptIndex c) { return std::find(topo.begin(), topo.end(), c) - topo.begin(); };
  CHECK(pos(sw) < pos(py));
}

TEST_CASE("builder reports duplicates, bad ids and unknown references with their location") {
  TaxonomyBuilder b;
  b.add_concept("a", ConceptKind::skill, "A", "en", {"one.tsv", 3});
  CHECK(contains(error_of([&] { b.add_concept("a", ConceptKind::skill, "A again", "en", {"two.tsv", 7}); }),
                 "duplicate: two.tsv:7: concept id 'a' declared twice (first at one.tsv:3)"));
  CHECK(contains(error_of([&] { b.add_concept("", ConceptKind::skill, "X"); }), "invalid_argument"));
  CHECK(contains(error_of([&] { b.add_concept("x\ty", ConceptKind::skill, "X"); }), "tab"));
  CHECK(contains(error_of([&] { b.add_related("a", "a2", RelationKind::related, 1.5f); }), "invalid_value"));
  CHECK(contains(error_of([&] { b.add_broader("a", "a"); }), "cycle"));
  b.add_broader("a", "missing", {"three.tsv", 12});
  CHECK(contains(error_of([&] { (void)b.build(); }), "not_found: three.tsv:12: broader (parent) refers to unknown concept id 'missing'"));
}

TEST_CASE("a cycle in the broader graph is an error that names the cycle") {
  TaxonomyBuilder b;
  for (const char* id : {"a", "b", "c", "d"}) b.add_concept(id, ConceptKind::skill, id);
  b.add_broader("a", "b", {"f.tsv", 1});
  b.add_broader("b", "c", {"f.tsv", 2});
  b.add_broader("c", "a", {"f.tsv", 3});
  b.add_broader("d", "a", {"f.tsv", 4});
  std::string e = error_of([&] { (void)b.build(); });
  CHECK(contains(e, "cycle"));
  // The cycle is a -> b -> c -> a, whichever member the report starts from.
  CHECK((contains(e, "a -> b -> c -> a") || contains(e, "b -> c -> a -> b") || contains(e, "c -> a -> b -> c")));
  CHECK(contains(e, "f.tsv:"));
}

TEST_CASE("same_as merges concepts: alias ids, labels, links and stats move to the canonical one") {
  TaxonomyBuilder b;
  b.add_concept("onet:py", ConceptKind::technology, "Python");
  b.add_concept("so:python", ConceptKind::technology, "python");
  b.add_concept("esco:py", ConceptKind::knowledge, "Python programming");
  b.add_concept("cat", ConceptKind::category, "Languages");
  b.add_label("so:python", "py", "en", LabelKind::hidden);
  b.add_broader("esco:py", "cat");
  b.add_same_as("onet:py", "so:python");
  b.add_same_as("so:python", "esco:py");  // chains join one group
  b.add_stats("so:python", {0, 1600000, false, false});
  b.add_stats("onet:py", {130, 0, true, false});
  auto t = b.build();
  REQUIRE(t->size() == 2);
  ConceptIndex py = t->at("onet:py");
  CHECK(t->at("so:python") == py);
  CHECK(t->at("esco:py") == py);
  CHECK(t->id(py) == "onet:py");
  CHECK(t->alias_ids(py).size() == 2);
  CHECK(t->kind(py) == ConceptKind::technology);
  std::vector<std::string> texts;
  for (const auto& l : t->labels(py)) texts.push_back(l.text);
  CHECK(texts == std::vector<std::string>{"Python", "python", "Python programming", "py"});
  CHECK(t->broader(py).size() == 1);
  CHECK(t->stats(py).frequency == 130);
  CHECK(t->stats(py).popularity == 1600000);
  CHECK(t->stats(py).hot);
}
