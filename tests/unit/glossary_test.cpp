// Tests of the glossary compiler (glossary.hpp): every kind of bad row is reported with its line,
// targets resolve like their English names, and the bundled compiled file matches the bundled
// glossary (so a glossary edit or a taxonomy change without recompiling is caught here).
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "skillmatch/glossary.hpp"
#include "skillmatch/taxonomy_io.hpp"
#include "test_support.hpp"

using namespace skillmatch;
using skillmatch::test::contains;
using skillmatch::test::issues_text;
using skillmatch::test::read_text_file;

namespace {

std::shared_ptr<const Taxonomy> glossary_taxonomy() {
  TaxonomyBuilder b;
  b.add_concept("t:java", ConceptKind::technology, "Java");
  b.add_concept("t:python", ConceptKind::technology, "Python");
  b.add_concept("t:photoshop", ConceptKind::technology, "Adobe Photoshop");
  b.add_concept("t:postscript", ConceptKind::technology, "PostScript");
  b.add_label("t:postscript", "PS", "en", LabelKind::abbreviation);
  b.add_concept("skm:req", ConceptKind::skill, "requirements definition");
  return b.build();
}

constexpr const char* kHeader = "# comment\n\njapanese\ttarget\tarea\n";

}  // namespace

TEST_CASE("compile_glossary resolves English names and ids and writes label records") {
  Resolver r(glossary_taxonomy());
  const std::string text = std::string(kHeader) +
                           "ジャバ\tJava\tprogramming\n"
                           "パイソン\tpython\tprogramming\n"           // normalised match
                           "フォトショップ\tt:photoshop\tcg_games\n"  // a concept id
                           "要件定義\tdefine technical requirements | skm:req\tposting\n"  // first that resolves
                           "\n"
                           "ジャバ\tJava\tprogramming\n";  // the same row again: kept once
  const CompiledGlossary g = compile_glossary(r, text, "test.tsv");
  CHECK(issues_text(g).empty());
  REQUIRE(g.entries.size() == 4);
  CHECK(g.entries[0].line == 4);
  CHECK(r.taxonomy().id(g.entries[1].concept_index) == "t:python");
  CHECK(g.entries[3].target == "skm:req");
  std::ostringstream out;
  write_glossary_labels(g, r.taxonomy(), out, std::vector<std::string>{"made by a test"});
  CHECK(out.str() ==
        "#skillmatch-taxonomy 1\n# made by a test\n"
        "label\tt:java\tja\talternative\tジャバ\n"
        "label\tt:python\tja\talternative\tパイソン\n"
        "label\tt:photoshop\tja\talternative\tフォトショップ\n"
        "label\tskm:req\tja\talternative\t要件定義\n");
  // The output is a valid taxonomy file on top of the base.
  TaxonomyBuilder b;
  read_native_taxonomy(b, "#skillmatch-taxonomy 1\nconcept\tt:java\ttechnology\tJava\ten\nconcept\tt:python\ttechnology\tPython\ten\n"
                          "concept\tt:photoshop\ttechnology\tAdobe Photoshop\ten\nconcept\tskm:req\tskill\trd\ten\n", "base");
  read_native_taxonomy(b, out.str(), "compiled");
  auto t = b.build();
  CHECK(t->labels(*t->find("t:java")).size() == 2);
}

TEST_CASE("compile_glossary reports every unusable row with its line") {
  Resolver r(glossary_taxonomy());
  std::string long_line(5000, 'x');
  const std::string text = std::string(kHeader) +   // lines 1-3
                           "ジャバ\tJava\n" +             // 4: two fields
                           "ジャバ\tJava\tprogramming\textra\n" +  // 5: four fields
                           "\tJava\tprogramming\n" +      // 6: empty japanese
                           "ジャバ\tJava\tcooking\n" +    // 7: unknown area
                           "ルビー\tRuby\tprogramming\n" +  // 8: unknown target
                           "ジャ\xFF\tJava\tprogramming\n" +  // 9: ill-formed UTF-8
                           long_line + "\tJava\tprogramming\n" +  // 10: too long
                           "ジャバ\tJava\tprogramming\n" +  // 11: fine
                           "ジャバー\tPython\tprogramming\n" +  // 12: variant of line 11 (ー folds) for another concept
                           "PS\tAdobe Photoshop\tcg_games\n" +  // 13: already names PostScript
                           "・・\tJava\tprogramming\n";     // 14: no letters
  const CompiledGlossary g = compile_glossary(r, text, "bad.tsv");
  const std::string issues = issues_text(g);
  CAPTURE(issues);
  REQUIRE(g.issues.size() == 10);
  CHECK(g.issues[0].line == 4);
  CHECK(contains(g.issues[0].message, "expected 3 tab-separated fields"));
  CHECK(contains(g.issues[0].message, "found 2"));
  CHECK(g.issues[1].line == 5);
  CHECK(contains(g.issues[1].message, "found 4"));
  CHECK(g.issues[2].line == 6);
  CHECK(contains(g.issues[2].message, "empty japanese"));
  CHECK(g.issues[3].line == 7);
  CHECK(contains(g.issues[3].message, "unknown area 'cooking'"));
  CHECK(g.issues[4].line == 8);
  CHECK(contains(g.issues[4].message, "target 'Ruby'"));
  CHECK(g.issues[5].line == 9);
  CHECK(contains(g.issues[5].message, "ill-formed UTF-8 at byte 7"));
  CHECK(g.issues[6].line == 10);
  CHECK(contains(g.issues[6].message, "longer than the limit"));
  CHECK(g.issues[7].line == 12);
  CHECK(contains(g.issues[7].message, "line 11"));
  CHECK(g.issues[8].line == 13);
  CHECK(contains(g.issues[8].message, "already names 'PostScript'"));
  CHECK(g.issues[9].line == 14);
  CHECK(contains(g.issues[9].message, "no letters"));
  REQUIRE(g.entries.size() == 1);
  CHECK(g.entries[0].line == 11);
}

TEST_CASE("compile_glossary wants its header row") {
  Resolver r(glossary_taxonomy());
  const auto wrong = compile_glossary(r, "ジャバ\tJava\tprogramming\n", "g.tsv");
  REQUIRE(wrong.issues.size() == 1);
  CHECK(wrong.issues[0].line == 1);
  CHECK(contains(wrong.issues[0].message, "header"));
  const auto empty = compile_glossary(r, "", "g.tsv");
  REQUIRE(empty.issues.size() == 1);
  CHECK(contains(empty.issues[0].message, "no header row"));
  const auto bom_crlf = compile_glossary(r, "\xEF\xBB\xBFjapanese\ttarget\tarea\r\nジャバ\tJava\tprogramming\r\n", "g.tsv");
  CHECK(bom_crlf.issues.empty());
  CHECK(bom_crlf.entries.size() == 1);
}

TEST_CASE("the bundled compiled glossary matches data/glossary/ja_it_terms.tsv") {
  const std::string glossary_path = SKILLMATCH_SOURCE_DIR "/data/glossary/ja_it_terms.tsv";
  const std::string compiled_path = SKILLMATCH_SOURCE_DIR "/data/taxonomy/japanese.tsv";
  Resolver base(glossary_base_taxonomy());
  const CompiledGlossary g = compile_glossary(base, read_text_file(glossary_path), glossary_path);
  CHECK_MESSAGE(g.issues.empty(), issues_text(g));
  CHECK(g.entries.size() >= 1500);

  // Every label of the compiled file names the concept its glossary row resolves to today.
  std::map<std::string, std::string> compiled;  // japanese -> id
  std::istringstream lines(read_text_file(compiled_path));
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("label\t", 0) != 0) continue;
    std::vector<std::string> f;
    std::istringstream fields(line);
    for (std::string x; std::getline(fields, x, '\t');) f.push_back(x);
    REQUIRE(f.size() == 5);
    compiled[f[4]] = f[1];
  }
  CHECK(compiled.size() == g.entries.size());
  std::size_t drift = 0;
  for (const GlossaryEntry& e : g.entries) {
    auto it = compiled.find(e.japanese);
    const std::string want(base.taxonomy().id(e.concept_index));
    if (it == compiled.end() || it->second != want) {
      if (++drift <= 10)
        MESSAGE("line " << e.line << " '" << e.japanese << "' -> " << want << ", compiled file says "
                        << (it == compiled.end() ? "nothing" : it->second));
    }
  }
  CHECK_MESSAGE(drift == 0, "recompile: build/skillmatch build-glossary --glossary data/glossary/ja_it_terms.tsv "
                            "--out data/taxonomy/japanese.tsv");

  // And with the whole bundled taxonomy, each term resolves to its row's concept (the glossary adds
  // no term another label already claims).
  Resolver bundled(bundled_taxonomy());
  std::size_t agree = 0;
  for (const GlossaryEntry& e : g.entries) {
    auto m = bundled.resolve_best(e.japanese);
    if (m && bundled.taxonomy().id(m->concept_index) == base.taxonomy().id(e.concept_index)) ++agree;
    else if (g.entries.size() - agree < 10)
      MESSAGE("'" << e.japanese << "' resolves elsewhere");
  }
  CHECK(static_cast<double>(agree) >= 0.99 * static_cast<double>(g.entries.size()));
}
