// Loaders on real excerpts of O*NET 29.3, ESCO 1.2.0 and the Stack Overflow tag exports
// (tests/data/, see its README.md). Expected counts were computed independently of this code with awk
// and Python's csv module on the excerpt files (commands in the comments).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "io/delimited_reader.hpp"
#include "skillmatch/loaders.hpp"
#include "taxonomy/loaders/esco_skill_kind.hpp"

namespace fs = std::filesystem;
using namespace skillmatch;

namespace {

const fs::path kData = SKILLMATCH_TEST_DATA_DIR;

// A temporary directory removed at scope exit; unique per test process.
struct TempDir {
  fs::path path;
  TempDir() {
    std::random_device rd;
    path = fs::temp_directory_path() / ("skillmatch_loaders_" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  fs::path write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return path / name;
  }
};

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Replaces the `line`-th (1-based) line of a file with the result of `edit`.
void edit_line(const fs::path& p, std::size_t line, const std::function<std::string(std::string)>& edit) {
  std::istringstream in(read(p));
  std::string out, l;
  for (std::size_t n = 1; std::getline(in, l); ++n) out += (n == line ? edit(l) : l) + "\n";
  std::ofstream(p, std::ios::binary) << out;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  return s;
}

template <typename F>
Error error_of(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  FAIL("expected skillmatch::Error");
  return Error(ErrorCode::internal, "unreachable");
}

const RelatedLink* link(const Taxonomy& t, std::string_view from, std::string_view to, RelationKind kind) {
  ConceptIndex a = t.at(from), b = t.at(to);
  for (const auto& l : t.related(a))
    if (l.target == b && l.kind == kind) return &l;
  return nullptr;
}

bool has_label(const Taxonomy& t, std::string_view id, std::string_view text, LabelKind kind) {
  for (const auto& l : t.labels(t.at(id)))
    if (l.text == text && l.kind == kind) return true;
  return false;
}

bool has_broader(const Taxonomy& t, std::string_view child, std::string_view parent) {
  auto b = t.broader(t.at(child));
  return std::find(b.begin(), b.end(), t.at(parent)) != b.end();
}

OnetOptions it_options() {
  OnetOptions o;
  o.occupations = it_occupation_codes();
  return o;
}

}  // namespace

TEST_CASE("delimited reader: RFC 4180 CSV with quoted newlines, CRLF, BOM and physical line numbers") {
  TempDir dir;
  auto p = dir.write("x.csv",
                     "\xEF\xBB\xBF" "a,b,c\r\n"
                     "1,\"two, with comma\",3\r\n"
                     "\"multi\nline\r\ncell\",\"say \"\"hi\"\"\",\n"
                     "\n"
                     "x,y,z");
  io::DelimitedReader r(p, io::Dialect::csv);
  CHECK(r.column("c") == 2);
  REQUIRE(r.next());
  CHECK(r.line() == 2);
  CHECK(r.cell(1) == "two, with comma");
  REQUIRE(r.next());
  CHECK(r.line() == 3);
  CHECK(r.cell(0) == "multi\nline\ncell");
  CHECK(r.cell(1) == "say \"hi\"");
  CHECK(r.cell(2) == "");
  REQUIRE(r.next());
  CHECK(r.line() == 7);  // record 3 spans lines 3-5, line 6 is empty
  CHECK(r.cell(2) == "z");
  CHECK_FALSE(r.next());

  auto missing = error_of([&] { (void)r.column("nope"); });
  CHECK(missing.code() == ErrorCode::parse_error);
  CHECK(std::string(missing.what()).find("x.csv: missing column 'nope'") != std::string::npos);
}

TEST_CASE("delimited reader: TSV takes quotes literally; malformed records name file:line") {
  TempDir dir;
  auto tsv = dir.write("t.txt", "id\tname\n1\t\"quoted\" text\n2\tonly\ttoo many\n");
  io::DelimitedReader r(tsv, io::Dialect::tsv);
  REQUIRE(r.next());
  CHECK(r.cell(1) == "\"quoted\" text");
  auto e = error_of([&] { r.next(); });
  CHECK(e.code() == ErrorCode::parse_error);
  CHECK(std::string(e.what()).find("t.txt:3") != std::string::npos);

  auto open_quote = dir.write("q.csv", "a,b\n1,2\n3,\"never closed\n4,5\n");
  io::DelimitedReader q(open_quote, io::Dialect::csv);
  REQUIRE(q.next());
  auto u = error_of([&] { q.next(); });
  CHECK(u.code() == ErrorCode::parse_error);
  CHECK(std::string(u.what()).find("q.csv:3") != std::string::npos);
  CHECK(std::string(u.what()).find("unterminated") != std::string::npos);

  auto after_quote = dir.write("z.csv", "a,b\n\"ok\"x,2\n");
  io::DelimitedReader z(after_quote, io::Dialect::csv);
  auto a = error_of([&] { z.next(); });
  CHECK(std::string(a.what()).find("z.csv:2") != std::string::npos);

  auto short_rows = dir.write("s.csv", "a,b,c\n1\n");
  io::DelimitedReader padded(short_rows, io::Dialect::csv, io::ShortRecords::pad);
  REQUIRE(padded.next());
  CHECK(padded.cell(2) == "");
  io::DelimitedReader strict(short_rows, io::Dialect::csv);
  CHECK(error_of([&] { strict.next(); }).code() == ErrorCode::parse_error);

  auto gone = error_of([&] { io::DelimitedReader(dir.path / "absent.csv", io::Dialect::csv); });
  CHECK(gone.code() == ErrorCode::io_error);
  CHECK(std::string(gone.what()).find("absent.csv") != std::string::npos);
}

TEST_CASE("O*NET excerpt with the IT filter: counts, technologies, UNSPSC chain, elements") {
  TaxonomyBuilder b;
  LoadReport rep = load_onet(b, kData / "onet", it_options());
  // Kept: 15-1252.00, 15-1211.00, 11-3021.00 (11-1011.00 Chief Executives is not IT).
  // concepts = 3 occupations + 564 technology examples (awk: distinct $3 of Technology Skills.txt)
  //          + 104 UNSPSC codes (distinct commodity/class/family/segment codes of the 86 used commodities)
  //          + 68 elements (35 skills + 33 knowledge) + 19 content-model parents (2, 2.A, 2.A.1, ...).
  CHECK(rep.concepts == 3 + 564 + 104 + 68 + 19);
  // labels = 300 non-empty Alternate/Short titles + 30 reported titles of the kept occupations.
  CHECK(rep.labels == 330);
  // broader = 572 distinct (example, commodity) + 86 commodity + 16 class + 1 family links + 68 element
  //         + 18 parent links (all parents but the root "2").
  CHECK(rep.broader == 572 + 86 + 16 + 1 + 68 + 18);
  // related = 915 Technology Skills rows of kept occupations + 132 IM rows with IM > 1 (136 IM rows,
  // four have IM = 1.00) + 6 Related Occupations rows between kept occupations.
  CHECK(rep.related == 915 + 132 + 6);
  CHECK(rep.skipped == 0);
  CHECK(rep.warnings.empty());

  auto t = b.build();
  CHECK(t->size() == rep.concepts);
  CHECK(t->count(ConceptKind::occupation) == 3);
  CHECK_FALSE(t->find("onet:11-1011.00"));
  CHECK(t->count(ConceptKind::technology) == 564);
  CHECK(t->count(ConceptKind::soft_skill) == 6);  // 2.B.1.a .. 2.B.1.f Social Skills

  // Python: listed by all three kept occupations, hot everywhere, in demand for two of them.
  ConceptIndex py = t->at("onet:tech:Python");
  CHECK(t->kind(py) == ConceptKind::technology);
  CHECK(t->preferred_label(py) == "Python");
  CHECK(t->stats(py).frequency == 3);
  CHECK(t->stats(py).hot);
  CHECK(t->stats(py).in_demand);
  CHECK(has_broader(*t, "onet:tech:Python", "unspsc:43232405"));
  CHECK(has_broader(*t, "unspsc:43232405", "unspsc:43232400"));
  CHECK(has_broader(*t, "unspsc:43232400", "unspsc:43230000"));
  CHECK(has_broader(*t, "unspsc:43230000", "unspsc:43000000"));
  CHECK(t->kind(t->at("unspsc:43000000")) == ConceptKind::category);
  CHECK(t->depth(py) == 4);
  // Weight 0.5 + 0.25 hot + 0.25 in demand: 11-3021.00 lists it hot only, 15-1211.00 hot and in demand.
  REQUIRE(link(*t, "onet:11-3021.00", "onet:tech:Python", RelationKind::occupation_skill));
  CHECK(link(*t, "onet:11-3021.00", "onet:tech:Python", RelationKind::occupation_skill)->weight == doctest::Approx(0.75));
  CHECK(link(*t, "onet:15-1211.00", "onet:tech:Python", RelationKind::occupation_skill)->weight == doctest::Approx(1.0));
  // Spaces in examples become '_' in ids.
  CHECK(t->find("onet:tech:Microsoft_Excel"));

  // Occupation labels: alternate title, its short title as abbreviation, reported title.
  CHECK(has_label(*t, "onet:11-3021.00", "Chief Information Security Officer (CISO)", LabelKind::alternative));
  CHECK(has_label(*t, "onet:11-3021.00", "CISO", LabelKind::abbreviation));
  CHECK(t->preferred_label(t->at("onet:15-1211.00")) == "Computer Systems Analysts");

  // Related occupations by tier: 15-1211.00 -> 11-3021.00 is Primary-Long, 15-1252.00 -> 11-3021.00 Supplemental.
  CHECK(link(*t, "onet:15-1211.00", "onet:11-3021.00", RelationKind::occupation_related)->weight == doctest::Approx(0.75));
  CHECK(link(*t, "onet:15-1252.00", "onet:11-3021.00", RelationKind::occupation_related)->weight == doctest::Approx(0.5));
  CHECK(link(*t, "onet:11-3021.00", "onet:15-1252.00", RelationKind::occupation_related)->weight == doctest::Approx(1.0));

  // Elements: kind, content-model parents, IM weight (IM-1)/4, frequency = kept occupations with IM >= 3.
  ConceptIndex social = t->at("onet:2.B.1.a");
  CHECK(t->kind(social) == ConceptKind::soft_skill);
  CHECK(has_broader(*t, "onet:2.B.1.a", "onet:2.B.1"));
  CHECK(has_broader(*t, "onet:2.B.1", "onet:2.B"));
  CHECK(has_broader(*t, "onet:2.B", "onet:2"));
  CHECK(t->preferred_label(t->at("onet:2.B.1")) == "Social Skills");
  CHECK(link(*t, "onet:15-1211.00", "onet:2.B.1.a", RelationKind::occupation_skill)->weight ==
        doctest::Approx((3.12 - 1) / 4));
  CHECK(t->stats(t->at("onet:2.A.1.a")).frequency == 2);  // IM 4.00 and 3.88
  CHECK(t->kind(t->at("onet:2.C.3.a")) == ConceptKind::knowledge);
  CHECK(has_broader(*t, "onet:2.C.10", "onet:2.C"));  // a three-part element id
  // 15-1252.00 has no Skills/Knowledge ratings in this release: no element links.
  for (const auto& l : t->related(t->at("onet:15-1252.00"))) CHECK((l.kind != RelationKind::occupation_skill || t->id(l.target).starts_with("onet:tech:")));
}

TEST_CASE("O*NET excerpt: all_technologies = false keeps only the kept occupations' examples; no filter keeps all") {
  OnetOptions o = it_options();
  o.all_technologies = false;
  TaxonomyBuilder b;
  LoadReport rep = load_onet(b, kData / "onet", o);
  // 541 examples of kept occupations, 549 (example, commodity) pairs, 85 commodities -> 103 UNSPSC codes.
  CHECK(rep.concepts == 3 + 541 + 103 + 68 + 19);
  CHECK(rep.broader == 549 + 85 + 16 + 1 + 68 + 18);
  auto t = b.build();
  CHECK(t->count(ConceptKind::technology) == 541);
  // Frequency still counts every occupation of the file: Microsoft Excel is listed by all four.
  CHECK(t->stats(t->at("onet:tech:Microsoft_Excel")).frequency == 4);

  TaxonomyBuilder all;
  LoadReport every = load_onet(all, kData / "onet");
  CHECK(every.labels == 391 + 40);  // every Alternate/Short title + every reported title
  auto ta = all.build();
  CHECK(ta->count(ConceptKind::occupation) == 4);
  CHECK(has_label(*ta, "onet:11-1011.00", "BD Executive", LabelKind::abbreviation));
}

TEST_CASE("ESCO excerpt: three collections, every profile skill, hierarchy, relations, all occupations") {
  TaxonomyBuilder b;
  LoadReport rep = load_esco(b, kData / "esco");
  // Python csv on the excerpt: 40 distinct collection skills (41 rows: "solve technical problems" is a
  // digital and a digComp skill), 139 of the 175 distinct profile labels name no collection skill and are
  // declared with derived ids, 3 occupations (all kept by default).
  CHECK(rep.derived == 139);
  // 255 collection altLabels (" | "-separated) + 6, 8 and 5 occupation altLabels (newline-separated).
  CHECK(rep.labels == 255 + 6 + 8 + 5);
  // 9 skill-skill relations between collection skills + one link per profile label (180).
  CHECK(rep.related == 9 + 180);
  CHECK(rep.filtered == 22 - 9);  // relations with an end outside the collections
  CHECK(rep.warnings.size() == 1);  // broader links to ancestors without a label in these files

  auto t = b.build();
  CHECK(t->count(ConceptKind::occupation) == 3);
  const std::size_t categories = t->count(ConceptKind::category);
  CHECK(rep.concepts == 40 + 139 + 3 + categories);
  CHECK(t->size() == rep.concepts);
  const std::string dba = "http://data.europa.eu/esco/occupation/8c57af09-719c-42b3-be40-6ed4946236cc";
  CHECK(t->kind(t->at(dba)) == ConceptKind::occupation);
  CHECK(t->preferred_label(t->at(dba)) == "database administrator");
  // The altLabels cell holds 8 names on 8 physical lines of one quoted CSV cell.
  CHECK(t->labels(t->at(dba)).size() == 9);
  CHECK(has_label(*t, dba, "DBA", LabelKind::alternative));
  CHECK(has_label(*t, dba, "data base administrators", LabelKind::alternative));
  // Not ICT (ISCO 2654), kept: every occupation is, unless EscoOptions::isco_prefixes says otherwise.
  const std::string director = "http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34";
  REQUIRE(t->find(director));
  // Skills outside the collections: derived ids, kinds from the verb rule, links with their weights.
  CHECK(t->kind(t->at(derived_skill_id("theatre techniques"))) == ConceptKind::knowledge);
  const std::string maintain = derived_skill_id("maintain database performance");
  CHECK(maintain == "esco:label:maintain database performance");
  CHECK(t->kind(t->at(maintain)) == ConceptKind::skill);  // "maintain ..." is a skill in the collections
  REQUIRE(link(*t, dba, maintain, RelationKind::occupation_skill));
  CHECK(link(*t, dba, maintain, RelationKind::occupation_skill)->weight == doctest::Approx(1.0));
  const std::string engineering = derived_skill_id("data engineering");
  CHECK(t->kind(t->at(engineering)) == ConceptKind::knowledge);
  CHECK(link(*t, dba, engineering, RelationKind::occupation_skill)->weight == doctest::Approx(0.5));

  const std::string dns = "http://data.europa.eu/esco/skill/071233c4-ad2b-4f50-b79f-768d2231163e";
  const std::string web = "http://data.europa.eu/esco/skill/69bbd53f-fbb0-4476-b4b2-ef7844464e28";
  const std::string programming = "http://data.europa.eu/esco/skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97";
  CHECK(t->kind(t->at(dns)) == ConceptKind::knowledge);
  REQUIRE(link(*t, dba, dns, RelationKind::occupation_skill));
  CHECK(link(*t, dba, dns, RelationKind::occupation_skill)->weight == doctest::Approx(1.0));
  CHECK(has_broader(*t, web, programming));  // a kept skill under a kept skill
  CHECK(has_label(*t, programming, "Visual Basic .NET", LabelKind::alternative));
  CHECK(has_label(*t, programming, "Korn-shell", LabelKind::alternative));
  const std::string content = "http://data.europa.eu/esco/skill/f5369f2f-e52b-43d8-8d31-79a6c11188d8";
  CHECK(t->kind(t->at(content)) == ConceptKind::category);
  CHECK(t->preferred_label(t->at(content)) == "digital content creation");
  CHECK(has_broader(*t, programming, content));
  CHECK(has_broader(*t, programming, "http://data.europa.eu/esco/isced-f/0613"));
  CHECK(has_broader(*t, "http://data.europa.eu/esco/isced-f/0613", "http://data.europa.eu/esco/isced-f/061"));
  const std::string markup = "http://data.europa.eu/esco/skill/0af062de-eb43-41e9-9b96-249e2cd22d26";
  CHECK(link(*t, markup, web, RelationKind::related)->weight == doctest::Approx(0.5));
  // Transversal skills are soft skills; a skill in two collections is one concept.
  const std::string initiative = "http://data.europa.eu/esco/skill/001115fb-569f-4ee6-8381-c6807ef2527f";
  CHECK(t->kind(t->at(initiative)) == ConceptKind::soft_skill);
  CHECK(has_label(*t, initiative, "take the initiative", LabelKind::alternative));
  std::size_t solve = 0;
  for (ConceptIndex c = 0; c < t->size(); ++c) solve += t->preferred_label(c) == "solve technical problems";
  CHECK(solve == 1);
}

TEST_CASE("ESCO skill kind rule: learned from the collections' skillType and ESCO's own verb uses") {
  loaders::EscoSkillKindRule rule;
  rule.learn_label("manage ICT data architecture", ConceptKind::skill);
  rule.learn_label("use spreadsheets software", ConceptKind::skill);
  rule.learn_label("types of network", ConceptKind::knowledge);
  rule.learn_label("principles of artificial intelligence", ConceptKind::knowledge);
  rule.learn_text("Diagnose faults in order to diagnose the system; able to liaise with managers, to liaise with staff.");
  CHECK(rule.kind_of("manage budgets") == ConceptKind::skill);          // first word voted skill
  CHECK(rule.kind_of("types of metal") == ConceptKind::knowledge);      // first word voted knowledge
  CHECK(rule.kind_of("liaise with managers") == ConceptKind::skill);    // a verb after "to", twice
  CHECK(rule.kind_of("diagnose faults") == ConceptKind::knowledge);     // "to diagnose" only once: not enough
  CHECK(rule.kind_of("liaise") == ConceptKind::knowledge);              // one word: a noun reading
  CHECK(rule.kind_of("copyright legislation") == ConceptKind::knowledge);  // never seen
}

TEST_CASE("Stack Overflow excerpt: tags over the threshold, synonyms as hidden labels") {
  TaxonomyBuilder b;
  const fs::path so = kData / "stackoverflow";
  LoadReport rep = load_stackoverflow(b, so / "stackoverflow_Tags.csv", so / "stackoverflow_TagSynonyms.csv");
  // Python csv: 40 tags with Count >= 1000 (none of them a synonym source); 234 synonyms point at them.
  CHECK(rep.concepts == 40);
  CHECK(rep.labels == 234);
  CHECK(rep.skipped == 0);
  auto t = b.build();
  ConceptIndex js = t->at("so:javascript");
  CHECK(t->kind(js) == ConceptKind::technology);
  CHECK(t->preferred_label(js) == "javascript");
  CHECK(t->stats(js).popularity == 2184295);
  CHECK(t->labels(js).size() == 15);  // preferred + 14 synonyms
  CHECK(has_label(*t, "so:javascript", "vanilla-js", LabelKind::hidden));
  CHECK_FALSE(t->find("so:hdd"));  // Count 22

  // Threshold 0: every tag; a tag that is a synonym source becomes a hidden label of its target, and a
  // target missing from the Tags export is still declared, with its synonyms' popularity.
  TaxonomyBuilder all;
  LoadReport rep0 = load_stackoverflow(all, so / "stackoverflow_Tags.csv", so / "stackoverflow_TagSynonyms.csv", {0});
  CHECK(rep0.concepts == 50);  // 50 tags - hdd, convention (sources) + hard-drive, conventions (targets)
  CHECK(rep0.warnings.size() == 1);
  auto t0 = all.build();
  CHECK_FALSE(t0->find("so:hdd"));
  CHECK(has_label(*t0, "so:hard-drive", "hdd", LabelKind::hidden));
  CHECK(t0->stats(t0->at("so:hard-drive")).popularity == 22);

  CHECK(error_of([&] { TaxonomyBuilder x; load_stackoverflow(x, so / "stackoverflow_Tags.csv", so / "stackoverflow_TagSynonyms.csv", {-1}); }).code() ==
        ErrorCode::invalid_argument);
}

TEST_CASE("all three loaders on one builder build one taxonomy") {
  TaxonomyBuilder b;
  load_onet(b, kData / "onet", it_options());
  load_esco(b, kData / "esco");
  const fs::path so = kData / "stackoverflow";
  load_stackoverflow(b, so / "stackoverflow_Tags.csv", so / "stackoverflow_TagSynonyms.csv");
  auto t = b.build();
  TaxonomyBuilder esco_only;
  const std::size_t esco = (load_esco(esco_only, kData / "esco"), esco_only.build()->size());
  CHECK(t->size() == 758 + esco + 40);
  CHECK(t->count(ConceptKind::occupation) == 3 + 3);  // O*NET IT occupations + every ESCO occupation
}

TEST_CASE("loaders: malformed and missing input gives Error naming file and line") {
  TempDir dir;
  const fs::path onet = dir.path / "onet";
  fs::copy(kData / "onet", onet);
  auto onet_error = [&] { return error_of([&] { TaxonomyBuilder b; load_onet(b, onet, it_options()); }); };
  auto says = [](const Error& e, const std::string& text) {
    INFO(e.what());
    CHECK(std::string(e.what()).find(text) != std::string::npos);
  };

  SUBCASE("missing file") {
    fs::remove(onet / "UNSPSC Reference.txt");
    Error e = onet_error();
    CHECK(e.code() == ErrorCode::io_error);
    says(e, "UNSPSC Reference.txt");
  }
  SUBCASE("missing column") {
    auto p = onet / "Technology Skills.txt";
    edit_line(p, 1, [](std::string l) { return replace_all(l, "Hot Technology", "Hot Tech"); });
    Error e = onet_error();
    CHECK(e.code() == ErrorCode::parse_error);
    says(e, "Technology Skills.txt");
    says(e, "'Hot Technology'");
  }
  SUBCASE("bad Y/N flag") {
    edit_line(onet / "Technology Skills.txt", 5, [](std::string l) { return l.substr(0, l.size() - 1) + "maybe"; });
    Error e = onet_error();
    CHECK(e.code() == ErrorCode::parse_error);
    says(e, "Technology Skills.txt:5");
    says(e, "In Demand");
  }
  SUBCASE("bad number") {
    edit_line(onet / "Skills.txt", 7, [](std::string l) {  // the 5th cell, Data Value
      std::size_t at = 0;
      for (int i = 0; i < 4; ++i) at = l.find('\t', at) + 1;
      return l.substr(0, at) + "four" + l.substr(l.find('\t', at));
    });
    Error e = onet_error();
    CHECK(e.code() == ErrorCode::parse_error);
    says(e, "Skills.txt:7");
    says(e, "Data Value");
  }
  SUBCASE("wrong column count") {
    edit_line(onet / "Occupation Data.txt", 3, [](std::string l) { return l.substr(0, l.rfind('\t')); });
    Error e = onet_error();
    CHECK(e.code() == ErrorCode::parse_error);
    says(e, "Occupation Data.txt:3");
  }
  SUBCASE("unknown relatedness tier") {
    edit_line(onet / "Related Occupations.txt", 4, [](std::string l) { return replace_all(l, "Primary-Short", "Tertiary"); });
    Error e = onet_error();
    CHECK(e.code() == ErrorCode::parse_error);
    says(e, "Related Occupations.txt:4");
  }
  SUBCASE("importance outside 1..5 gives a weight the builder rejects, with the record's place") {
    // The first IM row of a kept occupation.
    std::istringstream in(read(onet / "Knowledge.txt"));
    std::string l;
    std::size_t target = 0;
    for (std::size_t i = 1; std::getline(in, l); ++i)
      if (l.starts_with("15-1211.00\t") && l.find("\tIM\t") != std::string::npos) {
        target = i;
        break;
      }
    REQUIRE(target > 0);
    edit_line(onet / "Knowledge.txt", target, [](std::string s) {
      std::size_t at = s.find("\tIM\t") + 4;
      return s.substr(0, at) + "7.50" + s.substr(s.find('\t', at));
    });
    Error e = onet_error();
    CHECK(e.code() == ErrorCode::invalid_value);
    says(e, "Knowledge.txt:" + std::to_string(target));
  }
  SUBCASE("ESCO: a bad relation type after a multi-line record names the physical line") {
    const fs::path esco = dir.path / "esco";
    fs::copy(kData / "esco", esco);
    dir.write("esco/skillSkillRelations_en.csv",
              "originalSkillUri,originalSkillType,relationType,relatedSkillType,relatedSkillUri\n"
              "\"http://a\nb\",knowledge,optional,knowledge,http://c\n"
              "http://a,knowledge,sometimes,knowledge,http://c\n");
    Error e = error_of([&] { TaxonomyBuilder b; load_esco(b, esco); });
    CHECK(e.code() == ErrorCode::parse_error);
    says(e, "skillSkillRelations_en.csv:4");
    says(e, "sometimes");
  }
  SUBCASE("Stack Overflow: unterminated quote, bad count, missing column") {
    auto syn = dir.write("syn.csv", "Id,SourceTagName,TargetTagName\n");
    auto tags = dir.write("tags.csv", "Id,TagName,Count\n\"1\",\"java\",\"5000\"\n\"2\",\"c++\",\"12\n");
    Error e = error_of([&] { TaxonomyBuilder b; load_stackoverflow(b, tags, syn); });
    CHECK(e.code() == ErrorCode::parse_error);
    says(e, "tags.csv:3");
    says(e, "unterminated");

    dir.write("tags.csv", "Id,TagName,Count\n\"1\",\"java\",\"5000\"\n\"2\",\"c++\",\"a lot\"\n");
    e = error_of([&] { TaxonomyBuilder b; load_stackoverflow(b, tags, syn); });
    says(e, "tags.csv:3");
    says(e, "Count");

    dir.write("tags.csv", "Id,Name,Count\n");
    e = error_of([&] { TaxonomyBuilder b; load_stackoverflow(b, tags, syn); });
    CHECK(e.code() == ErrorCode::parse_error);
    says(e, "tags.csv: missing column 'TagName'");

    e = error_of([&] { TaxonomyBuilder b; load_stackoverflow(b, dir.path / "none.csv", syn); });
    CHECK(e.code() == ErrorCode::io_error);
    says(e, "none.csv");
  }
}

TEST_CASE("the tests and the build need only tests/data, never the full shared data set") {
  // The excerpts are in the repository...
  for (const char* f : {"onet/Technology Skills.txt", "esco/digitalSkillsCollection_en.csv",
                        "stackoverflow/stackoverflow_Tags.csv", "README.md"})
    CHECK(fs::is_regular_file(kData / f));
  // ...and no test source or CMake file refers to the shared data directory (spelled in two parts so
  // that this file does not match itself).
  const std::string shared = std::string("/work/") + "shared";
  const fs::path root = SKILLMATCH_SOURCE_DIR;
  std::size_t scanned = 0;
  for (const fs::path& sub : {root / "tests", root / "cmake"}) {
    if (!fs::exists(sub)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(sub)) {
      const auto ext = entry.path().extension();
      if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".hpp" && ext != ".txt" && ext != ".cmake")) continue;
      if (entry.path().string().find("/data/") != std::string::npos) continue;  // excerpt data, not code
      ++scanned;
      INFO(entry.path().string());
      CHECK(read(entry.path()).find(shared) == std::string::npos);
    }
  }
  CHECK(read(root / "CMakeLists.txt").find(shared) == std::string::npos);
  CHECK(scanned > 2);
}
