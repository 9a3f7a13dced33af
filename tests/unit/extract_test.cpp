// The extractor on real sentences (English and Japanese), ambiguous names with and without context,
// requirement cues, offsets, and hostile input.
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "skillmatch/engine.hpp"
#include "skillmatch/extract.hpp"
#include "skillmatch/profile_json.hpp"
#include "skillmatch/taxonomy_io.hpp"
#include "test_support.hpp"

namespace skillmatch {
namespace {

const Extractor& extractor() {
  static const Extractor ex(std::make_shared<const Resolver>(bundled_taxonomy()));
  return ex;
}

std::vector<std::string> labels_of(std::string_view text, const ExtractOptions& o = {}) {
  std::vector<std::string> out;
  for (const Mention& m : extractor().extract(text, o))
    out.emplace_back(extractor().taxonomy().preferred_label(m.concept_index));
  return out;
}

// The mention written `text` (a copy), or a failed check and an empty mention.
Mention get(const std::vector<Mention>& ms, std::string_view text) {
  for (const Mention& m : ms)
    if (m.text == text) return m;
  FAIL_CHECK("no mention '" << std::string(text) << "'");
  return Mention{};
}

bool has(const std::vector<std::string>& v, std::string_view s) { return std::find(v.begin(), v.end(), s) != v.end(); }

const Mention* find_text(const std::vector<Mention>& ms, std::string_view text) {
  for (const Mention& m : ms)
    if (m.text == text) return &m;
  return nullptr;
}

}  // namespace

TEST_CASE("extract: an English posting sentence gives its technologies with byte and code-point offsets") {
  const std::string text = "We are looking for a backend engineer with Python, Django and PostgreSQL experience.";
  const auto ms = extractor().extract(text);
  const Mention py = get(ms, "Python");
  CHECK(extractor().taxonomy().preferred_label(py.concept_index) == "Python");
  CHECK(text.substr(py.begin, py.end - py.begin) == "Python");
  CHECK(py.cp_begin == py.begin);  // ASCII: code points = bytes
  CHECK(find_text(ms, "Django") != nullptr);
  CHECK(find_text(ms, "PostgreSQL") != nullptr);
  // Mentions are in text order and never overlap.
  for (std::size_t i = 1; i < ms.size(); ++i) CHECK(ms[i - 1].end <= ms[i].begin);
}

TEST_CASE("extract: longest match wins over its parts") {
  const auto ms = extractor().extract("Experience with Spring Boot and machine learning is required.");
  CHECK(find_text(ms, "Spring Boot") != nullptr);
  CHECK(find_text(ms, "Spring") == nullptr);
  CHECK(find_text(ms, "machine learning") != nullptr);
  CHECK(find_text(ms, "learning") == nullptr);
}

TEST_CASE("extract: Japanese posting text, mixed with Latin names, code-point offsets") {
  const std::string text = "PythonとPyTorchを用いたモデル開発経験3年以上（必須）";
  const auto ms = extractor().extract(text);
  const Mention torch = get(ms, "PyTorch");
  CHECK(torch.cp_begin == 7);  // "Python" (6) + "と" (1)
  CHECK(torch.cp_end == 14);
  CHECK(torch.begin == 9);     // と is 3 bytes
  CHECK(torch.requirement == Requirement::must);
  CHECK(torch.years == 3.0f);
  const auto labels = labels_of("機械学習エンジニアとして自然言語処理の研究開発に従事していただきます");
  CHECK(has(labels, "machine learning"));
  CHECK(has(labels, "natural language processing"));
}

TEST_CASE("extract: ambiguous names need context") {
  // Without context: the ordinary words.
  CHECK(labels_of("Let's go for a walk in the spring.").empty());
  CHECK(labels_of("I go to work by car.").empty());
  CHECK(!has(labels_of("He is a fast swift runner and likes rust on old cars"), "Swift"));
  // Lower-case ordinary words stay words even next to real skills.
  CHECK(!has(labels_of("We use Python and you will go far."), "Go"));
  // With context: a list of skills, a skills header, a name cue, a Japanese sentence.
  const auto list = extractor().extract("Backend services in Python, Go and Rust on Kubernetes.");
  const Mention go = get(list, "Go");
  CHECK(go.ambiguous);
  CHECK(test::contains(go.evidence, "list"));
  CHECK(find_text(list, "Rust") != nullptr);
  CHECK(find_text(extractor().extract("Skills: Excel, Word, PowerPoint"), "Excel") != nullptr);
  CHECK(has(labels_of("Go言語でのマイクロサービス開発経験"), "Go"));  // the glossary has Go言語 itself
  CHECK(has(labels_of("Goでのマイクロサービス開発経験"), "Go"));
  CHECK(find_text(extractor().extract("Unityを用いたゲーム開発経験"), "Unity") != nullptr);
  // "R&D" is no list of the languages R and D.
  CHECK(labels_of("Our R&D department is growing.").empty());
  // Option: ambiguous names never.
  ExtractOptions strict;
  strict.ambiguous_with_context = false;
  CHECK(find_text(extractor().extract("Backend services in Python, Go and Rust.", strict), "Go") == nullptr);
  CHECK(extractor().is_ambiguous_key("go"));
  CHECK(!extractor().is_ambiguous_key("kubernetes"));
}

TEST_CASE("extract: requirement and years cues") {
  const auto en = extractor().extract("5+ years of Java required. Knowledge of Docker is a plus.");
  const Mention java = get(en, "Java");
  CHECK(java.requirement == Requirement::must);
  CHECK(java.years == 5.0f);
  const Mention docker = get(en, "Docker");
  CHECK(docker.requirement == Requirement::nice);
  CHECK(docker.years == 0.0f);
  const auto ja = extractor().extract("【必須】Linuxサーバの構築経験\n【歓迎】AWSでの運用経験2年以上");
    CHECK(get(ja, "Linuxサーバ").requirement == Requirement::must);  // glossary label Linuxサーバー
    CHECK(get(ja, "AWS").requirement == Requirement::nice);
  CHECK(get(ja, "AWS").years == 2.0f);
  // A header applies to the lines after it.
  const auto hdr = extractor().extract("Nice to have:\n- Terraform\n- Kubernetes\nBenefits:\n- Python lunch club");
    CHECK(get(hdr, "Terraform").requirement == Requirement::nice);
  const Mention k8s = get(hdr, "Kubernetes");
  CHECK(k8s.requirement == Requirement::nice);
    CHECK(get(hdr, "Python").requirement == Requirement::unstated);
  // A CV states years too.
  const auto cv = extractor().extract("Software engineer with 3 years of experience in C++ and Qt.");
    CHECK(get(cv, "C++").years == 3.0f);
}

TEST_CASE("extract: C, C++ and C# are told apart") {
  const auto ms = extractor().extract("Languages: C++, C# and Java.");
      CHECK(get(ms, "C++").concept_index != get(ms, "C#").concept_index);
}

TEST_CASE("extract: bad input gives no crash, a clear error or no mentions") {
  // Ill-formed UTF-8 around a name: the name is still found, offsets index the caller's bytes.
  const std::string broken = "Python\xFF\xFE and \xC3( Docker \xE3\x81";
  const auto ms = extractor().extract(broken);
    CHECK(broken.substr(get(ms, "Docker").begin, 6) == "Docker");
  CHECK(find_text(ms, "Python") != nullptr);
  // Each ill-formed byte counts one code point; no mention spans ill-formed bytes or a clause break.
  const auto lead = extractor().extract("\xFF\x80Python");
  CHECK(get(lead, "Python").cp_begin == 2);
  CHECK(get(lead, "Python").begin == 2);
  for (const Mention& m : extractor().extract("machine\xFFlearning and machine. Learning"))
    CHECK(m.text.find_first_of("\xFF.") == std::string::npos);
  CHECK(find_text(extractor().extract("deep learning and machine learning"), "machine learning") != nullptr);
  // Only punctuation, empty text, NUL and binary bytes.
  CHECK(extractor().extract("!!! ... ,,, ??? ---").empty());
  CHECK(extractor().extract("").empty());
  std::string binary;
  for (int i = 0; i < 4096; ++i) binary += static_cast<char>((i * 7919) & 0xFF);
  CHECK_NOTHROW((void)extractor().extract(binary));
  CHECK(extractor().extract(std::string(1000, '\0')).empty());
  // A 20 MB line: extracted (the default limit is 64 MB); a smaller limit refuses it by size.
  std::string big;
  big.reserve(20u << 20);
  while (big.size() < (20u << 20)) big += "Experienced with Kubernetes and Terraform. ";
  const auto many = extractor().extract(big);
  CHECK(many.size() > 100000 - 1);  // capped at max_mentions
  ExtractOptions small;
  small.max_bytes = 1 << 20;
  CHECK(test::contains(test::error_of([&] { (void)extractor().extract(big, small); }, ErrorCode::invalid_argument),
                       "bytes is longer than max_bytes"));
  ExtractOptions bad;
  bad.min_confidence = 2;
  CHECK(test::contains(test::error_of([&] { (void)extractor().extract("Python", bad); }, ErrorCode::invalid_argument),
                       "min_confidence"));
}

TEST_CASE("extract: concurrent extraction gives the same mentions") {
  const std::string text = "Pythonエンジニア募集。Go, Rust and Kubernetes; AWS歓迎。";
  const auto expected = extractor().extract(text);
  std::vector<std::thread> threads;
  std::vector<std::size_t> counts(4);
  for (std::size_t t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) counts[t] += extractor().extract(text).size() == expected.size();
    });
  for (auto& th : threads) th.join();
  for (std::size_t c : counts) CHECK(c == 50);
}

TEST_CASE("profile_from_text: one skill per concept, must-haves required, years kept") {
  const auto tp = profile_from_text(extractor(), "J1",
                                    "必須: Python 3年以上。Python and Django experience; Docker is a plus.");
  CHECK(tp.profile.id == "J1");
  auto it = std::find_if(tp.profile.skills.begin(), tp.profile.skills.end(), [](const ProfileSkill& s) { return s.text == "Python"; });
  REQUIRE(it != tp.profile.skills.end());
  CHECK(it->required);
  CHECK(it->years == 3.0f);
  CHECK(std::count_if(tp.profile.skills.begin(), tp.profile.skills.end(), [&](const ProfileSkill& s) { return s.concept_index == it->concept_index; }) == 1);
  CHECK(tp.mentions.size() >= 3);
  CHECK(test::contains(test::error_of([&] { (void)profile_from_text(extractor(), "", "Python"); }, ErrorCode::invalid_argument), "empty id"));
}

TEST_CASE("extract: the matcher reports its size") {
  const ExtractorStats st = extractor().stats();
  CHECK(st.keys > 30000);
  CHECK(st.nodes > st.keys);
  CHECK(st.memory_bytes > 1000000);
  CHECK(st.ambiguous > 50);
}

}  // namespace skillmatch

namespace skillmatch {
namespace {

std::shared_ptr<const Taxonomy> tiny_taxonomy() {
  TaxonomyBuilder b;
  b.add_concept("t:python", ConceptKind::technology, "Python");
  b.add_concept("t:pytorch", ConceptKind::technology, "PyTorch");
  b.add_concept("t:docker", ConceptKind::technology, "Docker");
  b.add_concept("k:ml", ConceptKind::knowledge, "machine learning");
  b.add_label("k:ml", "機械学習", "ja", LabelKind::alternative);
  return b.build();
}

Engine tiny_engine() {
  EngineOptions o;
  o.taxonomy = tiny_taxonomy();
  o.external_vectors = true;
  o.dimension = 4;
  o.threads = 1;
  return Engine(std::move(o));
}

}  // namespace

TEST_CASE("Engine::parse_text_profile and JSON profiles with \"text\"") {
  const Engine engine = tiny_engine();
  const TextProfile tp = engine.parse_text_profile("J1", "PythonとPyTorchを用いた機械学習モデル開発経験3年以上（必須）。Docker歓迎。");
  REQUIRE(tp.profile.skills.size() == 4);
  CHECK(tp.mentions.size() == 4);
  for (const ProfileSkill& s : tp.profile.skills) {
    const std::string_view id = engine.taxonomy().id(s.concept_index);
    CHECK(s.required == (id != "t:docker"));
    CHECK(s.years == (id != "t:docker" ? 3.0f : 0.0f));
  }
  // The mention offsets say where in the posting each skill was met.
  CHECK(tp.mentions[1].text == "PyTorch");
  CHECK(tp.mentions[1].cp_begin == 7);
  CHECK(tp.mentions[1].cp_end == 14);

  const Profile p = engine.parse_profile(R"({"id": "J2", "text": "Docker and Python, 2+ years required", "vector": [1, 0, 0, 0]})");
  REQUIRE(p.skills.size() == 2);
  CHECK(p.skills[1].required);
  CHECK(p.skills[1].years == 2.0f);
  // Without an extractor the free parser says what is missing.
  const Resolver resolver(tiny_taxonomy());
  CHECK(test::contains(test::error_of([&] { (void)parse_profile_json(R"({"id": "J3", "text": "Python"})", resolver, "jobs.jsonl:3"); },
                                      ErrorCode::invalid_argument),
                       "needs an extractor"));
  CHECK(test::contains(test::error_of([&] { (void)engine.parse_profile(R"({"id": "J4", "text": 7})"); }), "\"text\" must be a string"));
}

TEST_CASE("Engine::parse_profiles_jsonl reads \"text\" lines as parse_profile does") {
  // The C ABI's skm_engine_upsert_json sends JSONL here, with the engine's parsing options (no
  // extractor of their own): the lines with prose must still be extracted, not rejected.
  const Engine engine = tiny_engine();
  const std::string jsonl = R"({"id": "J1", "text": "Docker and Python, 2+ years required", "vector": [1, 0, 0, 0]})"
                            "\n"
                            R"({"id": "J2", "skills": ["Python"], "vector": [0, 1, 0, 0]})"
                            "\n";
  ProfileParseOptions plain;  // as the C ABI passes them
  const auto profiles = engine.parse_profiles_jsonl(jsonl, "jobs.jsonl", &plain);
  REQUIRE(profiles.size() == 2);
  const Profile one = engine.parse_profile(R"({"id": "J1", "text": "Docker and Python, 2+ years required", "vector": [1, 0, 0, 0]})");
  REQUIRE(profiles[0].skills.size() == one.skills.size());
  for (std::size_t i = 0; i < one.skills.size(); ++i) {
    CHECK(profiles[0].skills[i].concept_index == one.skills[i].concept_index);
    CHECK(profiles[0].skills[i].required == one.skills[i].required);
  }
  CHECK(profiles[1].skills.size() == 1);
}

}  // namespace skillmatch
