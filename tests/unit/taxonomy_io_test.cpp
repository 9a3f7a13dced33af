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

TEST_CASE("native format version 2: prefixes, @N references, one record for many labels and links") {
  auto t = read(
      "#skillmatch-taxonomy 2\n"
      "prefix\tex\thttp://example.org/skill/\n"
      "concept\tex:py\ttechnology\tPython\ten\n"        // @0 = http://example.org/skill/py
      "concept\tocc:dev\toccupation\tDeveloper\ten\n"    // @1
      "concept\tcat:sw\tcategory\tSoftware\ten\n"        // @2
      "concept\tt:np\ttechnology\tNumPy\ten\n"           // @3
      "labels\tex:py\ten\talternative\tpython3\tCPython\n"
      "broader\t@0\t@2\n"
      "links\tocc:dev\toccupation_skill\t0.5\t@0\t@3\n"
      "links\t@3\trelated\t1\tex:py\n"
      "same_as\t@0\tt:np\n");
  ConceptIndex py = t->at("http://example.org/skill/py");
  CHECK(t->find("t:np") == py);  // merged by the same_as through its reference
  CHECK(t->labels(py).size() == 4);  // Python, python3, CPython, NumPy
  CHECK(t->broader(py).size() == 1);
  CHECK(t->id(t->broader(py)[0]) == "cat:sw");
  REQUIRE(t->related(t->at("occ:dev")).size() == 1);  // @0 and @3 are one concept now
  CHECK(t->related(t->at("occ:dev"))[0].weight == doctest::Approx(0.5));
  // A version-1 file has no prefixes: "ex:py" there is an id of its own.
  auto v1 = read("#skillmatch-taxonomy 1\nconcept\tex:py\ttechnology\tPython\ten\n");
  CHECK(v1->find("ex:py"));
}

TEST_CASE("native format version 2: what the writer abbreviates reads back the same, smaller") {
  auto t = read(
      "#skillmatch-taxonomy 1\n"
      "concept\thttp://data.europa.eu/esco/skill/a\tskill\tdo a\ten\n"
      "concept\thttp://data.europa.eu/esco/occupation/o\toccupation\tworker\ten\n"
      "concept\tesco:label:do b\tskill\tdo b\ten\n"
      "related\thttp://data.europa.eu/esco/occupation/o\thttp://data.europa.eu/esco/skill/a\toccupation_skill\t1\n"
      "related\thttp://data.europa.eu/esco/occupation/o\tesco:label:do b\toccupation_skill\t1\n");
  std::ostringstream out;
  write_native_taxonomy(*t, out);
  const std::string text = out.str();
  CHECK(text.starts_with("#skillmatch-taxonomy 2\n"));
  CHECK(contains(text, "prefix\tesco-uri\thttp://data.europa.eu/esco/\n"));
  CHECK(contains(text, "links\tesco-uri:occupation/o\toccupation_skill\t1\t@0\t@2\n"));
  auto u = read(text);
  REQUIRE(u->size() == 3);
  CHECK(u->related(u->at("http://data.europa.eu/esco/occupation/o")).size() == 2);
  CHECK(u->find("esco:label:do b"));
}

TEST_CASE("native format version 2: bad references and version-2 records in version 1 are errors") {
  CHECK(contains(error_of([] { read("#skillmatch-taxonomy 2\nconcept\ta\tskill\tA\ten\nbroader\ta\t@1\n"); }),
                 "sample.tsv:3: reference '@1' names no concept declared above in this file (1 so far)"));
  CHECK(contains(error_of([] { read("#skillmatch-taxonomy 2\nbroader\t@0\t@0\n"); }), "sample.tsv:2: reference '@0'"));
  CHECK(contains(error_of([] { read("#skillmatch-taxonomy 1\nprefix\tx\thttp://x/\n"); }),
                 "sample.tsv:2: 'prefix' records need format version 2"));
  CHECK(contains(error_of([] { read("#skillmatch-taxonomy 1\nconcept\ta\tskill\tA\ten\nlabels\ta\ten\thidden\tx\n"); }),
                 "sample.tsv:3: unknown record type 'labels'"));
  CHECK(contains(error_of([] { read("#skillmatch-taxonomy 2\nprefix\tx\thttp://x/\nprefix\tx\thttp://y/\n"); }),
                 "sample.tsv:3: prefix 'x' declared twice"));
  CHECK(contains(error_of([] { read("#skillmatch-taxonomy 2\nconcept\ta\tskill\tA\ten\nlinks\ta\trelated\t0.5\n"); }),
                 "sample.tsv:3: 'links' record needs at least 5 tab-separated fields, found 4"));
  CHECK(contains(error_of([] { read("#skillmatch-taxonomy 3\n"); }), "sample.tsv:1: not a skillmatch taxonomy file"));
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
  // Autodesk Maya is filed under two UNSPSC commodities (a DAG, not a tree), and the curated relations
  // (data/curation/skill_relations.tsv) add the fields it is a tool of.
  ConceptIndex maya = t->at("onet:tech:Autodesk_Maya");
  std::size_t commodities = 0, fields = 0;
  for (ConceptIndex p : t->broader(maya)) ++(t->kind(p) == ConceptKind::category ? commodities : fields);
  CHECK(commodities == 2);
  CHECK(fields >= 1);
  CHECK(t->depth(maya) >= 4);  // commodity < class < family < segment
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
