// Tests of compound resolution (compound.hpp): ICU word splitting with byte offsets, the greedy
// longest-run cover, the Resolver fallback (method compound, lower confidence), and bad input.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "skillmatch/compound.hpp"

using namespace skillmatch;

namespace {

std::shared_ptr<const Taxonomy> compound_taxonomy() {
  TaxonomyBuilder b;
  b.add_concept("k:ml", ConceptKind::knowledge, "machine learning");
  b.add_label("k:ml", "機械学習", "ja", LabelKind::alternative);
  b.add_concept("o:engineer", ConceptKind::occupation, "engineer");
  b.add_label("o:engineer", "エンジニア", "ja", LabelKind::alternative);
  b.add_concept("t:python", ConceptKind::technology, "Python");
  b.add_concept("t:aws", ConceptKind::technology, "AWS");
  b.add_concept("s:infra", ConceptKind::skill, "infrastructure construction");
  b.add_label("s:infra", "環境構築", "ja", LabelKind::alternative);
  b.add_concept("s:dev", ConceptKind::skill, "software development");
  b.add_label("s:dev", "開発", "ja", LabelKind::alternative);
  b.add_concept("s:webapp", ConceptKind::skill, "web application");
  b.add_label("s:webapp", "Webアプリケーション", "ja", LabelKind::alternative);
  return b.build();
}

std::string texts(const std::vector<CompoundPart>& parts) {
  std::string out;
  for (const auto& p : parts) out += std::string(p.text) + "|";
  return out;
}

}  // namespace

TEST_CASE("split_words splits Japanese compounds at word boundaries with byte offsets") {
  const std::string text = "Python開発経験";
  const auto words = split_words(text);
  REQUIRE(words.size() >= 2);
  CHECK(words[0].begin == 0);
  CHECK(words[0].end == 6);  // "Python"
  CHECK(text.substr(words[1].begin, 6) == "開発");
  CHECK(words.back().end == text.size());
  for (std::size_t i = 1; i < words.size(); ++i) CHECK(words[i].begin >= words[i - 1].end);

  // Separators are left out, offsets still index the caller's bytes.
  const std::string spaced = "AWS 環境構築";
  const auto w2 = split_words(spaced);
  REQUIRE(w2.size() >= 2);
  CHECK(spaced.substr(w2[0].begin, w2[0].end - w2[0].begin) == "AWS");
  CHECK(w2[1].begin == 4);
  CHECK(split_words("").empty());
  CHECK(split_words(" ・ 、").empty());
}

TEST_CASE("resolve_compound covers the text with the longest matching runs and reports them") {
  Resolver r(compound_taxonomy());
  const auto& t = r.taxonomy();
  {
    const std::string text = "機械学習エンジニア";
    const auto parts = resolve_compound(r, text);
    REQUIRE(parts.size() == 2);
    CHECK(parts[0].text == "機械学習");  // 機械 + 学習 joined: the longest run that matches
    CHECK(parts[0].begin == 0);
    CHECK(parts[0].end == 12);
    CHECK(t.id(parts[0].match.concept_index) == "k:ml");
    CHECK(parts[1].text == "エンジニア");
    CHECK(parts[1].begin == 12);
    CHECK(parts[1].end == text.size());
    CHECK(t.id(parts[1].match.concept_index) == "o:engineer");
  }
  {
    const auto parts = resolve_compound(r, "AWS環境構築");
    REQUIRE(parts.size() == 2);
    CHECK(texts(parts) == "AWS|環境構築|");
    CHECK(parts[1].begin == 3);
  }
  CHECK(texts(resolve_compound(r, "Python開発経験")) == "Python|開発|");  // 経験 matches nothing
  CHECK(texts(resolve_compound(r, "Webアプリケーション開発")) == "Webアプリケーション|開発|");
  // One word, or nothing that matches: no parts.
  CHECK(resolve_compound(r, "機械学習").empty());
  CHECK(resolve_compound(r, "経験豊富").empty());
}

TEST_CASE("Resolver falls back to compounds for non-ASCII text, below whole-text confidence") {
  Resolver r(compound_taxonomy());
  const auto& t = r.taxonomy();
  auto best = r.resolve_best("AWS環境構築");
  REQUIRE(best);
  CHECK(best->method == MatchMethod::compound);
  CHECK(std::string(to_string(best->method)) == "compound");
  CHECK(t.id(best->concept_index) == "t:aws");  // the product before the generic activity
  CHECK(best->confidence <= 0.8f);  // under every whole-text hit (normalised: 0.95)
  const auto all = r.resolve("AWS環境構築");
  REQUIRE(all.size() == 2);
  CHECK(t.id(all[1].concept_index) == "s:infra");
  CHECK(all[0].confidence >= all[1].confidence);

  CHECK(t.id(r.resolve_best("Python開発経験")->concept_index) == "t:python");
  CHECK(t.id(r.resolve_best("機械学習エンジニア")->concept_index) == "k:ml");  // the skill before the occupation
  // A whole-text hit is never replaced by compound readings.
  CHECK(r.resolve_best("機械学習")->method == MatchMethod::exact);

  ResolveOptions off;
  off.compounds = false;
  CHECK_FALSE(r.resolve_best("AWS環境構築", off));
  ResolveOptions only_skills;
  only_skills.kind = ConceptKind::skill;
  CHECK(t.id(r.resolve_best("AWS環境構築", only_skills)->concept_index) == "s:infra");
  // ASCII text never splits (English has spaces; "pythondevelopment" is no compound of ours).
  CHECK_FALSE(r.resolve_best("pythonaws"));
}

TEST_CASE("compound resolution survives bad input") {
  Resolver r(compound_taxonomy());
  CHECK(r.resolve(std::string_view("AWS\xFF環境構築", 16)).size() == 2);  // the bad byte separates
  CHECK(resolve_compound(r, std::string_view("\xE6\xA9", 2)).empty());  // truncated sequence
  std::string huge;
  while (huge.size() < (1u << 20)) huge += "AWS環境構築";
  CHECK(resolve_compound(r, huge).empty());  // over max_compound_bytes: not split
  CHECK(r.resolve(huge).empty());
  CHECK(r.resolve("").empty());
  CHECK(r.resolve("、。・").empty());
}
