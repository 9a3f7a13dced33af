// Native format reader/writer and the bundled default taxonomy.
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "skillmatch/taxonomy_io.hpp"
#include "test_support.hpp"

using namespace skillmatch;
using namespace skillmatch::test;

namespace {

constexpr const char* kSample =
    "#skillmatch-taxonomy 1\n"
    "# a comment\n"
    "\n"
    "concept\tcat:sw\tcategory\tSoftware\ten\n"
    "concept\tt:py\ttechnology\tPython\ten\n"
    "concept\tso:python\ttechnology\tpython\ten\n"
    "concept\tocc:dev\toccupation\tDeveloper\ten\n"
    "label\tt:py\tja\talternative\tパイソン\n"
    "label\tso:python\ten\thidden\tpy\n"
    "broader\tt:py\tcat:sw\n"
    "related\tocc:dev\tt:py\toccupation_skill\t0.75\n"
    "same_as\tt:py\tso:python\n"
    "stats\tt:py\t30\t1500\thot,in_demand\r\n";

std::shared_ptr<const Taxonomy> read(std::string_view text) {
  TaxonomyBuilder b;
  read_native_taxonomy(b, text, "sample.tsv");
  return b.build();
}

}  // namespace

TEST_CASE("native format: every record type is read") {
  auto t = read(kSample);
  REQUIRE(t->size() == 3);
  ConceptIndex py = t->at("so:python");
  CHECK(t->id(py) == "t:py");
  CHECK(t->labels(py).size() == 4);  // Python, python, パイソン, py
  CHECK(t->broader(py).size() == 1);
  CHECK(t->stats(py).hot);
  CHECK(t->stats(py).in_demand);
  CHECK(t->stats(py).popularity == 1500);
  CHECK(t->related(t->at("occ:dev"))[0].weight == doctest::Approx(0.75));
}

TEST_CASE("native format: write then read gives the same taxonomy") {
  auto t = read(kSample);
  std::ostringstream out;
  write_native_taxonomy(*t, out);
  auto u = read(out.str());
  REQUIRE(u->size() == t->size());
  for (ConceptIndex c = 0; c < t->size(); ++c) {
    ConceptIndex d = u->at(t->id(c));
    CHECK(u->kind(d) == t->kind(c));
    CHECK(u->labels(d).size() == t->labels(c).size());
    CHECK(u->alias_ids(d).size() == t->alias_ids(c).size());
    CHECK(u->broader(d).size() == t->broader(c).size());
    CHECK(u->related(d).size() == t->related(c).size());
    CHECK(u->stats(d).frequency == t->stats(c).frequency);
    CHECK(u->stats(d).hot == t->stats(c).hot);
  }
}

TEST_CASE("native format: malformed input names the file and line") {
  CHECK(contains(error_of([] { read("concept\ta\tskill\tA\ten\n"); }), "parse_error: sample.tsv:1: not a skillmatch taxonomy file"));
  CHECK(contains(error_of([] { read(""); }), "sample.tsv:1"));
  CHECK(contains(error_of([] { read("#skillmatch-taxonomy 1\nconcept\ta\tskill\tA\n"); }),
                 "parse_error: sample.tsv:2: 'concept' record needs 5 tab-separated fields, found 4"));
  CHECK(contains(error_of([] { read("#skillmatch-taxonomy 1\n\nconcept\ta\twizardry\tA\ten\n"); }),
                 "sample.tsv:3: unknown concept kind 'wizardry'"));
  CHECK(contains(error_of([] { read("#skillmatch-taxonomy 1\nconcept\ta\tskill\tA\ten\nstats\ta\tmany\t0\t-\n"); }),
                 "sample.tsv:3: bad frequency 'many'"));
  CHECK(contains(error_of([] { read("#skillmatch-taxonomy 1\nconcept\ta\tskill\tA\ten\nrelated\ta\tb\trelated\t0.5\n"); }),
                 "not_found: sample.tsv:3: related (to) refers to unknown concept id 'b'"));
  CHECK(contains(error_of([] { read("#skillmatch-taxonomy 1\nsynonym\ta\tb\n"); }), "sample.tsv:2: unknown record type 'synonym'"));
  CHECK(contains(error_of([] { read("#skillmatch-taxonomy 1\nconcept\ta\tskill\tA\ten\nrelated\ta\ta\trelated\tNaN\n"); }),
                 "invalid_value: sample.tsv:3"));
  CHECK(contains(error_of([] {
                   TaxonomyBuilder b;
                   read_native_taxonomy_file(b, "/nonexistent/dir/x.tsv");
                 }),
                 "io_error: cannot open taxonomy file '/nonexistent/dir/x.tsv'"));
}

TEST_CASE("bundled taxonomy: real O*NET, ESCO and Stack Overflow content, cross-linked") {
  auto t = bundled_taxonomy();
  CHECK(t == bundled_taxonomy());  // built once, shared
  CHECK(t->size() > 15000);
  CHECK(t->count(ConceptKind::technology) > 10000);
  CHECK(t->count(ConceptKind::occupation) >= 45 + 126);  // O*NET IT + ESCO ICT occupations
  // Autodesk Maya is filed under two UNSPSC commodities: a DAG, not a tree.
  ConceptIndex maya = t->at("onet:tech:Autodesk_Maya");
  CHECK(t->broader(maya).size() == 2);
  CHECK(t->depth(maya) == 4);  // commodity < class < family < segment
  // The Stack Overflow tag and its synonyms landed on the O*NET concept.
  ConceptIndex k8s = t->at("so:kubernetes");
  CHECK(t->id(k8s) == "onet:tech:Kubernetes");
  bool has_k8s = false, has_ja = false;
  for (const auto& l : t->labels(k8s)) {
    has_k8s |= l.text == "k8s";
    has_ja |= l.lang == "ja";
  }
  CHECK(has_k8s);
  CHECK(has_ja);
  // Occupations need technologies, weighted by the hot / in-demand flags.
  ConceptIndex dev = t->at("onet:15-1252.00");
  CHECK(t->related(dev).size() > 100);
  CHECK(t->stats(t->at("onet:tech:Python")).frequency > 50);
}
