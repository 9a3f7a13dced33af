// Japanese resolution quality on the bundled taxonomy, measured on the evaluation lists in
// benchmarks/quality/resolver/japanese_{dev,test}.tsv (written independently of the glossary: variant
// spellings, half-/full-width, long-vowel variants, compounds, mixed Latin). An item counts when the
// Japanese input resolves to the concept its expected English name resolves to (or to the expected
// id); items whose English name the taxonomy does not know are reported apart, not counted. Tuned on
// dev only; the test split is only reported. Until `skillmatch evaluate-resolver` exists, this is the
// measurement (run: build/tests/skillmatch_tests -tc="*Japanese resolution*" -s).
#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <vector>

#include "skillmatch/display_label.hpp"
#include "skillmatch/resolver.hpp"
#include "skillmatch/taxonomy_io.hpp"

using namespace skillmatch;

namespace {

struct Score {
  std::size_t items = 0, agree = 0, english_unknown = 0;
  double accuracy() const { return items ? static_cast<double>(agree) / static_cast<double>(items) : 0; }
};

Score evaluate(const Resolver& r, const std::string& path) {
  std::ifstream in(path);
  REQUIRE_MESSAGE(in, path);
  Score s;
  std::string line;
  std::size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    const auto t1 = line.find('\t');
    const auto t2 = line.find('\t', t1 + 1);
    REQUIRE_MESSAGE((t1 != std::string::npos && t2 != std::string::npos), path << ":" << line_no);
    const std::string input = line.substr(0, t1), expected = line.substr(t1 + 1, t2 - t1 - 1);
    CHECK_MESSAGE(line.substr(t2 + 1) == "japanese", path << ":" << line_no);
    std::optional<ConceptIndex> want;
    if (expected.starts_with("=")) {
      if (auto m = r.resolve_best(expected.substr(1))) want = m->concept_index;
    } else {
      want = r.taxonomy().find(expected);
    }
    if (!want) {
      ++s.english_unknown;
      MESSAGE("english unknown: " << input << " (" << expected << ")");
      continue;
    }
    ++s.items;
    const auto got = r.resolve_best(input);
    if (got && got->concept_index == *want) {
      ++s.agree;
    } else {
      MESSAGE("miss: " << input << " -> " << (got ? std::string(r.taxonomy().preferred_label(got->concept_index)) : "<none>")
                       << ", want " << r.taxonomy().preferred_label(*want) << " (" << expected << ")");
    }
  }
  return s;
}

}  // namespace

TEST_CASE("Japanese resolution on the dev and test lists (bundled taxonomy)") {
  Resolver r(bundled_taxonomy());
  const std::string dir = SKILLMATCH_SOURCE_DIR "/benchmarks/quality/resolver/";
  const Score dev = evaluate(r, dir + "japanese_dev.tsv");
  const Score test = evaluate(r, dir + "japanese_test.tsv");
  MESSAGE("japanese dev: " << dev.agree << "/" << dev.items << " = " << dev.accuracy() << " (English name unknown: "
                           << dev.english_unknown << ")");
  MESSAGE("japanese test: " << test.agree << "/" << test.items << " = " << test.accuracy() << " (English name unknown: "
                            << test.english_unknown << ")");
  CHECK(dev.items + test.items >= 200);
  CHECK(dev.accuracy() >= 0.95);
  CHECK(test.accuracy() >= 0.90);  // the target on held-out terms
}

TEST_CASE("Japanese queries see Japanese labels") {
  auto t = bundled_taxonomy();
  Resolver r(t);
  const ConceptIndex ml = r.resolve_best("機械学習")->concept_index;
  CHECK(is_japanese_text("機械学習"));
  CHECK(is_japanese_text("ｸﾗｳﾄﾞ"));
  CHECK(is_japanese_text("AWS環境構築"));
  CHECK_FALSE(is_japanese_text("machine learning"));
  CHECK_FALSE(is_japanese_text("اردو"));
  CHECK(display_label(*t, ml, "ja") == "機械学習");
  CHECK(label_for_query(*t, ml, "マシンラーニング") == "機械学習");
  CHECK(label_for_query(*t, ml, "machine learning") == t->preferred_label(ml));
  // A concept without a Japanese label falls back to its preferred label.
  const ConceptIndex plain = r.resolve_best("principles of artificial intelligence")->concept_index;
  CHECK(display_label(*t, plain, "ja") == t->preferred_label(plain));
}
