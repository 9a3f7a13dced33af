// Resolver precision on the bundled taxonomy and on small taxonomies built here: ordinary phrases do
// not become products or occupations, fuzzy matching never turns a real word into another, aliases
// people write resolve, lists and versions, bad input, and the evaluation sets as a regression test.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "skillmatch/resolver.hpp"
#include "skillmatch/resolver_eval.hpp"
#include "skillmatch/taxonomy_io.hpp"

using namespace skillmatch;

namespace {

const Resolver& bundled() {
  static const Resolver r(bundled_taxonomy());
  return r;
}

std::string best(const Resolver& r, std::string_view text, const ResolveOptions& o = {}) {
  const auto m = r.resolve_best(text, o);
  return m ? std::string(r.taxonomy().id(m->concept_index)) : std::string("<none>");
}

std::string best(std::string_view text) { return best(bundled(), text); }

ConceptKind best_kind(std::string_view text) {
  const auto m = bundled().resolve_best(text);
  REQUIRE_MESSAGE(m, text);
  return bundled().taxonomy().kind(m->concept_index);
}

}  // namespace

TEST_CASE("Resolver precision: ordinary phrases are not vendor products, occupations or longer labels") {
  // Each of these once resolved to a product or occupation whose label merely contains the words.
  CHECK(best("big data") != "onet:tech:Informatica_Big_Data");
  CHECK(best("supply chain management") != "onet:tech:Lawson_S3_Supply_Chain_Management");
  CHECK(best("market analysis") != "onet:tech:Packet_analysis_software");
  CHECK(best("project management") != "onet:tech:Project_management_software");
  for (const char* text : {"computer networks", "network security", "big data"})
    CHECK_MESSAGE(best_kind(text) != ConceptKind::occupation, text);
  // Product names still resolve to their products.
  CHECK(best("excel") == "onet:tech:Microsoft_Excel");
  CHECK(best("photoshop") == "onet:tech:Adobe_Photoshop");
  CHECK(best("PowerPoint") == "onet:tech:Microsoft_PowerPoint");
  // An occupation is a reading of its own label, and of anything when asked for.
  CHECK(best_kind("software developer") == ConceptKind::occupation);
  ResolveOptions occupations;
  occupations.kind = ConceptKind::occupation;
  CHECK(bundled().resolve_best("Computer Network Support Specialist", occupations));
}

TEST_CASE("Resolver precision: aliases people write and skills the sources lack (aliases_en.tsv)") {
  const std::pair<const char*, const char*> cases[] = {
      {"k8s", "onet:tech:Kubernetes"},         {"Postgres", "onet:tech:PostgreSQL"},
      {"sklearn", "onet:tech:Scikit-learn"},   {"RoR", "onet:tech:Ruby_on_Rails"},
      {"JS", "onet:tech:JavaScript"},          {"TS", "onet:tech:TypeScript"},
      {"CI/CD", "skm:ci-cd"},                  {"UI/UX", "skm:ui-ux-design"},
      {"3DCG", "skm:3dcg"},                    {"VFX", "skm:vfx"},
      {"Scrum", "skm:scrum"},                  {"technical documentation", "skm:technical-documentation"},
      {"network security", "skm:network-security"},
      {"mobile application development", "skm:mobile-app-development"},
  };
  for (const auto& [text, id] : cases) CHECK_MESSAGE(best(text) == id, text);
  for (const char* text : {"GCP", "TF", "ML", "DL", "NLP", "CV", "ERP", "CRM"})
    CHECK_MESSAGE(best(text) != "<none>", text);
  // "ML" in a skills field is machine learning, not the ML programming language or a product.
  CHECK(best("ML") == "http://data.europa.eu/esco/skill/3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43");
}

TEST_CASE("Resolver precision: learned ordinary words keep vendor-dropped remainders honest") {
  TaxonomyBuilder b;
  for (const char* name : {"Informatica Big Data", "Informatica PowerCenter", "Informatica Data Quality",
                           "Informatica Cloud", "Packet analysis software", "Backup software", "Antivirus software"})
    b.add_concept(std::string("t:") + name, ConceptKind::technology, name);
  b.add_concept("s:bigdata", ConceptKind::skill, "analyse big data");
  b.add_concept("s:quality", ConceptKind::skill, "manage data quality");
  b.add_concept("s:market", ConceptKind::skill, "perform market analysis");
  const Resolver r(b.build());
  CHECK(std::find(r.vendor_words().begin(), r.vendor_words().end(), "informatica") != r.vendor_words().end());
  CHECK(best(r, "PowerCenter") == "t:Informatica PowerCenter");  // a name: not ordinary words
  CHECK(best(r, "big data") == "<none>");                         // "big" and "data" are ordinary words
  CHECK(best(r, "data quality") == "<none>");
  CHECK(best(r, "Informatica Big Data") == "t:Informatica Big Data");
  // "market" is a word of the vocabulary: not a typo of "packet".
  CHECK(best(r, "market analysis") == "<none>");
  CHECK(best(r, "packet analysis") == "t:Packet analysis software");
  CHECK(best(r, "pakcet analysis") == "t:Packet analysis software");  // an unknown word may be a typo
}

TEST_CASE("Resolver reads lists of names and names with versions") {
  ResolveOptions all;
  all.min_confidence = 0;
  const auto readings = bundled().resolve("C/C++", all);
  REQUIRE(readings.size() == 2);
  std::set<std::string> ids;
  for (const auto& m : readings) {
    ids.insert(std::string(bundled().taxonomy().id(m.concept_index)));
    CHECK(m.method == MatchMethod::list_part);
  }
  CHECK(ids == std::set<std::string>{"onet:tech:C", "onet:tech:C++"});
  CHECK(bundled().resolve("HTML, CSS & JavaScript", all).size() == 3);
  // A list that is a name of its own stays one name.
  CHECK(best("CI/CD") == "skm:ci-cd");
  const auto ps = bundled().resolve_best("Photoshop CS6");
  REQUIRE(ps);
  CHECK(bundled().taxonomy().id(ps->concept_index) == "onet:tech:Adobe_Photoshop");
  CHECK(ps->method == MatchMethod::version_dropped);
  CHECK(best("Excel 2019") == "onet:tech:Microsoft_Excel");
  CHECK(best("Python 3.11") != "<none>");
  CHECK(best("2019") == "<none>");  // a version alone names nothing
}

TEST_CASE("Resolver survives bad input on the bundled taxonomy: empty, ill-formed UTF-8, 1 MB lines") {
  for (const char* text : {"", " ", "\t\t", "/", ",,,", "/ / /", "\xFF\xFE", "\xC3\x28/\xE2\x82", "C/\xFF"})
    CHECK_NOTHROW(bundled().resolve(text));
  CHECK(bundled().resolve("").empty());
  CHECK(bundled().resolve("///").empty());
  const std::string ascii(1 << 20, 'a');
  CHECK(bundled().resolve(ascii).empty());
  std::string list;
  while (list.size() < (1u << 20)) list += "Python/";
  CHECK_NOTHROW(bundled().resolve(list));  // more than 16 parts: not read as a list
  std::string words;
  while (words.size() < (1u << 20)) words += "data \xE3\x83\x87\xE3\x83\xBC\xE3\x82\xBF \xFF ";
  CHECK(bundled().resolve(words).empty());
}

TEST_CASE("Resolver evaluation sets: reader errors name the line") {
  std::istringstream bad("# comment\nPython\tonet:tech:Python\tx\nonly two\tfields\n");
  try {
    read_resolver_eval(bad, "bad.tsv");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::parse_error);
    CHECK(std::string(e.what()).find("bad.tsv:3") != std::string::npos);
  }
  std::istringstream good("Python\tonet:tech:Python\ta\nPyhton\t=Python\ta\nqwertyuiop\t?\tb\nx\tno:such:id\tb\n");
  const auto cases = read_resolver_eval(good, "good.tsv");
  REQUIRE(cases.size() == 4);
  const auto scores = evaluate_resolver(bundled(), cases);
  REQUIRE(scores.size() == 2);
  CHECK(scores[0].set == "a");
  CHECK(scores[0].correct == 2);
  CHECK(scores[1].unknown == 2);
  CHECK(scores[1].bad_expected == 1);
}

TEST_CASE("Resolver evaluation: test split of the English sets stays above its floors") {
  // A regression guard on benchmarks/quality/resolver/english_test.tsv (scripts/make_resolver_eval.py).
  // Floors sit a little under what was measured (docs/resolver-evaluation.md); tuning happens on dev.
  std::ifstream in(std::string(SKILLMATCH_SOURCE_DIR) + "/benchmarks/quality/resolver/english_test.tsv");
  REQUIRE(in);
  const auto cases = read_resolver_eval(in, "english_test.tsv");
  const std::map<std::string, double> floors = {
      {"esco_pref", 0.92}, {"esco_alt", 0.78},  {"onet_case", 0.98},    {"onet_fullwidth", 0.98},
      {"onet_spacing", 0.97}, {"onet_typo", 0.93}, {"so_synonym", 0.90}, {"onet_vendor", 0.5},
  };
  for (const auto& s : evaluate_resolver(bundled(), cases)) {
    MESSAGE(s.set << ": accuracy " << s.accuracy() << ", unknown " << s.unknown_rate() << " (" << s.cases << " cases)");
    if (auto f = floors.find(s.set); f != floors.end()) CHECK_MESSAGE(s.accuracy() >= f->second, s.set);
  }
}

TEST_CASE("Resolver learns equivalent words from its own labels and swaps one at a time, never chained") {
  TaxonomyBuilder b;
  read_native_taxonomy(b,
                       "#skillmatch-taxonomy 1\n"
                       // Two concepts say create ~ produce, two say manage ~ maintain, two maintain ~ repair.
                       "concept\ts:1\tskill\tcreate weather maps\ten\n"
                       "label\ts:1\ten\talternative\tproduce weather maps\n"
                       "concept\ts:2\tskill\tcreate advocacy material\ten\n"
                       "label\ts:2\ten\talternative\tproduce advocacy material\n"
                       "concept\ts:3\tskill\tmanage warehouse database\ten\n"
                       "label\ts:3\ten\talternative\tmaintain warehouse database\n"
                       "concept\ts:4\tskill\tmanage plant records\ten\n"
                       "label\ts:4\ten\talternative\tmaintain plant records\n"
                       "concept\ts:5\tskill\tmaintain railway signals\ten\n"
                       "label\ts:5\ten\talternative\trepair railway signals\n"
                       "concept\ts:6\tskill\tmaintain audio equipment\ten\n"
                       "label\ts:6\ten\talternative\trepair audio equipment\n"
                       // Known by its preferred label only, like ESCO's skills outside the collections.
                       "concept\ts:7\tskill\tcreate infrared imagery\ten\n"
                       "concept\ts:8\tskill\tmanage budgets\ten\n"
                       // One concept alone saying design ~ draw is not enough.
                       "concept\ts:9\tskill\tdesign garden layouts\ten\n"
                       "label\ts:9\ten\talternative\tdraw garden layouts\n"
                       "concept\ts:10\tskill\tdesign costumes\ten\n",
                       "equivalents.tsv");
  const Resolver r(b.build());
  const auto m = r.resolve_best("produce infrared imagery");
  REQUIRE(m);
  CHECK(r.taxonomy().id(m->concept_index) == "s:7");
  CHECK(m->method == MatchMethod::reworded);
  CHECK(m->confidence < r.resolve_best("infrared imagery create")->confidence);  // a swap is less sure than a reordering
  CHECK(best(r, "maintain budgets") == "s:8");
  CHECK(best(r, "repair budgets") == "<none>");  // manage ~ maintain ~ repair does not chain
  CHECK(best(r, "draw costumes") == "<none>");   // seen in one concept only
}

TEST_CASE("Resolver precision: a product name of ordinary words that form no ordinary phrase drops its vendor") {
  TaxonomyBuilder b;
  for (const char* name : {"Apple Final Cut Pro", "Apple Safari", "Apple Xcode", "Apple Logic Pro",
                           "Microsoft Windows Server", "Microsoft Excel", "Microsoft Access", "Microsoft Visio",
                           "Pixologic ZBrush", "Acme Tools Server"})
    b.add_concept(std::string("t:") + name, ConceptKind::technology, name);
  b.add_concept("s:cut", ConceptKind::skill, "make the final cut of a film");
  b.add_concept("s:pro", ConceptKind::skill, "act as a pro bono advisor");
  b.add_concept("s:win", ConceptKind::skill, "clean windows");
  b.add_concept("s:srv", ConceptKind::skill, "configure server hardware");
  b.add_concept("s:access", ConceptKind::skill, "manage access rights");
  const Resolver r(b.build());
  CHECK(best(r, "Final Cut Pro") == "t:Apple Final Cut Pro");  // "final cut pro" is no phrase of the vocabulary
  CHECK(best(r, "Windows Server") == "t:Microsoft Windows Server");
  CHECK(best(r, "access") == "<none>");  // a lone ordinary word stays what it is
  // A distinctive last word names the product even when its maker is no learned vendor word; a generic
  // or ordinary last word does not.
  CHECK(best(r, "ZBrush") == "t:Pixologic ZBrush");
  CHECK(best(r, "Tools Server") == "<none>");
}

TEST_CASE("Resolver precision: a learned vendor phrase that is a product line keeps the name without its maker") {
  // "Apple Final Cut" starts three names, so it is learned as a vendor phrase; dropping it from
  // "Apple Final Cut Pro" leaves a lone generic "pro", yet "Final Cut Pro" is what people write.
  TaxonomyBuilder b;
  for (const char* name : {"Apple Final Cut Pro", "Apple Final Cut Express", "Apple Final Cut Studio", "Apple Safari",
                           "Apple Xcode", "Apple Logic Pro", "Microsoft Visual Studio", "Microsoft Excel", "Acme Pro"})
    b.add_concept(std::string("t:") + name, ConceptKind::technology, name);
  const Resolver r(b.build());
  CHECK(best(r, "Final Cut Pro") == "t:Apple Final Cut Pro");
  CHECK(best(r, "Final Cut Express") == "t:Apple Final Cut Express");
  CHECK(best(r, "Final Cut Studio") == "t:Apple Final Cut Studio");
}

TEST_CASE("Resolver reads a name with the words a CV writes around it, and plurals") {
  TaxonomyBuilder b;
  b.add_concept("t:react", ConceptKind::technology, "React");
  b.add_concept("t:python", ConceptKind::technology, "Python");
  b.add_concept("t:excel", ConceptKind::technology, "Excel");
  b.add_concept("t:api", ConceptKind::technology, "REST API");
  b.add_concept("t:prompt", ConceptKind::technology, "prompt");  // a tag named by an ordinary word
  b.add_concept("t:gcp", ConceptKind::technology, "Google Cloud Platform");
  b.add_concept("t:google", ConceptKind::technology, "Google");
  b.add_concept("k:dl", ConceptKind::knowledge, "deep learning");
  b.add_concept("k:learning", ConceptKind::knowledge, "learning");
  b.add_concept("s:comm", ConceptKind::soft_skill, "communication");
  b.add_concept("s:react", ConceptKind::skill, "react to emergencies");  // makes "react" an ordinary word
  b.add_concept("s:prompt", ConceptKind::skill, "write prompt text");    // and "prompt"
  b.add_concept("s:comm2", ConceptKind::skill, "use communication devices");
  const Resolver r(b.build());
  auto method = [&](std::string_view text) {
    const auto m = r.resolve_best(text);
    return m ? std::string(to_string(m->method)) : std::string("<none>");
  };
  CHECK(best(r, "Python programming") == "t:python");
  CHECK(method("Python programming") == "qualified");
  CHECK(best(r, "advanced Excel") == "t:excel");
  CHECK(best(r, "hands-on Python experience") == "t:python");
  CHECK(best(r, "experience with Python") == "t:python");
  CHECK(best(r, "REST APIs") == "t:api");
  // The fewest words dropped first.
  CHECK(best(r, "deep learning skills") == "k:dl");
  CHECK(best(r, "Google Cloud Platform services") == "t:gcp");
  // A lone ordinary word left over names a skill, or a product its writer capitalised, nothing else.
  CHECK(best(r, "strong communication skills") == "s:comm");
  CHECK(best(r, "React development") == "t:react");
  CHECK(best(r, "react development") == "<none>");
  CHECK(best(r, "prompt engineering") == "<none>");
  // A qualifier or context word alone is no reading, and a label is read as itself first.
  CHECK(best(r, "programming skills") == "<none>");
  CHECK(best(r, "advanced skills") == "<none>");
  CHECK(method("deep learning") == "exact");
  // Confidence stays below the name written alone.
  CHECK(r.resolve_best("Python programming")->confidence < r.resolve_best("Python")->confidence);
}

TEST_CASE("Resolver: a skill or knowledge label is also known without its generic last word") {
  TaxonomyBuilder b;
  for (const char* label : {"bookkeeping regulations", "customs regulations", "aviation safety regulations",
                            "food hygiene regulations", "six sigma methods", "agile methods", "research methods",
                            "statistical methods", "manage budgets", "perform video editing"})
    b.add_concept(std::string("k:") + label, ConceptKind::knowledge, label);
  b.add_concept("k:methods", ConceptKind::knowledge, "methods of inquiry");  // "methods" mostly ends labels
  const Resolver r(b.build());
  const auto m = r.resolve_best("bookkeeping");
  REQUIRE(m);
  CHECK(r.taxonomy().id(m->concept_index) == "k:bookkeeping regulations");
  CHECK(m->method == MatchMethod::vendor_dropped);
  CHECK(best(r, "Six Sigma") == "k:six sigma methods");
  CHECK(best(r, "customs") == "k:customs regulations");
  CHECK(best(r, "budgets") == "<none>");  // "budgets" ends one label only: no generic word learned
}
