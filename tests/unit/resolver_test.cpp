// Tests of the Resolver on small taxonomies built here: labels of every kind, learned vendor words
// and acronyms, ambiguity, the fuzzy bounds, unknown terms, batch = one by one, invalid UTF-8.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "skillmatch/resolver.hpp"

using namespace skillmatch;

namespace {

std::shared_ptr<const Taxonomy> small_taxonomy() {
  TaxonomyBuilder b;
  auto tech = [&](const char* id, const char* label, double frequency = 1) {
    b.add_concept(id, ConceptKind::technology, label);
    b.add_stats(id, ConceptStats{frequency, 0, false, false});
  };
  // Vendors: each starts at least three names.
  tech("t:excel", "Microsoft Excel", 800);
  tech("t:word", "Microsoft Word", 700);
  tech("t:powerpoint", "Microsoft PowerPoint", 600);
  tech("t:sqlserver", "Microsoft SQL Server", 80);
  tech("t:java", "Oracle Java", 100);
  tech("t:solaris", "Oracle Solaris", 20);
  tech("t:weblogic", "Oracle WebLogic", 10);
  tech("t:kafka", "Apache Kafka", 30);
  tech("t:hadoop", "Apache Hadoop", 40);
  tech("t:spark", "Apache Spark", 30);
  tech("t:photoshop", "Adobe Photoshop", 50);
  tech("t:illustrator", "Adobe Illustrator", 40);
  tech("t:acrobat", "Adobe Acrobat", 60);
  // A two-word vendor: every name starting "Red" goes on with "Hat".
  tech("t:rhel", "Red Hat Enterprise Linux", 20);
  tech("t:openshift", "Red Hat OpenShift", 10);
  tech("t:ansible", "Red Hat Ansible", 10);
  // Acronyms written inside names, and a generic trailing word ("software" ends several names).
  tech("t:aws", "Amazon Web Services AWS software", 50);
  tech("t:sql", "Structured query language SQL", 150);
  tech("t:xml", "Extensible markup language XML", 90);
  tech("t:html", "Hypertext markup language HTML", 80);
  tech("t:sap", "SAP software", 280);
  tech("t:backup", "Backup software", 5);
  tech("t:antivirus", "Antivirus software", 5);
  // Generic remainders: "database" ends several names, so "Oracle Database" does not give "database".
  tech("t:oracledb", "Oracle Database", 20);
  tech("t:teradata", "Teradata Database", 25);
  tech("t:informix", "Informix Database", 3);
  // Plain labels, punctuation, synonyms.
  tech("t:python", "Python", 130);
  b.add_label("t:python", "python3", "en", LabelKind::hidden);
  tech("t:node", "Node.js", 40);
  tech("t:c", "C", 60);
  tech("t:cpp", "C++", 100);
  tech("t:csharp", "C#", 50);
  tech("t:dotnet", ".NET", 30);
  tech("t:k8s", "Kubernetes", 20);
  b.add_label("t:k8s", "k8s", "en", LabelKind::abbreviation);
  b.add_label("t:excel", "ms-excel", "en", LabelKind::hidden);
  // Japanese labels.
  b.add_concept("k:ml", ConceptKind::knowledge, "machine learning");
  b.add_label("k:ml", "\xE6\xA9\x9F\xE6\xA2\xB0\xE5\xAD\xA6\xE7\xBF\x92", "ja", LabelKind::alternative);  // 機械学習
  b.add_concept("k:db", ConceptKind::knowledge, "data storage");
  b.add_label("k:db", "\xE3\x83\x87\xE3\x83\xBC\xE3\x82\xBF\xE3\x83\x99\xE3\x83\xBC\xE3\x82\xB9", "ja",
              LabelKind::alternative);  // データベース
  // Ambiguity: two concepts share the label "Delphi"; the language is the more used.
  tech("t:delphi", "Embarcadero Delphi", 30);
  b.add_label("t:delphi", "Delphi", "en", LabelKind::alternative);
  b.add_concept("k:delphi", ConceptKind::knowledge, "Delphi method");
  b.add_stats("k:delphi", ConceptStats{2, 0, false, false});
  b.add_label("k:delphi", "Delphi", "en", LabelKind::alternative);
  return b.build();
}

const Resolver& resolver() {
  static const Resolver r(small_taxonomy());
  return r;
}

std::string best_id(std::string_view text, const ResolveOptions& options = {}) {
  auto m = resolver().resolve_best(text, options);
  return m ? std::string(resolver().taxonomy().id(m->concept_index)) : std::string("<none>");
}

MatchMethod best_method(std::string_view text) {
  auto m = resolver().resolve_best(text);
  REQUIRE(m);
  return m->method;
}

bool contains(std::span<const std::string> v, std::string_view w) {
  return std::find(v.begin(), v.end(), w) != v.end();
}

}  // namespace

TEST_CASE("Resolver resolves labels exactly and after normalisation") {
  CHECK(best_id("Python") == "t:python");
  CHECK(best_method("Python") == MatchMethod::exact);
  CHECK(resolver().resolve_best("Python")->confidence == doctest::Approx(1.0));
  CHECK(best_method("  Python \t") == MatchMethod::exact);  // outer whitespace ignored
  CHECK(best_method("python") == MatchMethod::normalized);
  CHECK(best_id("PYTHON") == "t:python");
  CHECK(best_id("\xEF\xBC\xB0\xEF\xBD\x99\xEF\xBD\x94\xEF\xBD\x88\xEF\xBD\x8F\xEF\xBD\x8E") == "t:python");  // Ｐｙｔｈｏｎ
  CHECK(best_id("Microsoft Excel") == "t:excel");
  CHECK(best_id("microsoft-excel") == "t:excel");
  CHECK(best_id("MicrosoftExcel") == "t:excel");
}

TEST_CASE("Resolver folds punctuation and spacing but keeps C, C++, C# and .NET apart") {
  for (const char* s : {"Node.js", "nodejs", "node js", "NODE.JS", "Node JS", "node-js"}) CHECK_MESSAGE(best_id(s) == "t:node", s);
  CHECK(best_id("C") == "t:c");
  CHECK(best_id("c++") == "t:cpp");
  CHECK(best_id("C#") == "t:csharp");
  CHECK(best_id(".net") == "t:dotnet");
  CHECK(best_id("\xEF\xBC\x8E\xEF\xBC\xAE\xEF\xBC\xA5\xEF\xBC\xB4") == "t:dotnet");  // ．ＮＥＴ
}

TEST_CASE("Resolver resolves synonyms and abbreviations") {
  CHECK(best_id("k8s") == "t:k8s");
  CHECK(best_method("k8s") == MatchMethod::synonym);
  CHECK(best_id("MS Excel") == "t:excel");
  CHECK(best_method("MS Excel") == MatchMethod::synonym);
  CHECK(best_id("python3") == "t:python");
}

TEST_CASE("Resolver resolves Japanese labels and katakana width variants") {
  CHECK(best_id("\xE6\xA9\x9F\xE6\xA2\xB0\xE5\xAD\xA6\xE7\xBF\x92") == "k:ml");  // 機械学習
  CHECK(best_method("\xE6\xA9\x9F\xE6\xA2\xB0\xE5\xAD\xA6\xE7\xBF\x92") == MatchMethod::exact);
  CHECK(best_id("\xE3\x83\x87\xE3\x83\xBC\xE3\x82\xBF\xE3\x83\x99\xE3\x83\xBC\xE3\x82\xB9") == "k:db");  // データベース
  // ﾃﾞｰﾀﾍﾞｰｽ (half-width) meets データベース through NFKC.
  CHECK(best_id("\xEF\xBE\x83\xEF\xBE\x9E\xEF\xBD\xB0\xEF\xBE\x80\xEF\xBE\x8D\xEF\xBE\x9E\xEF\xBD\xB0\xEF\xBD\xBD") == "k:db");
  CHECK(best_method("\xEF\xBE\x83\xEF\xBE\x9E\xEF\xBD\xB0\xEF\xBE\x80\xEF\xBE\x8D\xEF\xBE\x9E\xEF\xBD\xB0\xEF\xBD\xBD") ==
        MatchMethod::normalized);
}

TEST_CASE("Resolver learns vendor words from the labels and drops them") {
  const auto& r = resolver();
  for (const char* v : {"microsoft", "oracle", "apache", "adobe"}) CHECK_MESSAGE(contains(r.vendor_words(), v), v);
  // Words that start one name only, or are the product itself, are not vendors.
  for (const char* v : {"amazon", "python", "excel", "structured", "embarcadero"})
    CHECK_MESSAGE(!contains(r.vendor_words(), v), v);
  CHECK(best_id("Excel") == "t:excel");
  CHECK(best_method("Excel") == MatchMethod::vendor_dropped);
  CHECK(best_id("excel") == "t:excel");
  CHECK(best_id("Java") == "t:java");
  CHECK(best_id("Kafka") == "t:kafka");
  CHECK(best_id("photoshop") == "t:photoshop");
  CHECK(best_id("SQL Server") == "t:sqlserver");
  CHECK(best_id("WebLogic") == "t:weblogic");
  // The whole vendor name goes, not just its first word.
  CHECK(best_id("OpenShift") == "t:openshift");
  CHECK(best_id("Ansible") == "t:ansible");
  CHECK(best_id("Enterprise Linux") == "t:rhel");
  ResolveOptions exact_only;
  exact_only.fuzzy = false;
  CHECK(best_id("Hat OpenShift", exact_only) == "<none>");
}

TEST_CASE("Resolver learns generic trailing words and refuses generic remainders") {
  const auto& r = resolver();
  CHECK(contains(r.trailing_generic_words(), "software"));
  CHECK(contains(r.generic_words(), "database"));
  CHECK(best_id("SAP") == "t:sap");  // "SAP software" without its generic trailing word
  CHECK(best_id("Backup") == "t:backup");
  // "Oracle Database" minus its vendor is "database", which names no product in particular.
  CHECK(best_id("database") == "<none>");
  CHECK(best_id("Oracle Database") == "t:oracledb");
}

TEST_CASE("Resolver indexes acronyms written inside names and the names without them") {
  CHECK(best_id("AWS") == "t:aws");
  CHECK(best_method("AWS") == MatchMethod::acronym);
  CHECK(best_id("aws") == "t:aws");
  CHECK(best_id("Amazon Web Services") == "t:aws");
  CHECK(best_id("SQL") == "t:sql");
  CHECK(best_id("Structured Query Language") == "t:sql");
  CHECK(best_id("XML") == "t:xml");  // X is not the first letter of "Extensible"
  CHECK(best_id("HTML") == "t:html");
  CHECK(best_id("hypertext markup language") == "t:html");
  // The all-caps vendor "SAP" is not an acronym of anything.
  CHECK(best_method("SAP") == MatchMethod::vendor_dropped);
}

TEST_CASE("Resolver lowers confidence for an ambiguous key and ranks by popularity") {
  const auto& r = resolver();
  ResolveOptions all;
  all.min_confidence = 0;
  const auto readings = r.resolve("Delphi", all);
  REQUIRE(readings.size() == 2);
  CHECK(r.taxonomy().id(readings[0].concept_index) == "t:delphi");  // more popular first
  CHECK(r.taxonomy().id(readings[1].concept_index) == "k:delphi");
  CHECK(readings[0].method == MatchMethod::exact);
  CHECK(readings[0].confidence < 0.98f);  // an unambiguous exact alternative label would be 0.98
  CHECK(readings[0].confidence > readings[1].confidence);
  CHECK(readings[1].confidence >= 0.98f * 0.7f - 1e-6f);
  // A confident caller gets nothing for an ambiguous key.
  ResolveOptions strict;
  strict.min_confidence = 0.95f;
  CHECK(r.resolve("Delphi", strict).empty());
  CHECK(r.resolve_best("Python", strict));
  // The kind filter removes the rival.
  ResolveOptions knowledge;
  knowledge.kind = ConceptKind::knowledge;
  const auto k = r.resolve("Delphi", knowledge);
  REQUIRE(k.size() == 1);
  CHECK(r.taxonomy().id(k[0].concept_index) == "k:delphi");
  CHECK(k[0].confidence == doctest::Approx(0.98));
  // max_results caps the list.
  all.max_results = 1;
  CHECK(r.resolve("Delphi", all).size() == 1);
  all.max_results = 0;
  CHECK(r.resolve("Delphi", all).empty());
}

TEST_CASE("Resolver fuzzy fallback respects its distance bounds") {
  const auto& r = resolver();
  CHECK(best_id("Pyhton") == "t:python");  // transposition, distance 1
  CHECK(best_method("Pyhton") == MatchMethod::fuzzy);
  CHECK(best_id("Pythn") == "t:python");
  CHECK(best_id("Kubernets") == "t:k8s");   // 9 characters, distance 1
  CHECK(best_id("Kobernetis") == "t:k8s");  // 10 characters, distance 2
  CHECK(best_id("Pyhtn") == "<none>");      // 5 characters, distance 2: too far for a short key
  CHECK(best_id("Kbrnetis") == "<none>");   // distance 3
  CHECK(best_id("C+") == "<none>");         // under 4 characters: no fuzzy match at all
  CHECK(best_id("Jav") == "<none>");
  // A 4-letter key may be one edit away, but that is a weak hint: below the default threshold.
  CHECK(best_id("Kafk") == "<none>");
  ResolveOptions lenient;
  lenient.min_confidence = 0.3f;
  CHECK(best_id("Kafk", lenient) == "t:kafka");
  CHECK(best_id("Photshop") == "t:photoshop");  // fuzzy also reaches derived keys
  const auto m = r.resolve_best("Pyhton");
  REQUIRE(m);
  CHECK(m->confidence < 0.8f);
  CHECK(m->confidence > 0.5f);
  ResolveOptions no_fuzzy;
  no_fuzzy.fuzzy = false;
  CHECK(!r.resolve_best("Pyhton", no_fuzzy));
  CHECK(r.resolve_best("Python", no_fuzzy));
}

TEST_CASE("Resolver leaves unknown terms unknown") {
  for (const char* s : {"banana smoothie", "qwertyuiop", "zzzz", "", "   ", "!!! ???", "photosynthesis", "Kafkaesque novel"})
    CHECK_MESSAGE(!resolver().resolve_best(s), s);
  CHECK(resolver().resolve("banana smoothie").empty());
}

TEST_CASE("Resolver resolve_batch equals resolve_best one by one") {
  const std::vector<std::string_view> texts = {"Python", "excel", "AWS", "Pyhton", "banana", "", "Delphi",
                                               "\xE6\xA9\x9F\xE6\xA2\xB0\xE5\xAD\xA6\xE7\xBF\x92", "c#", "Kobernetis",
                                               "SQL", "k8s", "qwertyuiop", "node js"};
  const auto batch = resolver().resolve_batch(texts);
  REQUIRE(batch.size() == texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const auto one = resolver().resolve_best(texts[i]);
    REQUIRE(one.has_value() == batch[i].has_value());
    if (one) {
      CHECK(one->concept_index == batch[i]->concept_index);
      CHECK(one->confidence == batch[i]->confidence);
      CHECK(one->method == batch[i]->method);
    }
  }
  CHECK(resolver().resolve_batch({}).empty());
}

TEST_CASE("Resolver survives ill-formed UTF-8") {
  CHECK(best_id(std::string_view("Pyt\xFFhon", 7)) == "t:python");  // the bad byte separates, the key joins
  CHECK(best_id(std::string_view("\xE3\x81", 2)) == "<none>");
  std::mt19937 rng(11);
  std::uniform_int_distribution<int> byte(0, 255), len(0, 24);
  for (int i = 0; i < 2000; ++i) {
    std::string s(static_cast<std::size_t>(len(rng)), '\0');
    for (auto& c : s) c = static_cast<char>(byte(rng));
    CHECK_NOTHROW((void)resolver().resolve(s));
  }
}

TEST_CASE("Resolver rejects bad arguments with clear errors") {
  CHECK_THROWS_AS(Resolver(nullptr), Error);
  ResolveOptions bad;
  bad.min_confidence = std::numeric_limits<float>::quiet_NaN();
  try {
    (void)resolver().resolve("Python", bad);
    FAIL("expected an Error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::invalid_argument);
    CHECK(std::string(e.what()).find("min_confidence") != std::string::npos);
  }
  bad.min_confidence = 1.5f;
  CHECK_THROWS_AS((void)resolver().resolve_best("Python", bad), Error);
}

TEST_CASE("Resolver is safe to share between threads, including the lazy fuzzy index") {
  const Resolver r(small_taxonomy());  // a fresh one, so the fuzzy index is built under contention
  const std::vector<std::string> texts = {"Pyhton", "Kobernetis", "excel", "AWS", "Photshop", "banana smoothie"};
  std::vector<std::vector<std::string>> seen(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < seen.size(); ++t)
    threads.emplace_back([&, t] {
      for (int round = 0; round < 50; ++round)
        for (const auto& s : texts) {
          auto m = r.resolve_best(s);
          if (round == 0) seen[t].push_back(m ? std::string(r.taxonomy().id(m->concept_index)) : "<none>");
        }
    });
  for (auto& th : threads) th.join();
  const std::vector<std::string> expected = {"t:python", "t:k8s", "t:excel", "t:aws", "t:photoshop", "<none>"};
  for (const auto& s : seen) CHECK(s == expected);
  CHECK(r.taxonomy_ptr().get() == &r.taxonomy());
  CHECK(std::string(to_string(MatchMethod::vendor_dropped)) == "vendor_dropped");
}
